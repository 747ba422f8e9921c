using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Oracle;

namespace WasmConform.Fuzz.Campaign;

/// <summary>How a case ended, from the best-informed pair of engines.</summary>
public enum CaseVerdict : byte
{
    /// <summary>Some engine diverged from the baseline.</summary>
    Diverged,
    /// <summary>No divergence, but a comparison ended early under a rule (exhaustion, relaxed SIMD, memory.grow).</summary>
    Inconclusive,
    /// <summary>Every comparison ran to its end without a difference.</summary>
    Agreed,
    /// <summary>Fewer than two engines could run the case at all.</summary>
    SatOut,
}

/// <summary>How the comparison of one engine with the baseline ended in a case.</summary>
/// <param name="Baseline">The baseline engine.</param>
/// <param name="Other">The engine compared with it.</param>
/// <param name="Verdict">Agreed, diverged, inconclusive (with <paramref name="Rule"/>) or sat out.</param>
/// <param name="Rule">The rule that made it inconclusive.</param>
/// <param name="Details">What happened: the difference, the rule's case, the engine's reason to sit out.</param>
/// <param name="StepIndex">The step where the comparison ended early; null when it ran to the end.</param>
public sealed record PairResult(string Baseline, string Other, CaseVerdict Verdict, DifferenceRule? Rule = null, string? Details = null, int? StepIndex = null)
{
    /// <summary><c>reference vs wasmtime</c>.</summary>
    public string Pair => $"{Baseline} vs {Other}";
}

/// <summary>What one engine did in a case, step by step, until it stopped.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Steps">Its records, in step order (fewer than the case's steps when it stopped early).</param>
public sealed record EngineRun(string Engine, IReadOnlyList<StepRecord> Steps)
{
    /// <summary>Time spent in the engine over the case.</summary>
    public TimeSpan Elapsed => Steps.Aggregate(TimeSpan.Zero, (t, s) => t + s.Elapsed);
}

/// <summary>One case of a campaign: the module, what every engine did, and the oracle's findings.</summary>
/// <param name="Seed">The campaign's seed.</param>
/// <param name="Index">The case's index: the module is <c>GeneratedModules.Generated(Seed, Index, config)</c>.</param>
/// <param name="Module">The module.</param>
/// <param name="Binary">Its encoding, as every engine received it.</param>
/// <param name="Calls">The planned calls, with those not made.</param>
/// <param name="Steps">The steps (compile, instantiate, the calls made).</param>
/// <param name="Runs">Each engine's records, the baseline first.</param>
/// <param name="Pairs">How each comparison with the baseline ended.</param>
/// <param name="Divergences">The divergences found (at most one per pair).</param>
/// <param name="Context">What the oracle knew of the case.</param>
public sealed record CaseResult(
    ulong Seed, long Index, Module Module, byte[] Binary, IReadOnlyList<PlannedCall> Calls, IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<EngineRun> Runs, IReadOnlyList<PairResult> Pairs, IReadOnlyList<Divergence> Divergences, OracleContext Context)
{
    /// <summary>The case's verdict: diverged, else inconclusive, else agreed, else sat out.</summary>
    public CaseVerdict Verdict => Pairs.Count == 0 ? CaseVerdict.SatOut : Pairs.Min(p => p.Verdict);

    /// <summary>The run of <paramref name="engine"/>.</summary>
    public EngineRun RunOf(string engine) => Runs.First(r => r.Engine == engine);
}
