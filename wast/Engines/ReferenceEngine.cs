using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Validation;

namespace WasmConform.Wast.Engines;

/// <summary>
/// The reference interpreter behind <see cref="IEngine"/>: every exception it can raise is
/// mapped onto the outcome model; anything unexpected is a <see cref="Outcome.Crash"/>.
/// </summary>
/// <remarks>One store per engine: the instances of one script share it, as in the spec interpreter.</remarks>
public sealed class ReferenceEngine : IEngine
{
    private readonly Store _store;
    private readonly Linker _linker;
    private readonly Features _features;
    private readonly List<Value> _trace = [];

    /// <summary>Creates an engine with the spectest module defined.</summary>
    public ReferenceEngine(ExecutionLimits? limits = null, Features features = FeatureSets.Wasm3 | Features.LegacyExceptions)
    {
        _store = new Store(limits);
        _linker = Spectest.DefineIn(new Linker());
        _features = features;
    }

    public string Name => "reference";

    public string Version => typeof(ReferenceEngine).Assembly.GetName().Version?.ToString() ?? "dev";

    /// <summary>The linker, for embedders that define more host imports.</summary>
    public Linker Linker => _linker;

    public Features Features => _features;

    public Outcome Compile(ReadOnlyMemory<byte> binary) => Guard(() => new Outcome.Compiled(CompiledModule.FromBinary(binary.Span, _features)));

    public Outcome Instantiate(object module) => Guard(() => new Outcome.Instantiated(_linker.Instantiate(_store, (CompiledModule)module)));

    public void Register(string name, object instance) => _linker.DefineInstance(name, (ModuleInstance)instance);

    public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args) => Guard(() =>
    {
        var inst = (ModuleInstance)instance;
        if (!inst.Exports.TryGetValue(export, out var value) || value.Instance is not FunctionInstance function)
            return new Outcome.Crash($"no exported function \"{export}\"");
        return new Outcome.Values(_store.Invoke(function, args.ToArray()));
    });

    public Outcome Get(object instance, string export) => Guard(() =>
    {
        var inst = (ModuleInstance)instance;
        if (!inst.Exports.TryGetValue(export, out var value) || value.Instance is not GlobalInstance global)
            return new Outcome.Crash($"no exported global \"{export}\"");
        return new Outcome.Values([global.Value]);
    });

    public Outcome State(object instance, bool memoryBytes = false) => Guard(() =>
    {
        var globals = new List<GlobalState>();
        var memories = new List<MemoryState>();
        var tables = new List<TableState>();
        foreach (var (name, export) in ((ModuleInstance)instance).Exports)
        {
            if (export.Instance is GlobalInstance g) globals.Add(new GlobalState(name, g.Value));
            else if (export.Instance is MemoryInstance m) memories.Add(MemoryState.Of(name, m.Data, memoryBytes));
            else if (export.Instance is TableInstance t)
                tables.Add(new TableState(name, t.Size, t.Type.ElemType.Heap.Kind == Engine.Syntax.HeapKind.Func ? TableState.Pattern(t.Elements.Select(e => e is not null)) : null));
        }
        return new Outcome.Snapshot(new EngineState([.. globals], [.. memories], [.. tables]));
    });

    /// <summary>Appends <paramref name="value"/> to the log trace (for host functions such as the fuzzer's <c>env.log_*</c>).</summary>
    public void AppendTrace(Value value) => _trace.Add(value);

    public IReadOnlyList<Value> TakeTrace()
    {
        Value[] taken = [.. _trace];
        _trace.Clear();
        return taken;
    }

    /// <summary>Runs <paramref name="action"/>, mapping the engine's typed errors onto outcomes.</summary>
    public static Outcome Guard(Func<Outcome> action)
    {
        try
        {
            return action();
        }
        catch (MalformedException e) { return new Outcome.Malformed(e.Message); }
        catch (InvalidException e) { return new Outcome.Invalid(e.Message); }
        catch (LinkException e) { return new Outcome.Unlinkable(e.Message); }
        catch (TrapException e) { return new Outcome.Trap(e.Kind, e.Message); }
        catch (ExhaustionException e) { return new Outcome.Exhausted(e.Kind); }
        catch (ExitException e) { return new Outcome.Exit(e.Code); }
        catch (UncaughtException e) { return new Outcome.Thrown(e.Message); }
        catch (UnsupportedFeatureException e) { return new Outcome.Unsupported(e.Feature); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Outcome.Crash(e.ToString());
        }
    }

    public void Dispose() { }
}
