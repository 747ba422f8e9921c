using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Oracle;

/// <summary>
/// Equality of values across engines: integers and <c>v128</c> bit for bit, floats bit for bit
/// with NaNs as <see cref="NanComparison"/> says (so <c>+0</c> ≠ <c>-0</c> always), references
/// by null-ness and kind (a host reference by its number), since another engine's references
/// are known only by their kind.
/// </summary>
public static class ValueComparison
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are the same value under <paramref name="rules"/>.</summary>
    public static bool Same(Value a, Value b, ValueRules rules)
    {
        if (a.Type.Kind != b.Type.Kind) return false;
        return a.Type.Kind switch
        {
            ValTypeKind.F32 => SameF32(a.AsF32Bits, b.AsF32Bits, rules.Nans),
            ValTypeKind.F64 => SameF64(a.AsF64Bits, b.AsF64Bits, rules.Nans),
            ValTypeKind.Ref => SameReference(a.Reference, b.Reference)
                || (rules.OpaqueExternrefs && (IsOpaqueExtern(a) && b.IsNull || IsOpaqueExtern(b) && a.IsNull)),
            _ => a.Bits == b.Bits && a.High == b.High,
        };
    }

    /// <summary>A non-null externref that is not a host reference: an internal reference made external (<see cref="DifferenceRules.OpaqueExternrefs"/>).</summary>
    private static bool IsOpaqueExtern(Value v) =>
        v.Type.Ref.Heap.Kind is HeapKind.Extern or HeapKind.NoExtern && v.Reference is not null and not HostReference;

    private static bool SameF32(uint a, uint b, NanComparison nans)
    {
        if (a == b) return true;
        if (!float.IsNaN(BitConverter.UInt32BitsToSingle(a)) || !float.IsNaN(BitConverter.UInt32BitsToSingle(b))) return false;
        return nans == NanComparison.AnyNan;
    }

    private static bool SameF64(ulong a, ulong b, NanComparison nans)
    {
        if (a == b) return true;
        if (!double.IsNaN(BitConverter.UInt64BitsToDouble(a)) || !double.IsNaN(BitConverter.UInt64BitsToDouble(b))) return false;
        return nans == NanComparison.AnyNan;
    }

    /// <summary>Both null, or both non-null of the same kind; a kind another engine could not tell matches any non-null reference.</summary>
    private static bool SameReference(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        string ka = KindOf(a), kb = KindOf(b);
        return ka == kb || ka == Unknown || kb == Unknown;
    }

    private const string Unknown = "?";

    /// <summary>
    /// What the oracle knows of a non-null reference: <c>func</c>, <c>i31</c>, <c>struct</c>,
    /// <c>array</c>, <c>exn</c>, <c>extern 7</c> (a host reference), or <c>?</c> when the engine
    /// could not say more than <c>any</c> or <c>extern</c>.
    /// </summary>
    public static string KindOf(object reference) => reference switch
    {
        HostReference h => "extern " + h.Id,
        ForeignReference f => f.Kind switch
        {
            HeapKind.Func or HeapKind.I31 or HeapKind.Struct or HeapKind.Array or HeapKind.Exn => f.Kind.ToString().ToLowerInvariant(),
            _ => Unknown,
        },
        FunctionInstance => "func",
        I31Reference => "i31",
        StructInstance => "struct",
        ArrayInstance => "array",
        ExceptionInstance => "exn",
        _ => Unknown,
    };

    /// <summary>The type name signatures use: <c>i32</c>, <c>i64</c>, <c>f32</c>, <c>f64</c>, <c>v128</c>, <c>ref</c>.</summary>
    public static string TypeName(Value v) => v.Type.Kind switch
    {
        ValTypeKind.I32 => "i32",
        ValTypeKind.I64 => "i64",
        ValTypeKind.F32 => "f32",
        ValTypeKind.F64 => "f64",
        ValTypeKind.V128 => "v128",
        _ => "ref",
    };

    /// <summary>How reports show a value: <see cref="ValueText"/>, with a reference's kind.</summary>
    public static string Describe(Value v) => v.Type.IsRef && v.Reference is { } r ? "ref." + KindOf(r) : v.ToString();
}
