using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

// §5.3 Types. Type codes are one-byte s7 values; where the spec interpreter tries several
// readings in turn (value type, storage type, block type), the error reported is the one of
// the last reading, as there.
public static partial class Decoder
{
    /// <summary>Type indices above this cannot be represented by the spec interpreter and are malformed there.</summary>
    private const uint MaxTypeIndex = int.MaxValue;

    /// <summary>A typeidx read as u32 where a type use is expected ("malformed type index" at 2^31 and above).</summary>
    private static uint ReadTypeUse(ref WasmReader r)
    {
        int pos = r.Position;
        uint x = r.ReadU32();
        if (x > MaxTypeIndex) throw new MalformedException("malformed type index", pos);
        return x;
    }

    /// <summary>The abstract heap type of a one-byte code, if it is one (§5.3.3).</summary>
    private static bool TryAbstractHeap(int code, out HeapKind kind)
    {
        kind = code switch
        {
            0x74 => HeapKind.NoExn,
            0x73 => HeapKind.NoFunc,
            0x72 => HeapKind.NoExtern,
            0x71 => HeapKind.None,
            0x70 => HeapKind.Func,
            0x6F => HeapKind.Extern,
            0x6E => HeapKind.Any,
            0x6D => HeapKind.Eq,
            0x6C => HeapKind.I31,
            0x6B => HeapKind.Struct,
            0x6A => HeapKind.Array,
            0x69 => HeapKind.Exn,
            _ => HeapKind.Bot,
        };
        return kind != HeapKind.Bot;
    }

    /// <summary>
    /// §5.3.3 heaptype: a non-negative s33 type index, or a one-byte abstract heap type; with
    /// custom descriptors also 0x62 and a type index, an exact type. The spec interpreter reads
    /// that index as a non-negative s32 (a repeated 0x62 is then negative, not index 98), and so
    /// do we; the encoder writes it signed, which a u32 reader reads the same.
    /// </summary>
    private static HeapType ReadHeapType(ref WasmReader r)
    {
        int pos = r.Position;
        if (TryReadNonNegativeS33(ref r, out uint index)) return HeapType.Concrete(index);
        r.Position = pos;
        int code = r.ReadS7() & 0x7F;
        if (code == ExactCode && (r.Features & Features.CustomDescriptors) != 0) return Exact(ReadExactIndex(ref r));
        if (!TryAbstractHeap(code, out var kind)) throw new MalformedException("malformed heap type", pos);
        return new HeapType(kind);
    }

    /// <summary>Custom descriptors: the prefix of an exact heap type.</summary>
    private const int ExactCode = 0x62;

    private static HeapType Exact(uint index) => new(HeapKind.Concrete, index, Exact: true);

    /// <summary>The type index of an exact heap type: a non-negative s32 ("malformed type index" otherwise).</summary>
    private static uint ReadExactIndex(ref WasmReader r)
    {
        int pos = r.Position;
        int x = r.ReadS32();
        if (x < 0) throw new MalformedException("malformed type index", pos);
        return (uint)x;
    }

    /// <summary>
    /// Reads an s33 and says whether it is a type index (0 .. 2^31-1, the range the spec
    /// interpreter accepts); a malformed integer counts as "not an index" so the caller can
    /// read the bytes another way.
    /// </summary>
    private static bool TryReadNonNegativeS33(ref WasmReader r, out uint index)
    {
        index = 0;
        int b = r.Peek();
        if (b < 0) return false;
        if (b < 0x40)
        {
            r.Position++;
            index = (uint)b;
            return true;
        }
        if (b < 0x80) return false;
        // Multi-byte: only a well-formed encoding of a value in range is an index.
        int pos = r.Position;
        if (!r.TryReadS33(out long value) || value < 0 || value > MaxTypeIndex)
        {
            r.Position = pos;
            return false;
        }
        index = (uint)value;
        return true;
    }

    /// <summary>§5.3.3 reftype: a one-byte shorthand, or 0x64/0x63 (ref / ref null) and a heap type.</summary>
    private static RefType ReadRefType(ref WasmReader r)
    {
        int pos = r.Position;
        int code = r.ReadS7() & 0x7F;
        if (TryAbstractHeap(code, out var kind)) return new RefType(true, new HeapType(kind));
        return code switch
        {
            0x64 => new RefType(false, ReadHeapType(ref r)),
            0x63 => new RefType(true, ReadHeapType(ref r)),
            _ => throw new MalformedException("malformed reference type", pos),
        };
    }

    /// <summary>§5.3.4 valtype: number, vector or reference type.</summary>
    private static ValType ReadValType(ref WasmReader r)
    {
        switch (r.Peek())
        {
            case 0x7F: r.Position++; return ValType.I32;
            case 0x7E: r.Position++; return ValType.I64;
            case 0x7D: r.Position++; return ValType.F32;
            case 0x7C: r.Position++; return ValType.F64;
            case 0x7B: r.Position++; return ValType.V128;
            default: return new ValType(ReadRefType(ref r));
        }
    }

    /// <summary>§5.3.5 resulttype: a vector of value types.</summary>
    private static EquatableArray<ValType> ReadResultType(ref WasmReader r)
    {
        int n = r.ReadLength();
        if (n == 0) return EquatableArray<ValType>.Empty;
        var types = new ValType[n];
        for (int i = 0; i < n; i++) types[i] = ReadValType(ref r);
        return types;
    }

    /// <summary>§5.3.7 storagetype: a value type or a packed type (0x78 i8, 0x77 i16).</summary>
    private static StorageType ReadStorageType(ref WasmReader r)
    {
        int pos = r.Position;
        int b = r.Peek();
        if (b is 0x78 or 0x77)
        {
            r.Position++;
            return StorageType.Of(b == 0x78 ? PackedType.I8 : PackedType.I16);
        }
        if (b is >= 0x7B and <= 0x7F) return new StorageType(ReadValType(ref r));
        // A reference type, or nothing: when it is not one, the packed-type reading reports.
        var probe = r;
        if (TryReadRefTypeQuietly(ref probe, out var rt))
        {
            r.Position = probe.Position;
            return new StorageType(new ValType(rt));
        }
        r.Position = pos;
        r.ReadS7();
        throw new MalformedException("malformed storage type", pos);
    }

    /// <summary>A reference type read without throwing: false when the bytes are not one.</summary>
    private static bool TryReadRefTypeQuietly(ref WasmReader r, out RefType type)
    {
        type = default;
        int code = r.Peek();
        if (code < 0) return false;
        r.Position++;
        if (TryAbstractHeap(code, out var kind))
        {
            type = new RefType(true, new HeapType(kind));
            return true;
        }
        if (code is not (0x64 or 0x63)) return false;
        bool nullable = code == 0x63;
        if (TryReadNonNegativeS33(ref r, out uint index))
        {
            type = new RefType(nullable, HeapType.Concrete(index));
            return true;
        }
        if (r.Peek() == ExactCode && (r.Features & Features.CustomDescriptors) != 0)
        {
            r.Position++;
            if (!r.TryReadS33(out long exact) || exact < 0 || exact > int.MaxValue) return false;
            type = new RefType(nullable, Exact((uint)exact));
            return true;
        }
        int heap = r.Peek();
        if (heap < 0 || !TryAbstractHeap(heap, out kind)) return false;
        r.Position++;
        type = new RefType(nullable, new HeapType(kind));
        return true;
    }

    /// <summary>§5.3.7 mutability: 0x00 const, 0x01 var ("malformed mutability").</summary>
    private static bool ReadMutability(ref WasmReader r)
    {
        byte b = r.ReadByte();
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw new MalformedException("malformed mutability", r.Position - 1),
        };
    }

    /// <summary>§5.3.7 fieldtype: storage type and mutability.</summary>
    private static FieldType ReadFieldType(ref WasmReader r)
    {
        var storage = ReadStorageType(ref r);
        return new FieldType(storage, ReadMutability(ref r));
    }

    /// <summary>§5.3.7 comptype: 0x60 func, 0x5F struct, 0x5E array ("malformed definition type").</summary>
    private static CompType ReadCompType(ref WasmReader r)
    {
        int code = r.ReadS7() & 0x7F;
        switch (code)
        {
            case 0x60:
                var parameters = ReadResultType(ref r);
                return new FuncType(parameters, ReadResultType(ref r));
            case 0x5F:
                int n = r.ReadLength();
                var fields = n == 0 ? [] : new FieldType[n];
                for (int i = 0; i < n; i++) fields[i] = ReadFieldType(ref r);
                return new StructType(fields);
            case 0x5E:
                return new ArrayType(ReadFieldType(ref r));
            default:
                throw new MalformedException("malformed definition type", r.Position - 1);
        }
    }

    /// <summary>§5.3.8 subtype: 0x50 (open) or 0x4F (final) with supertypes, or a bare comptype (final, no supertypes).</summary>
    private static SubType ReadSubType(ref WasmReader r)
    {
        int b = r.Peek();
        bool final = true;
        uint[] supers = [];
        if (b is 0x50 or 0x4F)
        {
            r.Position++;
            final = b == 0x4F;
            int n = r.ReadLength();
            if (n > 0) supers = new uint[n];
            for (int i = 0; i < n; i++) supers[i] = ReadTypeUse(ref r);
        }
        uint? describes = ReadDescriptorClause(ref r, 0x4C);
        uint? descriptor = ReadDescriptorClause(ref r, 0x4D);
        return new SubType(final, supers, ReadCompType(ref r), describes, descriptor);
    }

    /// <summary>Custom descriptors: <c>0x4C x</c> (describes x) or <c>0x4D x</c> (descriptor x) before the composite type.</summary>
    private static uint? ReadDescriptorClause(ref WasmReader r, int code)
    {
        if (r.Peek() != code || (r.Features & Features.CustomDescriptors) == 0) return null;
        r.Position++;
        return ReadTypeUse(ref r);
    }

    /// <summary>§5.3.8 rectype: 0x4E and a vector of sub types, or one sub type.</summary>
    private static RecType ReadRecType(ref WasmReader r)
    {
        if (r.Peek() != 0x4E) return RecType.Single(ReadSubType(ref r));
        r.Position++;
        int n = r.ReadLength();
        var subs = n == 0 ? [] : new SubType[n];
        for (int i = 0; i < n; i++) subs[i] = ReadSubType(ref r);
        return new RecType(subs);
    }

    /// <summary>
    /// §5.3.9 limits with the address type: flags bit 0 = has maximum, bit 2 = i64 addresses
    /// (memory64); for memories also bit 1 = shared (threads) and bit 3 = custom page size.
    /// Sizes are read as u64 whatever the address type; their range is validation's concern.
    /// </summary>
    private static (AddrType, Limits, bool Shared, uint? PageSizeLog2) ReadLimits(ref WasmReader r, Features features, bool memory)
    {
        byte flags = r.ReadByte();
        int allowed = 0x01;
        if ((features & Features.Memory64) != 0) allowed |= 0x04;
        if (memory && (features & Features.Threads) != 0) allowed |= 0x02;
        if (memory && (features & Features.CustomPageSizes) != 0) allowed |= 0x08;
        if ((flags & ~allowed) != 0) throw new MalformedException("malformed limits flags", r.Position - 1);
        var addr = (flags & 0x04) != 0 ? AddrType.I64 : AddrType.I32;
        ulong min = r.ReadU64();
        ulong? max = (flags & 0x01) != 0 ? r.ReadU64() : null;
        uint? pageSizeLog2 = null;
        if ((flags & 0x08) != 0)
        {
            int pos = r.Position;
            uint log2 = r.ReadU32();
            if (log2 >= 64) throw new MalformedException("invalid custom page size", pos);
            pageSizeLog2 = log2;
        }
        return (addr, new Limits(min, max), (flags & 0x02) != 0, pageSizeLog2);
    }

    /// <summary>§5.3.10 memtype.</summary>
    private static MemType ReadMemType(ref WasmReader r, Features features)
    {
        var (addr, limits, shared, pageSize) = ReadLimits(ref r, features, memory: true);
        return new MemType(addr, limits, shared, pageSize);
    }

    /// <summary>§5.3.11 tabletype: element reference type, then limits.</summary>
    private static TableType ReadTableType(ref WasmReader r, Features features)
    {
        var elem = ReadRefType(ref r);
        var (addr, limits, _, _) = ReadLimits(ref r, features, memory: false);
        return new TableType(addr, limits, elem);
    }

    /// <summary>§5.3.12 globaltype: value type, then mutability.</summary>
    private static GlobalType ReadGlobalType(ref WasmReader r)
    {
        var type = ReadValType(ref r);
        return new GlobalType(type, ReadMutability(ref r));
    }

    /// <summary>§5.3.13 tagtype: a zero attribute byte, then a type index ("zero byte expected").</summary>
    private static TagType ReadTagType(ref WasmReader r)
    {
        if (r.ReadByte() != 0) throw new MalformedException("zero byte expected", r.Position - 1);
        return new TagType(ReadTypeUse(ref r));
    }
}
