using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// A module that passed validation (§3.5), with the types validation computed: every type
/// here is canonical (concrete heap types are <see cref="DefType"/> ids, see
/// <see cref="TypeRegistry"/>). Index spaces list imports first, then definitions.
/// </summary>
public sealed class ValidatedModule
{
    private readonly DefType[] _types;
    private readonly DefType[] _funcs;

    internal ValidatedModule(ModuleContext c, ExternType[] imports, ExternType[] exports, FunctionBodyInfo[] code)
    {
        Module = c.Module;
        Features = c.Features;
        _types = c.Types;
        _funcs = c.Funcs;
        Tables = c.Tables;
        Memories = c.Memories;
        Globals = c.Globals;
        Tags = c.Tags;
        ElementTypes = c.Elems;
        ImportTypes = imports;
        ExportTypes = exports;
        Code = code;
    }

    /// <summary>The module as given to <see cref="Validator.Validate"/>.</summary>
    public Module Module { get; }

    /// <summary>The features it was validated with.</summary>
    public Features Features { get; }

    /// <summary>Module type index → canonical defined type.</summary>
    public IReadOnlyList<DefType> Types => _types;

    /// <summary>Function index → the function's canonical type (imports first).</summary>
    public IReadOnlyList<DefType> Functions => _funcs;

    /// <summary>Table index → canonical table type (imports first).</summary>
    public IReadOnlyList<TableType> Tables { get; }

    /// <summary>Memory index → memory type (imports first).</summary>
    public IReadOnlyList<MemType> Memories { get; }

    /// <summary>Global index → canonical global type (imports first).</summary>
    public IReadOnlyList<GlobalType> Globals { get; }

    /// <summary>Tag index → the tag's canonical function type (imports first).</summary>
    public IReadOnlyList<DefType> Tags { get; }

    /// <summary>Element segment index → canonical element reference type.</summary>
    public IReadOnlyList<RefType> ElementTypes { get; }

    /// <summary>Import index → canonical external type (functions and tags by canonical id).</summary>
    public IReadOnlyList<ExternType> ImportTypes { get; }

    /// <summary>Export index → canonical external type of the exported definition.</summary>
    public IReadOnlyList<ExternType> ExportTypes { get; }

    /// <summary>Defined function index (imports excluded) → what validation learned about its body.</summary>
    public IReadOnlyList<FunctionBodyInfo> Code { get; }

    /// <summary>The canonical type of function <paramref name="funcIndex"/> (imports first, then definitions).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such function.</exception>
    public DefType FunctionType(uint funcIndex) =>
        funcIndex < (uint)_funcs.Length ? _funcs[funcIndex] : throw new ArgumentOutOfRangeException(nameof(funcIndex));

    /// <summary>Rewrites a module-relative heap type (type index) to canonical form (canonical id).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The type index is not in the module.</exception>
    public HeapType Canonicalize(HeapType moduleRelative) =>
        moduleRelative.Kind == HeapKind.Concrete ? moduleRelative with { Index = Type(moduleRelative.Index).Id } : moduleRelative;

    /// <inheritdoc cref="Canonicalize(HeapType)"/>
    public RefType Canonicalize(RefType moduleRelative) =>
        new(moduleRelative.Nullable, Canonicalize(moduleRelative.Heap));

    /// <inheritdoc cref="Canonicalize(HeapType)"/>
    public ValType Canonicalize(ValType moduleRelative) =>
        moduleRelative.Kind == ValTypeKind.Ref ? new ValType(Canonicalize(moduleRelative.Ref)) : moduleRelative;

    /// <summary>Rewrites a module-relative external type: function and tag type indices become canonical ids.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A type index is not in the module.</exception>
    public ExternType Canonicalize(ExternType moduleRelative) => moduleRelative switch
    {
        ExternFunc f => new ExternFunc(Type(f.TypeIndex).Id, f.Exact),
        ExternTag t => new ExternTag(new TagType(Type(t.Type.TypeIndex).Id)),
        ExternGlobal g => new ExternGlobal(new GlobalType(Canonicalize(g.Type.Type), g.Type.Mutable)),
        ExternTable t => new ExternTable(t.Type with { ElemType = Canonicalize(t.Type.ElemType) }),
        _ => moduleRelative,
    };

    private DefType Type(uint index) =>
        index < (uint)_types.Length ? _types[index] : throw new ArgumentOutOfRangeException(nameof(index), index, "no such type index");
}
