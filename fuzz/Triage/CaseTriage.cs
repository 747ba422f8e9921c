using System.Diagnostics;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;
using WasmConform.Fuzz.Reports;
using WasmConform.Wast.Script;

namespace WasmConform.Fuzz.Triage;

/// <summary>
/// Runs recorded cases again on the engines available now, through the campaign's case runner
/// and oracle, and classifies each (<see cref="TriageStatus"/>): still diverging with the same
/// signature, fixed (the engines agree and the baseline gives the recorded outcome), changed
/// (another divergence, or the baseline's outcome changed), or not checked (an engine cannot run
/// here, the run is inconclusive, the folder is unreadable), never silently passed.
/// </summary>
/// <remarks>One host per engine is started on first use and kept for every case; not thread-safe.</remarks>
/// <param name="resolve">The engine of a name, or why it cannot run here (<see cref="CaseEngines.Find"/>).</param>
/// <param name="known">Signatures known to be open (<see cref="KnownSignatures"/>): not a regression when they show.</param>
public sealed class CaseTriage(Func<string, (CampaignEngine? Engine, string? Reason)> resolve, IReadOnlySet<string> known) : IDisposable
{
    private readonly Dictionary<string, EngineHost> _hosts = [];
    private readonly List<EngineVersion> _versions = [];

    /// <summary>The engines started so far, with their versions.</summary>
    public IReadOnlyList<EngineVersion> Versions => _versions;

    /// <summary>
    /// The case folders under <paramref name="paths"/>: a path that is a case folder (a regression
    /// case's <c>case.yaml</c>, a divergence's <c>report.yaml</c> and <c>case.wasm</c>) is itself one;
    /// otherwise its subfolders that are case folders, in name order. A path with none goes to <paramref name="errors"/>.
    /// </summary>
    public static List<string> CaseFolders(IEnumerable<string> paths, List<string> errors)
    {
        var folders = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (IsCase(full))
            {
                folders.Add(full);
                continue;
            }
            var inside = Directory.Exists(full) ? Directory.GetDirectories(full).Where(IsCase).Order(StringComparer.Ordinal).ToList() : [];
            if (inside.Count == 0) errors.Add(Directory.Exists(full) ? $"{path}: no case folders in it (folders with case.yaml, or report.yaml and case.wasm)" : $"{path}: no such folder");
            folders.AddRange(inside);
        }
        return folders;
    }

    private static bool IsCase(string folder) => RegressionCorpus.Is(folder) || DivergenceFolder.Is(folder);

    /// <summary>Triages every folder of <paramref name="folders"/>.</summary>
    public TriageResult Run(IEnumerable<string> folders, string? knownFile = null, Action<TriageEntry>? checkedOne = null)
    {
        var entries = new List<TriageEntry>();
        foreach (var folder in folders)
        {
            var entry = Check(folder);
            entries.Add(entry);
            checkedOne?.Invoke(entry);
        }
        return new TriageResult(entries, [.. _versions], knownFile);
    }

    /// <summary>Triages the case of <paramref name="folder"/>.</summary>
    public TriageEntry Check(string folder)
    {
        RecordedCase recorded;
        try
        {
            recorded = RegressionCorpus.Is(folder) ? RegressionCorpus.Read(folder) : DivergenceFolder.Read(folder);
        }
        catch (CaseFolderException e)
        {
            return new TriageEntry(folder, null, TriageStatus.NotChecked, "", [], $"unreadable: {e.Message}", false, [], Unreadable: true);
        }
        var hosts = new List<EngineHost>();
        foreach (var name in recorded.Engines)
        {
            if (Host(name, out var reason) is not { } host) return NotChecked(recorded, reason!);
            hosts.Add(host);
        }
        var watch = Stopwatch.StartNew();
        var runner = new CaseRunner(hosts, recorded.Seed, new GeneratorConfig { CanonicalizeNans = recorded.CanonicalNans });
        var result = runner.Run(recorded.Index, recorded.Module, recorded.Calls);
        return Classify(recorded, result) with { Seconds = watch.Elapsed.TotalSeconds };
    }

    private TriageEntry Classify(RecordedCase recorded, CaseResult result)
    {
        var now = result.Divergences.Select(d => d.Signature).ToList();
        if (now.Contains(recorded.Signature))
        {
            var same = result.Divergences.First(d => d.Signature == recorded.Signature);
            return Entry(recorded, TriageStatus.StillDiverging, now, $"{same.Step}: {same.Difference}", baselineChanged: false);
        }
        if (result.Divergences.Count > 0)
        {
            var d = result.Divergences[0];
            return Entry(recorded, TriageStatus.Changed, now,
                $"was: {recorded.Signature}; now: {d.Signature}, at {d.Step}: {d.Difference}", baselineChanged: false);
        }
        var pair = result.Pairs.FirstOrDefault();
        if (pair is { Verdict: CaseVerdict.Inconclusive or CaseVerdict.SatOut })
            return NotChecked(recorded, $"{(pair.Verdict == CaseVerdict.SatOut ? "an engine sat out" : $"inconclusive ({pair.Rule?.Name})")}: {pair.Details}");
        var baseline = result.RunOf(recorded.Baseline).Steps;
        string? actual = recorded.Step < baseline.Count ? OutcomeText.Describe(baseline[recorded.Step].Outcome) : null;
        if (recorded.Expected is { } expected && actual != expected)
            return Entry(recorded, TriageStatus.Changed, now,
                $"the engines agree, but at step {recorded.Step} {recorded.Baseline} now gives '{actual ?? "nothing (it stopped before)"}' where '{expected}' was recorded", baselineChanged: true);
        return Entry(recorded, TriageStatus.Fixed, now,
            $"the engines agree{(actual is null ? "" : $"; at step {recorded.Step} both give '{actual}'")}", baselineChanged: false);
    }

    private TriageEntry Entry(RecordedCase recorded, TriageStatus status, List<string> now, string details, bool baselineChanged) => new(
        recorded.Directory, recorded.Kind, status, recorded.Signature, now, details,
        TriageRules.Regressed(recorded, now, baselineChanged, known), recorded.Engines, RecordedStatus: recorded.Status);

    private static TriageEntry NotChecked(RecordedCase recorded, string reason) => new(
        recorded.Directory, recorded.Kind, TriageStatus.NotChecked, recorded.Signature, [], reason, false, recorded.Engines, RecordedStatus: recorded.Status);

    /// <summary>The host of engine <paramref name="name"/>, started on first use; null with the reason when it cannot run here.</summary>
    private EngineHost? Host(string name, out string? reason)
    {
        reason = null;
        if (_hosts.TryGetValue(name, out var host)) return host;
        var (engine, why) = resolve(name);
        if (engine is null)
        {
            reason = why ?? $"{name} cannot run here";
            return null;
        }
        try
        {
            host = engine.CreateHost(CancellationToken.None);
            using (var session = host.NewSession()) _versions.Add(new EngineVersion(name, session.Version));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            host?.Dispose();
            reason = $"{name} could not be started: {e.Message}";
            return null;
        }
        _hosts[name] = host;
        return host;
    }

    public void Dispose()
    {
        foreach (var host in _hosts.Values) host.Dispose();
        _hosts.Clear();
    }
}
