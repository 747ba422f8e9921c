using Spectre.Console;
using WasmConform.Harness;
using WasmConform.Harness.Reports;

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

    /// <summary>Prints the conformance matrix: groups by engines, passed out of run, then engines not run.</summary>
    public static void PrintMatrix(ConformanceMatrix matrix)
    {
        var table = new Table().Title("conformance matrix (passed/run)");
        table.AddColumn(new TableColumn("group"));
        foreach (var e in matrix.Engines) table.AddColumn(new TableColumn(e).RightAligned());
        foreach (var g in matrix.Groups)
            table.AddRow([Markup.Escape(g), .. matrix.Engines.Select(e => Markup.Escape(matrix.Cell(e, g).ToString()))]);
        table.AddRow(["[bold]total[/]", .. matrix.Engines.Select(e => $"[bold]{Markup.Escape(matrix.Totals[e].ToString())}[/]")]);
        AnsiConsole.Write(table);
        foreach (var e in matrix.Engines) AnsiConsole.WriteLine($"{e}: {matrix.Totals[e].Skipped} commands skipped");
        foreach (var (engine, reason) in matrix.Unavailable) AnsiConsole.MarkupLine($"[yellow]not run:[/] {Markup.Escape(engine)}: {Markup.Escape(reason)}");
    }

    private static string[] Row(string name, SpecTotals t, bool bold = false)
    {
        string[] cells = [name, t.Files.ToString(), t.Commands.ToString(), t.Passed.ToString(), t.Failed.ToString(), t.Skipped.ToString()];
        return bold ? cells.Select(c => $"[bold]{Markup.Escape(c)}[/]").ToArray() : cells.Select(Markup.Escape).ToArray();
    }
}
