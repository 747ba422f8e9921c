using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WasmConform.Harness.Reports;

/// <summary>One cell of the matrix: an engine's counts on one group of the suite.</summary>
public sealed record MatrixCell(int Commands, int Passed, int Failed, int Skipped)
{
    /// <summary>Commands the engine ran (not skipped).</summary>
    public int Run => Passed + Failed;

    /// <summary><c>passed/run (pct%)</c>, or <c>skipped</c> when nothing ran.</summary>
    public override string ToString() => Run == 0
        ? "skipped"
        : string.Create(CultureInfo.InvariantCulture, $"{Passed}/{Run} ({Math.Floor(1000.0 * Passed / Run) / 10:F1}%)");
}

/// <summary>
/// The conformance matrix of several spec runs: rows are the suite's groups (folders), columns
/// the engines, each cell the commands passed out of those run (skips, for a feature an engine
/// lacks, are counted apart). Engines that could not run at all are listed with the reason.
/// </summary>
public sealed record ConformanceMatrix(
    IReadOnlyList<string> Engines, IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MatrixCell>> Cells,
    IReadOnlyDictionary<string, MatrixCell> Totals,
    IReadOnlyDictionary<string, string> Unavailable)
{
    /// <summary>The matrix of <paramref name="reports"/> (one per engine), naming <paramref name="unavailable"/> engines and why.</summary>
    public static ConformanceMatrix Of(IReadOnlyList<SpecReport> reports, IReadOnlyDictionary<string, string>? unavailable = null)
    {
        var groups = reports.SelectMany(r => r.Files.Select(f => f.Group)).Distinct().Order(StringComparer.Ordinal).ToList();
        var cells = new Dictionary<string, IReadOnlyDictionary<string, MatrixCell>>();
        var totals = new Dictionary<string, MatrixCell>();
        foreach (var report in reports)
        {
            cells[report.Engine] = report.ByGroup().ToDictionary(g => g.Group, g => Cell(g.Totals));
            totals[report.Engine] = Cell(report.Totals);
        }
        return new ConformanceMatrix([.. reports.Select(r => r.Engine)], groups, cells, totals,
            unavailable ?? new Dictionary<string, string>());
    }

    private static MatrixCell Cell(SpecTotals t) => new(t.Commands, t.Passed, t.Failed, t.Skipped);

    /// <summary>The cell of <paramref name="engine"/> on <paramref name="group"/> (an empty one when the engine ran no file of it).</summary>
    public MatrixCell Cell(string engine, string group) =>
        Cells.TryGetValue(engine, out var row) && row.TryGetValue(group, out var cell) ? cell : new MatrixCell(0, 0, 0, 0);

    /// <summary>The Markdown form: the matrix, then skipped commands per engine, then unavailable engines.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine("# Conformance matrix");
        sb.AppendLine();
        sb.AppendLine("Commands passed out of those run, per suite folder and engine. Commands an engine cannot run (a feature it lacks) are skipped and counted apart.");
        sb.AppendLine();
        sb.AppendLine("| group | " + string.Join(" | ", Engines) + " |");
        sb.AppendLine("|---|" + string.Concat(Engines.Select(_ => "---:|")));
        foreach (var g in Groups) sb.AppendLine($"| {g} | " + string.Join(" | ", Engines.Select(e => Cell(e, g).ToString())) + " |");
        sb.AppendLine("| **total** | " + string.Join(" | ", Engines.Select(e => $"**{Totals[e]}**")) + " |");
        sb.AppendLine();
        sb.AppendLine("Skipped commands: " + string.Join(", ", Engines.Select(e => string.Create(c, $"{e} {Totals[e].Skipped}"))) + ".");
        if (Unavailable.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Engines not run");
            sb.AppendLine();
            foreach (var (engine, reason) in Unavailable) sb.AppendLine($"- {engine}: {reason}");
        }
        return sb.ToString();
    }

    /// <summary>Writes <c>matrix.md</c> and <c>matrix.json</c> into <paramref name="dir"/>; returns their paths.</summary>
    public (string Json, string Markdown) Write(string dir)
    {
        var json = Path.Combine(dir, "matrix.json");
        var md = Path.Combine(dir, "matrix.md");
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(this, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        }));
        AtomicFile.WriteAllText(md, ToMarkdown());
        return (json, md);
    }
}
