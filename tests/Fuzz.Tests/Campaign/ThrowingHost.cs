using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Wast.Engines;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>The reference interpreter, except that call number <paramref name="throwAt"/> (counted over the host's sessions) throws: an interpreter bug.</summary>
public sealed class ThrowingHost(int throwAt) : EngineHost
{
    private int _calls;

    private int ThrowAt => throwAt;

    public override string Name => "throwing";

    public override IEngine NewSession() => new Throwing(this);

    private sealed class Throwing(ThrowingHost host) : IEngine
    {
        private readonly ReferenceEngine _inner = NewReference();

        public string Name => "throwing";
        public string Version => "test";
        public Outcome Compile(ReadOnlyMemory<byte> binary) => _inner.Compile(binary);
        public Outcome Instantiate(object module) => _inner.Instantiate(module);
        public void Register(string name, object instance) => _inner.Register(name, instance);
        public Outcome Get(object instance, string export) => _inner.Get(instance, export);
        public Outcome State(object instance, bool memoryBytes = false) => _inner.State(instance, memoryBytes);
        public IReadOnlyList<Value> TakeTrace() => _inner.TakeTrace();
        public void Dispose() => _inner.Dispose();

        public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args) =>
            ++host._calls == host.ThrowAt
                ? throw new InvalidOperationException("planted failure inside the engine")
                : _inner.Invoke(instance, export, args);
    }

    private static ReferenceEngine NewReference()
    {
        var engine = new ReferenceEngine(ReferenceHost.Limits, FeatureSets.All);
        HostImports.DefineIn(engine);
        return engine;
    }
}
