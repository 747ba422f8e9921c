using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>What a runtime reference is: the objects that reference values point to (§4.2.1).</summary>
public static class RuntimeReferences
{
    /// <summary>Whether two references (<c>null</c> for null) are the same, as <c>ref.eq</c> sees it (§4.4.2.8).</summary>
    public static bool Equal(object? a, object? b) => ReferenceEquals(a, b) || (a is not null && a.Equals(b));

    /// <summary>
    /// Whether the non-null <paramref name="reference"/> is of the abstract heap type
    /// <paramref name="kind"/> by what it is at run time: functions are <c>func</c>; exception
    /// references <c>exn</c>; i31, struct and array objects <c>i31</c>/<c>struct</c>/<c>array</c> (all <c>eq</c>).
    /// </summary>
    public static bool IsOfKind(object reference, HeapKind kind) => kind switch
    {
        HeapKind.Func => reference is FunctionInstance,
        HeapKind.Exn => reference is ExceptionInstance,
        _ => false,
    };
}
