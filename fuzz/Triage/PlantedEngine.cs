using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Wast.Engines;

namespace WasmConform.Fuzz.Triage;

/// <summary>
/// The reference interpreter with a bug planted in it: <c>i32.rem_s</c> is one too large when
/// either operand is negative. Every module it compiles has each <c>i32.rem_s</c> replaced by a
/// call of an added function computing <c>rem_s(a, b) + ((a | b) &lt; 0)</c>. A known bug on
/// purpose: the engine <c>planted</c> of <c>reduce</c> and <c>triage</c>, whose case in the
/// regression corpus must keep diverging (if triage ever calls it fixed, triage is broken), and
/// the engine the tests of the campaign, the reducer and triage find a bug in.
/// </summary>
public sealed class PlantedEngine(ReferenceEngine inner) : IEngine
{
    /// <summary>
    /// Instructions a session may run (<see cref="Engine.Execution.ExecutionLimits.Fuel"/>): the engine has no
    /// deadline, and a reducer's candidates may loop for ever (running out is exhaustion, inconclusive).
    /// </summary>
    public const long Fuel = 200_000_000;

    /// <summary>A planted engine over a fresh reference interpreter with the fuzzer's <c>env</c> imports and <see cref="Fuel"/>.</summary>
    public static PlantedEngine WithHostImports()
    {
        var inner = new ReferenceEngine(ReferenceHost.Limits with { Fuel = Fuel }, FeatureSets.All);
        HostImports.DefineIn(inner);
        return new PlantedEngine(inner);
    }

    /// <summary>The engine's name.</summary>
    public const string EngineName = "planted";

    public string Name => EngineName;
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
    public override string Name => PlantedEngine.EngineName;
    public override IEngine NewSession() => PlantedEngine.WithHostImports();
}
