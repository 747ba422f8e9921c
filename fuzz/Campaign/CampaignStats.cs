using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;

namespace WasmConform.Fuzz.Campaign;

/// <summary>A distinct divergence of a campaign: its signature, how many cases showed it, and where its report is.</summary>
/// <param name="Signature">The signature.</param>
/// <param name="FirstCase">The index of the first case that showed it (the one reported).</param>
/// <param name="Count">Cases that showed it.</param>
/// <param name="Directory">The report folder's name inside the run's folder; null until written (or without a report).</param>
/// <param name="Diagnosis">The first difference of the first case, for people.</param>
public sealed record DivergenceEntry(string Signature, long FirstCase, long Count, string? Directory, string Diagnosis);

/// <summary>A case that failed inside the campaign's own code (generator, encoder, oracle, report): never the end of the campaign.</summary>
/// <param name="Index">The case.</param>
/// <param name="Error">The exception, as text.</param>
public sealed record CampaignError(long Index, string Error);

/// <summary>Where a campaign stands: counts so far. A snapshot; <see cref="CampaignStats"/> makes them.</summary>
public sealed record CampaignSnapshot(
    long Cases, TimeSpan Elapsed, long DivergentCases, IReadOnlyList<DivergenceEntry> Divergences,
    IReadOnlyDictionary<string, TimeSpan> EngineTime, IReadOnlyDictionary<string, long> Verdicts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Pairs, IReadOnlyDictionary<string, long> CallOutcomes,
    IReadOnlyDictionary<string, long> InstantiationOutcomes, IReadOnlyDictionary<string, long> SatOut,
    IReadOnlyDictionary<string, long> Inconclusive, long SkippedCalls, IReadOnlyList<CampaignError> Errors, long ErrorCount)
{
    /// <summary>Cases per second so far.</summary>
    public double CasesPerSecond => Elapsed.TotalSeconds > 0 ? Cases / Elapsed.TotalSeconds : 0;
}

/// <summary>The counters of a running campaign, thread-safe: cases, verdicts, outcome mix, engine time, divergences.</summary>
public sealed class CampaignStats
{
    /// <summary>Errors kept with their text; later ones are only counted.</summary>
    public const int KeptErrors = 20;

    private readonly Lock _lock = new();
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly Dictionary<string, TimeSpan> _engineTime = [];
    private readonly Dictionary<string, long> _verdicts = [];
    private readonly Dictionary<string, Dictionary<string, long>> _pairs = [];
    private readonly Dictionary<string, long> _calls = [];
    private readonly Dictionary<string, long> _instantiations = [];
    private readonly Dictionary<string, long> _satOut = [];
    private readonly Dictionary<string, long> _inconclusive = [];
    private readonly List<DivergenceEntry> _divergences = [];
    private readonly List<CampaignError> _errors = [];
    private long _cases, _divergent, _skippedCalls, _errorCount;

    /// <summary>Counts a finished case.</summary>
    public void Add(CaseResult result)
    {
        lock (_lock)
        {
            _cases++;
            if (result.Divergences.Count > 0) _divergent++;
            Count(_verdicts, Name(result.Verdict));
            _skippedCalls += result.Calls.Count(c => c.Args is null);
            foreach (var run in result.Runs) _engineTime[run.Engine] = _engineTime.GetValueOrDefault(run.Engine) + run.Elapsed;
            foreach (var pair in result.Pairs) AddPair(pair);
            foreach (var record in result.Runs[0].Steps)
            {
                if (record.Step.Kind == StepKind.Invoke) Count(_calls, OutcomeKey(record.Outcome));
                else if (record.Step.Kind == StepKind.Instantiate) Count(_instantiations, OutcomeKey(record.Outcome));
            }
        }
    }

    private void AddPair(PairResult pair)
    {
        if (!_pairs.TryGetValue(pair.Pair, out var counts)) _pairs[pair.Pair] = counts = [];
        Count(counts, Name(pair.Verdict));
        if (pair.Verdict == CaseVerdict.SatOut) Count(_satOut, $"{pair.Details}");
        if (pair.Verdict == CaseVerdict.Inconclusive) Count(_inconclusive, pair.Rule!.Name);
    }

    /// <summary>
    /// Counts a divergence seen in a case; true when its signature is new (the caller then writes its
    /// report and calls <see cref="SetDirectory"/>).
    /// </summary>
    public bool AddDivergence(Divergence divergence, long index)
    {
        lock (_lock)
        {
            int at = _divergences.FindIndex(d => d.Signature == divergence.Signature);
            if (at >= 0)
            {
                _divergences[at] = _divergences[at] with { Count = _divergences[at].Count + 1 };
                return false;
            }
            _divergences.Add(new DivergenceEntry(divergence.Signature, index, 1, null,
                $"{divergence.Step}: {divergence.Difference}"));
            return true;
        }
    }

    /// <summary>Records where the report of <paramref name="signature"/> was written.</summary>
    public void SetDirectory(string signature, string directory)
    {
        lock (_lock)
        {
            int at = _divergences.FindIndex(d => d.Signature == signature);
            if (at >= 0) _divergences[at] = _divergences[at] with { Directory = directory };
        }
    }

    /// <summary>Records a failure of the campaign's own code on case <paramref name="index"/>.</summary>
    public void AddError(long index, Exception error)
    {
        lock (_lock)
        {
            _errorCount++;
            if (_errors.Count < KeptErrors) _errors.Add(new CampaignError(index, error.ToString()));
        }
    }

    /// <summary>Distinct divergences so far.</summary>
    public int DistinctDivergences
    {
        get
        {
            lock (_lock) return _divergences.Count;
        }
    }

    /// <summary>The counts now.</summary>
    public CampaignSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new CampaignSnapshot(_cases, _watch.Elapsed, _divergent, [.. _divergences],
                new Dictionary<string, TimeSpan>(_engineTime), new Dictionary<string, long>(_verdicts),
                _pairs.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, long>)new Dictionary<string, long>(p.Value)),
                new Dictionary<string, long>(_calls), new Dictionary<string, long>(_instantiations),
                new Dictionary<string, long>(_satOut), new Dictionary<string, long>(_inconclusive), _skippedCalls, [.. _errors], _errorCount);
        }
    }

    /// <summary>
    /// How the outcome mix names an outcome: <c>values</c>, <c>trap: integer overflow</c>,
    /// <c>exit: fuel (101)</c>, <c>exit: depth (102)</c>, <c>exit: other</c>, <c>thrown</c>, …
    /// </summary>
    public static string OutcomeKey(Outcome outcome) => outcome switch
    {
        Outcome.Values => "values",
        Outcome.Instantiated => "instantiated",
        Outcome.Trap t => "trap: " + TrapMessages.Of(t.Kind),
        Outcome.Exit { Code: GeneratedModule.FuelExitCode } => $"exit: fuel ({GeneratedModule.FuelExitCode})",
        Outcome.Exit { Code: GeneratedModule.DepthExitCode } => $"exit: depth ({GeneratedModule.DepthExitCode})",
        Outcome.Exit => "exit: other",
        Outcome.Thrown => "uncaught exception",
        Outcome.Exhausted x => "exhausted: " + ExhaustionException.MessageOf(x.Kind),
        _ => OutcomeOracle.KindName(outcome),
    };

    /// <summary>The snake_case name of a verdict: <c>agreed</c>, <c>diverged</c>, <c>inconclusive</c>, <c>sat_out</c>.</summary>
    public static string Name(CaseVerdict verdict) => verdict switch
    {
        CaseVerdict.SatOut => "sat_out",
        _ => verdict.ToString().ToLowerInvariant(),
    };

    private static void Count(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
