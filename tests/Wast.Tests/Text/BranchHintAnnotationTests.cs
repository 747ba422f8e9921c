using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Text;

/// <summary>
/// <c>(@metadata.code.branch_hint "\00" | "\01")</c> annotations: each hints the first instruction
/// that starts after it in its function, and together they give <see cref="Module.BranchHints"/>;
/// misplaced or malformed ones fail with the spec interpreter's messages.
/// </summary>
public class BranchHintAnnotationTests
{
    private const string Likely = "(@metadata.code.branch_hint \"\\01\")";
    private const string Unlikely = "(@metadata.code.branch_hint \"\\00\")";

    private static Module Parse(string text) => WatParser.ParseModule(text, "h.wat");

    private static int IndexOf(Module m, int function, Opcode op, int occurrence = 0) =>
        m.Functions[function].Body.Select((instr, i) => (instr, i)).Where(p => p.instr.Op == op).Skip(occurrence).First().i;

    private static BranchHint OnlyHint(Module m) => Assert.Single(Assert.Single(m.BranchHints).Hints.ToArray());

    [Fact]
    public void A_hint_before_a_flat_if_hints_the_if()
    {
        var m = Parse($"(module (func (param i32) local.get 0 {Likely} if end))");
        Assert.Equal(new BranchHint(IndexOf(m, 0, Opcode.If), BranchHintKind.Likely), OnlyHint(m));
    }

    [Fact]
    public void A_hint_before_a_folded_if_hints_the_if_not_its_condition()
    {
        var m = Parse($"(module (func (param i32) {Unlikely} (if (local.get 0) (then))))");
        Assert.Equal(new BranchHint(IndexOf(m, 0, Opcode.If), BranchHintKind.Unlikely), OnlyHint(m));
    }

    [Fact]
    public void A_hint_before_a_folded_br_if_hints_the_br_if()
    {
        var m = Parse($"(module (func (param i32) (block {Likely} (br_if 0 (local.get 0)))))");
        Assert.Equal(new BranchHint(IndexOf(m, 0, Opcode.BrIf), BranchHintKind.Likely), OnlyHint(m));
    }

    [Fact]
    public void A_hint_before_end_hints_the_instruction_after_it()
    {
        var m = Parse($"(module (func (param i32) block {Likely} end local.get 0 br_if 0))");
        Assert.Equal(IndexOf(m, 0, Opcode.LocalGet), OnlyHint(m).Instruction);
    }

    [Fact]
    public void A_hint_before_another_instruction_is_kept_for_validation_to_reject()
    {
        var m = Parse($"(module (func (param i32) local.get 0 local.get 0 {Likely} i32.eq drop))");
        Assert.Equal(IndexOf(m, 0, Opcode.I32Eq), OnlyHint(m).Instruction);
    }

    [Fact]
    public void Hints_are_grouped_by_function_in_index_order_counting_imports()
    {
        var m = Parse("(module (import \"m\" \"f\" (func)) "
            + $"(func (param i32) local.get 0 {Likely} if end local.get 0 {Unlikely} if end) "
            + "(func) "
            + $"(func (param i32) (block {Unlikely} (br_if 0 (local.get 0)))))");
        Assert.Equal(
            [
                new FunctionBranchHints(1, [new BranchHint(IndexOf(m, 0, Opcode.If), BranchHintKind.Likely), new BranchHint(IndexOf(m, 0, Opcode.If, 1), BranchHintKind.Unlikely)]),
                new FunctionBranchHints(3, [new BranchHint(IndexOf(m, 2, Opcode.BrIf), BranchHintKind.Unlikely)]),
            ],
            m.BranchHints.ToArray());
    }

    [Fact]
    public void Nested_hints_name_their_own_instructions()
    {
        var m = Parse("(module (func (param i32 i32) (result i32) "
            + $"{Unlikely} (if (result i32) (local.get 0) (then (if (local.get 1) (then)) {Likely} (if (result i32) (local.get 1) (then (i32.const 1)) (else (i32.const 2))))"
            + " (else (i32.const 3)))))");
        Assert.Equal(
            [new BranchHint(IndexOf(m, 0, Opcode.If), BranchHintKind.Unlikely), new BranchHint(IndexOf(m, 0, Opcode.If, 2), BranchHintKind.Likely)],
            Assert.Single(m.BranchHints).Hints.ToArray());
    }

    [Fact]
    public void Strings_of_a_hint_are_joined() =>
        Assert.Equal(BranchHintKind.Likely, OnlyHint(Parse("(module (func (param i32) local.get 0 (@metadata.code.branch_hint \"\" \"\\01\") if end))")).Kind);

    [Fact]
    public void Modules_without_hints_have_none() => Assert.True(Parse("(module (func))").BranchHints.IsEmpty);

    [Theory]
    [InlineData("(module (func (param i32) local.get 0 (@metadata.code.branch_hint \"\\01\") (@metadata.code.branch_hint \"\\01\") if end))", "duplicate annotation")]
    [InlineData("(module (func (param i32) (@metadata.code.branch_hint \"\\01\") (if (@metadata.code.branch_hint \"\\01\") (local.get 0) (then))))", "duplicate annotation")]
    [InlineData("(module (@metadata.code.branch_hint \"\\01\") (func))", "not in a function")]
    [InlineData("(module (func (import \"m\" \"f\") (@metadata.code.branch_hint \"\\01\")))", "not in a function")]
    [InlineData("(module (global i32 (@metadata.code.branch_hint \"\\01\") (i32.const 0)))", "not in a function")]
    [InlineData("(module (func (@metadata.code.branch_hint \"\\02\") nop))", "invalid hint value")]
    [InlineData("(module (func (@metadata.code.branch_hint \"\\00\\01\") nop))", "invalid hint value")]
    [InlineData("(module (func (@metadata.code.branch_hint) nop))", "invalid hint value")]
    [InlineData("(module (func (@metadata.code.branch_hint 1) nop))", "unexpected token")]
    [InlineData("(module (func nop (@metadata.code.branch_hint \"\\01\")))", "invalid placement")]
    public void Malformed_hints_fail(string text, string what) =>
        Assert.Equal("@metadata.code.branch_hint annotation: " + what, Assert.Throws<ParseException>(() => Parse(text)).Message);

    [Fact]
    public void Errors_point_at_the_annotation()
    {
        var e = Assert.Throws<ParseException>(() => Parse("(module\n  (@metadata.code.branch_hint \"\\01\")\n  (func))"));
        Assert.Equal((2, 3), (e.Line, e.Column));
    }

    [Fact]
    public void Hint_errors_come_after_module_errors_and_custom_annotation_errors()
    {
        var bad = "(func (@metadata.code.branch_hint \"\\07\") nop)";
        Assert.StartsWith("unknown function", Assert.Throws<ParseException>(() => Parse($"(module {bad} (start $nowhere))")).Message);
        Assert.Equal("misplaced @custom annotation", Assert.Throws<ParseException>(() => Parse($"(module {bad} (func (@custom \"x\")))")).Message);
    }

    [Fact]
    public void Hint_errors_come_before_name_annotation_errors() =>
        Assert.Equal("@metadata.code.branch_hint annotation: invalid hint value",
            Assert.Throws<ParseException>(() => Parse("(module (func (@metadata.code.branch_hint \"\\07\") nop) (func) (@name \"late\"))")).Message);
}
