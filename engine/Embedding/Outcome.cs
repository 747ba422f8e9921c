using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Embedding;

/// <summary>
/// What any engine answers (the reference interpreter, wasmtime, V8, wazero), as a closed set
/// of records so that the script runner and the fuzzer's oracle compare like with like:
/// <list type="bullet">
/// <item>compile: <see cref="Compiled"/> | <see cref="Malformed"/> | <see cref="Invalid"/></item>
/// <item>instantiate: <see cref="Instantiated"/> | <see cref="Unlinkable"/> | <see cref="Trap"/> | <see cref="Exit"/> | <see cref="Thrown"/></item>
/// <item>invoke: <see cref="Values"/> | <see cref="Trap"/> | <see cref="Exit"/> | <see cref="Exhausted"/> | <see cref="Thrown"/> | <see cref="Crash"/></item>
/// </list>
/// Any of them may also be <see cref="Unsupported"/> when the engine lacks a feature the module uses.
/// </summary>
public abstract record Outcome
{
    private Outcome() { }

    /// <summary>The module decoded and validated; <paramref name="Module"/> is the engine's handle for it.</summary>
    public sealed record Compiled(object Module) : Outcome;

    /// <summary>Decoding or parsing failed (§5): the message in the spec interpreter's words.</summary>
    public sealed record Malformed(string Message) : Outcome;

    /// <summary>Validation failed (§3).</summary>
    public sealed record Invalid(string Message) : Outcome;

    /// <summary>The module was instantiated; <paramref name="Instance"/> is the engine's handle for it.</summary>
    public sealed record Instantiated(object Instance) : Outcome;

    /// <summary>Import resolution failed (§4.5.4): "unknown import", "incompatible import type".</summary>
    public sealed record Unlinkable(string Message) : Outcome;

    /// <summary>Execution trapped.</summary>
    public sealed record Trap(TrapKind Kind, string Message) : Outcome;

    /// <summary>A host function ended the run with an exit code; the guest did not resume.</summary>
    public sealed record Exit(int Code) : Outcome;

    /// <summary>The call returned these values.</summary>
    public sealed record Values(EquatableArray<Value> Results) : Outcome;

    /// <summary>An exception was thrown and not caught (exception handling).</summary>
    public sealed record Thrown(string Message) : Outcome;

    /// <summary>A resource limit was reached: call depth, fuel or time. Inconclusive between engines.</summary>
    public sealed record Exhausted(ExhaustionKind Kind) : Outcome;

    /// <summary>The engine itself failed: a crashed process, an unexpected exception. Always a finding.</summary>
    public sealed record Crash(string Details) : Outcome;

    /// <summary>An instance's exported globals and memories (<see cref="IEngine.State"/>).</summary>
    public sealed record Snapshot(EngineState State) : Outcome;

    /// <summary>The engine does not implement what the module uses (yet): a skip, never a pass or a failure.</summary>
    public sealed record Unsupported(string Feature) : Outcome;
}
