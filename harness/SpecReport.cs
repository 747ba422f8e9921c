using WasmConform.Wast.Script;

namespace WasmConform.Harness;

/// <summary>Counts over some files.</summary>
public sealed record SpecTotals(int Files, int Commands, int Passed, int Failed, int Skipped)
{
    public static SpecTotals Of(IEnumerable<FileReport> files)
    {
        int n = 0, commands = 0, passed = 0, failed = 0, skipped = 0;
        foreach (var f in files)
        {
            n++;
            commands += f.Commands;
            passed += f.Passed;
            failed += f.Failed;
            skipped += f.Skipped;
        }
        return new SpecTotals(n, commands, passed, failed, skipped);
    }
}

/// <summary>A failed command: expected against actual; <paramref name="Known"/> when harness/expected-failures.yaml lists it.</summary>
public sealed record FailureEntry(int Line, string Command, string? Expected, string? Actual, bool Known);

/// <summary>A skipped command and why.</summary>
public sealed record SkipEntry(int Line, string Reason);

/// <summary>The results of one file of the suite.</summary>
public sealed record FileReport(
    string Path, string Group, int Commands, int Passed, int Failed, int Skipped,
    IReadOnlyList<FailureEntry> Failures, IReadOnlyList<SkipEntry> Skips, string? Error, double Seconds)
{
    /// <summary>Summarises a script's results, marking the failures that <paramref name="expected"/> lists.</summary>
    public static FileReport From(SuiteFile file, ScriptResult result, ExpectedFailures expected, double seconds)
    {
        var failures = new List<FailureEntry>();
        var skips = new List<SkipEntry>();
        foreach (var c in result.Commands)
        {
            if (c.Status == CommandStatus.Failed)
                failures.Add(new FailureEntry(c.Line, c.Command, c.Expected, c.Actual, expected.IsExpected(file.WastPath, c.Line)));
            else if (c.Status == CommandStatus.Skipped)
                skips.Add(new SkipEntry(c.Line, c.Reason ?? "unspecified"));
        }
        if (result.Error is { } error)
            failures.Add(new FailureEntry(0, "file", "a script that parses", error, expected.IsExpected(file.WastPath, 0)));
        return new FileReport(file.RelativePath, file.Group, result.Commands.Count + (result.Error is null ? 0 : 1),
            result.Passed, failures.Count, skips.Count, failures, skips, result.Error, seconds);
    }

    /// <summary>Failures that harness/expected-failures.yaml does not list.</summary>
    public int UnexpectedFailures => Failures.Count(f => !f.Known);
}

/// <summary>A whole run of the suite on one engine: what <c>spec.json</c> and <c>spec.md</c> hold.</summary>
public sealed record SpecReport(string Engine, double Seconds, SpecTotals Totals, IReadOnlyList<FileReport> Files)
{
    /// <summary>Files grouped by <see cref="SuiteFile.Group"/>, in name order, with their totals.</summary>
    public IEnumerable<(string Group, SpecTotals Totals)> ByGroup() =>
        Files.GroupBy(f => f.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, SpecTotals.Of(g)));

    /// <summary>Failures not listed as known gaps: the run fails when there are any.</summary>
    public int UnexpectedFailures => Files.Sum(f => f.UnexpectedFailures);

    /// <summary>Entries of the expected-failures list whose file was run and has no failures any more.</summary>
    public IReadOnlyList<string> StaleExpectations(ExpectedFailures expected) =>
        Files.Where(f => expected.For(SuiteFile.WastPathOf(f.Path)) is not null && f.Failed == 0).Select(f => f.Path).ToList();
}
