using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>Exception handling: throw, throw_ref, try_table, and the legacy try/catch/delegate/rethrow.</summary>
public class ExceptionTests
{
    private static readonly ValType[] None = [];

    /// <summary>Type 0 is <c>[] -> []</c>, type 1 <c>[i32] -> []</c>; tag 0 has type 1; one function of type 0.</summary>
    private static Module WithTag(params Instruction[] body) => new()
    {
        Types = [FuncRec(None, None), FuncRec([ValType.I32], None)],
        Tags = [new Tag(new TagType(1))],
        Functions = [new Function(0, [], body)],
    };

    private static Instruction TryTable(ValType? result, params Catch[] catches) =>
        new TryTableInstruction(result is { } t ? BlockType.Of(t) : BlockType.Empty, catches);

    [Fact]
    public void Throw_of_unknown_tag()
    {
        Invalid(Body(Idx(Opcode.Throw, 0)), "unknown tag 0");
    }

    [Fact]
    public void Throw_takes_the_tag_parameters()
    {
        Invalid(WithTag(I64(5), Idx(Opcode.Throw, 0)), "type mismatch: instruction requires [i32] but stack has [i64]");
    }

    [Fact]
    public void Throw_ref_takes_an_exnref()
    {
        Invalid(Body(RefNull(HeapType.Extern), Op(Opcode.ThrowRef)),
            "type mismatch: instruction requires [(ref null exn)] but stack has [(ref null extern)]");
    }

    [Fact]
    public void Try_table_catch_must_fit_its_label()
    {
        var m = WithTag(Block(), TryTable(null, new Catch(CatchKind.Catch, 0, 0)), End, End);
        Invalid(m, "type mismatch: catch handler requires [] but label has [i32]");
    }

    [Fact]
    public void Try_table_catch_ref_adds_an_exnref()
    {
        var m = WithTag(Block(Ref(false, HeapKind.Exn)), TryTable(null, new Catch(CatchKind.CatchAllRef, 0, 0)), End, Op(Opcode.Unreachable), End, Op(Opcode.Drop));
        Valid(m);
    }

    [Fact]
    public void Try_table_labels_count_from_outside_the_try_table()
    {
        Invalid(WithTag(TryTable(null, new Catch(CatchKind.CatchAll, 0, 1)), End), "unknown label 1");
    }

    [Fact]
    public void Legacy_catch_receives_the_tag_parameters()
    {
        Valid(WithTag(Try(), Idx(Opcode.Catch, 0), Op(Opcode.Drop), End));
    }

    [Fact]
    public void Legacy_catch_of_unknown_tag()
    {
        Invalid(Body(Try(), Idx(Opcode.Catch, 0), End), "unknown tag 0");
    }

    [Fact]
    public void Legacy_try_body_is_checked_before_its_handler()
    {
        Invalid(WithTag(Try(), I32(1), Idx(Opcode.Catch, 0), Op(Opcode.Drop), End),
            "type mismatch: block requires [] but stack has [i32]");
    }

    [Fact]
    public void Rethrow_outside_a_catch_is_invalid()
    {
        Invalid(Body(Idx(Opcode.Rethrow, 0)), "invalid rethrow label");
        Invalid(Body(Block(), Idx(Opcode.Rethrow, 0), End), "invalid rethrow label");
    }

    [Fact]
    public void Rethrow_in_a_try_body_with_delegate_is_invalid()
    {
        Invalid(Body(Try(), Idx(Opcode.Rethrow, 0), Idx(Opcode.Delegate, 0)), "invalid rethrow label");
    }

    [Fact]
    public void Rethrow_from_a_nested_block_in_catch_all()
    {
        Valid(Body(Try(), Op(Opcode.CatchAll), Block(), Idx(Opcode.Rethrow, 1), End, End));
    }

    [Fact]
    public void Delegate_label_counts_from_outside_the_try()
    {
        Invalid(Body(Try(), Idx(Opcode.Delegate, 1)), "unknown label 1");
        Valid(Body(Try(), Idx(Opcode.Delegate, 0)));
    }

    [Fact]
    public void Delegate_closes_a_try_with_results()
    {
        Valid(Function(None, [ValType.I32], [], Try(ValType.I32), I32(1), Idx(Opcode.Delegate, 0)));
    }

    [Fact]
    public void Delegate_after_catch_is_rejected()
    {
        Invalid(Body(Try(), Op(Opcode.CatchAll), Idx(Opcode.Delegate, 0)), "unexpected delegate");
    }
}
