using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

// §5.5 Modules: the contents of each section.
public static partial class Decoder
{
    /// <summary>
    /// The most locals (parameters excluded) a function may declare. The binary format allows
    /// up to 2^32-1 ("too many locals" above); this implementation limit (§A.2), the one other
    /// engines use too, keeps a six-byte body from asking for gigabytes.
    /// </summary>
    public const int MaxLocals = 50_000;

    /// <summary>Reads a vector whose elements <paramref name="read"/> decodes.</summary>
    private static T[] ReadVector<T>(ref WasmReader r, Context cx, ElementReader<T> read)
    {
        int n = r.ReadLength();
        if (n == 0) return [];
        var items = new T[n];
        for (int i = 0; i < n; i++) items[i] = read(ref r, cx);
        return items;
    }

    private delegate T ElementReader<T>(ref WasmReader r, Context cx);

    /// <summary>§5.5.4 type section.</summary>
    private static RecType[] ReadTypeSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context _) => ReadRecType(ref r));

    /// <summary>§5.5.5 import section: module name, item name, external type ("malformed import kind").</summary>
    private static Import[] ReadImportSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context cx) =>
        {
            string module = r.ReadName();
            string name = r.ReadName();
            byte kind = r.ReadByte();
            ExternType type = kind switch
            {
                0x00 => new ExternFunc(ReadTypeUse(ref r)),
                0x01 => new ExternTable(ReadTableType(ref r, cx.Features)),
                0x02 => new ExternMemory(ReadMemType(ref r, cx.Features)),
                0x03 => new ExternGlobal(ReadGlobalType(ref r)),
                0x04 => new ExternTag(ReadTagType(ref r)),
                // Custom descriptors: an exact function import.
                0x20 when (cx.Features & Features.CustomDescriptors) != 0 => new ExternFunc(ReadTypeUse(ref r), Exact: true),
                _ => throw new MalformedException("malformed import kind", r.Position - 1),
            };
            return new Import(module, name, type);
        });

    /// <summary>§5.5.6 function section: one typeidx per function.</summary>
    private static uint[] ReadFunctionSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context _) => r.ReadU32());

    /// <summary>
    /// §5.5.7 table section: a table type alone (null initialiser), or 0x40 0x00, the type and
    /// an initialiser expression. As in the spec interpreter, an error in the second form is
    /// reported as the first form's: 0x40 is then a "malformed reference type".
    /// </summary>
    private static Table[] ReadTableSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context cx) =>
        {
            int pos = r.Position;
            if (r.Peek() != 0x40) return new Table(ReadTableType(ref r, cx.Features));
            try
            {
                r.Position++;
                if (r.ReadByte() != 0) throw new MalformedException("zero byte expected", r.Position - 1);
                var type = ReadTableType(ref r, cx.Features);
                return new Table(type, ReadExpr(ref r, cx));
            }
            catch (MalformedException)
            {
                throw new MalformedException("malformed reference type", pos);
            }
        });

    /// <summary>§5.5.8 memory section.</summary>
    private static Memory[] ReadMemorySection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context cx) => new Memory(ReadMemType(ref r, cx.Features)));

    /// <summary>Tag section (id 13, exception handling).</summary>
    private static Tag[] ReadTagSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context _) => new Tag(ReadTagType(ref r)));

    /// <summary>§5.5.9 global section: global type and initialiser.</summary>
    private static Global[] ReadGlobalSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context cx) =>
        {
            var type = ReadGlobalType(ref r);
            return new Global(type, ReadExpr(ref r, cx));
        });

    /// <summary>§5.5.10 export section ("malformed export kind").</summary>
    private static Export[] ReadExportSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context _) =>
        {
            string name = r.ReadName();
            byte kind = r.ReadByte();
            if (kind > 4) throw new MalformedException("malformed export kind", r.Position - 1);
            return new Export(name, (ExternKind)kind, r.ReadU32());
        });

    /// <summary>§5.5.12 element section: the eight segment forms 0-7 ("malformed elements segment kind").</summary>
    private static ElementSegment[] ReadElementSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context cx) =>
        {
            uint form = r.ReadU32();
            if (form > 7) throw new MalformedException("malformed elements segment kind", r.Position - 1);
            // Bit 0: passive or declarative (else active); bit 1: explicit table index (active)
            // or declarative (otherwise); bit 2: expressions (else function indices).
            SegmentMode mode = (form & 3) switch
            {
                0 => SegmentMode.Active(0, ReadExpr(ref r, cx)),
                1 => SegmentMode.Passive,
                2 => ReadActiveMode(ref r, cx),
                _ => SegmentMode.Declarative,
            };
            bool expressions = (form & 4) != 0;
            RefType type;
            if ((form & 3) == 0) type = expressions ? RefType.FuncRef : new RefType(false, HeapType.Func);
            else if (expressions) type = ReadRefType(ref r);
            else
            {
                if (r.ReadByte() != 0) throw new MalformedException("malformed element kind", r.Position - 1);
                type = new RefType(false, HeapType.Func);
            }
            var init = expressions
                ? ReadVector(ref r, cx, static (ref WasmReader r, Context cx) => ReadExpr(ref r, cx))
                : ReadVector(ref r, cx, static (ref WasmReader r, Context _) =>
                    (EquatableArray<Instruction>)new Instruction[] { new IndexInstruction(Opcode.RefFunc, r.ReadU32()) });
            return new ElementSegment(type, init, mode);
        });

    private static SegmentMode ReadActiveMode(ref WasmReader r, Context cx)
    {
        uint index = r.ReadU32();
        return SegmentMode.Active(index, ReadExpr(ref r, cx));
    }

    /// <summary>§5.5.14 data section: forms 0-2 ("malformed data segment kind").</summary>
    private static DataSegment[] ReadDataSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context cx) =>
        {
            uint form = r.ReadU32();
            SegmentMode mode = form switch
            {
                0 => SegmentMode.Active(0, ReadExpr(ref r, cx)),
                1 => SegmentMode.Passive,
                2 => ReadActiveMode(ref r, cx),
                _ => throw new MalformedException("malformed data segment kind", r.Position - 1),
            };
            int n = r.ReadLength();
            return new DataSegment(r.ReadBytes(n).ToArray(), mode);
        });

    /// <summary>
    /// §5.5.13 code section: per function a size, the locals, and the body; with the offset in the
    /// module where each function's code starts (after its size, where branch hint offsets count from).
    /// </summary>
    private static (EquatableArray<ValType> Locals, EquatableArray<Instruction> Body, int Start)[] ReadCodeSection(ref WasmReader r, Context cx) =>
        ReadVector(ref r, cx, static (ref WasmReader r, Context cx) =>
        {
            int size = r.ReadLength();
            int start = r.Position;
            var locals = ReadLocals(ref r);
            var body = ReadExpr(ref r, cx);
            if (r.Position != start + size) throw new MalformedException("section size mismatch", start);
            return (locals, body, start);
        });

    /// <summary>
    /// Local declarations: run-length groups, expanded. The total is checked before expanding:
    /// 2^32 or more is "too many locals" (§5.5.13), as is anything above <see cref="MaxLocals"/>.
    /// </summary>
    private static EquatableArray<ValType> ReadLocals(ref WasmReader r)
    {
        int pos = r.Position;
        int groups = r.ReadLength();
        if (groups == 0) return EquatableArray<ValType>.Empty;
        Span<(uint Count, ValType Type)> runs = groups <= 16 ? stackalloc (uint, ValType)[groups] : new (uint, ValType)[groups];
        ulong total = 0;
        for (int i = 0; i < groups; i++)
        {
            uint count = r.ReadU32();
            runs[i] = (count, ReadValType(ref r));
            total += count;
        }
        if (total > MaxLocals) throw new MalformedException("too many locals", pos);
        if (total == 0) return EquatableArray<ValType>.Empty;
        var locals = new ValType[total];
        int k = 0;
        foreach (var (count, type) in runs)
            for (uint j = 0; j < count; j++) locals[k++] = type;
        return locals;
    }
}
