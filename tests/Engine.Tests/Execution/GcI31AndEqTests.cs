using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.GcWasm;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>ref.i31, i31.get_s/u, ref.eq and the extern conversions (§4.4.2).</summary>
public class GcI31AndEqTests
{
    private static readonly ValType I32T = ValType.I32;

    // Types: 0 [i32] -> [i32]; 1 [i32 i32] -> [i32]; 2 (struct); 3 [] -> [i32];
    // 4 [externref] -> [anyref]; 5 [anyref] -> [i32].
    private static readonly ModuleInstance Instance = Instantiate(Module(
        [
            Func([I32T], [I32T]), Func([I32T, I32T], [I32T]), Struct(), Func([], [I32T]),
            Func([ValType.ExternRef], [Ref(HeapKind.Any)]), Func([Ref(HeapKind.Any)], [I32T]),
        ],
        [
            ("get_u", 0, [], [LocalGet(0), Op(Opcode.RefI31), Op(Opcode.I31GetU)]),
            ("get_s", 0, [], [LocalGet(0), Op(Opcode.RefI31), Op(Opcode.I31GetS)]),
            ("eq i31", 1, [], [LocalGet(0), Op(Opcode.RefI31), LocalGet(1), Op(Opcode.RefI31), Op(Opcode.RefEq)]),
            ("get_u null", 3, [], [Null(HeapKind.I31), Op(Opcode.I31GetU)]),
            ("eq two structs", 3, [], [Index(Opcode.StructNewDefault, 2), Index(Opcode.StructNewDefault, 2), Op(Opcode.RefEq)]),
            ("eq same struct", 3, [RefTo(2, nullable: true)], [
                Index(Opcode.StructNewDefault, 2), LocalTee(0), LocalGet(0), Op(Opcode.RefEq)]),
            ("eq null null", 3, [], [Null(HeapKind.None), Null(HeapKind.Eq), Op(Opcode.RefEq)]),
            // A structure externalised and internalised again is the same structure.
            ("round trip", 3, [RefTo(2, nullable: true)], [
                Index(Opcode.StructNewDefault, 2), LocalTee(0), Op(Opcode.ExternConvertAny), Op(Opcode.AnyConvertExtern),
                Cast(RefT(HeapKind.Eq, nullable: true)), LocalGet(0), Op(Opcode.RefEq)]),
            ("internalize", 4, [], [LocalGet(0), Op(Opcode.AnyConvertExtern)]),
            ("test eq", 5, [], [LocalGet(0), Test(RefT(HeapKind.Eq))]),
            ("test any", 5, [], [LocalGet(0), Test(RefT(HeapKind.Any))]),
        ]));

    private static int Run(string function, params Value[] args) => Instance.Invoke(function, args)[0].AsI32;

    [Theory]
    // ref.i31 keeps the low 31 bits: bit 31 is dropped, so -1 becomes 2^31 - 1.
    [InlineData(5, 5), InlineData(int.MinValue | 5, 5), InlineData(-1, 0x7FFF_FFFF), InlineData(0x4000_0000, 0x4000_0000)]
    public void I31_get_u_returns_the_low_31_bits(int input, int expected)
    {
        Assert.Equal(expected, Run("get_u", Value.I32(input)));
    }

    [Theory]
    // i31.get_s extends bit 30: 0x4000_0000 is the most negative i31, -2^30.
    [InlineData(5, 5), InlineData(-1, -1), InlineData(0x4000_0000, -(1 << 30)), InlineData(int.MinValue, 0), InlineData(0x3FFF_FFFF, 0x3FFF_FFFF)]
    public void I31_get_s_sign_extends_from_bit_30(int input, int expected)
    {
        Assert.Equal(expected, Run("get_s", Value.I32(input)));
    }

    [Fact]
    public void I31_get_of_null_traps_with_null_i31_reference()
    {
        var ex = Assert.Throws<TrapException>(() => Instance.Invoke("get_u null"));
        Assert.Equal(TrapKind.NullI31Reference, ex.Kind);
    }

    [Theory]
    // Equal values are the same i31 reference, even when built separately or from i32s differing in bit 31.
    [InlineData(1_000_000, 1_000_000, 1), InlineData(1, int.MinValue | 1, 1), InlineData(1, 2, 0), InlineData(0, int.MinValue, 1)]
    public void Ref_eq_compares_i31_references_by_value(int a, int b, int expected)
    {
        Assert.Equal(expected, Run("eq i31", Value.I32(a), Value.I32(b)));
    }

    [Fact]
    public void Ref_eq_of_two_new_structures_is_0()
    {
        Assert.Equal(0, Run("eq two structs"));
    }

    [Fact]
    public void Ref_eq_of_a_structure_with_itself_is_1()
    {
        Assert.Equal(1, Run("eq same struct"));
    }

    [Fact]
    public void Ref_eq_of_two_nulls_is_1()
    {
        Assert.Equal(1, Run("eq null null"));
    }

    [Fact]
    public void Extern_convert_any_then_any_convert_extern_gives_back_the_same_reference()
    {
        Assert.Equal(1, Run("round trip"));
    }

    [Fact]
    public void Any_convert_extern_of_a_host_reference_is_a_non_eq_anyref()
    {
        var host = new HostReference(3);
        var internalized = Instance.Invoke("internalize", Value.Ref(HeapType.Extern, host))[0];
        Assert.Same(host, internalized.Reference);
        Assert.Equal(1, Run("test any", internalized));
        Assert.Equal(0, Run("test eq", internalized));
    }

    [Fact]
    public void I31_reference_prints_with_its_payload()
    {
        Assert.Equal("ref.i31 7", Value.Ref(new HeapType(HeapKind.I31), I31Reference.Of(7)).ToString());
    }

    [Theory]
    [InlineData(HeapKind.I31, true), InlineData(HeapKind.Eq, true), InlineData(HeapKind.Any, true),
     InlineData(HeapKind.Struct, false), InlineData(HeapKind.Array, false), InlineData(HeapKind.Func, false)]
    public void An_i31_reference_is_of_the_kinds_above_it(HeapKind kind, bool expected)
    {
        Assert.Equal(expected, RuntimeReferences.IsOfKind(I31Reference.Of(1), kind));
    }

    [Fact]
    public void A_numeric_global_set_where_a_reference_was_on_the_stack_reads_back_as_a_plain_number()
    {
        // (global (mut i32)) set to 5 right after an i31 reference was dropped from the same stack cell.
        var module = Module([Func([], [])], [("f", 0, [], [I32(1), Op(Opcode.RefI31), Op(Opcode.Drop), I32(5), Index(Opcode.GlobalSet, 0)])])
            with { Globals = [new Global(new GlobalType(I32T, true), [I32(0)])] };
        var instance = Instantiate(module);
        instance.Invoke("f");
        Assert.Equal(Value.I32(5), instance.Globals[0].Value);
    }
}
