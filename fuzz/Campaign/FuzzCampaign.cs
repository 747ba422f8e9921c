using WasmConform.Engine.Embedding;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;
using WasmConform.Fuzz.Reports;

namespace WasmConform.Fuzz.Campaign;

/// <summary>What a campaign runs: seed, cases, duration, parallelism and the generator's options.</summary>
public sealed record CampaignSettings
{
    /// <summary>The seed: case <c>i</c> is always module <c>GeneratedModules.Generated(Seed, i, Generator)</c>.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The generator's options, already within the engines' common features.</summary>
    public required GeneratorConfig Generator { get; init; }

    /// <summary>The index of the first case.</summary>
    public long FirstCase { get; init; }

    /// <summary>How many cases; null for no limit (then <see cref="Duration"/> or cancellation ends the campaign).</summary>
    public long? Cases { get; init; }

    /// <summary>How long; null for no limit.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Cases run in parallel, each worker with its own engines.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Stop once this many distinct divergences are found; null never.</summary>
    public int? StopAfterDivergences { get; init; }

    /// <summary>How often the summary is rewritten while the campaign runs.</summary>
    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How new divergences are reduced; null for not at all.</summary>
    public CampaignReduction? Reduction { get; init; }

    /// <summary>
    /// Empty the process's type registry between cases once it holds this many types
    /// (<see cref="Engine.Validation.TypeRegistry.ReleaseAll"/>), so that a long campaign's memory
    /// stays bounded; null never. Only for a process whose every user of types is a campaign
    /// worker (the command line sets it; a test process, with other tests beside it, must not).
    /// </summary>
    public uint? ReleaseTypesAbove { get; init; }
}

/// <summary>
/// How a campaign reduces each new divergence once its folder is written (<see cref="Reducer.FolderReduction"/>):
/// on the worker that found it, with hosts of its two engines made for the reduction, within <paramref name="Limits"/>.
/// </summary>
/// <param name="Limits">The budget of one reduction.</param>
/// <param name="Engines">
/// The engines to reduce on, by name (those of the divergence are picked): normally the campaign's
/// own with a short call timeout (<see cref="Reducer.FolderReduction.CallTimeout"/>), since a candidate may loop for ever.
/// </param>
public sealed record CampaignReduction(Reducer.ReductionLimits Limits, IReadOnlyList<CampaignEngine> Engines);

/// <summary>An engine of a campaign with the version it reported.</summary>
public sealed record EngineVersion(string Name, string Version);

/// <summary>
/// A differential fuzzing campaign: workers take case indices in turn, run each case on their own
/// engines (<see cref="CaseRunner"/>), count what happened (<see cref="Stats"/>) and write a
/// report folder for every new divergence signature as soon as it is found; the summary is
/// rewritten periodically and at the end, also when the campaign is cancelled.
/// </summary>
/// <remarks>
/// A failure of the campaign's own code on a case (generator, encoder, oracle, report) is counted
/// as an error of that case and the campaign goes on; a crash of an engine is that engine's
/// <see cref="Outcome.Crash"/>, a finding like any divergence.
/// </remarks>
public sealed class FuzzCampaign(CampaignSettings settings, IReadOnlyList<CampaignEngine> engines, CampaignReport? report = null)
{
    private long _next;
    private CancellationToken _cancel;

    /// <summary>The counts so far (thread-safe).</summary>
    public CampaignStats Stats { get; } = new();

    /// <summary>The engines with their versions, known once <see cref="Run"/> has started its first worker.</summary>
    public IReadOnlyList<EngineVersion> Versions { get; private set; } = [];

    /// <summary>Raised (on a worker thread) for each new divergence signature, after its report is written.</summary>
    public event Action<DivergenceEntry>? Found;

    /// <summary>Runs the campaign until its cases are done, its time is up, it is cancelled or enough divergences are found.</summary>
    /// <returns>The final counts; the summary has been written.</returns>
    public CampaignSnapshot Run(CancellationToken cancel)
    {
        _cancel = cancel;
        if (engines.Count == 0) throw new ArgumentException("a campaign needs at least one engine", nameof(engines));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (settings.Duration is { } duration) stop.CancelAfter(duration);
        _next = settings.FirstCase;
        var first = CreateHosts(stop.Token);
        Versions = [.. first.Select(h => new EngineVersion(h.Name, VersionOf(h)))];
        report?.Start(Versions);
        var workers = Enumerable.Range(0, Math.Max(1, settings.Jobs)).Select(w => Task.Factory.StartNew(
            () => Work(w == 0 ? first : CreateHosts(stop.Token), stop), TaskCreationOptions.LongRunning)).ToArray();
        while (!Task.WaitAll(workers, settings.SummaryInterval)) WriteSummary(final: false);
        return WriteSummary(final: true);
    }

    private CampaignSnapshot WriteSummary(bool final)
    {
        var snapshot = Stats.Snapshot();
        try
        {
            report?.WriteSummary(snapshot, final);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Stats.AddError(-1, e);
        }
        return snapshot;
    }

    private EngineHost[] CreateHosts(CancellationToken stopping) => [.. engines.Select(e => e.CreateHost(stopping))];

    private static string VersionOf(EngineHost host)
    {
        using var session = host.NewSession();
        return session.Version;
    }

    private void Work(EngineHost[] hosts, CancellationTokenSource stop)
    {
        try
        {
            var runner = new CaseRunner(hosts, settings.Seed, settings.Generator);
            while (!stop.IsCancellationRequested)
            {
                long index = Interlocked.Increment(ref _next) - 1;
                if (settings.Cases is { } n && index >= settings.FirstCase + n) break;
                if (settings.ReleaseTypesAbove is { } most && TypeRegistry.Held >= most) TypeRegistry.ReleaseAll();
                using var types = TypeRegistry.Use();
                if (!RunCase(runner, index, stop)) break;
            }
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
        }
    }

    /// <summary>Runs case <paramref name="index"/>, counts it and records its divergences; false when the campaign stops.</summary>
    private bool RunCase(CaseRunner runner, long index, CancellationTokenSource stop)
    {
        CaseResult result;
        try
        {
            result = runner.Run(index);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (stop.IsCancellationRequested) return false;
            Stats.AddError(index, e);
            return true;
        }
        if (stop.IsCancellationRequested && Interrupted(result)) return false;
        Stats.Add(result);
        foreach (var divergence in result.Divergences) Record(divergence, result);
        if (settings.StopAfterDivergences is { } most && Stats.DistinctDivergences >= most) stop.Cancel();
        return true;
    }

    /// <summary>Whether a case finished after the stop was asked for may have been cut short by it.</summary>
    private static bool Interrupted(CaseResult result) =>
        result.Runs.Any(r => r.Steps.Any(s => s.Outcome is Outcome.Exhausted { Kind: Engine.Execution.ExhaustionKind.Time }));

    private void Record(Divergence divergence, CaseResult result)
    {
        if (!Stats.AddDivergence(divergence, result.Index)) return;
        string? directory = null;
        if (report is not null)
        {
            try
            {
                directory = report.WriteDivergence(result, divergence, settings.Generator);
                Stats.SetDirectory(divergence.Signature, directory);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Stats.AddError(result.Index, e);
            }
        }
        Found?.Invoke(Stats.Snapshot().Divergences.First(d => d.Signature == divergence.Signature));
        if (directory is not null && settings.Reduction is { } reduction) Reduce(Path.Combine(report!.Directory, directory), divergence, result.Index, reduction);
    }

    /// <summary>
    /// Reduces the divergence written to <paramref name="folder"/> on new hosts of its two engines
    /// (stopped only by the budget or by cancelling the campaign, not by its duration running out).
    /// </summary>
    private void Reduce(string folder, Divergence divergence, long index, CampaignReduction reduction)
    {
        var engines = new[] { divergence.Baseline, divergence.Other }.Select(n => reduction.Engines.FirstOrDefault(e => e.Name == n)).ToArray();
        if (engines.Any(e => e is null)) return;
        var hosts = new List<EngineHost>();
        try
        {
            foreach (var engine in engines) hosts.Add(engine!.CreateHost(_cancel));
            Reducer.FolderReduction.Reduce(folder, hosts, reduction.Limits, _cancel);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Stats.AddError(index, e);
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
        }
    }
}
