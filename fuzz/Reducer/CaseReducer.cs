using System.Diagnostics;
using System.Security.Cryptography;
using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Reducer;

/// <summary>
/// Shrinks a divergent case while its divergence signature persists: each candidate module is
/// encoded, decoded and validated (an invalid one is skipped, never run), then run on the
/// engines through the campaign's <see cref="CaseRunner"/> and oracle with the case's calls; it
/// is kept when the run shows the target signature and its binary is no larger. Steps, in
/// rounds until none helps or the budget is spent: custom sections, exports, the start function,
/// function bodies (<c>unreachable</c>, then the zero of its results), then definitions of every
/// index space (functions, imports, globals, tables, memories, tags, segments, types: removed and
/// the rest renumbered), then in each body ranges of instructions, subexpressions (replaced by
/// zeros of their type, from <see cref="BodyTypes"/>), blocks (unwrapped, an <c>if</c> arm kept, a
/// loop made a block, block types simplified), unused locals, and segment contents. Removals go by
/// delta debugging (<see cref="ChunkSearch"/>: halving chunk sizes).
/// </summary>
/// <remarks>
/// Every candidate is tried at most once (by the hash of its binary). The hosts are used by one
/// thread at a time; each candidate gets fresh sessions, as a campaign's cases do.
/// </remarks>
public sealed partial class CaseReducer
{
    private static readonly Features Features = FeatureSets.All;

    private readonly ReductionTarget _target;
    private readonly ReductionLimits _limits;
    private readonly CaseRunner _runner;
    private readonly HashSet<string> _tried = [];
    private readonly Dictionary<string, (int Tried, int Kept)> _passes = [];
    private readonly Stopwatch _watch = new();
    private CancellationToken _cancel;
    private Module _current;
    private int _currentBytes;
    private CaseResult? _currentRun;
    private int _runs, _invalid;
    private string? _stoppedBy;

    /// <summary>A reducer of <paramref name="target"/> on <paramref name="hosts"/> (the divergence's baseline first, as in the campaign).</summary>
    public CaseReducer(IReadOnlyList<EngineHost> hosts, ReductionTarget target, ReductionLimits? limits = null)
    {
        _target = target;
        _limits = limits ?? new ReductionLimits();
        _runner = new CaseRunner(hosts, target.Seed, new GeneratorConfig { CanonicalizeNans = target.CanonicalNans });
        _current = target.Module;
    }

    /// <summary>Raised for every candidate that was run: the (valid) module, and whether it was kept.</summary>
    public event Action<Module, bool>? Tried;

    /// <summary>Runs the reduction until no step helps, the budget is spent or <paramref name="cancel"/> is cancelled.</summary>
    public ReductionResult Run(CancellationToken cancel = default)
    {
        _cancel = cancel;
        _watch.Restart();
        var original = _target.Module;
        _currentBytes = Encoder.Encode(original).Length;
        _tried.Add(Key(Encoder.Encode(original)));
        var first = RunCase(original);
        _runs++;
        if (!Shows(first)) return Result(reproduced: false, first);
        _currentRun = first;
        Tried?.Invoke(original, true);
        while (!Spent())
        {
            bool progress = ModuleRound();
            progress |= CodeRound();
            if (!progress) break;
        }
        return Result(reproduced: true, _currentRun);
    }

    private ReductionResult Result(bool reproduced, CaseResult run) => new(
        _target, reproduced, _current, CallsOf(_current), run,
        run.Divergences.FirstOrDefault(d => d.Signature == _target.Signature),
        _runs, _invalid, _watch.Elapsed, _stoppedBy,
        [.. _passes.Select(p => new PassCount(p.Key, p.Value.Tried, p.Value.Kept))]);

    /// <summary>Whether the budget is spent or the reduction cancelled (and why, the first time).</summary>
    private bool Spent()
    {
        _stoppedBy ??= _cancel.IsCancellationRequested ? "cancelled"
            : _runs >= _limits.MaxRuns ? "runs"
            : _watch.Elapsed >= _limits.Time ? "time"
            : null;
        return _stoppedBy is not null;
    }

    /// <summary>
    /// Tries <paramref name="candidate"/> (null: the step could not be made): skipped when tried
    /// before, larger than the current module or invalid; else run, and kept when it shows the divergence.
    /// </summary>
    private bool Try(Module? candidate, string pass)
    {
        if (candidate is null || Spent()) return false;
        byte[] binary;
        Module decoded;
        try
        {
            binary = Encoder.Encode(candidate);
            if (!Smaller(candidate, binary.Length) || !_tried.Add(Key(binary))) return false;
            decoded = Decoder.Decode(binary, Features);
            Validator.Validate(decoded, Features);
        }
        catch (WasmException)
        {
            _invalid++;
            return false;
        }
        var run = RunCase(decoded);
        _runs++;
        bool kept = Shows(run);
        var (tried, keptCount) = _passes.GetValueOrDefault(pass);
        _passes[pass] = (tried + 1, keptCount + (kept ? 1 : 0));
        Tried?.Invoke(decoded, kept);
        if (!kept) return false;
        _current = decoded;
        _currentBytes = binary.Length;
        _currentRun = run;
        return true;
    }

    /// <summary>
    /// Whether a candidate counts as smaller than the current module: fewer instructions, or as
    /// many in no more bytes. Every kept candidate is new and no larger in this order, so a
    /// reduction always ends.
    /// </summary>
    private bool Smaller(Module candidate, int bytes)
    {
        int instructions = ModuleSize.Instructions(candidate), current = ModuleSize.Instructions(_current);
        return instructions < current || (instructions == current && bytes <= _currentBytes);
    }

    private CaseResult RunCase(Module module) => _runner.Run(_target.Index, module, CallsOf(module));

    private bool Shows(CaseResult run) => run.Divergences.Any(d => d.Signature == _target.Signature);

    /// <summary>The target's calls of functions <paramref name="module"/> still exports.</summary>
    private IReadOnlyList<PlannedCall> CallsOf(Module module)
    {
        var exported = module.Exports.Where(e => e.Kind == ExternKind.Func).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return [.. _target.Calls.Where(c => exported.Contains(c.Export))];
    }

    private static string Key(byte[] binary) => Convert.ToHexString(SHA256.HashData(binary));
}
