using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// The function types of a module being generated, each once, in index order. Types are
/// only ever appended, so a type can refer (through a reference type) to any earlier one.
/// </summary>
internal sealed class TypeTable
{
    private readonly List<FuncType> _types = [];
    private readonly Dictionary<FuncType, uint> _index = [];

    public int Count => _types.Count;

    public FuncType this[uint index] => _types[(int)index];

    /// <summary>The index of <paramref name="type"/>, appending it when new.</summary>
    public uint Intern(FuncType type)
    {
        if (_index.TryGetValue(type, out uint index)) return index;
        index = (uint)_types.Count;
        _types.Add(type);
        _index.Add(type, index);
        return index;
    }

    /// <summary>The type section: one plain sub type per function type.</summary>
    public EquatableArray<RecType> ToSection() => _types.Select(t => RecType.Single(SubType.Plain(t))).ToEquatableArray();
}

/// <summary>
/// Subtyping between the value types the generator uses (§3.3.1 matching): numbers and
/// vectors only match themselves; references match by nullability and heap type, where the
/// only heap types are <c>func</c>, <c>extern</c>, <c>eq</c> and concrete function types (each
/// distinct, since the type table holds each once and declares no supertypes).
/// </summary>
internal static class ValueTypes
{
    /// <summary><c>eqref</c>, <c>(ref null eq)</c>.</summary>
    public static readonly ValType EqRef = new(new RefType(true, new HeapType(HeapKind.Eq)));

    public static bool Matches(ValType actual, ValType expected)
    {
        if (actual == expected) return true;
        if (!actual.IsRef || !expected.IsRef) return false;
        if (actual.Ref.Nullable && !expected.Ref.Nullable) return false;
        var a = actual.Ref.Heap;
        var e = expected.Ref.Heap;
        return a == e || (e.Kind == HeapKind.Func && a.Kind == HeapKind.Concrete);
    }

    /// <summary>Whether the values typed <paramref name="actual"/> (bottom of the list first) match <paramref name="expected"/> one for one.</summary>
    public static bool Match(ReadOnlySpan<ValType> actual, ReadOnlySpan<ValType> expected)
    {
        if (actual.Length != expected.Length) return false;
        for (int i = 0; i < actual.Length; i++)
            if (!Matches(actual[i], expected[i])) return false;
        return true;
    }

    /// <summary>The nullable form of a reference type (the type of a local that can hold it); other types unchanged.</summary>
    public static ValType Nullable(ValType t) => t.IsRef && !t.Ref.Nullable ? new ValType(t.Ref with { Nullable = true }) : t;

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
