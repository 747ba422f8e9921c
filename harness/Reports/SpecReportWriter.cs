using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WasmConform.Harness.Reports;

/// <summary>Writes a <see cref="SpecReport"/> as <c>spec.json</c> (for tools) and <c>spec.md</c> (for people), atomically.</summary>
public static class SpecReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes both files into <paramref name="dir"/> (created if needed); returns their paths.</summary>
    public static (string Json, string Markdown) Write(SpecReport report, string dir)
    {
        var json = Path.Combine(dir, "spec.json");
        var md = Path.Combine(dir, "spec.md");
        AtomicFile.WriteAllText(json, ToJson(report));
        AtomicFile.WriteAllText(md, ToMarkdown(report));
        return (json, md);
    }

    /// <summary>The JSON form: <c>{engine, seconds, totals: {files, commands, passed, failed, skipped}, files: [...]}</c>.</summary>
    public static string ToJson(SpecReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>Reads the JSON form back.</summary>
    public static SpecReport? FromJson(string json) => JsonSerializer.Deserialize<SpecReport>(json, Json);

    /// <summary>The Markdown form: totals per group, then every failure, then skips by reason.</summary>
    public static string ToMarkdown(SpecReport report)
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"# Spec suite on `{report.Engine}`");
        sb.AppendLine();
        sb.AppendLine(c, $"{report.Totals.Files} files, {report.Totals.Commands} commands: **{report.Totals.Passed} passed, {report.Totals.Failed} failed, {report.Totals.Skipped} skipped** in {report.Seconds:F1} s.");
        if (report.Totals.Failed > 0)
            sb.AppendLine(c, $"{report.UnexpectedFailures} of the failures are not listed in harness/expected-failures.yaml.");
        sb.AppendLine();
        sb.AppendLine("| group | files | commands | passed | failed | skipped |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (group, t) in report.ByGroup())
            sb.AppendLine(c, $"| {group} | {t.Files} | {t.Commands} | {t.Passed} | {t.Failed} | {t.Skipped} |");
        var total = report.Totals;
        sb.AppendLine(c, $"| **total** | {total.Files} | {total.Commands} | {total.Passed} | {total.Failed} | {total.Skipped} |");

        var failing = report.Files.Where(f => f.Failed > 0).ToList();
        if (failing.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Failures");
            foreach (var f in failing)
            {
                sb.AppendLine();
                sb.AppendLine(c, $"### {f.Path} ({f.Failed} failed{(f.UnexpectedFailures == 0 ? ", all known gaps" : "")})");
                sb.AppendLine();
                foreach (var failure in f.Failures.Take(50))
                    sb.AppendLine(c, $"- line {failure.Line}: `{failure.Command}`{(failure.Known ? " (known gap)" : "")}: expected {Code(failure.Expected)}, got {Code(failure.Actual)}");
                if (f.Failures.Count > 50) sb.AppendLine(c, $"- … and {f.Failures.Count - 50} more (see spec.json)");
            }
        }

        var skips = report.Files.SelectMany(f => f.Skips).GroupBy(s => s.Reason).OrderByDescending(g => g.Count()).ToList();
        if (skips.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Skips by reason");
            sb.AppendLine();
            foreach (var g in skips) sb.AppendLine(c, $"- {g.Count()} × {g.Key}");
        }
        return sb.ToString();
    }

    private static string Code(string? text) => text is null ? "—" : "`" + text.Replace("`", "'").ReplaceLineEndings(" ") + "`";
}
