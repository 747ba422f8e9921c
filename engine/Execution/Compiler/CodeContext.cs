using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Compiler;

/// <summary>
/// What compiling a function needs to know about its module: the types of every index space,
/// with imports first (§2.5.1 index spaces). Built once per module from its syntax.
/// </summary>
internal sealed class CodeContext
{
    public SubType[] Types { get; }
    public FuncType[] FuncTypes { get; }
    public GlobalType[] Globals { get; }
    public MemType[] Memories { get; }
    public TableType[] Tables { get; }
    public FuncType[] Tags { get; }
    public int ImportedFuncs { get; }

    public CodeContext(Module module)
    {
        Types = module.SubTypes.ToArray();
        var funcs = new List<FuncType>();
        var globals = new List<GlobalType>();
        var memories = new List<MemType>();
        var tables = new List<TableType>();
        var tags = new List<FuncType>();
        foreach (var import in module.Imports)
        {
            switch (import.Type)
            {
                case ExternFunc f: funcs.Add(FuncTypeAt(f.TypeIndex)); break;
                case ExternGlobal g: globals.Add(g.Type); break;
                case ExternMemory m: memories.Add(m.Type); break;
                case ExternTable t: tables.Add(t.Type); break;
                case ExternTag t: tags.Add(FuncTypeAt(t.Type.TypeIndex)); break;
            }
        }
        ImportedFuncs = funcs.Count;
        foreach (var f in module.Functions) funcs.Add(FuncTypeAt(f.TypeIndex));
        foreach (var g in module.Globals) globals.Add(g.Type);
        foreach (var m in module.Memories) memories.Add(m.Type);
        foreach (var t in module.Tables) tables.Add(t.Type);
        foreach (var t in module.Tags) tags.Add(FuncTypeAt(t.Type.TypeIndex));
        FuncTypes = [.. funcs];
        Globals = [.. globals];
        Memories = [.. memories];
        Tables = [.. tables];
        Tags = [.. tags];
    }

    /// <summary>The function type at type index <paramref name="index"/> (validated modules only ask for function types).</summary>
    public FuncType FuncTypeAt(uint index) => (FuncType)Types[index].Comp;

    /// <summary>Parameters and results of a block type (§3.2.8).</summary>
    public FuncType BlockSignature(BlockType type) => type.Kind switch
    {
        BlockTypeKind.Empty => FuncType.Empty,
        BlockTypeKind.Value => new FuncType([], [type.Value]),
        _ => FuncTypeAt(type.TypeIndex),
    };

    /// <summary>Cells a value of <paramref name="type"/> takes: 2 for v128, else 1.</summary>
    public static int Cells(ValType type) => type.Kind == ValTypeKind.V128 ? 2 : 1;

    /// <summary>Cells taken by a sequence of values.</summary>
    public static int Cells(EquatableArray<ValType> types)
    {
        int n = 0;
        foreach (var t in types) n += Cells(t);
        return n;
    }
}
