using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.4.6 structures, arrays, i31 and casts.</summary>
public class AggregateTests
{
    private static readonly ValType[] None = [];

    /// <summary>Type 0 is <c>[] -> []</c>, then the given types; one function of type 0.</summary>
    private static Module WithTypes(RecType[] types, params Instruction[] body) => new()
    {
        Types = [FuncRec(None, None), .. types],
        Functions = [new Function(0, [], body)],
    };

    [Fact]
    public void Struct_set_on_immutable_field()
    {
        var m = WithTypes([StructRec(Field(ValType.I32))], RefNull(HeapType.Concrete(1)), I32(0), Pair(Opcode.StructSet, 1, 0));
        Invalid(m, "immutable field");
    }

    [Fact]
    public void Struct_get_of_unknown_field()
    {
        var m = WithTypes([StructRec(Field(ValType.I32))], RefNull(HeapType.Concrete(1)), Pair(Opcode.StructGet, 1, 2), Op(Opcode.Drop));
        Invalid(m, "unknown field 2");
    }

    [Fact]
    public void Struct_get_of_packed_field_needs_a_sign()
    {
        var m = WithTypes([StructRec(Packed(PackedType.I8))], RefNull(HeapType.Concrete(1)), Pair(Opcode.StructGet, 1, 0), Op(Opcode.Drop));
        Invalid(m, "field is packed");
    }

    [Fact]
    public void Struct_get_s_of_unpacked_field()
    {
        var m = WithTypes([StructRec(Field(ValType.I32))], RefNull(HeapType.Concrete(1)), Pair(Opcode.StructGetS, 1, 0), Op(Opcode.Drop));
        Invalid(m, "field is unpacked");
    }

    [Fact]
    public void Struct_new_on_an_array_type()
    {
        Invalid(WithTypes([ArrayRec(Field(ValType.I32))], Idx(Opcode.StructNew, 1), Op(Opcode.Drop)), "non-structure type 1");
    }

    [Fact]
    public void Struct_new_takes_the_unpacked_fields_in_order()
    {
        var m = WithTypes([StructRec(Packed(PackedType.I16), Field(ValType.F64))], I32(1), F64(2), Idx(Opcode.StructNew, 1), Op(Opcode.Drop));
        Valid(m);
    }

    [Fact]
    public void Struct_new_default_needs_defaultable_fields()
    {
        var m = WithTypes([StructRec(Field(Ref(false, HeapKind.Any)))], Idx(Opcode.StructNewDefault, 1), Op(Opcode.Drop));
        Invalid(m, "field type is not defaultable");
    }

    [Fact]
    public void Array_new_default_needs_a_defaultable_element()
    {
        var m = WithTypes([ArrayRec(Field(Ref(false, HeapKind.Any)))], I32(1), Idx(Opcode.ArrayNewDefault, 1), Op(Opcode.Drop));
        Invalid(m, "array type is not defaultable");
    }

    [Fact]
    public void Array_set_on_immutable_array()
    {
        var m = WithTypes([ArrayRec(Field(ValType.I32))], RefNull(HeapType.Concrete(1)), I32(0), I32(0), Idx(Opcode.ArraySet, 1));
        Invalid(m, "immutable array");
    }

    [Fact]
    public void Array_get_of_packed_array_needs_a_sign()
    {
        var m = WithTypes([ArrayRec(Packed(PackedType.I8))], RefNull(HeapType.Concrete(1)), I32(0), Idx(Opcode.ArrayGet, 1), Op(Opcode.Drop));
        Invalid(m, "array is packed");
    }

    [Fact]
    public void Array_copy_needs_matching_element_types()
    {
        var m = WithTypes([ArrayRec(Field(ValType.I32, true)), ArrayRec(Field(ValType.I64, true))],
            RefNull(HeapType.Concrete(1)), I32(0), RefNull(HeapType.Concrete(2)), I32(0), I32(0), Pair(Opcode.ArrayCopy, 1, 2));
        Invalid(m, "array types do not match");
    }

    [Fact]
    public void Array_new_data_needs_a_numeric_element()
    {
        var m = WithTypes([ArrayRec(Field(ValType.FuncRef))], I32(0), I32(0), Pair(Opcode.ArrayNewData, 1, 0), Op(Opcode.Drop))
            with { Datas = [new DataSegment(new byte[] { 0 }, SegmentMode.Passive)] };
        Invalid(m, "array type is not numeric or vector");
    }

    [Fact]
    public void Array_init_elem_needs_a_fitting_segment()
    {
        var m = WithTypes([ArrayRec(Field(ValType.I32, true))], RefNull(HeapType.Concrete(1)), I32(0), I32(0), I32(0), Pair(Opcode.ArrayInitElem, 1, 0))
            with { Elements = [new ElementSegment(RefType.FuncRef, [], SegmentMode.Passive)] };
        Invalid(m, "type mismatch: element segment's type (ref null func) does not match array's field type (mut i32)");
    }

    [Fact]
    public void Array_new_fixed_takes_its_count_of_operands()
    {
        var array = new[] { ArrayRec(Field(ValType.I32)) };
        Valid(WithTypes(array, I32(1), I32(2), I32(3), Pair(Opcode.ArrayNewFixed, 1, 3), Op(Opcode.Drop)));
        Invalid(WithTypes(array, I32(1), I32(2), Pair(Opcode.ArrayNewFixed, 1, 3), Op(Opcode.Drop)),
            "type mismatch: instruction requires [i32 i32 i32] but stack has [i32 i32]");
    }

    [Fact]
    public void Ref_cast_operand_must_be_in_the_same_hierarchy()
    {
        var m = Body(RefNull(HeapType.Extern), new RefTypeInstruction(Opcode.RefCast, new RefType(false, new HeapType(HeapKind.Struct))), Op(Opcode.Drop));
        Invalid(m, "type mismatch: instruction requires [(ref null any)] but stack has [(ref null extern)]");
    }

    [Fact]
    public void Ref_test_of_a_function_type_takes_a_funcref()
    {
        var m = Function(None, [ValType.I32], [], RefNull(HeapType.Func), new RefTypeInstruction(Opcode.RefTest, RefT(false, 0)));
        Valid(m);
    }

    [Fact]
    public void Br_on_cast_target_must_be_within_the_source()
    {
        var m = Body(Block(), RefNull(HeapType.Any), new BrOnCastInstruction(Opcode.BrOnCast, 0, RefType.AnyRef, RefType.ExternRef), Op(Opcode.Drop), End);
        Invalid(m, "type mismatch on cast: type (ref null extern) does not match (ref null any)");
    }

    [Fact]
    public void Br_on_cast_passes_the_target_type_to_its_label()
    {
        var i31 = new RefType(false, new HeapType(HeapKind.I31));
        var m = Function(None, [new ValType(i31)], [],
            Block(new ValType(i31)), RefNull(HeapType.Any), new BrOnCastInstruction(Opcode.BrOnCast, 0, RefType.AnyRef, i31),
            Op(Opcode.Drop), Op(Opcode.Unreachable), End);
        Valid(m);
    }

    [Fact]
    public void Br_on_cast_fail_passes_the_difference_to_its_label()
    {
        // Casting anyref to (ref null i31) fails only for non-null values: the label gets (ref any).
        var m = Function(None, [Ref(false, HeapKind.Any)], [],
            Block(Ref(false, HeapKind.Any)), RefNull(HeapType.Any),
            new BrOnCastInstruction(Opcode.BrOnCastFail, 0, RefType.AnyRef, new RefType(true, new HeapType(HeapKind.I31))),
            Op(Opcode.Drop), Op(Opcode.Unreachable), End);
        Valid(m);
    }

    [Fact]
    public void I31_round_trip()
    {
        Valid(Function(None, [ValType.I32], [], I32(5), Op(Opcode.RefI31), Op(Opcode.I31GetS)));
    }

    [Fact]
    public void Extern_conversion_keeps_nullability()
    {
        Valid(Function(None, [Ref(false, HeapKind.Any)], [], RefNull(HeapType.Extern), Op(Opcode.RefAsNonNull), Op(Opcode.AnyConvertExtern)));
        Invalid(Function(None, [Ref(false, HeapKind.Any)], [], RefNull(HeapType.Extern), Op(Opcode.AnyConvertExtern)),
            "type mismatch: instruction requires [(ref any)] but stack has [(ref null any)]");
    }
}
