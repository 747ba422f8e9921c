using WasmConform.Engine;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reports;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>Reproducers of divergences in state: a memory byte, a global, the log trace.</summary>
public sealed class ReproStateTests
{
    private static CaseResult RunCase(string wat)
    {
        using var reference = new ReferenceHost(TimeSpan.FromSeconds(30));
        using var planted = new PlantedHost();
        return new CaseRunner([reference, planted], seed: 1, CampaignConfig.DefaultGenerator).Run(0, WatParser.ParseModule(wat));
    }

    private static (ScriptResult OnReference, ScriptResult OnPlanted, string Script) Repro(CaseResult result)
    {
        var divergence = Assert.Single(result.Divergences);
        var script = ReproScript.Build(result, divergence, ReproScript.SourceEngine(result, divergence));
        using var reference = new ReferenceEngine(ReferenceHost.Limits, FeatureSets.All);
        using var planted = new PlantedEngine(new ReferenceEngine(ReferenceHost.Limits, FeatureSets.All));
        return (ReproScript.Run(reference, script), ReproScript.Run(planted, script), script);
    }

    private static void AssertShows(CaseResult result, string aspect, string expectedInScript)
    {
        Assert.Equal(aspect, Assert.Single(result.Divergences).Difference.Aspect);
        var (onReference, onPlanted, script) = Repro(result);
        Assert.Contains(expectedInScript, script);
        Assert.Null(onReference.Error);
        Assert.All(onReference.Commands, c => Assert.True(c.Status == CommandStatus.Passed, $"line {c.Line}: {c.Command}: expected {c.Expected}, got {c.Actual}"));
        Assert.Contains(onPlanted.Commands, c => c.Status == CommandStatus.Failed);
    }

    [Fact]
    public void A_memory_difference_is_shown_by_its_first_differing_byte()
    {
        var result = RunCase("""
            (module (memory (export "m0") 1)
              (func (export "f0") (i32.store8 (i32.const 300) (i32.rem_s (i32.const -7) (i32.const 3)))))
            """);
        AssertShows(result, "memory contents", "(invoke $probe_m0 \"byte\" (i32.const 300)) (i32.const 255)");
    }

    [Fact]
    public void A_global_difference_is_shown_by_the_global()
    {
        var result = RunCase("""
            (module (global $g (export "g0") (mut i32) (i32.const 0))
              (func (export "f0") (global.set $g (i32.rem_s (i32.const -9) (i32.const 4)))))
            """);
        AssertShows(result, "global", "(assert_return (get $case \"g0\") (i32.const -1))");
    }

    [Fact]
    public void A_trace_difference_is_shown_by_the_trace_digest()
    {
        var result = RunCase("""
            (module (import "env" "log_i32" (func $log (param i32)))
              (func (export "f0") (call $log (i32.rem_s (i32.const -5) (i32.const 2)))))
            """);
        AssertShows(result, "trace", "(get $env \"trace_hash\")");
    }

    [Fact]
    public void An_exit_code_difference_is_shown_by_the_env_modules_exit_code()
    {
        var result = RunCase("""
            (module (import "env" "exit" (func $exit (param i32)))
              (func (export "f0") (call $exit (i32.add (i32.const 10) (i32.rem_s (i32.const -5) (i32.const 2))))))
            """);
        AssertShows(result, "exit code", "(assert_return (get $env \"exit_code\") (i32.const 9))");
    }
}
