using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>An external value (§4.2.12): what an export provides or an import receives.</summary>
/// <param name="Kind">Which kind of instance <paramref name="Instance"/> is.</param>
/// <param name="Instance">A <see cref="FunctionInstance"/>, <see cref="TableInstance"/>, <see cref="MemoryInstance"/>, <see cref="GlobalInstance"/> or <see cref="TagInstance"/>.</param>
public readonly record struct ExternValue(ExternKind Kind, object Instance)
{
    public static ExternValue Of(FunctionInstance f) => new(ExternKind.Func, f);
    public static ExternValue Of(TableInstance t) => new(ExternKind.Table, t);
    public static ExternValue Of(MemoryInstance m) => new(ExternKind.Memory, m);
    public static ExternValue Of(GlobalInstance g) => new(ExternKind.Global, g);
    public static ExternValue Of(TagInstance t) => new(ExternKind.Tag, t);
}

/// <summary>A tag instance (§4.2.10): the function type of the values an exception of this tag carries.</summary>
public sealed class TagInstance(FuncType type, uint typeId)
{
    public FuncType Type { get; } = type;
    /// <summary>Canonical id of the tag's function type.</summary>
    public uint TypeId { get; } = typeId;
}

/// <summary>An element instance (§4.2.13): the references of a segment; empty once dropped.</summary>
public sealed class ElementInstance(RefType type, object?[] elements)
{
    public RefType Type { get; } = type;
    public object?[] Elements { get; private set; } = elements;

    /// <summary><c>elem.drop</c>: the segment becomes empty.</summary>
    public void Drop() => Elements = [];
}

/// <summary>A data instance (§4.2.14): the bytes of a segment; empty once dropped.</summary>
public sealed class DataInstance(byte[] bytes)
{
    public byte[] Bytes { get; private set; } = bytes;

    /// <summary><c>data.drop</c>: the segment becomes empty.</summary>
    public void Drop() => Bytes = [];
}

/// <summary>
/// A module instance (§4.2.5): the runtime representation of an instantiated module, with
/// every index space resolved to instances (imports first) and its exports by name.
/// </summary>
public sealed class ModuleInstance
{
    internal ModuleInstance(CompiledModule compiled, Store store)
    {
        Compiled = compiled;
        Store = store;
    }

    /// <summary>The module this is an instance of.</summary>
    public CompiledModule Compiled { get; }

    /// <summary>The store that runs its code.</summary>
    public Store Store { get; }

    public FunctionInstance[] Functions { get; internal set; } = [];
    public TableInstance[] Tables { get; internal set; } = [];
    public MemoryInstance[] Memories { get; internal set; } = [];
    public GlobalInstance[] Globals { get; internal set; } = [];
    public TagInstance[] Tags { get; internal set; } = [];
    public ElementInstance[] Elements { get; internal set; } = [];
    public DataInstance[] Datas { get; internal set; } = [];
    /// <summary>Canonical type ids by module type index.</summary>
    public uint[] TypeIds { get; internal set; } = [];

    /// <summary>Exports by name, in module order.</summary>
    public IReadOnlyDictionary<string, ExternValue> Exports { get; internal set; } = new Dictionary<string, ExternValue>();

    /// <summary>The export <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public ExternValue Export(string name) =>
        Exports.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"unknown export \"{name}\"");

    /// <summary>Calls the exported function <paramref name="name"/> (§A.1 invoke).</summary>
    /// <exception cref="TrapException">The call trapped.</exception>
    /// <exception cref="ExhaustionException">Call depth, fuel or time ran out.</exception>
    /// <exception cref="ExitException">A host function ended the run.</exception>
    /// <exception cref="ArgumentException">The export is not a function, or the arguments do not match its parameters.</exception>
    public Value[] Invoke(string name, params ReadOnlySpan<Value> args) =>
        Export(name).Instance is FunctionInstance f
            ? Store.Invoke(f, args)
            : throw new ArgumentException($"export \"{name}\" is not a function");
}
