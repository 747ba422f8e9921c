namespace WasmConform.Wast.Tests.Json;

/// <summary>
/// A theory that needs wabt's <c>wast2json</c> on PATH (Debian's <c>wabt</c> package); without it
/// the theory is skipped at discovery, and the skip message says why.
/// </summary>
public sealed class WabtTheoryAttribute : TheoryAttribute
{
    public WabtTheoryAttribute()
    {
        if (Wabt.Wast2Json is null)
            Skip = "wabt's wast2json is not on PATH (install the wabt package, e.g. apt-get install wabt, to compare our JSON with wabt's)";
    }
}
