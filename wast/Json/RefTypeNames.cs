using System.Globalization;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Json;

/// <summary>
/// The <c>"type"</c> names of reference constants in the JSON script format: the text format's
/// short names of nullable abstract reference types (§6.4.2: <c>funcref</c>, <c>externref</c>,
/// <c>anyref</c>, <c>nullref</c>, <c>nullfuncref</c>, …), which wabt's <c>wast2json</c> uses for
/// the three it knows (<c>funcref</c>, <c>externref</c>, <c>exnref</c>); <c>(ref null N)</c> for a
/// concrete type.
/// </summary>
internal static class RefTypeNames
{
    private static readonly (HeapKind Kind, string Name)[] Names =
    [
        (HeapKind.Func, "funcref"), (HeapKind.Extern, "externref"), (HeapKind.Exn, "exnref"),
        (HeapKind.Any, "anyref"), (HeapKind.Eq, "eqref"), (HeapKind.I31, "i31ref"),
        (HeapKind.Struct, "structref"), (HeapKind.Array, "arrayref"),
        (HeapKind.None, "nullref"), (HeapKind.NoFunc, "nullfuncref"), (HeapKind.NoExtern, "nullexternref"),
        (HeapKind.NoExn, "nullexnref"),
    ];

    // The bottom types spelled after their kind, as the runner protocol spells them.
    private static readonly (HeapKind Kind, string Name)[] Aliases =
    [
        (HeapKind.None, "noneref"), (HeapKind.NoFunc, "nofuncref"), (HeapKind.NoExtern, "noexternref"), (HeapKind.NoExn, "noexnref"),
    ];

    /// <summary>The name of <c>(ref null <paramref name="heap"/>)</c>.</summary>
    public static string Of(HeapType heap)
    {
        if (heap.IsConcrete) return new RefType(true, heap).ToString();
        foreach (var (kind, name) in Names)
            if (kind == heap.Kind) return name;
        throw new ArgumentException($"no JSON name for heap type {heap}");
    }

    /// <summary>The heap type a name stands for, or null when it is not a reference type name.</summary>
    public static HeapType? Parse(string name)
    {
        foreach (var (kind, n) in Names)
            if (n == name) return new HeapType(kind);
        foreach (var (kind, n) in Aliases)
            if (n == name) return new HeapType(kind);
        return ParseConcrete(name);
    }

    // (ref null N) and (ref null (exact N)).
    private static HeapType? ParseConcrete(string name)
    {
        const string prefix = "(ref null ";
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(')')) return null;
        var inner = name[prefix.Length..^1];
        bool exact = inner.StartsWith("(exact ", StringComparison.Ordinal) && inner.EndsWith(')');
        if (exact) inner = inner["(exact ".Length..^1];
        return uint.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out uint index)
            ? new HeapType(HeapKind.Concrete, index, exact)
            : null;
    }
}
