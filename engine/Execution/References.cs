using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>What a runtime reference is: the objects that reference values point to (§4.2.1).</summary>
public static class RuntimeReferences
{
    /// <summary>
    /// Whether two references (<c>null</c> for null) are the same, as <c>ref.eq</c> sees it (§4.4.2):
    /// i31 references by their value, every other reference by identity.
    /// </summary>
    public static bool Equal(object? a, object? b) =>
        ReferenceEquals(a, b) || (a is I31Reference i && i.Equals(b as I31Reference));

    /// <summary>
    /// Whether the non-null <paramref name="reference"/> is of the abstract heap type
    /// <paramref name="kind"/> by what it is at run time: functions are <c>func</c>; exception
    /// references <c>exn</c>; i31, struct and array objects <c>i31</c>/<c>struct</c>/<c>array</c>
    /// (all <c>eq</c>); everything but functions and exceptions <c>any</c> and <c>extern</c>.
    /// </summary>
    public static bool IsOfKind(object reference, HeapKind kind) => RuntimeTypes.MatchesHeap(reference, kind, null, false);
}
