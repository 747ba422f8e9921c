using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.4 operand typing, in the spec interpreter's words.</summary>
public class OperandStackTests
{
    [Fact]
    public void Binary_op_on_empty_stack_reports_both_operands()
    {
        Invalid(Body(Op(Opcode.I32Add), Op(Opcode.Drop)), "type mismatch: instruction requires [i32 i32] but stack has []");
    }

    [Fact]
    public void Binary_op_on_wrong_type_reports_the_stack_top()
    {
        Invalid(Body(I64(1), I32(2), Op(Opcode.I32Add), Op(Opcode.Drop)),
            "type mismatch: instruction requires [i32 i32] but stack has [i64 i32]");
    }

    [Fact]
    public void Missing_function_result_is_a_type_mismatch()
    {
        Invalid(Function([], [ValType.I32], []), "type mismatch: instruction requires [i32] but stack has []");
    }

    [Fact]
    public void Leftover_operand_at_function_end_reports_block_requirement()
    {
        Invalid(Body(I32(1)), "type mismatch: block requires [] but stack has [i32]");
    }

    [Fact]
    public void Unreachable_makes_the_stack_polymorphic()
    {
        Valid(Function([], [ValType.I32], [], Op(Opcode.Unreachable), Op(Opcode.I32Add)));
    }

    [Fact]
    public void Unreachable_stack_still_checks_known_operands()
    {
        Invalid(Body(Op(Opcode.Unreachable), I64(0), Op(Opcode.I32Add), Op(Opcode.Drop)),
            "type mismatch: instruction requires [i32 i32] but stack has [bot i64]");
    }

    [Fact]
    public void Drop_on_empty_stack_wants_an_unknown_operand()
    {
        Invalid(Body(Op(Opcode.Drop)), "type mismatch: instruction requires [bot] but stack has []");
    }

    [Fact]
    public void Block_cannot_take_operands_from_outside()
    {
        Invalid(Body(I32(1), Block(), Op(Opcode.Drop), End, Op(Opcode.Drop)),
            "type mismatch: instruction requires [bot] but stack has []");
    }

    [Fact]
    public void Untyped_select_rejects_references()
    {
        Invalid(Body(RefNull(HeapType.Func), RefNull(HeapType.Func), I32(0), Op(Opcode.Select), Op(Opcode.Drop)),
            "type mismatch: instruction requires numeric or vector type but stack has (ref null func)");
    }

    [Fact]
    public void Untyped_select_accepts_matching_numbers()
    {
        Valid(Function([], [ValType.F64], [], F64(1), F64(2), I32(0), Op(Opcode.Select)));
    }

    [Fact]
    public void Typed_select_needs_exactly_one_type()
    {
        Invalid(Body(I32(1), I32(2), I32(0), new SelectInstruction([ValType.I32, ValType.I32]), Op(Opcode.Drop)),
            "invalid result arity other than 1 is not (yet) allowed");
    }

    [Fact]
    public void Typed_select_accepts_references()
    {
        Valid(Function([], [ValType.FuncRef], [],
            RefNull(HeapType.Func), RefNull(HeapType.Func), I32(0), new SelectInstruction([ValType.FuncRef])));
    }

    [Fact]
    public void Subtype_operand_matches_supertype_parameter()
    {
        // (ref func) is accepted where (ref null func) is required.
        var m = Function([Ref(false, HeapKind.Func)], [ValType.FuncRef], [], LocalGet(0));
        Valid(m);
    }

    [Fact]
    public void Supertype_operand_does_not_match_subtype_result()
    {
        var m = Function([ValType.FuncRef], [Ref(false, HeapKind.Func)], [], LocalGet(0));
        Invalid(m, "type mismatch: instruction requires [(ref func)] but stack has [(ref null func)]");
    }

    [Fact]
    public void Operand_height_is_measured_in_values_and_cells()
    {
        var m = Body(V128(), V128(), I32(0), Op(Opcode.Drop), Op(Opcode.Drop), Op(Opcode.Drop));
        var info = Valid(m).Code[0];
        Assert.Equal(3, info.MaxOperandHeight);
        Assert.Equal(2 + 2 + 1, info.MaxOperandCells);
    }
}
