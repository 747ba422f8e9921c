using WasmConform.Fuzz.Engines;

namespace WasmConform.Fuzz.Tests.Engines;

/// <summary>
/// A fact that needs one engine of the catalog: skipped, with the catalog's reason, where that
/// engine is not available (the wasmtime runner not built, no node, no wazero build).
/// </summary>
public sealed class EngineFactAttribute : FactAttribute
{
    public EngineFactAttribute(string engine)
    {
        var entry = EngineCatalog.Find(engine);
        if (entry is null) Skip = $"no engine called {engine}";
        else if (!entry.IsAvailable) Skip = $"{engine} unavailable: {entry.Reason}";
    }
}
