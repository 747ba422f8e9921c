using System.Globalization;
using System.Text;
using WasmConform.Fuzz.Reports;
using WasmConform.Harness;

namespace WasmConform.Fuzz.Triage;

/// <summary><c>triage.yaml</c> and <c>triage.md</c> of a triage: the engines and versions, counts by status, and every case with what happened.</summary>
public static class TriageReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes both files into <paramref name="directory"/> (atomically); returns the path of <c>triage.md</c>.</summary>
    public static string Write(string directory, TriageResult result)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, "triage.yaml"), ReportYaml.Serialize(Yaml(result)));
        string markdown = Path.Combine(directory, "triage.md");
        AtomicFile.WriteAllText(markdown, Markdown(result));
        return markdown;
    }

    /// <summary>The name of a status in reports: <c>still diverging</c>, <c>fixed</c>, <c>changed</c>, <c>not checked</c>.</summary>
    public static string Name(TriageStatus status) => status switch
    {
        TriageStatus.StillDiverging => "still diverging",
        TriageStatus.Fixed => "fixed",
        TriageStatus.Changed => "changed",
        _ => "not checked",
    };

    /// <summary>The <c>triage.yaml</c> document.</summary>
    public static Dictionary<string, object?> Yaml(TriageResult r) => new()
    {
        ["triaged"] = DateTimeOffset.UtcNow.ToString("O", C),
        ["engines"] = ReportYaml.Engines(r.Versions),
        ["known_signatures"] = r.KnownFile,
        ["regressed"] = r.Regressed,
        ["counts"] = Enum.GetValues<TriageStatus>().ToDictionary(s => Name(s).Replace(' ', '_'), s => (object?)r.Count(s)),
        ["cases"] = r.Entries.Select(e => new Dictionary<string, object?>
        {
            ["folder"] = Relative(e.Directory),
            ["kind"] = e.Kind?.ToString().ToLowerInvariant(),
            ["engines"] = e.Engines.ToList(),
            ["status"] = Name(e.Status).Replace(' ', '_'),
            ["regressed"] = e.Regressed,
            ["recorded_status"] = e.RecordedStatus?.ToString().ToLowerInvariant(),
            ["signature"] = e.Signature,
            ["now"] = e.Now.Count > 0 ? e.Now.ToList() : null,
            ["details"] = e.Details,
            ["seconds"] = Math.Round(e.Seconds, 3),
        }).ToList(),
    };

    /// <summary>The <c>triage.md</c> text.</summary>
    public static string Markdown(TriageResult r)
    {
        var s = new StringBuilder("# Triage\n\n");
        s.Append("Engines: ").Append(r.Versions.Count == 0 ? "none started" : string.Join(", ", r.Versions.Select(v => $"{v.Name} {v.Version}"))).Append(".  \n");
        s.Append(C, $"{r.Entries.Count} cases: ").Append(string.Join(", ", Enum.GetValues<TriageStatus>().Select(t => $"{r.Count(t)} {Name(t)}"))).Append(".  \n");
        s.Append(r.Regressed ? "**Regressed**: " + string.Join(", ", r.Entries.Where(e => e.Regressed).Select(e => Path.GetFileName(e.Directory))) : "Nothing regressed")
            .Append(r.KnownFile is null ? " (no file of known signatures).\n\n" : $" (known signatures: {Relative(r.KnownFile)}).\n\n");
        s.Append("| case | engines | status | regressed | details |\n|---|---|---|---|---|\n");
        foreach (var e in r.Entries)
            s.Append(C, $"| {Cell(Path.GetFileName(e.Directory))} | {string.Join(" vs ", e.Engines)} | {Name(e.Status)} | {(e.Regressed ? "**yes**" : "no")} | {Cell(e.Details)} |\n");
        s.Append('\n');
        foreach (var e in r.Entries.Where(e => e.Regressed || e.Status is TriageStatus.Changed or TriageStatus.NotChecked))
        {
            s.Append(C, $"## {Path.GetFileName(e.Directory)}: {Name(e.Status)}{(e.Regressed ? ", regressed" : "")}\n\n");
            s.Append(C, $"Folder: `{Relative(e.Directory)}`.  \nRecorded: `{e.Signature}`.  \n");
            if (e.Now.Count > 0) s.Append("Now: ").Append(string.Join("; ", e.Now.Select(n => $"`{n}`"))).Append(".  \n");
            s.Append(e.Details.Replace('\n', ' ')).Append("\n\n");
        }
        return s.ToString();
    }

    private static string Cell(string text)
    {
        var line = text.Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
