using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Script;

/// <summary>
/// Whether a result value matches an <c>assert_return</c> pattern, exactly as the spec's
/// reference interpreter decides (script/runner.ml): numbers and vectors bit for bit (so
/// <c>+0</c> ≠ <c>-0</c> and a NaN literal matches only its own bits), <c>nan:canonical</c>
/// only the canonical NaNs of either sign, <c>nan:arithmetic</c> only NaNs with the quiet bit,
/// v128 lane by lane in the pattern's shape, references by kind.
/// </summary>
public static class ResultMatcher
{
    /// <summary>Whether <paramref name="actual"/> has as many values as <paramref name="expected"/> and each matches its pattern.</summary>
    public static bool Matches(IReadOnlyList<Value> actual, IReadOnlyList<ResultPattern> expected)
    {
        if (actual.Count != expected.Count) return false;
        for (int i = 0; i < actual.Count; i++)
            if (!Matches(actual[i], expected[i])) return false;
        return true;
    }

    /// <summary>Whether one value matches one pattern.</summary>
    public static bool Matches(Value actual, ResultPattern pattern) => pattern switch
    {
        ValueResult v => actual.Type.IsRef == v.Value.Type.IsRef && actual.Equals(v.Value),
        NanResult n => actual.Type.Kind == n.Type && IsNan(actual.Bits, n.Type == ValTypeKind.F32 ? 32 : 64, n.Kind),
        V128Result v => actual.Type.Kind == ValTypeKind.V128 && LanesMatch(actual, v),
        RefNullResult => actual.Type.IsRef && actual.Reference is null,
        RefTypeResult r => actual.Type.IsRef && actual.Reference is not null && KindMatches(actual.Reference, r.Heap),
        EitherResult e => e.Alternatives.AsSpan().ToArray().Any(alt => Matches(actual, alt)),
        _ => false,
    };

    /// <summary>§4.3.3: canonical NaN = exponent all ones, payload exactly the quiet bit; arithmetic NaN = quiet bit set.</summary>
    public static bool IsNan(ulong bits, int width, NanKind kind)
    {
        ulong positiveCanonical = width == 32 ? 0x7FC0_0000UL : 0x7FF8_0000_0000_0000UL;
        ulong sign = width == 32 ? 0x8000_0000UL : 0x8000_0000_0000_0000UL;
        if (width == 32) bits &= 0xFFFF_FFFF;
        return kind == NanKind.Canonical
            ? (bits & ~sign) == positiveCanonical
            : (bits & positiveCanonical) == positiveCanonical;
    }

    private static bool LanesMatch(Value actual, V128Result pattern)
    {
        int bits = V128Literal.LaneBits(pattern.Shape);
        ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        for (int i = 0; i < pattern.Lanes.Count; i++)
        {
            ulong lane = Lane(actual, i, bits) & mask;
            var p = pattern.Lanes[i];
            bool ok = p.Nan is { } nan ? IsNan(lane, bits, nan) : lane == (p.Bits & mask);
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>Lane <paramref name="index"/> of <paramref name="bits"/> bits (lane 0 in the low bytes).</summary>
    public static ulong Lane(Value v, int index, int bits)
    {
        int bit = index * bits;
        ulong half = bit < 64 ? v.Bits : v.High;
        return half >> (bit % 64);
    }

    /// <summary>
    /// runner.ml's reference-type patterns: <c>(ref.func)</c> a function, <c>(ref.extern)</c> any
    /// non-null reference, <c>(ref.any)</c> anything but a function, and the GC kinds by their runtime objects.
    /// </summary>
    private static bool KindMatches(object reference, HeapType heap) => heap.Kind switch
    {
        _ when reference is ForeignReference foreign => ForeignKindMatches(foreign.Kind, heap.Kind),
        HeapKind.Func => reference is FunctionInstance,
        HeapKind.Extern => true,
        HeapKind.Any => reference is not FunctionInstance,
        _ => RuntimeReferences.IsOfKind(reference, heap.Kind),
    };

    /// <summary>
    /// A reference another engine described only by its kind: <c>(ref.func)</c> wants a function,
    /// <c>(ref.extern)</c> anything, <c>(ref.any)</c> anything but a function, <c>(ref.eq)</c> an
    /// i31, struct or array; otherwise the kinds must be equal.
    /// </summary>
    private static bool ForeignKindMatches(HeapKind actual, HeapKind expected) => expected switch
    {
        HeapKind.Extern => true,
        HeapKind.Any => actual != HeapKind.Func,
        HeapKind.Eq => actual is HeapKind.I31 or HeapKind.Struct or HeapKind.Array,
        _ => actual == expected,
    };
}
