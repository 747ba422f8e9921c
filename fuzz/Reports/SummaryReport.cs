using System.Globalization;
using System.Text;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Reports;

/// <summary>What a campaign summary says besides the counts: the run, its engines, seed and configuration.</summary>
/// <param name="RunId">The run's folder name.</param>
/// <param name="Engines">The engines and versions.</param>
/// <param name="Seed">The seed.</param>
/// <param name="FirstCase">The first case index.</param>
/// <param name="Generator">The generator configuration.</param>
/// <param name="Notes">Lines about the setup: engines left out and why, features dropped, …</param>
public sealed record SummaryContext(string RunId, IReadOnlyList<EngineVersion> Engines, ulong Seed, long FirstCase, GeneratorConfig Generator, IReadOnlyList<string> Notes);

/// <summary>
/// <c>summary.yaml</c> and <c>summary.md</c> of a campaign: engines and versions, seed, cases,
/// seconds, cases per second, the distinct divergences (signature, count, folder), the outcome
/// mix of the baseline's calls, the verdicts by case and by engine pair, why comparisons ended
/// early, and the rules that allowed it.
/// </summary>
public static class SummaryReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The <c>summary.yaml</c> document.</summary>
    public static Dictionary<string, object?> Yaml(SummaryContext context, CampaignSnapshot s, bool final) => new()
    {
        ["run"] = context.RunId,
        ["finished"] = final,
        ["engines"] = ReportYaml.Engines(context.Engines),
        ["seed"] = context.Seed,
        ["first_case"] = context.FirstCase,
        ["cases"] = s.Cases,
        ["seconds"] = ReportYaml.Seconds(s.Elapsed),
        ["cases_per_second"] = Math.Round(s.CasesPerSecond, 2),
        ["divergent_cases"] = s.DivergentCases,
        ["divergences"] = s.Divergences.Select(d => new Dictionary<string, object?>
        {
            ["signature"] = d.Signature,
            ["count"] = d.Count,
            ["dir"] = d.Directory,
            ["first_case"] = d.FirstCase,
            ["diagnosis"] = d.Diagnosis,
        }).ToList(),
        ["verdicts"] = s.Verdicts,
        ["pairs"] = s.Pairs,
        ["outcomes"] = new Dictionary<string, object?> { ["calls"] = s.CallOutcomes, ["instantiations"] = s.InstantiationOutcomes },
        ["inconclusive"] = s.Inconclusive,
        ["sat_out"] = s.SatOut,
        ["skipped_calls"] = s.SkippedCalls,
        ["engine_seconds"] = s.EngineTime.ToDictionary(e => e.Key, e => ReportYaml.Seconds(e.Value)),
        ["errors"] = s.ErrorCount,
        ["error_samples"] = s.Errors.Count > 0 ? s.Errors.Select(e => new Dictionary<string, object?> { ["case"] = e.Index, ["error"] = e.Error }).ToList() : null,
        ["notes"] = context.Notes.Count > 0 ? context.Notes.ToList() : null,
        ["rules"] = ReportYaml.Rules(),
        ["generator"] = context.Generator,
    };

    /// <summary>The <c>summary.md</c> text.</summary>
    public static string Markdown(SummaryContext context, CampaignSnapshot s, bool final)
    {
        var m = new StringBuilder();
        m.Append(C, $"# Fuzzing campaign {context.RunId}{(final ? "" : " (running)")}\n\n");
        m.Append("Engines: ").Append(string.Join(", ", context.Engines.Select(e => $"{e.Name} {e.Version}"))).Append(".  \n");
        m.Append(C, $"Seed {context.Seed}, cases {context.FirstCase}…{context.FirstCase + s.Cases - 1}: {s.Cases} cases in {s.Elapsed.TotalSeconds:F1} s ({s.CasesPerSecond:F1} cases/s).  \n");
        m.Append(C, $"Divergences: {s.Divergences.Count} distinct, in {s.DivergentCases} cases. Errors of the campaign itself: {s.ErrorCount}.\n\n");
        foreach (var note in context.Notes) m.Append("- ").Append(note).Append('\n');
        if (context.Notes.Count > 0) m.Append('\n');
        m.Append("## Divergences\n\n");
        if (s.Divergences.Count == 0) m.Append("None.\n\n");
        else
        {
            m.Append("| signature | cases | first case | report |\n|---|---|---|---|\n");
            foreach (var d in s.Divergences)
                m.Append(C, $"| {Cell(d.Signature)} | {d.Count} | {d.FirstCase} | {(d.Directory is null ? "—" : $"[{d.Directory}]({d.Directory}/report.md)")} |\n");
            m.Append('\n');
        }
        Counts(m, "Verdicts by case", s.Verdicts, s.Cases);
        foreach (var (pair, counts) in s.Pairs.OrderBy(p => p.Key, StringComparer.Ordinal)) Counts(m, $"Verdicts: {pair}", counts, counts.Values.Sum());
        Counts(m, "Outcomes of the baseline's calls", s.CallOutcomes, s.CallOutcomes.Values.Sum());
        Counts(m, "Outcomes of the baseline's instantiations", s.InstantiationOutcomes, s.InstantiationOutcomes.Values.Sum());
        Counts(m, "Comparisons ended early, by rule", s.Inconclusive, s.Inconclusive.Values.Sum());
        Counts(m, "Engines that sat out (part of) a case, and why", s.SatOut, s.SatOut.Values.Sum());
        m.Append("## Time in each engine\n\n");
        foreach (var (engine, time) in s.EngineTime.OrderBy(e => e.Key, StringComparer.Ordinal)) m.Append(C, $"- {engine}: {time.TotalSeconds:F1} s\n");
        m.Append(C, $"\nCalls not made (a parameter no embedder can pass): {s.SkippedCalls}.\n");
        if (s.Errors.Count > 0)
        {
            m.Append("\n## Errors of the campaign\n\n");
            foreach (var e in s.Errors) m.Append(C, $"- case {e.Index}: {Cell(e.Error)}\n");
        }
        return m.ToString();
    }

    private static void Counts(StringBuilder m, string title, IReadOnlyDictionary<string, long> counts, long total)
    {
        if (counts.Count == 0) return;
        m.Append(C, $"## {title}\n\n| | count | share |\n|---|---|---|\n");
        foreach (var (key, n) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
            m.Append(C, $"| {Cell(key)} | {n} | {(total == 0 ? 0 : 100.0 * n / total):F1}% |\n");
        m.Append('\n');
    }

    private static string Cell(string text)
    {
        var line = text.Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
