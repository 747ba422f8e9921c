using System.Globalization;
using System.Text.RegularExpressions;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;
using WasmConform.Wast.Script;

namespace WasmConform.Fuzz.Oracle;

/// <summary>
/// The differential oracle: compares two engines' records of one step of a case (DESIGN.md,
/// "One outcome model"). In order: a crash is always a finding; an engine that could not take
/// the step sits out; exhaustion is inconclusive; then the outcomes (kinds, trap kinds up to
/// their class, exit codes, values bit-exact), the log trace, and the exported globals and
/// memories (size, hash, then the first differing byte when the bytes are there). A difference
/// in a module using relaxed SIMD, or after a step that left memories of different sizes, is
/// inconclusive (<see cref="DifferenceRules"/>).
/// </summary>
/// <remarks>
/// Exit codes 101 and 102 (<see cref="GeneratedModule.FuelExitCode"/>, <see cref="GeneratedModule.DepthExitCode"/>)
/// are compared like any other exit: the module counts its own fuel and depth in globals, so
/// every engine that runs it correctly reaches the same count at the same point. Only the
/// engines' own limits (<see cref="Outcome.Exhausted"/>) differ legitimately.
/// </remarks>
public static partial class OutcomeOracle
{
    /// <summary>The <see cref="Difference.Aspect"/> of a crash.</summary>
    public const string CrashAspect = "crash";

    /// <summary>Compares <paramref name="other"/>'s record of a step with <paramref name="baseline"/>'s.</summary>
    public static StepVerdict Compare(StepRecord baseline, StepRecord other, string baselineName, string otherName, OracleContext context)
    {
        if ((CrashOf(baseline, baselineName) ?? CrashOf(other, otherName)) is { } crash) return new StepVerdict.Differs(crash);
        if (baseline.Outcome is Outcome.Unsupported bu) return new StepVerdict.SatOut(baselineName, bu.Feature);
        if (other.Outcome is Outcome.Unsupported ou) return new StepVerdict.SatOut(otherName, ou.Feature);
        if (baseline.Outcome is Outcome.Exhausted || other.Outcome is Outcome.Exhausted)
            return new StepVerdict.Inconclusive(DifferenceRules.Exhaustion,
                $"{baselineName}: {OutcomeText.Describe(baseline.Outcome)}; {otherName}: {OutcomeText.Describe(other.Outcome)}");
        var rules = DifferenceRules.ValueRulesFor(context, baselineName, otherName);
        var difference = CompareOutcomes(baseline.Outcome, other.Outcome, rules)
            ?? CompareTraces(baseline.Trace, other.Trace, rules)
            ?? StateComparison.Compare(baseline.Snapshot, other.Snapshot, rules);
        if (difference is null) return StepVerdict.Same.Instance;
        if (context.RelaxedSimd) return new StepVerdict.Inconclusive(DifferenceRules.RelaxedSimd, difference.ToString());
        if (StateComparison.MemorySizeDifference(baseline.Snapshot, other.Snapshot) is { } grown)
            return new StepVerdict.Inconclusive(DifferenceRules.MemoryGrowRefused, grown);
        if (StateComparison.TableSizeDifference(baseline.Snapshot, other.Snapshot) is { } tableGrown)
            return new StepVerdict.Inconclusive(DifferenceRules.TableGrowRefused, tableGrown);
        return new StepVerdict.Differs(difference);
    }

    /// <summary>A crash of the engine at this step (its outcome, or its state query), as a difference.</summary>
    private static Difference? CrashOf(StepRecord record, string engine)
    {
        string? details = record.Outcome is Outcome.Crash c ? c.Details : record.State is Outcome.Crash s ? "state: " + s.Details : null;
        if (details is null) return null;
        string line = FirstLine(details);
        return new Difference(CrashAspect, $"{engine} crash: {Normalise(line)}", engine, "crash: " + line, "");
    }

    // --- Outcomes ---

    private static Difference? CompareOutcomes(Outcome a, Outcome b, ValueRules rules) => (a, b) switch
    {
        (Outcome.Compiled, Outcome.Compiled) or (Outcome.Instantiated, Outcome.Instantiated)
            or (Outcome.Unlinkable, Outcome.Unlinkable) or (Outcome.Thrown, Outcome.Thrown) => null,
        (Outcome.Malformed or Outcome.Invalid, Outcome.Malformed or Outcome.Invalid) => null,
        (Outcome.Trap ta, Outcome.Trap tb) => DifferenceRules.SameTrap(ta.Kind, tb.Kind) ? null
            : new Difference("trap kind", $"trap kind {KindName(a)} vs {KindName(b)}", "trap", TrapMessages.Of(ta.Kind), TrapMessages.Of(tb.Kind)),
        (Outcome.Exit ea, Outcome.Exit eb) => ea.Code == eb.Code ? null
            : new Difference("exit code", $"exit code {KindName(a)} vs {KindName(b)}", "exit code", Code(ea.Code), Code(eb.Code)),
        (Outcome.Values va, Outcome.Values vb) => CompareValues(va.Results, vb.Results, rules),
        _ => new Difference("outcome", $"outcome {KindName(a)} vs {KindName(b)}", "outcome", OutcomeText.Describe(a), OutcomeText.Describe(b)),
    };

    private static Difference? CompareValues(EquatableArray<Value> a, EquatableArray<Value> b, ValueRules rules)
    {
        if (a.Count != b.Count)
            return new Difference("result count", "result count", "results", Count(a.Count, "result"), Count(b.Count, "result"));
        for (int i = 0; i < a.Count; i++)
        {
            if (!ValueComparison.Same(a[i], b[i], rules))
                return new Difference("result", "result " + ValueComparison.TypeName(a[i]), "result " + Number(i),
                    ValueComparison.Describe(a[i]), ValueComparison.Describe(b[i]));
        }
        return null;
    }

    private static Difference? CompareTraces(EquatableArray<Value> a, EquatableArray<Value> b, ValueRules rules)
    {
        int common = Math.Min(a.Count, b.Count);
        for (int i = 0; i < common; i++)
        {
            if (!ValueComparison.Same(a[i], b[i], rules))
                return new Difference("trace", "trace " + ValueComparison.TypeName(a[i]), "logged value " + Number(i),
                    ValueComparison.Describe(a[i]), ValueComparison.Describe(b[i]));
        }
        return a.Count == b.Count ? null
            : new Difference("trace length", "trace length", "logged values", Count(a.Count, "value"), Count(b.Count, "value"));
    }

    /// <summary>
    /// The kind of an outcome as signatures name it: <c>values</c>, <c>trap(integer overflow)</c>
    /// (the representative of its <see cref="TrapClasses">class</see>), <c>exit(fuel)</c>,
    /// <c>exit(depth)</c>, <c>exit</c>, <c>thrown</c>, <c>rejected</c>, …
    /// </summary>
    public static string KindName(Outcome outcome) => outcome switch
    {
        Outcome.Values => "values",
        Outcome.Trap t => $"trap({TrapMessages.Of(TrapClasses.Of(t.Kind))})",
        Outcome.Exit { Code: GeneratedModule.FuelExitCode } => "exit(fuel)",
        Outcome.Exit { Code: GeneratedModule.DepthExitCode } => "exit(depth)",
        Outcome.Exit => "exit",
        Outcome.Thrown => "thrown",
        Outcome.Compiled => "compiled",
        Outcome.Malformed or Outcome.Invalid => "rejected",
        Outcome.Instantiated => "instantiated",
        Outcome.Unlinkable => "unlinkable",
        Outcome.Exhausted x => $"exhausted({ExhaustionException.MessageOf(x.Kind)})",
        Outcome.Crash => "crash",
        Outcome.Unsupported => "unsupported",
        _ => outcome.GetType().Name.ToLowerInvariant(),
    };

    private static string Code(int code) => "exit " + code.ToString(CultureInfo.InvariantCulture);

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string what) => $"{Number(n)} {what}{(n == 1 ? "" : "s")}";

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n');
        return (newline < 0 ? text : text[..newline]).TrimEnd();
    }

    /// <summary>
    /// A crash line without what changes from run to run, shortened, for signatures: quoted text
    /// (handles, paths) becomes <c>"…"</c>, numbers not part of a word (<c>v8</c> stays) become <c>#</c>.
    /// </summary>
    private static string Normalise(string line)
    {
        var text = Numbers().Replace(Quoted().Replace(line, "\"…\""), "#");
        return text.Length <= 100 ? text : text[..100] + "…";
    }

    [GeneratedRegex("(?<![A-Za-z0-9_.])[0-9]+")]
    private static partial Regex Numbers();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();
}
