using System.CommandLine;
using System.Globalization;
using WasmConform.Fuzz.Engines;
using WasmConform.Harness;
using WasmConform.Harness.Reports;

namespace WasmConform.Cli.Commands;

/// <summary><c>wasmconform spec [PATH...] [--engine NAME|all] [--report DIR] [--filter GLOB]</c>: runs the official suite and reports.</summary>
public static class SpecCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Suite files or folders: .wast scripts, or wast2json output (.json with its .wasm/.wat files) (default: the whole suite at ${TestSuite.EnvironmentVariable}, else ../shared/testsuite).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var report = new Option<string?>("--report") { Description = "Write spec.json and spec.md into this folder (one subfolder per engine, and matrix.md / matrix.json, with several engines)." };
        var filter = new Option<string?>("--filter") { Description = "Only files whose suite-relative path matches this glob (e.g. 'core/simd/**', '*i32*')." };
        var jobs = new Option<int>("--jobs") { Description = "Files run in parallel (default: the number of cores); one runner process per job for external engines." };
        var expected = new Option<string?>("--expected-failures") { Description = "The known-gaps list of the reference interpreter (default: harness/expected-failures.yaml)." };
        var engine = new Option<string>("--engine")
        {
            Description = $"The engine: {string.Join(", ", EngineCatalog.Names)}, or 'all' for every available one and a conformance matrix.",
            DefaultValueFactory = _ => EngineCatalog.Reference,
        };
        var command = new Command("spec", """
            Run the official WebAssembly spec suite (.wast scripts, or their wast2json conversions)
            on the reference interpreter or another engine and print a summary per folder; with
            several engines, a conformance matrix. Other engines are judged by failure class and
            trap kind (their messages are their own); commands needing a feature an engine lacks
            are skipped with the reason. Exit status: 0 when every failure of the reference
            interpreter is a known gap listed in harness/expected-failures.yaml (other engines'
            failures are findings, reported, not errors); 1 when any other reference failure; 3
            when the suite, a path or an engine is missing or the known-gaps list is unreadable.
            """)
        {
            paths, report, filter, jobs, expected, engine,
        };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(report), parse.GetValue(filter),
            parse.GetValue(jobs), parse.GetValue(expected), parse.GetValue(engine) ?? EngineCatalog.Reference));
        return command;
    }

    private static int Run(string[] paths, string? reportDir, string? filter, int jobs, string? expectedPath, string engineName)
    {
        IReadOnlyList<SuiteFile> files;
        ExpectedFailures expected;
        List<EngineEntry> engines;
        var unavailable = new Dictionary<string, string>();
        try
        {
            var root = TestSuite.Require();
            files = TestSuite.Files(root, paths.Length > 0 ? paths : [root], filter);
            expected = ExpectedFailures.Load(expectedPath ?? ExpectedFailures.DefaultPath);
            engines = SelectEngines(engineName, unavailable);
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException)
        {
            Console.Error.WriteLine($"spec: {e.Message}");
            return ExitCodes.BadInput;
        }
        foreach (var (name, reason) in unavailable) Console.WriteLine($"skipping {name}: {reason}");
        if (engines.Count == 0)
        {
            Console.Error.WriteLine($"spec: no engine to run ({engineName})");
            return ExitCodes.BadInput;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var reports = new List<SpecReport>();
        int status = ExitCodes.Ok;
        foreach (var entry in engines)
        {
            var result = RunEngine(entry, files, entry.IsExternal ? ExpectedFailures.None : expected, jobs, cancel.Token);
            reports.Add(result);
            SpecSummary.Print(result, entry.IsExternal ? ExpectedFailures.None : expected);
            if (reportDir is not null)
            {
                var (json, md) = SpecReportWriter.Write(result, engines.Count == 1 ? reportDir : Path.Combine(reportDir, entry.Name));
                Console.WriteLine($"report: {json}, {md}");
            }
            if (!entry.IsExternal && result.UnexpectedFailures > 0) status = ExitCodes.Failure;
        }
        if (engines.Count > 1 || unavailable.Count > 0)
        {
            var matrix = ConformanceMatrix.Of(reports, unavailable);
            SpecSummary.PrintMatrix(matrix);
            if (reportDir is not null)
            {
                var (json, md) = matrix.Write(reportDir);
                Console.WriteLine($"matrix: {json}, {md}");
            }
        }
        return status;
    }

    /// <summary>The entries named by <paramref name="name"/> that can run; the others go to <paramref name="unavailable"/> with the reason.</summary>
    /// <exception cref="ArgumentException">No engine has that name.</exception>
    private static List<EngineEntry> SelectEngines(string name, Dictionary<string, string> unavailable)
    {
        var names = name == "all" ? EngineCatalog.Names : [name];
        var selected = new List<EngineEntry>();
        foreach (var n in names)
        {
            var entry = EngineCatalog.Find(n) ?? throw new ArgumentException(
                $"unknown engine \"{n}\": use {string.Join(", ", EngineCatalog.Names)} or all");
            if (entry.IsAvailable) selected.Add(entry);
            else unavailable[n] = entry.Reason!;
        }
        return selected;
    }

    private static SpecReport RunEngine(EngineEntry entry, IReadOnlyList<SuiteFile> files, ExpectedFailures expected, int jobs, CancellationToken cancel)
    {
        Console.WriteLine($"running {files.Count} files of {TestSuite.Root} on {entry.Name}");
        var progress = new LockedProgress<SpecProgress>(p => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{p.Done,3}/{p.Total}] {p.Last.Path,-52} {p.Last.Passed,6} passed {p.Last.Failed,5} failed {p.Last.Skipped,5} skipped {p.Last.Seconds,6:F2} s")));
        using var spec = new EngineSpec(entry);
        return SpecRun.Run(entry.Name, files, spec.Run, expected, progress, jobs, cancel);
    }
}
