namespace WasmConform.Fuzz.Oracle;

/// <summary>
/// The first thing two engines disagree on at a step.
/// </summary>
/// <param name="Aspect">
/// What differs: <c>crash</c>, <c>outcome</c> (kinds), <c>trap kind</c>, <c>exit code</c>,
/// <c>result count</c>, <c>result</c>, <c>trace length</c>, <c>trace</c>, <c>globals</c>,
/// <c>global</c>, <c>memories</c>, <c>memory size</c>, <c>memory contents</c>, <c>tables</c>,
/// <c>table size</c>, <c>table elements</c>.
/// </param>
/// <param name="Key">
/// What the signature takes from it: the aspect with value types and outcome kinds, but no export
/// names, indices or values (those differ from case to case for the same bug), e.g.
/// <c>result i32</c> or <c>outcome values vs trap(integer divide by zero)</c>.
/// </param>
/// <param name="Where">Where exactly, for people: <c>result 0</c>, <c>global g1</c>, <c>memory m0 byte 0x1234</c>.</param>
/// <param name="Baseline">The baseline engine's side, as text.</param>
/// <param name="Other">The other engine's side, as text.</param>
public sealed record Difference(string Aspect, string Key, string Where, string Baseline, string Other)
{
    /// <summary>e.g. <c>result 0: i32:5 vs i32:6</c>.</summary>
    public override string ToString() => $"{Where}: {Baseline} vs {Other}";
}

/// <summary>
/// Two engines disagreeing on a case in a way no <see cref="DifferenceRules">rule</see> allows:
/// a finding. Divergences with the same <see cref="Signature"/> are taken to be one bug.
/// </summary>
/// <param name="Signature">
/// What deduplicates findings: the engines, the stage (compile, instantiate, invoke), the outcome
/// kinds and trap kinds, and the first differing aspect with its value type. Export names are
/// left out on purpose: generated modules call their functions <c>f0</c>, <c>f1</c>, …, so a name
/// says nothing about the bug. A crash names only the crashed engine and the exception type.
/// </param>
/// <param name="Baseline">The engine compared against (the first of the campaign, normally <c>reference</c>).</param>
/// <param name="Other">The engine that disagrees with it.</param>
/// <param name="StepIndex">Index of the step in the case (0 compile, 1 instantiate, 2… calls).</param>
/// <param name="Step">The step.</param>
/// <param name="Difference">What differs.</param>
public sealed record Divergence(string Signature, string Baseline, string Other, int StepIndex, CaseStep Step, Difference Difference)
{
    /// <summary>The divergence of <paramref name="other"/> from <paramref name="baseline"/> at a step, with its signature.</summary>
    public static Divergence Of(string baseline, string other, int stepIndex, CaseStep step, Difference difference)
    {
        string signature = difference.Aspect == OutcomeOracle.CrashAspect
            ? $"{difference.Key} | {step.Stage}"
            : $"{baseline} vs {other} | {step.Stage} | {difference.Key}";
        return new Divergence(signature, baseline, other, stepIndex, step, difference);
    }
}

/// <summary>How a comparison of two engines' records of one step came out.</summary>
public abstract record StepVerdict
{
    private StepVerdict() { }

    /// <summary>No difference the oracle counts.</summary>
    public sealed record Same : StepVerdict
    {
        public static Same Instance { get; } = new();
    }

    /// <summary>A divergence.</summary>
    public sealed record Differs(Difference Difference) : StepVerdict;

    /// <summary>The engines differ, or may, in a way a rule allows; nothing after this step is compared.</summary>
    public sealed record Inconclusive(DifferenceRule Rule, string Details) : StepVerdict;

    /// <summary>An engine could not take the step (<see cref="DifferenceRules.Unsupported"/>): it sits out the rest of the case.</summary>
    public sealed record SatOut(string Engine, string Reason) : StepVerdict;
}
