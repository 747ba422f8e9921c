using System.Globalization;
using System.Text;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Reports;
using WasmConform.Harness;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Reducer;

/// <summary>
/// What a reduction leaves in a divergence folder: <c>reduced.wasm</c>, <c>reduced.wat</c> and a
/// <c>repro.wast</c> of the reduced case verified on the reference interpreter (the campaign's
/// reproducer is kept as <c>case-repro.wast</c>; one that does not hold is written as
/// <c>reduced-repro-unverified.wast</c> and the campaign's stays), and a <c>reduced</c> section in
/// <c>report.yaml</c> and <c>report.md</c> (sizes before and after, runs, time, the calls). Every
/// file is written atomically; reducing again replaces what the last reduction wrote.
/// </summary>
public static class ReductionFiles
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Reduced cases whose text is at most this many lines are shown in <c>report.md</c>.</summary>
    private const int ShownLines = 60;

    /// <summary>The files of the reduced case, and whether its reproducer holds.</summary>
    /// <param name="Repro">The reduced reproducer's file name; null when nothing was reduced.</param>
    /// <param name="Holds">Whether it holds on the reference interpreter.</param>
    /// <param name="Failures">What failed when it does not.</param>
    public sealed record Written(string? Repro, bool Holds, IReadOnlyList<string> Failures);

    /// <summary>Writes the result of reducing the case of <paramref name="folder"/> into it.</summary>
    public static Written Write(string folder, ReductionResult result)
    {
        var written = result is { Reproduced: true, Divergence: { } } ? WriteCase(folder, result) : new Written(null, false, []);
        Splice(Path.Combine(folder, DivergenceFolder.ReportFile), "reduced:", ReportYaml.Serialize(new Dictionary<string, object?> { ["reduced"] = Yaml(result, written) }), yaml: true);
        string markdown = Path.Combine(folder, "report.md");
        if (File.Exists(markdown)) Splice(markdown, "## Reduced", Markdown(folder, result, written), yaml: false);
        return written;
    }

    private static Written WriteCase(string folder, ReductionResult result)
    {
        AtomicFile.WriteAllBytes(Path.Combine(folder, "reduced.wasm"), Engine.Binary.Encoder.Encode(result.Reduced));
        AtomicFile.WriteAllText(Path.Combine(folder, "reduced.wat"), Text(result.Reduced));
        var divergence = result.Divergence!;
        string source = ReproScript.SourceEngine(result.Run, divergence);
        string repro = ReproScript.Build(result.Run, divergence, source);
        var check = ReproCheck.Of("reference", ReproScript.Verify(repro, CampaignReport.ReproTimeout));
        if (!check.Holds)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, "reduced-repro-unverified.wast"), repro);
            return new Written("reduced-repro-unverified.wast", false, check.Failures);
        }
        string original = Path.Combine(folder, "repro.wast"), kept = Path.Combine(folder, "case-repro.wast");
        if (File.Exists(original) && !File.Exists(kept)) File.Move(original, kept);
        AtomicFile.WriteAllText(original, repro);
        return new Written("repro.wast", true, []);
    }

    /// <summary>The module in the text format; a comment saying why when the printer fails.</summary>
    public static string Text(Module module)
    {
        try
        {
            return WatPrinter.Print(module);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $";; the WAT printer failed on this module: {e.GetType().Name}: {e.Message}\n";
        }
    }

    /// <summary>The <c>reduced</c> section of <c>report.yaml</c>.</summary>
    public static Dictionary<string, object?> Yaml(ReductionResult r, Written written) => new()
    {
        ["reproduced"] = r.Reproduced,
        ["signature"] = r.Target.Signature,
        ["engines"] = r.Run.Runs.Select(x => x.Engine).ToList(),
        ["wasm"] = written.Repro is null ? null : "reduced.wasm",
        ["wat"] = written.Repro is null ? null : "reduced.wat",
        ["repro"] = written.Repro,
        ["repro_holds"] = written.Repro is null ? null : written.Holds,
        ["repro_failures"] = written.Failures.Count > 0 ? written.Failures.ToList() : null,
        ["step"] = r.Divergence?.StepIndex,
        ["operation"] = r.Divergence?.Step.ToString(),
        ["expected"] = r.Divergence is { } d ? Wast.Script.OutcomeText.Describe(r.Run.RunOf(d.Baseline).Steps[d.StepIndex].Outcome) : null,
        ["instructions"] = new Dictionary<string, object?> { ["before"] = ModuleSize.Instructions(r.Target.Module), ["after"] = ModuleSize.Instructions(r.Reduced) },
        ["bytes"] = new Dictionary<string, object?> { ["before"] = ModuleSize.Bytes(r.Target.Module), ["after"] = ModuleSize.Bytes(r.Reduced) },
        ["runs"] = r.Runs,
        ["invalid_candidates"] = r.Invalid,
        ["seconds"] = ReportYaml.Seconds(r.Elapsed),
        ["complete"] = r.Complete,
        ["stopped_by"] = r.StoppedBy,
        ["steps"] = r.Passes.ToDictionary(p => p.Pass, p => (object?)new Dictionary<string, object?> { ["tried"] = p.Tried, ["kept"] = p.Kept }),
        ["calls"] = r.Reproduced ? CallText.Write(r.Calls, r.Reduced) : null,
    };

    /// <summary>The <c>## Reduced</c> section of <c>report.md</c>.</summary>
    public static string Markdown(string folder, ReductionResult r, Written written)
    {
        var s = new StringBuilder("## Reduced\n\n");
        if (!r.Reproduced)
        {
            s.Append(C, $"The case did not show `{r.Target.Signature}` again on {string.Join(", ", r.Run.Runs.Select(x => x.Engine))}: nothing was reduced.\n");
            return s.ToString();
        }
        s.Append(C, $"From {ModuleSize.Instructions(r.Target.Module)} to {ModuleSize.Instructions(r.Reduced)} instructions ");
        s.Append(C, $"({ModuleSize.Bytes(r.Target.Module)} to {ModuleSize.Bytes(r.Reduced)} bytes) in {r.Runs} runs and {r.Elapsed.TotalSeconds:F1} s");
        s.Append(r.Complete ? ", until no step helped" : $", stopped by its {r.StoppedBy} budget").Append(": `reduced.wasm`, `reduced.wat`.\n\n");
        if (written.Holds)
        {
            s.Append("`repro.wast` now reproduces the reduced case and holds on the reference interpreter");
            s.Append(File.Exists(Path.Combine(folder, "case-repro.wast")) ? " (the campaign's reproducer is `case-repro.wast`).\n\n" : ".\n\n");
        }
        else
        {
            s.Append("`reduced-repro-unverified.wast` does not hold on the reference interpreter:\n\n");
            foreach (var failure in written.Failures.Take(10)) s.Append("- ").Append(failure.Replace('\n', ' ')).Append('\n');
            s.Append('\n');
        }
        var text = Text(r.Reduced);
        if (text.Count(c => c == '\n') <= ShownLines) s.Append("```wat\n").Append(text.TrimEnd()).Append("\n```\n");
        return s.ToString();
    }

    /// <summary>
    /// Replaces the section of <paramref name="path"/> that starts with the line <paramref name="heading"/>
    /// by <paramref name="section"/>, or appends it. A YAML section ends at the next top-level key,
    /// a Markdown one at the next <c>## </c> heading.
    /// </summary>
    private static void Splice(string path, string heading, string section, bool yaml)
    {
        var lines = File.Exists(path) ? File.ReadAllText(path).Split('\n').ToList() : [];
        int start = lines.FindIndex(l => l.TrimEnd() == heading);
        if (start >= 0)
        {
            int end = start + 1;
            while (end < lines.Count && !(yaml ? TopLevelKey(lines[end]) : lines[end].StartsWith("## ", StringComparison.Ordinal))) end++;
            lines.RemoveRange(start, end - start);
        }
        var text = string.Join('\n', lines).TrimEnd('\n');
        AtomicFile.WriteAllText(path, (text.Length > 0 ? text + (yaml ? "\n" : "\n\n") : "") + section.TrimEnd('\n') + "\n");
    }

    private static bool TopLevelKey(string line) => line.Length > 0 && line[0] is not (' ' or '-' or '#');
}
