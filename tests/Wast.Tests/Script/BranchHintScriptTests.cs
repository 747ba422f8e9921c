using System.Text;
using WasmConform.Engine;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Script;

namespace WasmConform.Wast.Tests.Script;

/// <summary>
/// Through the normal compile path (text → encoder → engine), a misplaced branch hint is an invalid
/// module for an engine that checks the branch hint section, and a malformed annotation is a
/// malformed module: the outcomes <c>assert_invalid_custom</c> and <c>assert_malformed_custom</c> expect.
/// </summary>
public class BranchHintScriptTests
{
    private const string OnEq = "(module (func (param i32) local.get 0 local.get 0 (@metadata.code.branch_hint \"\\01\") i32.eq drop))";

    private static CommandResult RunLast(string script, Features features)
    {
        using var engine = new ReferenceEngine(features: features);
        var parsed = WastScript.Parse(Encoding.UTF8.GetBytes(script), "test.wast");
        return new ScriptRunner(engine).Run(parsed, "test.wast").Commands[^1];
    }

    [Fact]
    public void A_hint_on_a_non_branch_is_invalid_custom_with_the_checks() =>
        Assert.Equal(CommandStatus.Passed, RunLast(
            $"(assert_invalid_custom {OnEq} \"@metadata.code.branch_hint annotation: invalid target\")",
            FeatureSets.Wasm3 | Features.BranchHinting).Status);

    [Fact]
    public void A_hint_on_a_non_branch_is_valid_without_the_checks() =>
        Assert.Equal(CommandStatus.Passed, RunLast(OnEq, FeatureSets.Wasm3).Status);

    [Fact]
    public void A_malformed_hint_annotation_is_malformed_custom() =>
        Assert.Equal(CommandStatus.Passed, RunLast(
            "(assert_malformed_custom (module quote \"(func (@metadata.code.branch_hint \\\"\\\\02\\\") nop)\")"
            + " \"@metadata.code.branch_hint annotation: invalid hint value\")",
            FeatureSets.Wasm3).Status);
}
