namespace WasmConform.Engine.Syntax;

// §2.3 Types. Module-level type references are type indices (typeidx) into the module's
// flattened type index space; canonicalisation across modules happens at validation/linking.

/// <summary>The kind of a value type (§2.3.4): a number type, the vector type, or a reference type.</summary>
public enum ValTypeKind : byte
{
    I32,
    I64,
    F32,
    F64,
    V128,
    Ref,
    /// <summary>The bottom type of validation (an operand of unreachable code); never in a module.</summary>
    Bot,
}

/// <summary>Abstract heap types (§2.3.3) and <see cref="Concrete"/> for a type index.</summary>
public enum HeapKind : byte
{
    Func,
    NoFunc,
    Extern,
    NoExtern,
    Any,
    Eq,
    I31,
    Struct,
    Array,
    None,
    Exn,
    NoExn,
    /// <summary>A defined type, <see cref="HeapType.Index"/> is its typeidx.</summary>
    Concrete,
    /// <summary>The bottom heap type of validation; never in a module.</summary>
    Bot,
}

/// <summary>A heap type (§2.3.3): abstract, or a concrete type index.</summary>
/// <param name="Kind">Which heap type.</param>
/// <param name="Index">The typeidx when <paramref name="Kind"/> is <see cref="HeapKind.Concrete"/>, else 0.</param>
/// <param name="Exact">Custom-descriptors proposal: an exact concrete type <c>(exact typeidx)</c>, which excludes its subtypes.</param>
public readonly record struct HeapType(HeapKind Kind, uint Index = 0, bool Exact = false)
{
    public static readonly HeapType Func = new(HeapKind.Func);
    public static readonly HeapType Extern = new(HeapKind.Extern);
    public static readonly HeapType Any = new(HeapKind.Any);
    public static readonly HeapType Exn = new(HeapKind.Exn);

    /// <summary>The heap type of a defined type.</summary>
    public static HeapType Concrete(uint typeIndex) => new(HeapKind.Concrete, typeIndex);

    public bool IsConcrete => Kind == HeapKind.Concrete;

    /// <summary>Text-format spelling: <c>func</c>, <c>noextern</c>, the index, or <c>(exact index)</c>.</summary>
    public override string ToString() => Kind switch
    {
        HeapKind.Concrete when Exact => $"(exact {Index.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        HeapKind.Concrete => Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        HeapKind.Bot => "bot",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>A reference type (§2.3.3): <c>(ref null? heaptype)</c>.</summary>
public readonly record struct RefType(bool Nullable, HeapType Heap)
{
    public static readonly RefType FuncRef = new(true, HeapType.Func);
    public static readonly RefType ExternRef = new(true, HeapType.Extern);
    public static readonly RefType AnyRef = new(true, HeapType.Any);
    public static readonly RefType ExnRef = new(true, HeapType.Exn);

    /// <summary>
    /// Text-format spelling (§6.4.3), with the short forms for nullable abstract types:
    /// <c>funcref</c>, <c>externref</c>, <c>anyref</c>, … and <c>nullref</c>, <c>nullfuncref</c>,
    /// <c>nullexternref</c>, <c>nullexnref</c> for the bottom types.
    /// </summary>
    public override string ToString() =>
        !Nullable || Heap.IsConcrete || Heap.Exact ? $"(ref {(Nullable ? "null " : "")}{Heap})"
        : Heap.Kind switch
        {
            HeapKind.None => "nullref",
            HeapKind.NoFunc => "nullfuncref",
            HeapKind.NoExtern => "nullexternref",
            HeapKind.NoExn => "nullexnref",
            HeapKind.Bot => "(ref null bot)",
            _ => Heap + "ref",
        };
}

/// <summary>A value type (§2.3.4): <c>i32 | i64 | f32 | f64 | v128 | reftype</c>.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Ref">The reference type when <paramref name="Kind"/> is <see cref="ValTypeKind.Ref"/>, else <c>default</c>.</param>
public readonly record struct ValType(ValTypeKind Kind, RefType Ref = default)
{
    public static readonly ValType I32 = new(ValTypeKind.I32);
    public static readonly ValType I64 = new(ValTypeKind.I64);
    public static readonly ValType F32 = new(ValTypeKind.F32);
    public static readonly ValType F64 = new(ValTypeKind.F64);
    public static readonly ValType V128 = new(ValTypeKind.V128);
    public static readonly ValType FuncRef = new(RefType.FuncRef);
    public static readonly ValType ExternRef = new(RefType.ExternRef);
    public static readonly ValType ExnRef = new(RefType.ExnRef);
    /// <summary>The bottom type of validation.</summary>
    public static readonly ValType Bot = new(ValTypeKind.Bot);

    /// <summary>A reference value type.</summary>
    public ValType(RefType type) : this(ValTypeKind.Ref, type) { }

    public bool IsNum => Kind is ValTypeKind.I32 or ValTypeKind.I64 or ValTypeKind.F32 or ValTypeKind.F64;
    public bool IsVec => Kind == ValTypeKind.V128;
    public bool IsRef => Kind == ValTypeKind.Ref;

    /// <summary>Whether a local of this type can start without an explicit value (§3.2.1 defaultable).</summary>
    public bool IsDefaultable => Kind != ValTypeKind.Ref || Ref.Nullable;

    /// <summary>Size of a number or vector value in bytes (4, 8 or 16); 0 for references.</summary>
    public int ByteSize => Kind switch
    {
        ValTypeKind.I32 or ValTypeKind.F32 => 4,
        ValTypeKind.I64 or ValTypeKind.F64 => 8,
        ValTypeKind.V128 => 16,
        _ => 0,
    };

    public override string ToString() => Kind switch
    {
        ValTypeKind.Ref => Ref.ToString(),
        ValTypeKind.Bot => "bot",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>The address type of a memory or table (§2.3.9, memory64): i32 or i64 indices.</summary>
public enum AddrType : byte { I32, I64 }

/// <summary>Limits (§2.3.8) of a memory (in pages) or a table (in elements).</summary>
/// <param name="Min">Initial size.</param>
/// <param name="Max">Maximum size, if any.</param>
public readonly record struct Limits(ulong Min, ulong? Max = null)
{
    public override string ToString() => Max is { } max ? $"{Min} {max}" : Min.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A function type (§2.3.5): <c>[params] -> [results]</c>.</summary>
public sealed record FuncType(EquatableArray<ValType> Params, EquatableArray<ValType> Results) : CompType
{
    /// <summary>The type <c>[] -> []</c>.</summary>
    public static readonly FuncType Empty = new([], []);

    public override string ToString() => $"{Params} -> {Results}";
}

/// <summary>Packed storage types of GC fields (§2.3.6).</summary>
public enum PackedType : byte { None, I8, I16 }

/// <summary>A storage type (§2.3.6): a value type, or a packed type when <see cref="Packed"/> is not <see cref="PackedType.None"/>.</summary>
public readonly record struct StorageType(ValType Type, PackedType Packed = PackedType.None)
{
    public static StorageType Of(PackedType packed) => new(ValType.I32, packed);

    /// <summary>The value type a read of this storage produces (packed types unpack to i32).</summary>
    public ValType Unpacked => Packed == PackedType.None ? Type : ValType.I32;

    public override string ToString() => Packed switch
    {
        PackedType.I8 => "i8",
        PackedType.I16 => "i16",
        _ => Type.ToString(),
    };
}

/// <summary>A field type (§2.3.6): a storage type with its mutability.</summary>
public readonly record struct FieldType(StorageType Storage, bool Mutable);

/// <summary>A composite type (§2.3.6): <see cref="FuncType"/>, <see cref="StructType"/> or <see cref="ArrayType"/>.</summary>
public abstract record CompType;

/// <summary><c>struct fieldtype*</c> (§2.3.6).</summary>
public sealed record StructType(EquatableArray<FieldType> Fields) : CompType;

/// <summary><c>array fieldtype</c> (§2.3.6).</summary>
public sealed record ArrayType(FieldType Field) : CompType;

/// <summary>A sub type (§2.3.7): <c>sub final? typeidx* comptype</c>. A plain type definition is final with no supertypes.</summary>
/// <param name="Final">Whether the type admits no further subtypes.</param>
/// <param name="Supers">The typeidx of each declared supertype.</param>
/// <param name="Comp">The composite type.</param>
/// <param name="Describes">Custom-descriptors proposal: the typeidx this type is the descriptor of, if any.</param>
/// <param name="Descriptor">Custom-descriptors proposal: the typeidx of this type's descriptor, if any.</param>
public sealed record SubType(bool Final, EquatableArray<uint> Supers, CompType Comp, uint? Describes = null, uint? Descriptor = null)
{
    /// <summary>The sub type of a plain <c>(type (func …))</c> definition.</summary>
    public static SubType Plain(CompType comp) => new(true, [], comp);
}

/// <summary>A recursive type group (§2.3.7): <c>rec subtype*</c>. Each sub type takes one type index.</summary>
public sealed record RecType(EquatableArray<SubType> Types)
{
    public static RecType Single(SubType type) => new([type]);
}

/// <summary>A memory type (§2.3.9): address type and limits in pages.</summary>
/// <param name="AddrType">i32, or i64 for memory64.</param>
/// <param name="Limits">Minimum and maximum size in pages.</param>
/// <param name="Shared">Threads proposal: a shared memory.</param>
/// <param name="PageSizeLog2">Custom-page-sizes proposal: log2 of the page size in bytes; <c>null</c> for the default 64 KiB (16).</param>
public sealed record MemType(AddrType AddrType, Limits Limits, bool Shared = false, uint? PageSizeLog2 = null)
{
    /// <summary>Page size in bytes (65536 unless the custom-page-sizes proposal says otherwise).</summary>
    public ulong PageSize => 1UL << (int)(PageSizeLog2 ?? 16);
}

/// <summary>A table type (§2.3.10): address type, limits in elements, element reference type.</summary>
public sealed record TableType(AddrType AddrType, Limits Limits, RefType ElemType);

/// <summary>A global type (§2.3.11).</summary>
public readonly record struct GlobalType(ValType Type, bool Mutable);

/// <summary>A tag type (§2.3.12): the index of a function type whose results are empty.</summary>
public readonly record struct TagType(uint TypeIndex);

/// <summary>The kinds of external values (§2.5.10), numbered as in the binary format.</summary>
public enum ExternKind : byte { Func = 0, Table = 1, Memory = 2, Global = 3, Tag = 4 }

/// <summary>An external type (§2.3.13): what an import requires or an export provides.</summary>
public abstract record ExternType
{
    public abstract ExternKind Kind { get; }
}

/// <summary><c>func typeidx</c>; <paramref name="Exact"/> marks the custom-descriptors proposal's <c>func (exact typeidx)</c>.</summary>
public sealed record ExternFunc(uint TypeIndex, bool Exact = false) : ExternType { public override ExternKind Kind => ExternKind.Func; }

/// <summary><c>table tabletype</c>.</summary>
public sealed record ExternTable(TableType Type) : ExternType { public override ExternKind Kind => ExternKind.Table; }

/// <summary><c>memory memtype</c>.</summary>
public sealed record ExternMemory(MemType Type) : ExternType { public override ExternKind Kind => ExternKind.Memory; }

/// <summary><c>global globaltype</c>.</summary>
public sealed record ExternGlobal(GlobalType Type) : ExternType { public override ExternKind Kind => ExternKind.Global; }

/// <summary><c>tag tagtype</c>.</summary>
public sealed record ExternTag(TagType Type) : ExternType { public override ExternKind Kind => ExternKind.Tag; }
