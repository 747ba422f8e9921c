using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>
/// The checks of the branch hint section that the spec interpreter makes with its handler on:
/// only with <see cref="Features.BranchHinting"/>, after the module itself has validated.
/// </summary>
public class BranchHintValidationTests
{
    private const Features WithHints = FeatureSets.Wasm3 | Features.BranchHinting;

    // (param i32): local.get 0, if, end, local.get 0, br_if 0, local.get 0, drop
    private static readonly Instruction[] Code =
        [LocalGet(0), If(), End, Block(), LocalGet(0), BrIf(0), End, LocalGet(0), Op(Opcode.Drop)];

    private static int IndexOf(Opcode op) => Array.FindIndex(Code, i => i.Op == op);

    private static Module Hinted(params int[] instructions) =>
        Function([ValType.I32], [], [], Code) with
        {
            BranchHints = [new FunctionBranchHints(0, instructions.Select(i => new BranchHint(i, BranchHintKind.Likely)).ToArray())],
        };

    [Fact]
    public void Hints_on_if_and_br_if_in_order_are_valid() => Valid(Hinted(IndexOf(Opcode.If), IndexOf(Opcode.BrIf)), WithHints);

    [Fact]
    public void A_hint_on_another_instruction_is_an_invalid_target() =>
        Invalid(Hinted(IndexOf(Opcode.Drop)), "@metadata.code.branch_hint annotation: invalid target", WithHints);

    [Fact]
    public void A_hint_on_a_block_is_an_invalid_target() =>
        Invalid(Hinted(IndexOf(Opcode.Block)), "@metadata.code.branch_hint annotation: invalid target", WithHints);

    [Fact]
    public void A_hint_past_the_body_is_an_invalid_target() =>
        Invalid(Hinted(Code.Length + 3), "@metadata.code.branch_hint annotation: invalid target", WithHints);

    [Fact]
    public void Hints_out_of_order_are_invalid() =>
        Invalid(Hinted(IndexOf(Opcode.BrIf), IndexOf(Opcode.If)), "@metadata.code.branch_hint annotation: invalid order", WithHints);

    [Fact]
    public void Two_hints_on_one_instruction_are_invalid() =>
        Invalid(Hinted(IndexOf(Opcode.If), IndexOf(Opcode.If)), "@metadata.code.branch_hint annotation: invalid order", WithHints);

    [Fact]
    public void Hints_on_an_imported_function_are_not_in_a_function()
    {
        var module = Hinted(IndexOf(Opcode.If)) with { Imports = [new Import("m", "f", new ExternFunc(0))] };
        Invalid(module, "@metadata.code.branch_hint annotation: not in a function", WithHints);
    }

    [Fact]
    public void Without_the_feature_hints_never_make_a_module_invalid() =>
        Valid(Hinted(IndexOf(Opcode.Drop), IndexOf(Opcode.LocalGet)));

    [Fact]
    public void The_module_itself_is_checked_first() =>
        Invalid(Hinted(IndexOf(Opcode.Drop)) with { Functions = [new Function(0, [], [Op(Opcode.I32Add)])] },
            "type mismatch: instruction requires [i32 i32] but stack has []", WithHints);
}
