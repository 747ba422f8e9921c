using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Oracle;

namespace WasmConform.Fuzz.Reducer;

/// <summary>What to reduce: a divergent case and the divergence that must persist.</summary>
/// <param name="Module">The case's module.</param>
/// <param name="Calls">The calls the case makes; they keep their arguments while the module shrinks (a call is left out once its export is gone).</param>
/// <param name="Seed">The case's seed (for its reports).</param>
/// <param name="Index">The case's index (for its reports).</param>
/// <param name="CanonicalNans">Whether the case's NaNs are canonical (the oracle then compares NaN bits).</param>
/// <param name="Signature">The divergence signature every kept candidate must show.</param>
public sealed record ReductionTarget(Module Module, IReadOnlyList<PlannedCall> Calls, ulong Seed, long Index, bool CanonicalNans, string Signature);

/// <summary>How much a reduction may spend.</summary>
public sealed record ReductionLimits
{
    /// <summary>Candidates run on the engines at most (invalid candidates are not run and not counted).</summary>
    public int MaxRuns { get; init; } = 5000;

    /// <summary>Wall-clock time at most.</summary>
    public TimeSpan Time { get; init; } = TimeSpan.FromSeconds(120);
}

/// <summary>How many candidates one kind of step tried and kept.</summary>
/// <param name="Pass">The step: <c>exports</c>, <c>functions</c>, <c>instructions</c>, <c>constants</c>, …</param>
/// <param name="Tried">Candidates run.</param>
/// <param name="Kept">Candidates that still showed the divergence.</param>
public sealed record PassCount(string Pass, int Tried, int Kept);

/// <summary>What a reduction did.</summary>
/// <param name="Target">What it was asked.</param>
/// <param name="Reproduced">Whether the original case showed the divergence on these engines at all (if not, nothing was reduced).</param>
/// <param name="Reduced">The smallest module found that shows it (the original when nothing helped).</param>
/// <param name="Calls">The calls of the reduced case.</param>
/// <param name="Run">The reduced case's run (the original's when it did not reproduce).</param>
/// <param name="Divergence">The divergence in that run with the target's signature; null when not reproduced.</param>
/// <param name="Runs">Candidates run on the engines (the original included).</param>
/// <param name="Invalid">Candidates skipped because they did not validate.</param>
/// <param name="Elapsed">Time taken.</param>
/// <param name="StoppedBy">Why it stopped before no step helped: <c>runs</c>, <c>time</c> or <c>cancelled</c>; null when it ran to the end.</param>
/// <param name="Passes">Candidates tried and kept, by step.</param>
public sealed record ReductionResult(
    ReductionTarget Target, bool Reproduced, Module Reduced, IReadOnlyList<PlannedCall> Calls, CaseResult Run, Divergence? Divergence,
    int Runs, int Invalid, TimeSpan Elapsed, string? StoppedBy, IReadOnlyList<PassCount> Passes)
{
    /// <summary>Whether it ran until no step helped.</summary>
    public bool Complete => StoppedBy is null;
}

/// <summary>Sizes of a module as reports give them.</summary>
public static class ModuleSize
{
    /// <summary>Instructions in the function bodies (the implicit final <c>end</c>s not counted).</summary>
    public static int Instructions(Module module) => module.Functions.Sum(f => f.Body.Count);

    /// <summary>Bytes of its binary encoding.</summary>
    public static int Bytes(Module module) => Engine.Binary.Encoder.Encode(module).Length;
}
