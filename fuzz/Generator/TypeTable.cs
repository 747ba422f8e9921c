using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// The defined types of a module being generated, each once, in index order, each in a rec
/// group of its own: function types, and with GC struct and array types, possibly declaring
/// an earlier non-final type as their supertype. Types are only appended, so a type refers
/// (through a reference type or its supertype) only to earlier ones; and since each is held
/// once, two indices are the same canonical type only if they are equal (§3.1.3, with
/// single-type rec groups iso-recursive equivalence is syntactic equality).
/// </summary>
/// <remarks>
/// <see cref="Matches"/> is subtyping (§3.3.1 matching) over the types the generator uses:
/// numbers and vectors match themselves; references match by nullability and heap type in
/// the hierarchies any ⊇ eq ⊇ {i31, struct ⊇ concrete structs, array ⊇ concrete arrays} ⊇ none,
/// func ⊇ concrete functions ⊇ nofunc, extern ⊇ noextern, exn ⊇ noexn, where a concrete type
/// matches itself and its declared supertypes.
/// </remarks>
internal sealed class TypeTable
{
    private readonly List<SubType> _types = [];
    private readonly Dictionary<SubType, uint> _index = [];

    public int Count => _types.Count;

    public SubType this[uint index] => _types[(int)index];

    /// <summary>The function type at <paramref name="index"/> (which must be one).</summary>
    public FuncType Func(uint index) => (FuncType)_types[(int)index].Comp;

    public bool IsFunc(uint index) => _types[(int)index].Comp is FuncType;

    /// <summary>The index of the plain (final, no supertype) function type <paramref name="type"/>, appending it when new.</summary>
    public uint Intern(FuncType type) => Intern(SubType.Plain(type));

    /// <summary>The index of <paramref name="type"/>, appending it when new.</summary>
    public uint Intern(SubType type)
    {
        if (_index.TryGetValue(type, out uint index)) return index;
        index = (uint)_types.Count;
        _types.Add(type);
        _index.Add(type, index);
        return index;
    }

    /// <summary>The type section.</summary>
    public EquatableArray<RecType> ToSection() => _types.Select(RecType.Single).ToEquatableArray();

    /// <summary>Whether <paramref name="sub"/> is <paramref name="super"/> or declares it, directly or not, as a supertype.</summary>
    public bool IsSubtype(uint sub, uint super)
    {
        for (uint t = sub; ; t = _types[(int)t].Supers[0])
        {
            if (t == super) return true;
            if (_types[(int)t].Supers.IsEmpty) return false;
        }
    }

    public bool Matches(ValType actual, ValType expected)
    {
        if (actual == expected) return true;
        if (!actual.IsRef || !expected.IsRef) return false;
        if (actual.Ref.Nullable && !expected.Ref.Nullable) return false;
        return HeapMatches(actual.Ref.Heap, expected.Ref.Heap);
    }

    /// <summary>Whether the values typed <paramref name="actual"/> match <paramref name="expected"/> one for one.</summary>
    public bool Match(ReadOnlySpan<ValType> actual, ReadOnlySpan<ValType> expected)
    {
        if (actual.Length != expected.Length) return false;
        for (int i = 0; i < actual.Length; i++)
            if (!Matches(actual[i], expected[i])) return false;
        return true;
    }

    public bool HeapMatches(HeapType a, HeapType b)
    {
        if (a == b) return true;
        var kind = a.IsConcrete ? KindOf(a.Index) : a.Kind;
        return b.Kind switch
        {
            HeapKind.Any => kind is HeapKind.Eq or HeapKind.I31 or HeapKind.Struct or HeapKind.Array or HeapKind.None,
            HeapKind.Eq => kind is HeapKind.I31 or HeapKind.Struct or HeapKind.Array or HeapKind.None,
            HeapKind.Struct => kind is HeapKind.Struct or HeapKind.None,
            HeapKind.Array => kind is HeapKind.Array or HeapKind.None,
            HeapKind.I31 => kind == HeapKind.None,
            HeapKind.Func => kind is HeapKind.Func or HeapKind.NoFunc,
            HeapKind.Extern => kind == HeapKind.NoExtern,
            HeapKind.Exn => kind == HeapKind.NoExn,
            HeapKind.Concrete => a.IsConcrete ? IsSubtype(a.Index, b.Index) : a.Kind == Bottom(KindOf(b.Index)),
            _ => false,
        };
    }

    /// <summary>The abstract heap type a concrete type falls under: func, struct or array.</summary>
    public HeapKind KindOf(uint index) => _types[(int)index].Comp switch
    {
        FuncType => HeapKind.Func,
        StructType => HeapKind.Struct,
        _ => HeapKind.Array,
    };

    /// <summary>The top of the hierarchy <paramref name="heap"/> is in: any, func, extern or exn.</summary>
    public HeapKind Top(HeapType heap) => (heap.IsConcrete ? KindOf(heap.Index) : heap.Kind) switch
    {
        HeapKind.Func or HeapKind.NoFunc => HeapKind.Func,
        HeapKind.Extern or HeapKind.NoExtern => HeapKind.Extern,
        HeapKind.Exn or HeapKind.NoExn => HeapKind.Exn,
        _ => HeapKind.Any,
    };

    /// <summary>The bottom of the hierarchy an abstract kind is in: none, nofunc, noextern or noexn.</summary>
    public static HeapKind Bottom(HeapKind kind) => kind switch
    {
        HeapKind.Func or HeapKind.NoFunc => HeapKind.NoFunc,
        HeapKind.Extern or HeapKind.NoExtern => HeapKind.NoExtern,
        HeapKind.Exn or HeapKind.NoExn => HeapKind.NoExn,
        _ => HeapKind.None,
    };
}

/// <summary>Value type helpers that need no type table.</summary>
internal static class ValueTypes
{
    /// <summary><c>eqref</c>, <c>(ref null eq)</c>.</summary>
    public static readonly ValType EqRef = Abstract(HeapKind.Eq);
    /// <summary><c>(ref exn)</c>: what a catch with a reference passes.</summary>
    public static readonly ValType NonNullExn = new(new RefType(false, HeapType.Exn));

    /// <summary>The nullable reference type of an abstract heap type.</summary>
    public static ValType Abstract(HeapKind kind) => new(new RefType(true, new HeapType(kind)));

    /// <summary>The nullable form of a reference type (the type of a local that can hold it); other types unchanged.</summary>
    public static ValType Nullable(ValType t) => t.IsRef && !t.Ref.Nullable ? new ValType(t.Ref with { Nullable = true }) : t;

    /// <summary>The non-null form of a reference type.</summary>
    public static ValType NonNull(ValType t) => new(t.Ref with { Nullable = false });

    /// <summary>
    /// A type that can be written in a module and that <paramref name="t"/> matches: itself,
    /// or without function references (which bring concrete and non-null references) the
    /// nullable abstract type above it.
    /// </summary>
    public static ValType Declarable(ValType t, bool functionReferences) =>
        !t.IsRef || functionReferences ? t
        : t.Ref.Heap.Kind switch
        {
            HeapKind.Extern => ValType.ExternRef,
            HeapKind.Eq => EqRef,
            HeapKind.Exn => ValType.ExnRef,
            _ => ValType.FuncRef,
        };

    /// <summary>The value type of a fixed-signature operand, with <paramref name="addr"/> for an address.</summary>
    public static ValType Of(SigType t, ValType addr) => t switch
    {
        SigType.I32 => ValType.I32,
        SigType.I64 => ValType.I64,
        SigType.F32 => ValType.F32,
        SigType.F64 => ValType.F64,
        SigType.V128 => ValType.V128,
        _ => addr,
    };

    /// <summary>i32 or i64, the value type of an address type.</summary>
    public static ValType Of(AddrType at) => at == AddrType.I64 ? ValType.I64 : ValType.I32;
}
