using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.GcWasm;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>Structures and arrays (§4.4.2 aggregate instructions): packed storage, bounds, bulk operations.</summary>
public class GcAggregateTests
{
    private static readonly ValType I32T = ValType.I32;

    /// <summary>Type 0: a struct with one mutable packed field; type 1: [i32] -> [i32]. "get_s"/"get_u" store the argument and read it back.</summary>
    private static ModuleInstance PackedStruct(PackedType packed) => Instantiate(Module(
        [Struct(Packed(packed)), Func([I32T], [I32T])],
        [
            ("get_s", 1, [], [LocalGet(0), Index(Opcode.StructNew, 0), Pair(Opcode.StructGetS, 0, 0)]),
            ("get_u", 1, [], [LocalGet(0), Index(Opcode.StructNew, 0), Pair(Opcode.StructGetU, 0, 0)]),
            ("set_get_u", 1, [RefTo(0, nullable: true)], [
                Index(Opcode.StructNewDefault, 0), LocalTee(1), LocalGet(0), Pair(Opcode.StructSet, 0, 0),
                LocalGet(1), Pair(Opcode.StructGetU, 0, 0)]),
        ]));

    [Fact]
    public void Struct_get_s_of_an_i8_field_sign_extends_its_low_8_bits()
    {
        // 0x180 keeps 0x80 in 8 bits, which is -128 as a signed byte.
        Assert.Equal(Value.I32(-128), PackedStruct(PackedType.I8).Invoke("get_s", Value.I32(0x180))[0]);
    }

    [Fact]
    public void Struct_get_u_of_an_i8_field_zero_extends_its_low_8_bits()
    {
        Assert.Equal(Value.I32(0x80), PackedStruct(PackedType.I8).Invoke("get_u", Value.I32(0x180))[0]);
    }

    [Fact]
    public void Struct_get_s_of_an_i16_field_sign_extends_its_low_16_bits()
    {
        // 0x18001 keeps 0x8001 = 32769 in 16 bits, which is 32769 - 65536 signed.
        Assert.Equal(Value.I32(32769 - 65536), PackedStruct(PackedType.I16).Invoke("get_s", Value.I32(0x18001))[0]);
    }

    [Fact]
    public void Struct_get_u_of_an_i16_field_zero_extends_its_low_16_bits()
    {
        Assert.Equal(Value.I32(0xFFFF), PackedStruct(PackedType.I16).Invoke("get_u", Value.I32(-1))[0]);
    }

    [Fact]
    public void Struct_set_of_an_i8_field_keeps_the_value_modulo_256()
    {
        Assert.Equal(Value.I32(300 - 256), PackedStruct(PackedType.I8).Invoke("set_get_u", Value.I32(300))[0]);
    }

    [Fact]
    public void Struct_set_on_null_traps_with_null_structure_reference()
    {
        var module = Module([Struct(Field(I32T)), Func([], [])],
            [("f", 1, [], [NullOf(0), I32(1), Pair(Opcode.StructSet, 0, 0)])]);
        var ex = Assert.Throws<TrapException>(() => Instantiate(module).Invoke("f"));
        Assert.Equal(TrapKind.NullStructureReference, ex.Kind);
    }

    [Fact]
    public void Struct_new_keeps_i64_f64_and_reference_fields()
    {
        // (struct i64 f64 anyref) built from constants; the i31 field reads back as the same i31.
        var module = Module([Struct(Field(ValType.I64), Field(ValType.F64), Field(Ref(HeapKind.Any))), Func([], [RefTo(0)])],
            [("f", 1, [], [I64(-2), new F64ConstInstruction(0x4000_0000_0000_0000), I32(9), Op(Opcode.RefI31), Index(Opcode.StructNew, 0)])]);
        var s = Assert.IsType<StructInstance>(Instantiate(module).Invoke("f")[0].Reference);
        Assert.Equal(Value.I64(-2), s.Field(0));
        Assert.Equal(Value.F64(2.0), s.Field(1));
        Assert.Equal(9, Assert.IsType<I31Reference>(s.Field(2).Reference).GetU());
    }

    [Fact]
    public void Struct_set_and_get_of_a_v128_field_after_an_i32_field_keep_both_halves()
    {
        // (struct (mut i32) (mut v128)): the v128 field takes cells 1 and 2.
        var module = Module([Struct(Field(I32T), Field(ValType.V128)), Func([], [ValType.V128])],
            [("f", 1, [RefTo(0, nullable: true)], [
                I32(1), new V128ConstInstruction(1, 2), Index(Opcode.StructNew, 0), LocalTee(0),
                new V128ConstInstruction(0xAAAA, 0xBBBB), Pair(Opcode.StructSet, 0, 1),
                LocalGet(0), Pair(Opcode.StructGet, 0, 1)])]);
        Assert.Equal(Value.V128(0xAAAA, 0xBBBB), Instantiate(module).Invoke("f")[0]);
    }

    /// <summary>Type 0: (array (mut i8)); type 1: [i32 i32] -> [i32]: a 3-element array of the first argument, read at the second.</summary>
    private static ModuleInstance ByteArray() => Instantiate(Module(
        [Array(Packed(PackedType.I8)), Func([I32T, I32T], [I32T])],
        [
            ("get_s", 1, [], [LocalGet(0), I32(3), Index(Opcode.ArrayNew, 0), LocalGet(1), Index(Opcode.ArrayGetS, 0)]),
            ("get_u", 1, [], [LocalGet(0), I32(3), Index(Opcode.ArrayNew, 0), LocalGet(1), Index(Opcode.ArrayGetU, 0)]),
        ]));

    [Fact]
    public void Array_get_s_of_an_i8_element_sign_extends()
    {
        Assert.Equal(Value.I32(-1), ByteArray().Invoke("get_s", Value.I32(0xFF), Value.I32(2))[0]);
    }

    [Fact]
    public void Array_get_u_of_an_i8_element_zero_extends()
    {
        Assert.Equal(Value.I32(0xFF), ByteArray().Invoke("get_u", Value.I32(-1), Value.I32(0))[0]);
    }

    [Fact]
    public void Array_get_at_the_length_traps_with_out_of_bounds_array_access()
    {
        var ex = Assert.Throws<TrapException>(() => ByteArray().Invoke("get_u", Value.I32(1), Value.I32(3)));
        Assert.Equal(TrapKind.OutOfBoundsArrayAccess, ex.Kind);
        Assert.Equal("out of bounds array access", ex.Message);
    }

    [Fact]
    public void Array_get_at_an_index_with_the_top_bit_set_is_out_of_bounds_not_negative()
    {
        var ex = Assert.Throws<TrapException>(() => ByteArray().Invoke("get_u", Value.I32(1), Value.I32(int.MinValue)));
        Assert.Equal(TrapKind.OutOfBoundsArrayAccess, ex.Kind);
    }

    /// <summary>
    /// Type 0: (array (mut i32)); type 1: [i32 i32 i32] -> [(ref null 0)]. "copy" builds [0..7]
    /// and runs array.copy within it (dest, source, count); "fill" fills with 9 (dest, count, unused).
    /// </summary>
    private static ModuleInstance Eight() => Instantiate(Module(
        [Array(Field(I32T)), Func([I32T, I32T, I32T], [RefTo(0, nullable: true)])],
        [
            ("copy", 1, [RefTo(0, nullable: true)], [
                .. ZeroToSeven(), LocalSet(3),
                LocalGet(3), LocalGet(0), LocalGet(3), LocalGet(1), LocalGet(2), Pair(Opcode.ArrayCopy, 0, 0),
                LocalGet(3)]),
            ("fill", 1, [RefTo(0, nullable: true)], [
                .. ZeroToSeven(), LocalSet(3),
                LocalGet(3), LocalGet(0), I32(9), LocalGet(1), Index(Opcode.ArrayFill, 0),
                LocalGet(3)]),
        ]));

    private static Instruction[] ZeroToSeven() =>
        [.. Enumerable.Range(0, 8).Select(I32), Pair(Opcode.ArrayNewFixed, 0, 8)];

    private static int[] Elements(Value array)
    {
        var a = Assert.IsType<ArrayInstance>(array.Reference);
        return [.. Enumerable.Range(0, a.Length).Select(i => a.Element(i).AsI32)];
    }

    [Fact]
    public void Array_copy_to_a_higher_overlapping_range_copies_the_original_elements()
    {
        // dest [2, 7) takes the old [0, 5) = 0 1 2 3 4.
        var result = Eight().Invoke("copy", Value.I32(2), Value.I32(0), Value.I32(5))[0];
        Assert.Equal([0, 1, 0, 1, 2, 3, 4, 7], Elements(result));
    }

    [Fact]
    public void Array_copy_to_a_lower_overlapping_range_copies_the_original_elements()
    {
        // dest [0, 5) takes the old [2, 7) = 2 3 4 5 6.
        var result = Eight().Invoke("copy", Value.I32(0), Value.I32(2), Value.I32(5))[0];
        Assert.Equal([2, 3, 4, 5, 6, 5, 6, 7], Elements(result));
    }

    [Fact]
    public void Array_copy_of_nothing_at_the_end_is_in_bounds()
    {
        var result = Eight().Invoke("copy", Value.I32(8), Value.I32(8), Value.I32(0))[0];
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], Elements(result));
    }

    [Fact]
    public void Array_copy_of_nothing_beyond_the_end_traps()
    {
        var ex = Assert.Throws<TrapException>(() => Eight().Invoke("copy", Value.I32(0), Value.I32(9), Value.I32(0)));
        Assert.Equal(TrapKind.OutOfBoundsArrayAccess, ex.Kind);
    }

    [Fact]
    public void Array_fill_writes_the_range_only()
    {
        var result = Eight().Invoke("fill", Value.I32(6), Value.I32(2), Value.I32(0))[0];
        Assert.Equal([0, 1, 2, 3, 4, 5, 9, 9], Elements(result));
    }

    [Fact]
    public void Array_fill_past_the_end_traps()
    {
        var ex = Assert.Throws<TrapException>(() => Eight().Invoke("fill", Value.I32(6), Value.I32(3), Value.I32(0)));
        Assert.Equal(TrapKind.OutOfBoundsArrayAccess, ex.Kind);
    }

    [Fact]
    public void Array_len_of_null_traps_with_null_array_reference()
    {
        var module = Module([Array(Field(I32T)), Func([], [I32T])],
            [("f", 1, [], [NullOf(0), Op(Opcode.ArrayLen)])]);
        var ex = Assert.Throws<TrapException>(() => Instantiate(module).Invoke("f"));
        Assert.Equal(TrapKind.NullArrayReference, ex.Kind);
    }

    /// <summary>Type 0: (array i16); type 1: [i32 i32] -> [(ref 0)]: array.new_data from the 5-byte segment 01 02 03 04 05 (offset, count).</summary>
    private static ModuleInstance ShortsFromData() => Instantiate(Module(
        [Array(Packed(PackedType.I16, mutable: false)), Func([I32T, I32T], [RefTo(0)])],
        [("new", 1, [], [LocalGet(0), LocalGet(1), Pair(Opcode.ArrayNewData, 0, 0)])],
        data: [0x01, 0x02, 0x03, 0x04, 0x05]));

    [Fact]
    public void Array_new_data_reads_little_endian_elements_of_the_storage_size()
    {
        // Bytes 1..4 are 02 03 | 04 05: the i16 elements 0x0302 and 0x0504.
        var result = ShortsFromData().Invoke("new", Value.I32(1), Value.I32(2))[0];
        Assert.Equal([0x0302, 0x0504], Elements(result));
    }

    [Fact]
    public void Array_new_data_beyond_the_segment_traps_with_out_of_bounds_memory_access()
    {
        // Three i16 elements need 6 bytes; the segment has 5.
        var ex = Assert.Throws<TrapException>(() => ShortsFromData().Invoke("new", Value.I32(0), Value.I32(3)));
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, ex.Kind);
    }

    [Fact]
    public void Array_of_v128_elements_keeps_both_halves()
    {
        var module = Module([Array(Field(ValType.V128)), Func([], [ValType.V128])],
            [("f", 1, [], [
                new V128ConstInstruction(0x1111_2222_3333_4444, 0x5555_6666_7777_8888), I32(2), Index(Opcode.ArrayNew, 0),
                I32(1), Index(Opcode.ArrayGet, 0)])]);
        Assert.Equal(Value.V128(0x1111_2222_3333_4444, 0x5555_6666_7777_8888), Instantiate(module).Invoke("f")[0]);
    }
}
