using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.4.11 blocks, branches and calls.</summary>
public class ControlTests
{
    private static readonly ValType[] None = [];
    private static readonly ValType[] OneI32 = [ValType.I32];

    /// <summary>Type 0 is <c>[] -> []</c>, type 1 <c>[i32] -> [i32]</c>, type 2 <c>[i32] -> []</c>.</summary>
    private static Module WithBlockTypes(params Instruction[] body) => new()
    {
        Types = [FuncRec(None, None), FuncRec(OneI32, OneI32), FuncRec(OneI32, None)],
        Functions = [new Function(0, [], body)],
    };

    [Fact]
    public void Block_with_result_is_valid()
    {
        Valid(Function(None, OneI32, [], Block(ValType.I32), I32(1), End));
    }

    [Fact]
    public void Block_result_must_be_produced()
    {
        Invalid(Body(Block(ValType.I32), End, Op(Opcode.Drop)), "type mismatch: instruction requires [i32] but stack has []");
    }

    [Fact]
    public void Block_parameters_are_taken_from_outside_after_the_body()
    {
        Invalid(WithBlockTypes(Block(2), Op(Opcode.Drop), End), "type mismatch: instruction requires [i32] but stack has []");
    }

    [Fact]
    public void Block_parameters_are_available_inside()
    {
        Valid(WithBlockTypes(I32(1), Block(1), I32(2), Op(Opcode.I32Add), End, Op(Opcode.Drop)));
    }

    [Fact]
    public void Unknown_block_type_index()
    {
        Invalid(WithBlockTypes(Block(7), End), "unknown type 7");
    }

    [Fact]
    public void If_needs_a_condition()
    {
        Invalid(Body(If(), End), "type mismatch: instruction requires [i32] but stack has []");
    }

    [Fact]
    public void If_without_else_must_pass_its_parameters_through()
    {
        Invalid(Function(None, OneI32, [], I32(0), If(ValType.I32), I32(1), End),
            "type mismatch: instruction requires [i32] but stack has []");
    }

    [Fact]
    public void If_with_both_branches_is_valid()
    {
        Valid(Function(None, OneI32, [], I32(0), If(ValType.I32), I32(1), Else, I32(2), End));
    }

    [Fact]
    public void Else_branch_is_checked_separately()
    {
        Invalid(Function(None, OneI32, [], I32(0), If(ValType.I32), I32(1), Else, I64(2), End),
            "type mismatch: instruction requires [i32] but stack has [i64]");
    }

    [Fact]
    public void Else_outside_if_is_rejected()
    {
        Invalid(Body(Block(), Else, End), "unexpected else");
    }

    [Fact]
    public void Unbalanced_end_is_rejected()
    {
        Invalid(Body(End), "unexpected end");
    }

    [Fact]
    public void Unclosed_block_is_rejected()
    {
        Invalid(Body(Block()), "missing end");
    }

    [Fact]
    public void Branch_to_unknown_label()
    {
        Invalid(Body(Br(1)), "unknown label 1");
    }

    [Fact]
    public void Branch_to_function_label_passes_results()
    {
        Valid(Function(None, OneI32, [], I32(1), Br(0)));
    }

    [Fact]
    public void Branch_to_loop_passes_its_parameters()
    {
        Invalid(WithBlockTypes(I32(0), Loop(2), Op(Opcode.Drop), Br(0), End), "type mismatch: instruction requires [i32] but stack has []");
    }

    [Fact]
    public void Br_if_keeps_the_label_operands()
    {
        Valid(Function(None, OneI32, [], Block(ValType.I32), I32(1), I32(0), BrIf(0), End));
    }

    [Fact]
    public void Br_table_labels_must_agree_with_the_default()
    {
        var m = Body(Block(), Block(ValType.I32), I32(1), I32(0), BrTable([1], 0), End, Op(Opcode.Drop), End);
        Invalid(m, "type mismatch: instruction requires [] but stack has [i32]");
    }

    [Fact]
    public void Br_table_reports_unknown_labels()
    {
        Invalid(Body(Block(), I32(0), BrTable([0, 5], 0), End), "unknown label 5");
    }

    [Fact]
    public void Return_checks_the_function_results()
    {
        Invalid(Function(None, OneI32, [], I64(1), Op(Opcode.Return)),
            "type mismatch: instruction requires [i32] but stack has [i64]");
    }

    [Fact]
    public void Call_to_unknown_function()
    {
        Invalid(Body(Call(1)), "unknown function 1");
    }

    [Fact]
    public void Call_takes_parameters_and_pushes_results()
    {
        var m = new Module
        {
            Types = [FuncRec(OneI32, OneI32)],
            Functions = [new Function(0, [], [I32(1), Call(0)])],
        };
        Valid(m);
    }

    [Fact]
    public void Call_indirect_needs_a_table()
    {
        Invalid(Body(I32(0), Pair(Opcode.CallIndirect, 0, 0)), "unknown table 0");
    }

    [Fact]
    public void Call_indirect_needs_a_function_table()
    {
        var m = Body(I32(0), Pair(Opcode.CallIndirect, 0, 0)) with { Tables = [Table(elem: RefType.ExternRef)] };
        Invalid(m, "type mismatch: instruction requires table of function type but table has element type (ref null extern)");
    }

    [Fact]
    public void Call_indirect_on_a_64_bit_table_takes_an_i64_index()
    {
        var m = Body(I32(0), Pair(Opcode.CallIndirect, 0, 0)) with { Tables = [Table(at: AddrType.I64)] };
        Invalid(m, "type mismatch: instruction requires [i64] but stack has [i32]");
    }

    [Fact]
    public void Return_call_must_return_the_callers_results()
    {
        var m = new Module
        {
            Types = [FuncRec(None, None), FuncRec(None, OneI32)],
            Functions = [new Function(0, [], [Idx(Opcode.ReturnCall, 1)]), new Function(1, [], [I32(0)])],
        };
        Invalid(m, "type mismatch: current function requires result type [] but callee returns [i32]");
    }

    [Fact]
    public void Return_call_makes_the_rest_unreachable()
    {
        var m = new Module
        {
            Types = [FuncRec(None, OneI32)],
            Functions = [new Function(0, [], [Idx(Opcode.ReturnCall, 0), Op(Opcode.I32Add)])],
        };
        Valid(m);
    }

    [Fact]
    public void Call_ref_needs_a_function_type()
    {
        var m = new Module
        {
            Types = [FuncRec(None, None), StructRec()],
            Functions = [new Function(0, [], [Idx(Opcode.CallRef, 1)])],
        };
        Invalid(m, "non-function type 1");
    }

    [Fact]
    public void Call_ref_takes_the_parameters_then_a_typed_function_reference()
    {
        // Type 0 is [(ref null 0)] -> []: the function reference is also its parameter.
        Valid(Function([RefIdx(true, 0)], None, [], LocalGet(0), LocalGet(0), Idx(Opcode.CallRef, 0)));
    }

    [Fact]
    public void Call_ref_without_its_reference_is_a_type_mismatch()
    {
        // Types taken from the definition are written out, with rec.0 for the type's self-reference.
        const string T = "(ref null (func [(ref null rec.0)] -> []))";
        Invalid(Function([RefIdx(true, 0)], None, [], LocalGet(0), Idx(Opcode.CallRef, 0)),
            $"type mismatch: instruction requires [{T} {T}] but stack has [{T}]");
    }
}
