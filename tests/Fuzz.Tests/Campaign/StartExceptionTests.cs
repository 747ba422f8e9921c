using WasmConform.Engine.Embedding;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Tests.Engines;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>An exception that a start function throws and nothing catches fails the instantiation as an uncaught exception on every engine.</summary>
public sealed class StartExceptionTests
{
    private const string Module = """
        (module (tag $t) (func $start (throw $t)) (start $start))
        """;

    private static void Start_function_exception_is_thrown_not_unlinkable(string name)
    {
        using var engine = EngineCatalog.Find(name)!.Create();
        var compiled = Assert.IsType<Outcome.Compiled>(engine.Compile(Wat.Binary(Module)));
        Assert.IsType<Outcome.Thrown>(engine.Instantiate(compiled.Module));
    }

    [Fact]
    public void Reference() => Start_function_exception_is_thrown_not_unlinkable(EngineCatalog.Reference);

    [EngineFact(EngineCatalog.Wasmtime)]
    public void Wasmtime() => Start_function_exception_is_thrown_not_unlinkable(EngineCatalog.Wasmtime);
}
