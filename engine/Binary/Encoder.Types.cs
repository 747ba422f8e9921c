using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

// §5.3 Types, in their shortest encodings.
public static partial class Encoder
{
    private static ArgumentException NotEncodable(string what) => new($"cannot encode {what}", "module");

    /// <summary>The one-byte code of an abstract heap type (§5.3.3).</summary>
    private static byte AbstractHeapCode(HeapKind kind) => kind switch
    {
        HeapKind.NoExn => 0x74,
        HeapKind.NoFunc => 0x73,
        HeapKind.NoExtern => 0x72,
        HeapKind.None => 0x71,
        HeapKind.Func => 0x70,
        HeapKind.Extern => 0x6F,
        HeapKind.Any => 0x6E,
        HeapKind.Eq => 0x6D,
        HeapKind.I31 => 0x6C,
        HeapKind.Struct => 0x6B,
        HeapKind.Array => 0x6A,
        HeapKind.Exn => 0x69,
        _ => throw NotEncodable($"heap type {kind}"),
    };

    /// <summary>
    /// A type index as s33, an exact one (custom descriptors) as 0x62 and the index, signed so that
    /// both a u32 and an s32 reader (the spec interpreter's) read it; an abstract type as its byte.
    /// </summary>
    private static void WriteHeapType(WasmWriter w, HeapType heap)
    {
        if (heap.IsConcrete && heap.Exact)
        {
            w.WriteByte(0x62);
            w.WriteS64(heap.Index);
        }
        else if (heap.IsConcrete) w.WriteS64(heap.Index);
        else w.WriteByte(AbstractHeapCode(heap.Kind));
    }

    /// <summary>Nullable abstract types use their shorthand byte; others 0x64 (ref) or 0x63 (ref null) and the heap type.</summary>
    private static void WriteRefType(WasmWriter w, RefType type)
    {
        if (type.Nullable && !type.Heap.IsConcrete)
        {
            w.WriteByte(AbstractHeapCode(type.Heap.Kind));
            return;
        }
        w.WriteByte(type.Nullable ? (byte)0x63 : (byte)0x64);
        WriteHeapType(w, type.Heap);
    }

    private static void WriteValType(WasmWriter w, ValType type)
    {
        switch (type.Kind)
        {
            case ValTypeKind.I32: w.WriteByte(0x7F); break;
            case ValTypeKind.I64: w.WriteByte(0x7E); break;
            case ValTypeKind.F32: w.WriteByte(0x7D); break;
            case ValTypeKind.F64: w.WriteByte(0x7C); break;
            case ValTypeKind.V128: w.WriteByte(0x7B); break;
            case ValTypeKind.Ref: WriteRefType(w, type.Ref); break;
            default: throw NotEncodable($"value type {type}");
        }
    }

    private static void WriteResultType(WasmWriter w, EquatableArray<ValType> types)
    {
        w.WriteLength(types.Count);
        foreach (var t in types) WriteValType(w, t);
    }

    private static void WriteFieldType(WasmWriter w, FieldType field)
    {
        switch (field.Storage.Packed)
        {
            case PackedType.I8: w.WriteByte(0x78); break;
            case PackedType.I16: w.WriteByte(0x77); break;
            default: WriteValType(w, field.Storage.Type); break;
        }
        w.WriteByte(field.Mutable ? (byte)1 : (byte)0);
    }

    private static void WriteCompType(WasmWriter w, CompType comp)
    {
        switch (comp)
        {
            case FuncType func:
                w.WriteByte(0x60);
                WriteResultType(w, func.Params);
                WriteResultType(w, func.Results);
                break;
            case StructType st:
                w.WriteByte(0x5F);
                w.WriteLength(st.Fields.Count);
                foreach (var f in st.Fields) WriteFieldType(w, f);
                break;
            case ArrayType at:
                w.WriteByte(0x5E);
                WriteFieldType(w, at.Field);
                break;
            default:
                throw NotEncodable($"composite type {comp}");
        }
    }

    /// <summary>
    /// A final sub type without supertypes is written without the 0x4F prefix; the custom
    /// descriptors clauses <c>describes</c> (0x4C) and <c>descriptor</c> (0x4D) precede the composite type.
    /// </summary>
    private static void WriteSubType(WasmWriter w, SubType sub)
    {
        if (!sub.Final || !sub.Supers.IsEmpty)
        {
            w.WriteByte(sub.Final ? (byte)0x4F : (byte)0x50);
            w.WriteLength(sub.Supers.Count);
            foreach (uint s in sub.Supers) w.WriteU32(s);
        }
        if (sub.Describes is { } described)
        {
            w.WriteByte(0x4C);
            w.WriteU32(described);
        }
        if (sub.Descriptor is { } descriptor)
        {
            w.WriteByte(0x4D);
            w.WriteU32(descriptor);
        }
        WriteCompType(w, sub.Comp);
    }

    /// <summary>A group of one sub type is written without the 0x4E prefix (the two forms mean the same).</summary>
    private static void WriteRecType(WasmWriter w, RecType rec)
    {
        if (rec.Types.Count == 1)
        {
            WriteSubType(w, rec.Types[0]);
            return;
        }
        w.WriteByte(0x4E);
        w.WriteLength(rec.Types.Count);
        foreach (var sub in rec.Types) WriteSubType(w, sub);
    }

    private static void WriteLimits(WasmWriter w, AddrType addr, Limits limits, bool shared, uint? pageSizeLog2)
    {
        byte flags = 0;
        if (limits.Max is not null) flags |= 0x01;
        if (shared) flags |= 0x02;
        if (addr == AddrType.I64) flags |= 0x04;
        if (pageSizeLog2 is not null) flags |= 0x08;
        w.WriteByte(flags);
        w.WriteU64(limits.Min);
        if (limits.Max is { } max) w.WriteU64(max);
        if (pageSizeLog2 is { } log2) w.WriteU32(log2);
    }

    private static void WriteMemType(WasmWriter w, MemType type) =>
        WriteLimits(w, type.AddrType, type.Limits, type.Shared, type.PageSizeLog2);

    private static void WriteTableType(WasmWriter w, TableType type)
    {
        WriteRefType(w, type.ElemType);
        WriteLimits(w, type.AddrType, type.Limits, false, null);
    }

    private static void WriteGlobalType(WasmWriter w, GlobalType type)
    {
        WriteValType(w, type.Type);
        w.WriteByte(type.Mutable ? (byte)1 : (byte)0);
    }

    private static void WriteTagType(WasmWriter w, TagType type)
    {
        w.WriteByte(0);
        w.WriteU32(type.TypeIndex);
    }

    private static void WriteExternType(WasmWriter w, ExternType type)
    {
        // Custom descriptors: an exact function import has its own kind byte.
        w.WriteByte(type is ExternFunc { Exact: true } ? (byte)0x20 : (byte)type.Kind);
        switch (type)
        {
            case ExternFunc f: w.WriteU32(f.TypeIndex); break;
            case ExternTable t: WriteTableType(w, t.Type); break;
            case ExternMemory m: WriteMemType(w, m.Type); break;
            case ExternGlobal g: WriteGlobalType(w, g.Type); break;
            case ExternTag t: WriteTagType(w, t.Type); break;
            default: throw NotEncodable($"external type {type}");
        }
    }
}
