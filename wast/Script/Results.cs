using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Script;

/// <summary>What <c>assert_return</c> expects of one result value.</summary>
public abstract record ResultPattern;

/// <summary>
/// Exactly this value: an integer, a float by its bits (a NaN literal matches only that NaN),
/// or a host reference (<c>(ref.extern N)</c>, <c>(ref.host N)</c>) compared by its number.
/// </summary>
public sealed record ValueResult(Value Value) : ResultPattern;

/// <summary>The NaN patterns of results (§4.3.3).</summary>
public enum NanKind : byte
{
    /// <summary><c>nan:canonical</c>: the canonical NaN, either sign.</summary>
    Canonical,
    /// <summary><c>nan:arithmetic</c>: any NaN whose payload has its most significant bit set, either sign.</summary>
    Arithmetic,
}

/// <summary><c>(f32.const nan:…)</c> or <c>(f64.const nan:…)</c>.</summary>
/// <param name="Type"><see cref="ValTypeKind.F32"/> or <see cref="ValTypeKind.F64"/>.</param>
/// <param name="Kind">Which NaNs match.</param>
public sealed record NanResult(ValTypeKind Type, NanKind Kind) : ResultPattern;

/// <summary>One lane of a <see cref="V128Result"/>: exact bits, or a NaN pattern (float shapes only).</summary>
public readonly record struct LanePattern(ulong Bits, NanKind? Nan = null);

/// <summary><c>(v128.const shape lane*)</c>, lanes in order (lane 0 first).</summary>
public sealed record V128Result(V128Shape Shape, EquatableArray<LanePattern> Lanes) : ResultPattern;

/// <summary><c>(ref.null heaptype)</c>, or <c>(ref.null)</c> (<paramref name="Heap"/> null) for a null of any type.</summary>
public sealed record RefNullResult(HeapType? Heap) : ResultPattern;

/// <summary>
/// A non-null reference whose type matches <paramref name="Heap"/>: <c>(ref)</c> any,
/// <c>(ref.eq)</c>, <c>(ref.i31)</c>, <c>(ref.struct)</c>, <c>(ref.array)</c>, <c>(ref.func)</c>,
/// <c>(ref.exn)</c>, <c>(ref.extern)</c>.
/// </summary>
public sealed record RefTypeResult(HeapType Heap) : ResultPattern;

/// <summary><c>(either result+)</c>: any one of the alternatives.</summary>
public sealed record EitherResult(EquatableArray<ResultPattern> Alternatives) : ResultPattern;
