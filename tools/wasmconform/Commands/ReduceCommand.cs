using System.CommandLine;
using System.Globalization;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines.Runners;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Triage;

namespace WasmConform.Cli.Commands;

/// <summary>
/// <c>wasmconform reduce CASE_DIR [--engines LIST] [--max-runs N] [--seconds N]</c>: shrinks the
/// module of a campaign's divergence folder while its divergence signature persists.
/// </summary>
public static class ReduceCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("case-dir") { Description = "A divergence folder of a campaign report (reports/<run-id>/NNN-…/, with case.wasm and report.yaml)." };
        var engines = new Option<string?>("--engines") { Description = "Engines to run, comma-separated, the divergence's baseline first (default: the divergence's two engines)." };
        var maxRuns = new Option<int?>("--max-runs") { Description = "Run at most this many candidates on the engines (default 5000)." };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default 120)." };
        var command = new Command("reduce", """
            Shrink a divergent case while the same divergence signature persists: each candidate is
            validated (invalid ones are skipped, never run), run on the engines through the campaign's
            case runner and oracle with the case's calls, and kept when it still shows the signature.
            Steps (delta debugging, in rounds until none helps or the budget is spent): exports, the
            start function, function bodies, functions, imports, globals, tables, memories, tags,
            segments and types (removed and renumbered), instruction ranges, subexpressions replaced
            by zeros of their type, values only dropped or stored, blocks and block types, locals,
            segment contents. Writes reduced.wasm, reduced.wat and repro.wast (verified on the reference
            interpreter; the campaign's reproducer is kept as case-repro.wast) into the folder and adds
            the reduced sizes to report.md and report.yaml. Ctrl-C stops it with the best case so far written.
            Exit status: 0 reduced; 1 the divergence did not show again on these engines; 2 usage;
            3 unreadable folder or an engine that cannot run here.
            """)
        {
            folder, engines, maxRuns, seconds,
        };
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(engines), parse.GetValue(maxRuns), parse.GetValue(seconds)));
        return command;
    }

    private static int Run(DirectoryInfo folder, string? engineList, int? maxRuns, double? seconds)
    {
        if (maxRuns is < 1 || seconds is <= 0) return Fail(ExitCodes.Usage, "reduce: --max-runs and --seconds must be positive");
        RecordedCase recorded;
        try
        {
            recorded = DivergenceFolder.Read(folder.FullName);
        }
        catch (CaseFolderException e)
        {
            return Fail(ExitCodes.BadInput, $"reduce: {e.Message}");
        }
        var names = engineList is null ? [.. recorded.Engines]
            : engineList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (names.Count == 0 || names[0] != recorded.Baseline || !names.Contains(recorded.Other))
            return Fail(ExitCodes.Usage, $"reduce: the divergence is {recorded.Baseline} vs {recorded.Other}: --engines must start with {recorded.Baseline} and name {recorded.Other}");
        var limits = new RunnerLimits(CallTimeout: FolderReduction.CallTimeout);
        var engines = new List<CampaignEngine>();
        foreach (var name in names)
        {
            if (CaseEngines.Find(name, limits, out var reason) is not { } engine) return Fail(ExitCodes.BadInput, $"reduce: {reason}");
            engines.Add(engine);
        }
        var budget = new ReductionLimits();
        budget = budget with { MaxRuns = maxRuns ?? budget.MaxRuns, Time = seconds is { } s ? TimeSpan.FromSeconds(s) : budget.Time };
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var hosts = CaseEngines.Hosts(engines);
        try
        {
            Console.WriteLine($"reduce: {recorded.Signature}, on {string.Join(", ", names)}");
            var (result, files) = FolderReduction.Reduce(folder.FullName, hosts, budget, cancel.Token);
            Print(folder.FullName, result, files);
            return result.Reproduced ? ExitCodes.Ok : ExitCodes.Failure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            foreach (var host in hosts) host.Dispose();
        }
    }

    private static void Print(string folder, ReductionResult r, ReductionFiles.Written files)
    {
        var c = CultureInfo.InvariantCulture;
        if (!r.Reproduced)
        {
            Console.WriteLine($"the divergence did not show again on {string.Join(", ", r.Run.Runs.Select(x => x.Engine))}: nothing reduced");
            return;
        }
        Console.WriteLine(string.Create(c, $"reduced {ModuleSize.Instructions(r.Target.Module)} -> {ModuleSize.Instructions(r.Reduced)} instructions, ")
            + string.Create(c, $"{ModuleSize.Bytes(r.Target.Module)} -> {ModuleSize.Bytes(r.Reduced)} bytes, in {r.Runs} runs ({r.Invalid} invalid candidates skipped), {r.Elapsed.TotalSeconds:F1} s")
            + (r.Complete ? "" : $"; stopped by the {r.StoppedBy} budget"));
        Console.WriteLine(files.Holds ? $"{Path.Combine(folder, "repro.wast")} holds on the reference interpreter"
            : $"{Path.Combine(folder, files.Repro ?? "")} does not hold on the reference interpreter: {string.Join("; ", files.Failures.Take(3))}");
        Console.WriteLine($"reduced case: {Path.Combine(folder, "reduced.wat")}");
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
