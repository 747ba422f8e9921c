using System.Collections.Concurrent;
using System.Diagnostics;
using WasmConform.Wast.Script;

namespace WasmConform.Harness;

/// <summary>Progress of a run: files done out of all, and the one just finished.</summary>
public readonly record struct SpecProgress(int Done, int Total, FileReport Last);

/// <summary>Runs script files of the suite in parallel and collects a <see cref="SpecReport"/>.</summary>
public static class SpecRun
{
    /// <summary>
    /// Runs every file with <paramref name="runFile"/> on <paramref name="jobs"/> threads (default:
    /// all cores). A file whose runner throws is recorded as a failed file with the exception's
    /// message, and the run goes on.
    /// </summary>
    public static SpecReport Run(
        string engine, IReadOnlyList<SuiteFile> files, Func<SuiteFile, ScriptResult> runFile,
        ExpectedFailures expected, IProgress<SpecProgress>? progress = null, int jobs = 0,
        CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        var reports = new ConcurrentBag<FileReport>();
        int done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = jobs > 0 ? jobs : Environment.ProcessorCount,
            CancellationToken = cancellation,
        };
        try
        {
            Parallel.ForEach(files, options, file =>
            {
                var fileWatch = Stopwatch.StartNew();
                ScriptResult result;
                try
                {
                    result = runFile(file);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    result = new ScriptResult(file.RelativePath, [], $"{file.RelativePath}: the runner failed: {e}");
                }
                var report = FileReport.From(file, result, expected, fileWatch.Elapsed.TotalSeconds);
                reports.Add(report);
                progress?.Report(new SpecProgress(Interlocked.Increment(ref done), files.Count, report));
            });
        }
        catch (OperationCanceledException)
        {
            // Interrupted: report what finished.
        }
        var sorted = reports.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        return new SpecReport(engine, watch.Elapsed.TotalSeconds, SpecTotals.Of(sorted), sorted);
    }
}
