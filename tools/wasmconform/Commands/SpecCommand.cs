using System.CommandLine;
using System.Globalization;
using WasmConform.Harness;
using WasmConform.Harness.Reports;

namespace WasmConform.Cli.Commands;

/// <summary><c>wasmconform spec [PATH...] [--report DIR] [--filter GLOB]</c>: runs the official suite and reports.</summary>
public static class SpecCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Suite files or folders (default: the whole suite at ${TestSuite.EnvironmentVariable}, else ../shared/testsuite).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var report = new Option<string?>("--report") { Description = "Write spec.json and spec.md into this folder." };
        var filter = new Option<string?>("--filter") { Description = "Only files whose suite-relative path matches this glob (e.g. 'core/simd/**', '*i32*')." };
        var jobs = new Option<int>("--jobs") { Description = "Files run in parallel (default: the number of cores)." };
        var expected = new Option<string?>("--expected-failures") { Description = "The known-gaps list (default: harness/expected-failures.yaml)." };
        var command = new Command("spec", """
            Run the official WebAssembly spec suite (.wast scripts) on the reference interpreter and
            print a summary per folder. Exit status: 0 when every failure is a known gap listed in
            harness/expected-failures.yaml; 1 when any other command failed; 3 when the suite or a
            path is missing or the known-gaps list is unreadable.
            """)
        {
            paths, report, filter, jobs, expected,
        };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(report), parse.GetValue(filter),
            parse.GetValue(jobs), parse.GetValue(expected)));
        return command;
    }

    private static int Run(string[] paths, string? reportDir, string? filter, int jobs, string? expectedPath)
    {
        IReadOnlyList<SuiteFile> files;
        ExpectedFailures expected;
        try
        {
            var root = TestSuite.Require();
            files = TestSuite.Files(root, paths.Length > 0 ? paths : [root], filter);
            expected = ExpectedFailures.Load(expectedPath ?? ExpectedFailures.DefaultPath);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            Console.Error.WriteLine($"spec: {e.Message}");
            return ExitCodes.BadInput;
        }
        Console.WriteLine($"running {files.Count} files of {TestSuite.Root} on the reference interpreter");
        var progress = new LockedProgress<SpecProgress>(p => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{p.Done,3}/{p.Total}] {p.Last.Path,-52} {p.Last.Passed,6} passed {p.Last.Failed,5} failed {p.Last.Skipped,5} skipped {p.Last.Seconds,6:F2} s")));
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var result = SpecRun.Run("reference", files, ReferenceSpec.Run, expected, progress, jobs, cancel.Token);
        SpecSummary.Print(result, expected);
        if (reportDir is not null)
        {
            var (json, md) = SpecReportWriter.Write(result, reportDir);
            Console.WriteLine($"report: {json}, {md}");
        }
        return result.UnexpectedFailures == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

}
