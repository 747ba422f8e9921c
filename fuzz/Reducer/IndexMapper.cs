using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Reducer;

/// <summary>
/// Rewrites every index of one space in a module through a map: type indices in value, heap and
/// block types, sub types, imports, locals and instructions; function, table, memory, global,
/// tag, element and data indices in instructions (by their opcode's <see cref="ImmediateKind"/>),
/// constant expressions, segment modes, exports and the start function. Labels and locals are
/// not index spaces of the module and stay as they are.
/// </summary>
internal sealed class IndexMapper(IndexSpace space, Func<uint, uint?> map)
{
    /// <summary>Some index in use had no image under the map.</summary>
    public bool Dangling { get; private set; }

    public Module Module(Module m) => m with
    {
        Types = [.. m.Types.Select(r => new RecType([.. r.Types.Select(Sub)]))],
        Imports = [.. m.Imports.Select(i => i with { Type = Extern(i.Type) })],
        Functions = [.. m.Functions.Select(f => new Function(At(IndexSpace.Type, f.TypeIndex), [.. f.Locals.Select(Val)], Expr(f.Body)))],
        Tables = [.. m.Tables.Select(t => new Table(Table(t.Type), t.Init is { } init ? Expr(init) : (EquatableArray<Instruction>?)null))],
        Globals = [.. m.Globals.Select(g => new Global(new GlobalType(Val(g.Type.Type), g.Type.Mutable), Expr(g.Init)))],
        Tags = [.. m.Tags.Select(t => new Tag(new TagType(At(IndexSpace.Type, t.Type.TypeIndex))))],
        Exports = [.. m.Exports.Select(e => e with { Index = At(SpaceOf(e.Kind), e.Index) })],
        Start = m.Start is { } start ? At(IndexSpace.Func, start) : null,
        Elements = [.. m.Elements.Select(e => new ElementSegment(Ref(e.Type), [.. e.Init.Select(Expr)], Mode(e.Mode, IndexSpace.Table)))],
        Datas = [.. m.Datas.Select(d => d with { Mode = Mode(d.Mode, IndexSpace.Memory) })],
        Customs = [.. m.Customs.Where(c => c.Name != "name")],
        Names = null,
    };

    private uint At(IndexSpace? s, uint x)
    {
        if (s != space) return x;
        if (map(x) is { } y) return y;
        Dangling = true;
        return x;
    }

    private static IndexSpace SpaceOf(ExternKind kind) => kind switch
    {
        ExternKind.Func => IndexSpace.Func,
        ExternKind.Table => IndexSpace.Table,
        ExternKind.Memory => IndexSpace.Memory,
        ExternKind.Global => IndexSpace.Global,
        _ => IndexSpace.Tag,
    };

    // ---- types ----

    private HeapType Heap(HeapType h) => h.Kind == HeapKind.Concrete ? h with { Index = At(IndexSpace.Type, h.Index) } : h;

    private RefType Ref(RefType r) => r with { Heap = Heap(r.Heap) };

    private ValType Val(ValType v) => v.IsRef ? new ValType(Ref(v.Ref)) : v;

    private FieldType Field(FieldType f) => f with { Storage = f.Storage with { Type = Val(f.Storage.Type) } };

    private SubType Sub(SubType s) => new(
        s.Final,
        [.. s.Supers.Select(x => At(IndexSpace.Type, x))],
        s.Comp switch
        {
            FuncType f => new FuncType([.. f.Params.Select(Val)], [.. f.Results.Select(Val)]),
            StructType st => new StructType([.. st.Fields.Select(Field)]),
            ArrayType a => new ArrayType(Field(a.Field)),
            var other => other,
        },
        s.Describes is { } d ? At(IndexSpace.Type, d) : null,
        s.Descriptor is { } e ? At(IndexSpace.Type, e) : null);

    private TableType Table(TableType t) => t with { ElemType = Ref(t.ElemType) };

    private ExternType Extern(ExternType t) => t switch
    {
        ExternFunc f => f with { TypeIndex = At(IndexSpace.Type, f.TypeIndex) },
        ExternTable table => new ExternTable(Table(table.Type)),
        ExternGlobal g => new ExternGlobal(new GlobalType(Val(g.Type.Type), g.Type.Mutable)),
        ExternTag tag => new ExternTag(new TagType(At(IndexSpace.Type, tag.Type.TypeIndex))),
        _ => t,
    };

    private BlockType Block(BlockType b) => b.Kind switch
    {
        BlockTypeKind.TypeIndex => BlockType.Indexed(At(IndexSpace.Type, b.TypeIndex)),
        BlockTypeKind.Value => BlockType.Of(Val(b.Value)),
        _ => b,
    };

    private SegmentMode Mode(SegmentMode mode, IndexSpace target) => mode.Kind == SegmentModeKind.Active
        ? SegmentMode.Active(At(target, mode.Index), Expr(mode.Offset))
        : mode;

    // ---- instructions ----

    private EquatableArray<Instruction> Expr(EquatableArray<Instruction> body) => [.. body.Select(Instr)];

    private Instruction Instr(Instruction i) => i switch
    {
        BlockInstruction b => b with { Type = Block(b.Type) },
        TryTableInstruction t => t with { Type = Block(t.Type), Catches = [.. t.Catches.Select(Catch)] },
        IndexInstruction x => x with { Index = At(IndexSpaceOf(OpcodeTable.Info(x.Op).Immediate), x.Index) },
        IndexPairInstruction p => Pair(p),
        MemoryInstruction m => m with { MemArg = m.MemArg with { Memory = At(IndexSpace.Memory, m.MemArg.Memory) } },
        MemoryLaneInstruction m => m with { MemArg = m.MemArg with { Memory = At(IndexSpace.Memory, m.MemArg.Memory) } },
        SelectInstruction s => new SelectInstruction([.. s.Types.Select(Val)]),
        HeapTypeInstruction h => h with { Heap = Heap(h.Heap) },
        RefTypeInstruction r => r with { Type = Ref(r.Type) },
        BrOnCastInstruction c => c with { From = Ref(c.From), To = Ref(c.To) },
        _ => i,
    };

    private Catch Catch(Catch c) => c.Kind is CatchKind.Catch or CatchKind.CatchRef ? c with { Tag = At(IndexSpace.Tag, c.Tag) } : c;

    /// <summary>The space an <see cref="IndexInstruction"/> names; null for labels and locals.</summary>
    private static IndexSpace? IndexSpaceOf(ImmediateKind kind) => kind switch
    {
        ImmediateKind.Func => IndexSpace.Func,
        ImmediateKind.Type => IndexSpace.Type,
        ImmediateKind.Global => IndexSpace.Global,
        ImmediateKind.Table => IndexSpace.Table,
        ImmediateKind.Memory => IndexSpace.Memory,
        ImmediateKind.Data => IndexSpace.Data,
        ImmediateKind.Elem => IndexSpace.Elem,
        ImmediateKind.Tag => IndexSpace.Tag,
        _ => null,
    };

    private IndexPairInstruction Pair(IndexPairInstruction p)
    {
        var (x, y) = PairSpaces(OpcodeTable.Info(p.Op).Immediate);
        return p with { X = At(x, p.X), Y = At(y, p.Y) };
    }

    /// <summary>The spaces of an <see cref="IndexPairInstruction"/>'s X and Y (null: a field index or a count).</summary>
    private static (IndexSpace? X, IndexSpace? Y) PairSpaces(ImmediateKind kind) => kind switch
    {
        ImmediateKind.CallIndirect => (IndexSpace.Table, IndexSpace.Type),
        ImmediateKind.TablePair => (IndexSpace.Table, IndexSpace.Table),
        ImmediateKind.TableInit => (IndexSpace.Table, IndexSpace.Elem),
        ImmediateKind.MemoryPair => (IndexSpace.Memory, IndexSpace.Memory),
        ImmediateKind.MemoryInit => (IndexSpace.Memory, IndexSpace.Data),
        ImmediateKind.TypeData => (IndexSpace.Type, IndexSpace.Data),
        ImmediateKind.TypeElem => (IndexSpace.Type, IndexSpace.Elem),
        ImmediateKind.TypePair => (IndexSpace.Type, IndexSpace.Type),
        _ => (IndexSpace.Type, null),
    };
}
