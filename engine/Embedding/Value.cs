using System.Globalization;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Embedding;

/// <summary>
/// A WebAssembly value (§4.2.1), bit-exact: numbers as raw bits (NaN payloads survive every
/// round trip), <c>v128</c> as two 64-bit halves, references as the object they refer to.
/// </summary>
/// <remarks>
/// Build float values from their bits (<see cref="F32Bits"/>, <see cref="F64Bits"/>) when the
/// payload matters: the C# compiler and JIT may fold float literals and quiet a NaN.
/// Equality is bit equality of the number or vector and identity of the referenced object.
/// </remarks>
public readonly struct Value : IEquatable<Value>
{
    /// <summary>The value's type; for references, the type it was created with.</summary>
    public ValType Type { get; }

    /// <summary>
    /// Raw bits: i32 and f32 in the low 32 bits (upper bits zero), i64 and f64 in all 64,
    /// the low half (bytes 0..7, little-endian) of a v128.
    /// </summary>
    public ulong Bits { get; }

    /// <summary>The high half (bytes 8..15) of a v128; 0 otherwise.</summary>
    public ulong High { get; }

    /// <summary>The referenced object of a non-null reference; <c>null</c> for numbers and null references.</summary>
    public object? Reference { get; }

    private Value(ValType type, ulong bits, ulong high = 0, object? reference = null)
    {
        Type = type;
        Bits = bits;
        High = high;
        Reference = reference;
    }

    public static Value I32(int value) => new(ValType.I32, (uint)value);
    public static Value I64(long value) => new(ValType.I64, (ulong)value);
    public static Value F32Bits(uint bits) => new(ValType.F32, bits);
    public static Value F64Bits(ulong bits) => new(ValType.F64, bits);
    public static Value F32(float value) => F32Bits(BitConverter.SingleToUInt32Bits(value));
    public static Value F64(double value) => F64Bits(BitConverter.DoubleToUInt64Bits(value));
    public static Value V128(ulong low, ulong high) => new(ValType.V128, low, high);

    /// <summary>The null reference of type <c>(ref null heap)</c>.</summary>
    public static Value Null(HeapType heap) => new(new ValType(new RefType(true, heap)), 0);

    /// <summary>A non-null reference to <paramref name="target"/> with static type <c>(ref heap)</c>.</summary>
    public static Value Ref(HeapType heap, object target) => new(new ValType(new RefType(false, heap)), 0, 0, target);

    /// <summary>The value of <paramref name="type"/> with the given bits / reference (no checks).</summary>
    public static Value FromBits(ValType type, ulong bits, ulong high = 0, object? reference = null) => new(type, bits, high, reference);

    /// <summary>The default value of a defaultable type (§4.2.1): zero bits or a null reference.</summary>
    public static Value Default(ValType type) =>
        type.IsRef ? Null(type.Ref.Heap) : new Value(type, 0);

    public int AsI32 => (int)(uint)Bits;
    public long AsI64 => (long)Bits;
    public uint AsF32Bits => (uint)Bits;
    public ulong AsF64Bits => Bits;
    public float AsF32 => BitConverter.UInt32BitsToSingle((uint)Bits);
    public double AsF64 => BitConverter.UInt64BitsToDouble(Bits);

    /// <summary>Whether this is a reference and it is null.</summary>
    public bool IsNull => Type.IsRef && Reference is null;

    public bool Equals(Value other) =>
        Type.Kind == other.Type.Kind && Bits == other.Bits && High == other.High && Equals(Reference, other.Reference);

    public override bool Equals(object? obj) => obj is Value other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Type.Kind, Bits, High, Reference);
    public static bool operator ==(Value left, Value right) => left.Equals(right);
    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    /// <summary>The <c>.wast</c>-style rendering used by the CLI: <c>i32:42</c>, <c>f64:0x1p-1</c>, <c>ref.null func</c>.</summary>
    public override string ToString() => ValueText.Format(this);
}

/// <summary>Renders values in the text format's notation (§6.3.2 literals).</summary>
public static class ValueText
{
    /// <summary><c>i32:-1</c>, <c>i64:5</c>, <c>f32:0x1.8p+0</c>, <c>f64:nan:0x8000000000001</c>, <c>v128:i32x4:1,2,3,4</c>, <c>ref.null func</c>, <c>ref.func</c>, <c>ref.struct</c>, <c>ref.array</c>, <c>ref.i31 7</c>.</summary>
    public static string Format(Value v) => v.Type.Kind switch
    {
        ValTypeKind.I32 => "i32:" + v.AsI32.ToString(CultureInfo.InvariantCulture),
        ValTypeKind.I64 => "i64:" + v.AsI64.ToString(CultureInfo.InvariantCulture),
        ValTypeKind.F32 => "f32:" + HexFloat.Format32(v.AsF32Bits),
        ValTypeKind.F64 => "f64:" + HexFloat.Format64(v.AsF64Bits),
        ValTypeKind.V128 => "v128:i32x4:" + string.Join(",",
            (uint)v.Bits, (uint)(v.Bits >> 32), (uint)v.High, (uint)(v.High >> 32)),
        ValTypeKind.Ref when v.Reference is null => "ref.null " + v.Type.Ref.Heap,
        ValTypeKind.Ref => "ref." + (v.Reference switch
        {
            IHostReference h => "extern " + h.Describe(),
            Execution.I31Reference i => "i31 " + i,
            Execution.StructInstance => "struct",
            Execution.ArrayInstance => "array",
            Execution.FunctionInstance => "func",
            Execution.ExceptionInstance => "exn",
            _ => v.Type.Ref.Heap.ToString(),
        }),
        _ => "?",
    };
}

/// <summary>A host value passed into WebAssembly as an <c>externref</c> (e.g. the spec suite's <c>ref.extern N</c>).</summary>
public interface IHostReference
{
    /// <summary>How the CLI and reports show it.</summary>
    string Describe();
}

/// <summary>The spec suite's host reference <c>ref.extern N</c> / <c>ref.host N</c>: equal when the numbers are.</summary>
public sealed record HostReference(uint Id) : IHostReference
{
    public string Describe() => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Hexadecimal float notation (§6.3.2) of raw IEEE-754 bits, exact and round-trippable.</summary>
public static class HexFloat
{
    /// <summary>e.g. <c>0x1.8p+0</c>, <c>-0x0p+0</c>, <c>inf</c>, <c>nan:0x400000</c>.</summary>
    public static string Format32(uint bits) => Format(bits >> 31 != 0, (bits >> 23) & 0xFF, bits & 0x7FFFFF, 23, 127, 0xFF);

    /// <summary>e.g. <c>0x1p-1</c>, <c>nan</c>, <c>-nan:0x1</c>.</summary>
    public static string Format64(ulong bits) => Format(bits >> 63 != 0, (bits >> 52) & 0x7FF, bits & 0xFFFFFFFFFFFFFUL, 52, 1023, 0x7FF);

    private static string Format(bool negative, ulong exponent, ulong mantissa, int mantissaBits, int bias, ulong maxExponent)
    {
        string sign = negative ? "-" : "";
        if (exponent == maxExponent)
        {
            if (mantissa == 0) return sign + "inf";
            ulong canonical = 1UL << (mantissaBits - 1);
            return mantissa == canonical ? sign + "nan" : $"{sign}nan:0x{mantissa:x}";
        }
        if (exponent == 0 && mantissa == 0) return sign + "0x0p+0";
        int e;
        if (exponent == 0)
        {
            // Subnormal: normalise so the leading digit is 1.
            int shift = mantissaBits - (63 - System.Numerics.BitOperations.LeadingZeroCount(mantissa));
            mantissa = (mantissa << shift) & ((1UL << mantissaBits) - 1);
            e = 1 - bias - shift;
        }
        else
        {
            e = (int)exponent - bias;
        }
        // Left-align the fraction to whole hex digits and drop trailing zeros.
        int pad = (4 - mantissaBits % 4) % 4;
        ulong frac = mantissa << pad;
        int digits = (mantissaBits + pad) / 4;
        string hex = frac.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0');
        string expText = (e >= 0 ? "+" : "") + e.ToString(CultureInfo.InvariantCulture);
        return hex.Length == 0 ? $"{sign}0x1p{expText}" : $"{sign}0x1.{hex}p{expText}";
    }
}
