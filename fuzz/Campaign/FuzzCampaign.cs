using WasmConform.Engine.Embedding;
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
}

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
                CaseResult result;
                try
                {
                    result = runner.Run(index);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    if (stop.IsCancellationRequested) break;
                    Stats.AddError(index, e);
                    continue;
                }
                if (stop.IsCancellationRequested && Interrupted(result)) break;
                Stats.Add(result);
                foreach (var divergence in result.Divergences) Record(divergence, result);
                if (settings.StopAfterDivergences is { } most && Stats.DistinctDivergences >= most) stop.Cancel();
            }
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
        }
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
    }
}
