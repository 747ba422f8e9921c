namespace WasmConform.Engine.Execution;

/// <summary>Reference equality as <c>ref.eq</c> sees it (§4.4.2.8).</summary>
internal static class References
{
    /// <summary>Whether two references (<c>null</c> for null) are the same.</summary>
    public static bool Equal(object? a, object? b) => ReferenceEquals(a, b) || (a is not null && a.Equals(b));
}
