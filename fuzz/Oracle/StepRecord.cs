using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Oracle;

/// <summary>The three kinds of step a case is made of.</summary>
public enum StepKind : byte
{
    /// <summary>Decode and validate the module.</summary>
    Compile,
    /// <summary>Instantiate it with the fuzzer's <c>env</c> imports (runs the start function).</summary>
    Instantiate,
    /// <summary>Call one exported function.</summary>
    Invoke,
}

/// <summary>One step of a case, the same for every engine: compile, instantiate, or a call with its arguments.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Export">The exported function called (for <see cref="StepKind.Invoke"/>).</param>
/// <param name="Args">Its arguments.</param>
public sealed record CaseStep(StepKind Kind, string? Export = null, EquatableArray<Value> Args = default)
{
    /// <summary>The compile step.</summary>
    public static CaseStep Compile { get; } = new(StepKind.Compile);

    /// <summary>The instantiate step.</summary>
    public static CaseStep Instantiate { get; } = new(StepKind.Instantiate);

    /// <summary>A call of <paramref name="export"/> with <paramref name="args"/>.</summary>
    public static CaseStep Invoke(string export, IReadOnlyList<Value> args) => new(StepKind.Invoke, export, [.. args]);

    /// <summary>The stage as signatures name it: <c>compile</c>, <c>instantiate</c> or <c>invoke</c>.</summary>
    public string Stage => Kind.ToString().ToLowerInvariant();

    /// <summary><c>compile</c>, <c>instantiate</c>, or <c>invoke f2 (i32:1, f64:0x1p+0)</c>.</summary>
    public override string ToString() => Kind == StepKind.Invoke
        ? $"invoke {Export} ({string.Join(", ", Args.AsSpan().ToArray())})"
        : Stage;
}

/// <summary>
/// What one engine did at one step of a case: the outcome, the values it logged through
/// <c>env.log_*</c> during the step, and the instance's exported state after it.
/// </summary>
/// <param name="Step">The step.</param>
/// <param name="Outcome">The engine's answer.</param>
/// <param name="Trace">Values logged during the step, in order.</param>
/// <param name="State">
/// The answer to <see cref="IEngine.State"/> after the step (<see cref="Outcome.Snapshot"/>, or why
/// there is none); null when there is no instance to ask (compile, a failed instantiation).
/// </param>
/// <param name="Elapsed">How long the engine took for the step, state included.</param>
public sealed record StepRecord(CaseStep Step, Outcome Outcome, EquatableArray<Value> Trace, Outcome? State, TimeSpan Elapsed)
{
    /// <summary>The state snapshot, when the engine gave one.</summary>
    public EngineState? Snapshot => (State as Outcome.Snapshot)?.State;

    /// <summary>
    /// Whether the engine can go on to the next step after this one: compile gave a module,
    /// instantiate an instance, a call returned, trapped or threw. An exit ends the run (the guest
    /// does not resume); exhaustion, a crash or an unsupported feature end it for that engine.
    /// </summary>
    public bool Continues => Outcome switch
    {
        Outcome.Compiled or Outcome.Instantiated => true,
        Outcome.Values or Outcome.Trap or Outcome.Thrown => Step.Kind == StepKind.Invoke,
        _ => false,
    };
}
