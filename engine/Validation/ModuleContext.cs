using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// The validation context C (§3.1.1) of one module, built up in the order the spec
/// interpreter checks the module: each index space holds the entries checked so far (the
/// <c>…Count</c> fields), so that e.g. a global's initialiser sees only earlier globals.
/// Types in the context are canonical.
/// </summary>
internal sealed class ModuleContext
{
    public ModuleContext(Module module, Features features)
    {
        Module = module;
        Features = features;
        int types = 0;
        foreach (var rec in module.Types) types += rec.Types.Count;
        int funcs = module.Functions.Count, tables = module.Tables.Count, mems = module.Memories.Count;
        int globals = module.Globals.Count, tags = module.Tags.Count;
        foreach (var import in module.Imports)
        {
            switch (import.Type.Kind)
            {
                case ExternKind.Func: funcs++; break;
                case ExternKind.Table: tables++; break;
                case ExternKind.Memory: mems++; break;
                case ExternKind.Global: globals++; break;
                case ExternKind.Tag: tags++; break;
            }
        }
        Types = new DefType[types];
        Funcs = new DefType[funcs];
        Tables = new TableType[tables];
        Memories = new MemType[mems];
        Globals = new GlobalType[globals];
        Tags = new DefType[tags];
        Elems = new RefType[module.Elements.Count];
        GlobalShown = new uint[globals];
        TableShown = new uint[tables];
        Declared = new bool[funcs];
        InexactFuncs = new bool[funcs];
    }

    public Module Module { get; }
    public Features Features { get; }

    private readonly PlaceSite _site = new();

    /// <summary>The module's error site, moved to <paramref name="kind"/> <paramref name="index"/>.</summary>
    public ErrorSite At(string kind, uint? index = null)
    {
        _site.Place = new Place(kind, index);
        return _site;
    }

    public readonly DefType[] Types;
    public int TypeCount;
    public readonly DefType[] Funcs;
    public int FuncCount;
    public readonly TableType[] Tables;
    public int TableCount;
    /// <summary>Per table: the module type index to show its element type by (see <see cref="TypeText"/>).</summary>
    public readonly uint[] TableShown;
    public readonly MemType[] Memories;
    public int MemoryCount;
    public readonly GlobalType[] Globals;
    public int GlobalCount;
    /// <summary>Per global: the module type index to show its concrete type by (see <see cref="TypeText"/>).</summary>
    public readonly uint[] GlobalShown;
    public readonly DefType[] Tags;
    public int TagCount;
    public readonly RefType[] Elems;
    public int ElemCount;
    public int DataCount;
    /// <summary>C.refs: the functions that <c>ref.func</c> may name in function bodies (§3.4.10).</summary>
    public readonly bool[] Declared;
    /// <summary>
    /// Custom descriptors: the functions whose type is known only up to subtyping (imported
    /// without <c>exact</c>); references to the others have the exact type.
    /// </summary>
    public readonly bool[] InexactFuncs;

    public bool Has(Features f) => (Features & f) == f;

    /// <summary>The types validated so far.</summary>
    public ReadOnlySpan<DefType> KnownTypes => Types.AsSpan(0, TypeCount);

    public DefType Type(uint x, ErrorSite site) =>
        x < (uint)TypeCount ? Types[x] : throw site.Fail(Unknown("type", x));

    public DefType Func(uint x, ErrorSite site) =>
        x < (uint)FuncCount ? Funcs[x] : throw site.Fail(Unknown("function", x));

    public TableType Table(uint x, ErrorSite site) =>
        x < (uint)TableCount ? Tables[x] : throw site.Fail(Unknown("table", x));

    public MemType Memory(uint x, ErrorSite site) =>
        x < (uint)MemoryCount ? Memories[x] : throw site.Fail(Unknown("memory", x));

    public GlobalType Global(uint x, ErrorSite site) =>
        x < (uint)GlobalCount ? Globals[x] : throw site.Fail(Unknown("global", x));

    public DefType Tag(uint x, ErrorSite site) =>
        x < (uint)TagCount ? Tags[x] : throw site.Fail(Unknown("tag", x));

    public RefType Elem(uint x, ErrorSite site) =>
        x < (uint)ElemCount ? Elems[x] : throw site.Fail(Unknown("elem segment", x));

    public void Data(uint x, ErrorSite site)
    {
        if (x >= (uint)DataCount) throw site.Fail(Unknown("data segment", x));
    }

    /// <summary>The function type at type index <paramref name="x"/> ("non-function type" otherwise).</summary>
    public FuncType FuncType(uint x, ErrorSite site) =>
        Type(x, site).Func ?? throw site.Fail("non-function type " + Str(x));

    public StructType StructType(uint x, ErrorSite site) =>
        Type(x, site).Struct ?? throw site.Fail("non-structure type " + Str(x));

    public ArrayType ArrayType(uint x, ErrorSite site) =>
        Type(x, site).Array ?? throw site.Fail("non-array type " + Str(x));

    /// <summary>§3.2 heap type validity, rewritten to canonical form.</summary>
    public HeapType Canon(HeapType t, ErrorSite site) =>
        t.Kind == HeapKind.Concrete ? new HeapType(HeapKind.Concrete, Type(t.Index, site).Id, t.Exact) : t;

    public RefType Canon(RefType t, ErrorSite site) =>
        t.Heap.Kind == HeapKind.Concrete ? new RefType(t.Nullable, Canon(t.Heap, site)) : t;

    public ValType Canon(ValType t, ErrorSite site) =>
        t.Kind == ValTypeKind.Ref && t.Ref.Heap.Kind == HeapKind.Concrete ? new ValType(Canon(t.Ref, site)) : t;

    public GlobalType Canon(GlobalType t, ErrorSite site) => new(Canon(t.Type, site), t.Mutable);

    public static string Unknown(string category, uint x) => "unknown " + category + " " + Str(x);

    /// <summary>An index as the spec interpreter prints it (digits grouped by <c>_</c>).</summary>
    public static string Str(uint x) => TypeText.Index(x);
}
