using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Triage;

namespace WasmConform.Cli.Commands;

/// <summary>
/// <c>wasmconform fuzz [--config FILE.yaml] [--engines LIST] [--seconds N | --cases N] [--seed S]
/// [--jobs N] [--report DIR] [--case I]</c>: a differential fuzzing campaign with reports.
/// </summary>
public static class FuzzCommand
{
    /// <summary>What the command line gave; null where it gave nothing (the file's or the default value applies).</summary>
    private sealed record Options(FileInfo? Config, string? Engines, double? Seconds, long? Cases, ulong? Seed, int? Jobs, string? Report, long? Case, bool NoReduce);

    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "Campaign configuration (YAML, snake_case keys; see fuzz/campaign.example.yaml)." };
        var engines = new Option<string?>("--engines") { Description = "Engines, comma-separated, the first the baseline: reference, wasmtime, v8, wazero, or all (default: all available)." };
        var seconds = new Option<double?>("--seconds") { Description = "Run for this long (default 60 s unless --cases is given)." };
        var cases = new Option<long?>("--cases") { Description = "Run this many cases." };
        var seed = new Option<ulong?>("--seed") { Description = "The seed (default: a random one, printed): case i of seed S is always the same module." };
        var jobs = new Option<int?>("--jobs") { Description = "Cases run in parallel, each with its own engines (default: the number of cores)." };
        var report = new Option<string?>("--report") { Description = "The report folder (default: reports/fuzz-<timestamp>)." };
        var single = new Option<long?>("--case") { Description = "Run only case I of the seed (to re-run a divergence)." };
        var noReduce = new Option<bool>("--no-reduce") { Description = "Do not reduce new divergences (by default each is reduced for reduce_seconds, 60 s, as 'wasmconform reduce' does)." };
        var command = new Command("fuzz", """
            Differential fuzzing: generate modules from a seed, run each on every engine (compile,
            instantiate, call every exported function in export order with generated arguments,
            read the exported globals and memories after each call) and compare the outcomes. Every
            distinct divergence gets a folder in the report with the module, a .wast reproducer
            that holds on the reference interpreter, report.yaml and report.md; summary.md and
            summary.yaml are rewritten as the campaign runs. Each new divergence is then reduced
            (reduced.wasm, reduced.wat, repro.wast; see 'wasmconform reduce') unless --no-reduce or
            'reduce: false' says otherwise. Ctrl-C stops it with the report written.
            Exit status: 0 no divergence; 1 divergences found; 2 usage; 3 bad configuration or an
            engine that cannot run.
            """)
        {
            config, engines, seconds, cases, seed, jobs, report, single, noReduce,
        };
        command.SetAction(parse => Run(new Options(parse.GetValue(config), parse.GetValue(engines), parse.GetValue(seconds),
            parse.GetValue(cases), parse.GetValue(seed), parse.GetValue(jobs), parse.GetValue(report), parse.GetValue(single), parse.GetValue(noReduce))));
        return command;
    }

    private static int Run(Options options)
    {
        if (options.Seconds is not null && options.Cases is not null) return Fail(ExitCodes.Usage, "fuzz: give --seconds or --cases, not both");
        if (options.Case is not null && (options.Seconds is not null || options.Cases is not null))
            return Fail(ExitCodes.Usage, "fuzz: --case runs one case; it takes neither --seconds nor --cases");
        CampaignConfig config;
        try
        {
            config = options.Config is null ? new CampaignConfig() : CampaignConfigFile.Load(options.Config.FullName);
        }
        catch (GeneratorConfigException e)
        {
            return Fail(ExitCodes.BadInput, e.Message);
        }
        config = Override(config, options);
        var notes = new List<string>();
        List<CampaignEngine> engines;
        GeneratorConfig generator;
        try
        {
            var limits = CampaignSetup.Limits(config.Limits);
            engines = [.. CampaignSetup.Engines(config.Engines, notes).Select(e => CampaignEngine.Of(e, limits))];
            var common = CampaignSetup.CommonFeatures(engines, config.Generator.EngineFeatures, out var lacking);
            generator = CampaignSetup.WithinFeatures(config.Generator, common, out var dropped);
            if (dropped.Count > 0) notes.Add($"generating without {string.Join(", ", dropped)}: {string.Join("; ", lacking)}");
            generator = CampaignSetup.WithinBoundary(generator, engines, out var boundary);
            notes.AddRange(boundary);
        }
        catch (ArgumentException e)
        {
            return Fail(ExitCodes.BadInput, $"fuzz: {e.Message}");
        }
        if (engines.Count < 2) notes.Add("only one engine: nothing to compare; the campaign checks that it does not crash");
        config = config with { Engines = [.. engines.Select(e => e.Name)], Generator = generator };
        return Run(config, options, engines, notes);
    }

    private static int Run(CampaignConfig config, Options options, List<CampaignEngine> engines, List<string> notes)
    {
        var settings = new CampaignSettings
        {
            Seed = config.Seed!.Value,
            Generator = config.Generator,
            FirstCase = options.Case ?? 0,
            Cases = options.Case is not null ? 1 : config.Cases,
            Duration = options.Case is not null ? null
                : config.Seconds is { } seconds ? TimeSpan.FromSeconds(seconds)
                : config.Cases is not null ? null
                : TimeSpan.FromSeconds(CampaignConfig.DefaultSeconds),
            Jobs = config.Jobs ?? Environment.ProcessorCount,
            Reduction = config.Reduce ? Reduction(config) : null,
            // This process runs nothing but the campaign: its type registry is emptied between
            // cases, so that memory stays flat however long it runs.
            ReleaseTypesAbove = Engine.Validation.TypeRegistry.ReleaseThreshold,
        };
        string directory = options.Report ?? Path.Combine("reports", "fuzz-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var report = new CampaignReport(directory, settings, config with { Cases = null, Seconds = null }, notes);
        var campaign = new FuzzCampaign(settings, engines, report);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            Console.Error.WriteLine("stopping: finishing the cases under way and writing the report (Ctrl-C again to abort)");
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            Console.WriteLine($"fuzz: seed {settings.Seed}, engines {string.Join(", ", config.Engines)}, {settings.Jobs} jobs, report {report.Directory}");
            foreach (var note in notes) Console.WriteLine($"  {note}");
            var running = Task.Run(() => campaign.Run(cancel.Token));
            var result = FuzzProgress.Show(campaign, running);
            Print(campaign, result, report);
            return result.Divergences.Count > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The configuration with the command line's options on top, and a seed drawn when there is none.</summary>
    private static CampaignConfig Override(CampaignConfig config, Options o)
    {
        if (o.Engines is { } list) config = config with { Engines = [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
        if (o.Seconds is not null) config = config with { Seconds = o.Seconds, Cases = null };
        if (o.Cases is not null) config = config with { Cases = o.Cases, Seconds = null };
        if (o.Jobs is not null) config = config with { Jobs = o.Jobs };
        if (o.NoReduce) config = config with { Reduce = false };
        return config with { Seed = o.Seed ?? config.Seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1 };
    }

    /// <summary>How the campaign reduces its divergences: on its own engines, each call bounded by the reducer's short timeout.</summary>
    private static CampaignReduction Reduction(CampaignConfig config)
    {
        var limits = CampaignSetup.Limits(config.Limits) with { CallTimeout = FolderReduction.CallTimeout };
        var engines = config.Engines.Select(name => CaseEngines.Find(name, limits, out _)).OfType<CampaignEngine>().ToList();
        return new CampaignReduction(new ReductionLimits { Time = TimeSpan.FromSeconds(config.ReduceSeconds) }, engines);
    }

    private static void Print(FuzzCampaign campaign, CampaignSnapshot s, CampaignReport report)
    {
        Console.WriteLine(FuzzProgress.Line(s));
        Console.WriteLine("engines: " + string.Join(", ", campaign.Versions.Select(v => $"{v.Name} {v.Version}")));
        foreach (var (verdict, n) in s.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal)) Console.WriteLine($"  {verdict}: {n}");
        foreach (var d in s.Divergences) Console.WriteLine($"divergence ×{d.Count}: {d.Signature} -> {d.Directory}");
        if (s.ErrorCount > 0) Console.WriteLine($"errors of the campaign itself: {s.ErrorCount} (see summary.md)");
        Console.WriteLine($"report: {Path.Combine(report.Directory, "summary.md")}");
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
