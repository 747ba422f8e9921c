namespace WasmConform.Engine.Execution;

/// <summary>Which resource ran out.</summary>
public enum ExhaustionKind : byte
{
    /// <summary>The call-depth limit: "call stack exhausted".</summary>
    CallStack,
    /// <summary>The fuel limit (instructions executed): "fuel exhausted".</summary>
    Fuel,
    /// <summary>The cancellation token or deadline: "interrupted".</summary>
    Time,
}

/// <summary>
/// Execution hit a resource limit (the spec's <c>Exhaustion</c>): not a trap, and not a
/// divergence between engines whose limits legitimately differ.
/// </summary>
public sealed class ExhaustionException(ExhaustionKind kind, string? location = null)
    : WasmException(MessageOf(kind), location)
{
    public ExhaustionKind Kind { get; } = kind;

    /// <summary>The message for each kind ("call stack exhausted" is the spec interpreter's).</summary>
    public static string MessageOf(ExhaustionKind kind) => kind switch
    {
        ExhaustionKind.CallStack => "call stack exhausted",
        ExhaustionKind.Fuel => "fuel exhausted",
        _ => "interrupted",
    };
}
