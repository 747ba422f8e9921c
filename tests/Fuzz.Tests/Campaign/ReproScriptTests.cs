using System.Globalization;
using WasmConform.Engine;
using WasmConform.Engine.Embedding;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Oracle;
using WasmConform.Fuzz.Reports;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Script;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>The pieces of a reproducer: the <c>env</c> module that stands in for the host imports, and the value syntax.</summary>
public sealed class ReproScriptTests
{
    private static ScriptResult Run(string script)
    {
        using var engine = new ReferenceEngine(ReferenceHost.Limits, FeatureSets.All);
        return ReproScript.Run(engine, script);
    }

    private static void AssertAllPass(ScriptResult result)
    {
        Assert.Null(result.Error);
        Assert.All(result.Commands, c => Assert.True(c.Status == CommandStatus.Passed, $"line {c.Line}: {c.Command}: expected {c.Expected}, got {c.Actual}"));
    }

    [Fact]
    public void The_env_module_counts_and_hashes_logged_values_as_the_digest_does()
    {
        Value[] logged = [Value.I32(-1), Value.I64(long.MinValue), Value.F32Bits(0x7FA00001), Value.F64Bits(0x8000000000000000)];
        var (count, hash) = ReproScript.Digest(logged);
        var script = ReproScript.EnvModule + """

            (module
              (import "env" "log_i32" (func $i32 (param i32)))
              (import "env" "log_i64" (func $i64 (param i64)))
              (import "env" "log_f32" (func $f32 (param f32)))
              (import "env" "log_f64" (func $f64 (param f64)))
              (func (export "run")
                (call $i32 (i32.const -1)) (call $i64 (i64.const 0x8000000000000000))
                (call $f32 (f32.const nan:0x200001)) (call $f64 (f64.const -0x0p+0))))
            (assert_return (invoke "run"))
            """ + string.Create(CultureInfo.InvariantCulture, $"""
            (assert_return (get $env "trace_count") (i32.const {count}))
            (assert_return (get $env "trace_hash") (i64.const {(long)hash}))
            """);
        AssertAllPass(Run(script));
    }

    [Fact]
    public void Exit_in_the_env_module_traps_and_keeps_the_code()
    {
        var script = ReproScript.EnvModule + """

            (module (import "env" "exit" (func $exit (param i32))) (func (export "run") (call $exit (i32.const 101))))
            (assert_trap (invoke "run") "unreachable executed")
            (assert_return (get $env "exit_code") (i32.const 101))
            """;
        AssertAllPass(Run(script));
    }

    [Fact]
    public void Written_values_read_back_as_the_same_bits()
    {
        Value[] values =
        [
            Value.I32(int.MinValue), Value.I64(-2), Value.F32Bits(0x7FA00000), Value.F32Bits(0x80000000),
            Value.F64Bits(0xFFF0000000000000), Value.F64Bits(0x0000000000000001), Value.V128(0x0123456789ABCDEF, 0xFEDCBA9876543210),
        ];
        var parameters = string.Join(" ", values.Select(v => ValueComparison.TypeName(v)));
        var gets = string.Concat(values.Select((_, i) => $" (local.get {i})"));
        var script = $"(module (func (export \"id\") (param {parameters}) (result {parameters}){gets}))\n"
            + $"(assert_return (invoke \"id\" {string.Join(" ", values.Select(v => WastText.Argument(v, _ => true)))}) "
            + string.Join(" ", values.Select(v => WastText.Result(v))) + ")\n";
        AssertAllPass(Run(script));
    }

    [Fact]
    public void Slugs_are_lower_case_words_joined_by_dashes()
    {
        Assert.Equal("reference-vs-wasmtime-invoke-result-i32", CampaignReport.Slug("reference vs wasmtime | invoke | result i32"));
    }
}
