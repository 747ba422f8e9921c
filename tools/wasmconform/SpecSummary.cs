using Spectre.Console;
using WasmConform.Harness;

namespace WasmConform.Cli;

/// <summary>Prints a spec run's totals per group and overall, then the stale known-gap entries.</summary>
public static class SpecSummary
{
    public static void Print(SpecReport report, ExpectedFailures expected)
    {
        var table = new Table().Title($"spec suite on {report.Engine}");
        foreach (var column in new[] { "group", "files", "commands", "passed", "failed", "skipped" })
            table.AddColumn(column == "group" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        foreach (var (group, t) in report.ByGroup()) table.AddRow(Row(group, t));
        table.AddRow(Row("total", report.Totals, bold: true));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{report.Totals.Commands} commands in {report.Seconds:F1} s; {report.UnexpectedFailures} failure(s) not listed as known gaps.");
        foreach (var stale in report.StaleExpectations(expected))
            AnsiConsole.MarkupLine($"[yellow]stale known gap:[/] {Markup.Escape(stale)} passes now; remove it from harness/{ExpectedFailures.FileName}");
    }

    private static string[] Row(string name, SpecTotals t, bool bold = false)
    {
        string[] cells = [name, t.Files.ToString(), t.Commands.ToString(), t.Passed.ToString(), t.Failed.ToString(), t.Skipped.ToString()];
        return bold ? cells.Select(c => $"[bold]{Markup.Escape(c)}[/]").ToArray() : cells.Select(Markup.Escape).ToArray();
    }
}
