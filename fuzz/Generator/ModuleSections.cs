using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>The module-level definitions of a generated module: memories, tables, globals, segments, exports.</summary>
internal static class ModuleSections
{
    /// <summary>
    /// Memories, each with a maximum (at most the configured pages); 64-bit ones with memory64.
    /// At least one page each with <c>disallow_traps</c>, else nearly always (accesses to an
    /// empty memory cannot be guarded).
    /// </summary>
    public static void DeclareMemories(ModuleState m)
    {
        var limits = m.Config.Limits;
        int most = m.Features.MultiMemory ? limits.MaxMemories : Math.Min(1, limits.MaxMemories);
        int count = m.U.Int(0, most);
        for (int i = 0; i < count; i++)
        {
            int least = m.Config.DisallowTraps || m.U.Chance(90) ? Math.Min(1, limits.MaxMemoryPages) : 0;
            ulong max = (ulong)m.U.Int(least, limits.MaxMemoryPages);
            ulong min = m.U.UInt64((ulong)least, max);
            var addr = m.Features.Memory64 && m.U.Chance(30) ? AddrType.I64 : AddrType.I32;
            m.Memories.Add(new MemoryInfo(new MemType(addr, new Limits(min, max))));
        }
    }

    /// <summary>
    /// Table 0, the function table (funcref, one entry per defined function, maybe a few more);
    /// with reference types, more tables of funcref, externref or typed function references,
    /// 64-bit ones with memory64. Every table has a maximum.
    /// </summary>
    public static void DeclareTables(ModuleState m)
    {
        var limits = m.Config.Limits;
        ulong functions = (ulong)m.DefinedFunctions;
        ulong max0 = Math.Max(functions, (ulong)limits.MaxTableSize);
        m.Tables.Add(new TableInfo(new TableType(AddrType.I32, new Limits(m.U.UInt64(functions, max0), max0), RefType.FuncRef)));
        if (!m.Features.ReferenceTypes) return;
        int count = m.U.Int(0, limits.MaxTables);
        for (int i = 0; i < count; i++)
        {
            ulong least = m.Config.DisallowTraps || m.U.Chance(90) ? Math.Min(1UL, (ulong)limits.MaxTableSize) : 0UL;
            var elem = RandomRef(m, boundary: true);
            ulong max = m.U.UInt64(least, (ulong)limits.MaxTableSize);
            ulong min = m.U.UInt64(least, max);
            var addr = m.Features.Memory64 && m.U.Chance(30) ? AddrType.I64 : AddrType.I32;
            m.Tables.Add(new TableInfo(new TableType(addr, new Limits(min, max), elem)));
        }
    }

    /// <summary>The reserved <c>fuel</c> and <c>depth</c> globals, then globals of random types and mutability.</summary>
    public static void DeclareGlobals(ModuleState m)
    {
        m.Globals.Add(new Global(new GlobalType(ValType.I32, true), [new I32ConstInstruction(m.Config.Limits.Fuel)]));
        m.Globals.Add(new Global(new GlobalType(ValType.I32, true), [new I32ConstInstruction(0)]));
        int count = m.U.Int(0, m.Config.Limits.MaxGlobals);
        for (int i = 0; i < count; i++)
        {
            var t = m.RandomValType(nonNull: m.Features.FunctionReferences, boundary: true);
            if (!m.CanMake(t)) t = ValueTypes.Nullable(t);
            bool mutable = m.Features.MutableGlobals ? m.U.Bool() : m.U.Chance(20);
            m.Globals.Add(new Global(new GlobalType(t, mutable), m.ConstExpr(t)));
        }
    }

    /// <summary>
    /// The element type of a segment given as function indices, <c>(ref func)</c> (§5.5.12):
    /// the only kind of segment without reference types, encoded in the 1.0 forms.
    /// </summary>
    private static readonly RefType FunctionIndices = new(false, HeapType.Func);

    /// <summary>
    /// Element segment 0 fills the function table with every defined function; then, with
    /// bulk memory or reference types, passive, active and declarative segments of random
    /// reference types. Active segments fit their table (with <c>disallow_traps</c> always,
    /// else nearly always) and, with <c>disallow_traps</c>, never touch the function table.
    /// </summary>
    public static void DeclareElements(ModuleState m)
    {
        var all = Enumerable.Range((int)GeneratedModule.ImportedFunctions, m.DefinedFunctions)
            .Select(f => (EquatableArray<Instruction>)[new IndexInstruction(Opcode.RefFunc, (uint)f)]).ToEquatableArray();
        AddElement(m, new ElementSegment(FunctionIndices, all, SegmentMode.Active(0, [new I32ConstInstruction(0)])), false);
        int count = m.U.Int(0, m.Config.Limits.MaxElementSegments);
        for (int i = 0; i < count; i++)
        {
            var f = m.Features;
            int mode = m.U.Weighted([f.BulkMemory ? 3 : 0, 3, f.ReferenceTypes ? 1 : 0]);
            var tables = Enumerable.Range(m.Config.DisallowTraps ? 1 : 0, m.Tables.Count - (m.Config.DisallowTraps ? 1 : 0)).ToList();
            if (mode == 1 && tables.Count == 0) continue;
            int table = mode == 1 ? m.U.Pick(tables) : 0;
            var type = !f.ReferenceTypes ? FunctionIndices : mode == 1 ? m.Tables[table].Type.ElemType : RandomRef(m);
            int length = m.U.Int(0, 4);
            if (mode == 1) length = (int)Math.Min((ulong)length, Fit(m, m.Tables[table].Type.Limits.Min, (ulong)length));
            var items = new EquatableArray<Instruction>[length];
            for (int k = 0; k < items.Length; k++)
                items[k] = f.ReferenceTypes ? m.ConstExpr(new ValType(type)) : [new IndexInstruction(Opcode.RefFunc, (uint)m.RandomDefinedFunction())];
            var segmentMode = mode switch
            {
                0 => SegmentMode.Passive,
                1 => SegmentMode.Active((uint)table, ModuleState.Offset(m.Tables[table].Addr,
                    Placement(m, m.Tables[table].Type.Limits.Min, (ulong)items.Length))),
                _ => SegmentMode.Declarative,
            };
            AddElement(m, new ElementSegment(type, items, segmentMode), mode == 0 && m.U.Chance(30));
        }
    }

    /// <summary>Data segments: active ones that fit their memory (nearly always), passive ones with bulk memory.</summary>
    public static void DeclareDatas(ModuleState m)
    {
        int count = m.U.Int(0, m.Config.Limits.MaxDataSegments);
        for (int i = 0; i < count; i++)
        {
            bool active = m.Memories.Count > 0 && (!m.Features.BulkMemory || m.U.Bool());
            if (!active && !m.Features.BulkMemory) break;
            int memory = active ? m.U.Int(0, m.Memories.Count - 1) : 0;
            ulong length = (ulong)m.U.Int(0, m.Config.Limits.MaxDataBytes);
            if (active) length = Fit(m, m.Memories[memory].MinBytes, length);
            var bytes = new byte[length];
            m.U.Fill(bytes);
            SegmentMode mode = SegmentMode.Passive;
            if (active)
            {
                var mem = m.Memories[memory];
                mode = SegmentMode.Active((uint)memory, ModuleState.Offset(mem.Addr, Placement(m, mem.MinBytes, (ulong)bytes.Length)));
            }
            m.Datas.Add(new DataSegment(bytes, mode));
            m.DataInfo.Add(new SegmentInfo(default, bytes.Length, !active, !active && m.U.Chance(30)));
        }
    }

    /// <summary>Every defined function, the globals, memories and tables, under the names <see cref="GeneratedModule"/> gives.</summary>
    public static EquatableArray<Export> Exports(ModuleState m)
    {
        var exports = new List<Export>();
        for (int k = 0; k < m.DefinedFunctions; k++)
            exports.Add(new Export(GeneratedModule.FunctionExport(k), ExternKind.Func, GeneratedModule.ImportedFunctions + (uint)k));
        for (int g = 0; g < m.Globals.Count; g++)
        {
            if (m.Globals[g].Type.Mutable && !m.Features.MutableGlobals) continue;
            string name = g switch
            {
                (int)GeneratedModule.FuelGlobal => GeneratedModule.FuelExport,
                (int)GeneratedModule.DepthGlobal => GeneratedModule.DepthExport,
                _ => "g" + (g - (int)GeneratedModule.ReservedGlobals),
            };
            exports.Add(new Export(name, ExternKind.Global, (uint)g));
        }
        for (int i = 0; i < m.Memories.Count; i++) exports.Add(new Export("m" + i, ExternKind.Memory, (uint)i));
        for (int i = 0; i < m.Tables.Count; i++) exports.Add(new Export("t" + i, ExternKind.Table, (uint)i));
        return exports.ToEquatableArray();
    }

    /// <summary>
    /// An offset where <paramref name="length"/> items fit in <paramref name="size"/>; without
    /// <c>disallow_traps</c>, one time in fifty anywhere up to a little past the end (a trap at instantiation).
    /// </summary>
    private static ulong Placement(ModuleState m, ulong size, ulong length)
    {
        if (!m.Config.DisallowTraps && (length > size || m.U.Chance(2))) return m.U.UInt64(0, size + 4);
        return length > size ? 0 : m.U.UInt64(0, size - length);
    }

    /// <summary>The length of an active segment: cut to what fits in <paramref name="size"/> (always with <c>disallow_traps</c>, else nearly always).</summary>
    private static ulong Fit(ModuleState m, ulong size, ulong length) =>
        length <= size || (!m.Config.DisallowTraps && m.U.Chance(2)) ? length : size;

    private static void AddElement(ModuleState m, ElementSegment segment, bool droppable)
    {
        m.Elements.Add(segment);
        m.ElementInfo.Add(new SegmentInfo(segment.Type, segment.Init.Count, segment.Mode.Kind == SegmentModeKind.Passive, droppable));
    }

    /// <summary>
    /// funcref, externref, with function references a nullable reference to a defined
    /// function's type, with GC anyref, eqref or a nullable reference to a struct or array type.
    /// </summary>
    /// <summary>A reference type for a table (at the <paramref name="boundary"/>: see <see cref="GeneratorConfig.BasicBoundaryTypes"/>) or a segment.</summary>
    private static RefType RandomRef(ModuleState m, bool boundary = false)
    {
        bool basic = boundary && m.Config.BasicBoundaryTypes;
        bool gc = m.Features.Gc && !basic;
        int pick = m.U.Weighted([2, 2, m.Features.FunctionReferences && !basic ? 1 : 0, gc ? 1 : 0, gc && m.GcTypes.Count > 0 ? 1 : 0]);
        return pick switch
        {
            0 => RefType.FuncRef,
            1 => RefType.ExternRef,
            2 => new RefType(true, HeapType.Concrete(m.FuncTypes[m.RandomDefinedFunction()])),
            3 => new RefType(true, new HeapType(m.U.Bool() ? HeapKind.Any : HeapKind.Eq)),
            _ => new RefType(true, HeapType.Concrete(m.U.Pick(m.GcTypes))),
        };
    }

    /// <summary>
    /// With GC, struct and array types, each in a rec group of its own: fields of random
    /// storage types (packed i8 and i16 too) and mutability, now and then a subtype of an
    /// earlier non-final type of the same kind (same fields, a struct adding some).
    /// </summary>
    public static void DeclareGcTypes(ModuleState m)
    {
        if (!m.Features.Gc) return;
        int count = m.U.Int(0, m.Config.Limits.MaxGcTypes);
        for (int i = 0; i < count; i++)
        {
            bool isStruct = m.U.Chance(60);
            var supers = m.GcTypes.Where(g => !m.Types[g].Final && (m.Types[g].Comp is StructType) == isStruct).ToList();
            uint? super = supers.Count > 0 && m.U.Chance(40) ? m.U.Pick(supers) : null;
            CompType comp;
            if (isStruct)
            {
                var fields = super is { } s ? ((StructType)m.Types[s].Comp).Fields.ToList() : [];
                int extra = m.U.Int(0, super is null ? 4 : 2);
                for (int k = 0; k < extra; k++) fields.Add(RandomField(m));
                comp = new StructType(fields.ToEquatableArray());
            }
            else
            {
                comp = super is { } a ? m.Types[a].Comp : new ArrayType(RandomField(m));
            }
            var sub = new SubType(m.U.Bool(), super is { } p ? [p] : [], comp);
            uint index = m.Types.Intern(sub);
            if (!m.GcTypes.Contains(index)) m.GcTypes.Add(index);
        }
    }

    private static FieldType RandomField(ModuleState m)
    {
        var storage = m.U.Int(0, 4) switch
        {
            0 => StorageType.Of(PackedType.I8),
            1 => StorageType.Of(PackedType.I16),
            _ => new StorageType(m.RandomValType(nonNull: true)),
        };
        return new FieldType(storage, m.U.Chance(70));
    }

    /// <summary>With exception handling, tags of function types with parameters and no results.</summary>
    public static void DeclareTags(ModuleState m)
    {
        if (!m.Features.Exceptions && !m.Features.LegacyExceptions) return;
        int count = m.U.Int(0, m.Config.Limits.MaxTags);
        for (int i = 0; i < count; i++)
            m.Tags.Add(m.Types.Intern(new FuncType(m.RandomValTypes(Math.Min(3, m.Config.Limits.MaxParams)), [])));
    }
}
