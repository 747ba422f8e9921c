using System.Globalization;
using System.Text;
using WasmConform.Engine.Embedding;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;
using WasmConform.Wast.Script;

namespace WasmConform.Fuzz.Reports;

/// <summary>Whether a reproducer holds where it should: the engine it ran on, and the commands that did not pass.</summary>
/// <param name="Engine">Where it was run (the reference interpreter).</param>
/// <param name="Holds">Every command passed.</param>
/// <param name="Failures">What failed, one line each.</param>
public sealed record ReproCheck(string Engine, bool Holds, IReadOnlyList<string> Failures)
{
    /// <summary>The check of <paramref name="result"/>, run on <paramref name="engine"/>.</summary>
    public static ReproCheck Of(string engine, ScriptResult result)
    {
        var failures = result.Commands.Where(c => c.Status != CommandStatus.Passed)
            .Select(c => $"line {c.Line}: {c.Command}: {c.Status.ToString().ToLowerInvariant()}: expected {c.Expected}, got {c.Actual}{c.Reason}")
            .ToList();
        if (result.Error is { } error) failures.Insert(0, error);
        return new ReproCheck(engine, failures.Count == 0 && result.Commands.Count > 0, failures);
    }
}

/// <summary>
/// The documents of one divergence's folder: <c>report.yaml</c> (engine versions, seed, case,
/// generator configuration, every engine's outcome at every step) and <c>report.md</c> (the same
/// side by side for people, the first difference highlighted, how to re-run it).
/// </summary>
public static class DivergenceReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The <c>report.yaml</c> document.</summary>
    public static Dictionary<string, object?> Yaml(CaseResult result, Divergence divergence, RunContext run, ReproCheck repro, string? rerun) => new()
    {
        ["signature"] = divergence.Signature,
        ["engines"] = ReportYaml.Engines(run.Engines),
        ["seed"] = result.Seed,
        ["case"] = result.Index,
        ["run"] = run.RunId,
        ["found"] = DateTimeOffset.UtcNow.ToString("O", C),
        ["baseline"] = divergence.Baseline,
        ["other"] = divergence.Other,
        ["first_difference"] = new Dictionary<string, object?>
        {
            ["step"] = divergence.StepIndex,
            ["operation"] = divergence.Step.ToString(),
            ["aspect"] = divergence.Difference.Aspect,
            ["where"] = divergence.Difference.Where,
            [divergence.Baseline] = divergence.Difference.Baseline,
            [divergence.Other] = divergence.Difference.Other,
        },
        ["repro"] = new Dictionary<string, object?>
        {
            ["file"] = repro.Holds ? "repro.wast" : "repro-unverified.wast",
            ["asserts"] = run.Source,
            ["verified_on"] = repro.Engine,
            ["holds"] = repro.Holds,
            ["failures"] = repro.Failures.Count > 0 ? repro.Failures.ToList() : null,
        },
        ["rerun"] = rerun,
        ["canonical_nans"] = result.Context.CanonicalNans,
        ["relaxed_simd"] = result.Context.RelaxedSimd,
        ["calls"] = ReportYaml.Calls(result.Calls),
        ["outcomes"] = result.Runs.ToDictionary(r => r.Engine,
            r => (object?)r.Steps.Select((s, i) => ReportYaml.Step(i, s)).ToList()),
        ["generator"] = run.Generator,
    };

    /// <summary>The <c>report.md</c> text.</summary>
    public static string Markdown(CaseResult result, Divergence divergence, RunContext run, ReproCheck repro, string? rerun)
    {
        var s = new StringBuilder();
        var d = divergence.Difference;
        s.Append(C, $"# Divergence: {divergence.Signature}\n\n");
        s.Append(C, $"Case {result.Index} of seed {result.Seed} (run {run.RunId}). Engines: ");
        s.Append(string.Join(", ", run.Engines.Select(e => $"{e.Name} {e.Version}"))).Append(".\n\n");
        s.Append(C, $"**First difference** at step {divergence.StepIndex}, `{divergence.Step}`: {d.Where}: ");
        s.Append(C, $"{divergence.Baseline} `{d.Baseline}`, {divergence.Other} `{d.Other}`.\n\n");
        Table(s, result, divergence);
        DivergingStep(s, result, divergence);
        s.Append("## Reproduce\n\n");
        if (repro.Holds)
            s.Append(C, $"`repro.wast` asserts what {run.Source} did and holds on {repro.Engine}; on {Other(divergence, run.Source)} it should fail at the diverging step:\n\n");
        else
            s.Append(C, $"`repro-unverified.wast` asserts what {run.Source} did but does not hold on {repro.Engine}:\n\n")
                .Append(string.Concat(repro.Failures.Take(10).Select(f => $"- {Cell(f)}\n"))).Append('\n');
        string script = Path.Combine(run.Directory, repro.Holds ? "repro.wast" : "repro-unverified.wast");
        s.Append(C, $"    bin/wasmconform spec {script}\n");
        s.Append(C, $"    bin/wasmconform spec --engine {Other(divergence, run.Source)} {script}\n\n");
        s.Append("Re-run the case:\n\n");
        s.Append(rerun is null ? "    (the campaign was not started from a configuration file)\n" : $"    {rerun}\n");
        s.Append("\nThe module is `case.wasm` (text: `case.wat`).\n");
        return s.ToString();
    }

    private static void Table(StringBuilder s, CaseResult result, Divergence divergence)
    {
        s.Append("| step | operation |");
        foreach (var run in result.Runs) s.Append(C, $" {run.Engine} |");
        s.Append("\n|---|---|").Append(string.Concat(result.Runs.Select(_ => "---|"))).Append('\n');
        for (int i = 0; i < result.Steps.Count; i++)
        {
            if (result.Runs.All(r => r.Steps.Count <= i)) break;
            bool first = i == divergence.StepIndex;
            string b = first ? "**" : "";
            s.Append(C, $"| {b}{i}{b} | {b}{Cell(result.Steps[i].ToString())}{b} |");
            foreach (var run in result.Runs)
            {
                string cell = run.Steps.Count > i ? Cell(OutcomeText.Describe(run.Steps[i].Outcome)) : "—";
                bool marked = first && run.Engine == divergence.Other;
                s.Append(C, $" {b}{cell}{b}{(marked ? " ◀ first difference" : "")} |");
            }
            s.Append('\n');
        }
        s.Append('\n');
    }

    /// <summary>Every engine's trace and state after the diverging step.</summary>
    private static void DivergingStep(StringBuilder s, CaseResult result, Divergence divergence)
    {
        s.Append(C, $"## After step {divergence.StepIndex}\n\n");
        foreach (var run in result.Runs)
        {
            if (run.Steps.Count <= divergence.StepIndex) continue;
            var record = run.Steps[divergence.StepIndex];
            s.Append(C, $"**{run.Engine}**: {Cell(OutcomeText.Describe(record.Outcome))}");
            if (record.Trace.Count > 0)
                s.Append("; logged ").Append(Cell(string.Join(" ", record.Trace.AsSpan().ToArray().Select(ValueComparison.Describe).Take(20))));
            if (record.Snapshot is { } snapshot)
            {
                s.Append("; globals ").Append(Cell(string.Join(", ", snapshot.Globals.AsSpan().ToArray().Select(g => $"{g.Name}={ValueComparison.Describe(g.Value)}"))));
                s.Append("; memories ").Append(string.Join(", ", snapshot.Memories.AsSpan().ToArray().Select(m => $"{m.Name} {m.Size} bytes sha256 {m.Sha256[..Math.Min(12, m.Sha256.Length)]}")));
            }
            s.Append("\n\n");
        }
    }

    private static string Other(Divergence divergence, string source) => source == divergence.Baseline ? divergence.Other : divergence.Baseline;

    /// <summary>Text fit for a table cell: one line, no pipes, at most 160 characters.</summary>
    private static string Cell(string text)
    {
        var line = text.Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length <= 160 ? line : line[..160] + "…";
    }
}

/// <summary>What a divergence report needs to know of its run.</summary>
/// <param name="RunId">The run's folder name.</param>
/// <param name="Engines">The engines and their versions.</param>
/// <param name="Generator">The generator's configuration.</param>
/// <param name="Directory">The divergence's folder.</param>
/// <param name="Source">The engine whose behaviour the reproducer asserts.</param>
public sealed record RunContext(string RunId, IReadOnlyList<EngineVersion> Engines, GeneratorConfig Generator, string Directory, string Source);
