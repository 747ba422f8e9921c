using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Wast.Engines;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>
/// The reference interpreter with a bug planted in it: <c>i32.rem_s</c> is one too large when
/// either operand is negative. Every module it compiles has each <c>i32.rem_s</c> replaced by a
/// call of an added function computing <c>rem_s(a, b) + ((a | b) &lt; 0)</c>.
/// </summary>
public sealed class PlantedEngine(ReferenceEngine inner) : IEngine
{
    /// <summary>A planted engine over a fresh reference interpreter with the fuzzer's <c>env</c> imports.</summary>
    public static PlantedEngine WithHostImports()
    {
        var inner = new ReferenceEngine(ReferenceHost.Limits, FeatureSets.All);
        HostImports.DefineIn(inner);
        return new PlantedEngine(inner);
    }

    public string Name => "planted";
    public string Version => "reference " + inner.Version + " with a planted i32.rem_s bug";
    public Features Features => inner.Features;

    public Outcome Compile(ReadOnlyMemory<byte> binary)
    {
        Module module;
        try
        {
            module = Decoder.Decode(binary.Span, FeatureSets.All);
        }
        catch (WasmException)
        {
            return inner.Compile(binary);
        }
        return inner.Compile(Encoder.Encode(Plant(module)));
    }

    public Outcome Instantiate(object module) => inner.Instantiate(module);
    public void Register(string name, object instance) => inner.Register(name, instance);
    public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args) => inner.Invoke(instance, export, args);
    public Outcome Get(object instance, string export) => inner.Get(instance, export);
    public Outcome State(object instance, bool memoryBytes = false) => inner.State(instance, memoryBytes);
    public IReadOnlyList<Value> TakeTrace() => inner.TakeTrace();
    public void Dispose() => inner.Dispose();

    /// <summary><paramref name="module"/> with every <c>i32.rem_s</c> calling the planted function instead.</summary>
    public static Module Plant(Module module)
    {
        if (!module.Functions.Any(f => f.Body.Any(i => i.Op == Opcode.I32RemS))) return module;
        uint type = (uint)module.SubTypes.Count();
        uint function = (uint)(module.ImportsOf(ExternKind.Func).Count() + module.Functions.Count);
        var call = new IndexInstruction(Opcode.Call, function);
        Instruction[] planted =
        [
            new IndexInstruction(Opcode.LocalGet, 0), new IndexInstruction(Opcode.LocalGet, 1), new Instruction(Opcode.I32RemS),
            new IndexInstruction(Opcode.LocalGet, 0), new IndexInstruction(Opcode.LocalGet, 1), new Instruction(Opcode.I32Or),
            new I32ConstInstruction(0), new Instruction(Opcode.I32LtS), new Instruction(Opcode.I32Add),
        ];
        return module with
        {
            Types = [.. module.Types, RecType.Single(SubType.Plain(new FuncType([ValType.I32, ValType.I32], [ValType.I32])))],
            Functions =
            [
                .. module.Functions.Select(f => f with { Body = [.. f.Body.Select(i => i.Op == Opcode.I32RemS ? call : i)] }),
                new Function(type, [], [.. planted]),
            ],
        };
    }
}

/// <summary>A campaign host of <see cref="PlantedEngine"/>.</summary>
public sealed class PlantedHost : EngineHost
{
    public override string Name => "planted";
    public override IEngine NewSession() => PlantedEngine.WithHostImports();
}

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
