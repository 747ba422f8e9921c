using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

/// <summary>
/// Resolves imports by module and item name, and instantiates modules (§4.5.4). Definitions
/// are host values or the exports of instances made earlier.
/// </summary>
/// <example>
/// <code>
/// var linker = new Linker();
/// linker.Define("env", "exit", ExternValue.Of(new HostFunction(type, args => throw new ExitException(args[0].AsI32))));
/// var instance = linker.Instantiate(new Store(), CompiledModule.FromBinary(bytes));
/// var results = instance.Invoke("run", Value.I32(20));
/// </code>
/// </example>
public sealed class Linker
{
    private readonly Dictionary<(string Module, string Name), ExternValue> _definitions = [];

    /// <summary>Defines (or replaces) the import <paramref name="module"/>.<paramref name="name"/>.</summary>
    public Linker Define(string module, string name, ExternValue value)
    {
        _definitions[(module, name)] = value;
        return this;
    }

    /// <summary>Defines every export of <paramref name="instance"/> under module name <paramref name="module"/> (the script's <c>register</c>).</summary>
    public Linker DefineInstance(string module, ModuleInstance instance)
    {
        foreach (var (name, value) in instance.Exports) Define(module, name, value);
        return this;
    }

    /// <summary>The definition of <paramref name="module"/>.<paramref name="name"/>, if any.</summary>
    public bool TryGet(string module, string name, out ExternValue value) => _definitions.TryGetValue((module, name), out value);

    /// <summary>
    /// Instantiates <paramref name="module"/> in <paramref name="store"/>: resolves imports,
    /// allocates its definitions, initialises tables and memories from active segments and runs
    /// the start function (§4.5.4).
    /// </summary>
    /// <exception cref="LinkException">An import is missing ("unknown import") or does not match ("incompatible import type").</exception>
    /// <exception cref="TrapException">A segment is out of bounds or the start function trapped. Imported tables and memories keep what was written before the trap.</exception>
    /// <exception cref="ExhaustionException">The start function ran out of call depth, fuel or time.</exception>
    /// <exception cref="ExitException">A host function called by the start function ended the run.</exception>
    /// <exception cref="UnsupportedFeatureException">The module needs execution of something not implemented yet.</exception>
    public ModuleInstance Instantiate(Store store, CompiledModule module)
    {
        var imports = new ExternValue[module.Module.Imports.Count];
        for (int i = 0; i < imports.Length; i++) imports[i] = Resolve(module.Validated, module.Module.Imports[i]);
        return Instantiation.Run(store, module, imports);
    }

    private ExternValue Resolve(ValidatedModule validated, Import import)
    {
        if (!_definitions.TryGetValue((import.Module, import.Name), out var value))
            throw new LinkException("unknown import", $"import \"{import.Module}\" \"{import.Name}\"");
        var expected = validated.Canonicalize(import.Type);
        var actual = ExternTypes.Of(value);
        if (!Subtyping.Matches(actual, expected))
            throw new LinkException("incompatible import type",
                $"import \"{import.Module}\" \"{import.Name}\": expected {expected}, got {actual}");
        return value;
    }
}

/// <summary>The external type (§4.5.2 external typing) of an external value, in canonical form.</summary>
public static class ExternTypes
{
    /// <summary>The current type of <paramref name="value"/>: functions by canonical type id; tables and memories with their current size as minimum.</summary>
    public static ExternType Of(ExternValue value) => value.Instance switch
    {
        FunctionInstance f => new ExternFunc(f.TypeId, Exact: true),
        TableInstance t => new ExternTable(t.Type),
        MemoryInstance m => new ExternMemory(m.Type),
        GlobalInstance g => new ExternGlobal(g.Type),
        TagInstance t => new ExternTag(new TagType(t.TypeId)),
        _ => throw new ArgumentException($"not an external value: {value.Instance.GetType().Name}"),
    };
}
