using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using WasmConform.Engine.Execution.Numerics;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution.Simd;

/// <summary>
/// Floating-point lane arithmetic on v128 values (§4.3.3 applied lane-wise): f32x4 lanes are
/// the bits of four binary32 values, f64x2 lanes of two binary64 values.
/// </summary>
/// <remarks>
/// Arithmetic, min/max and rounding go lane by lane through the scalar <see cref="F32"/> and
/// <see cref="F64"/> functions, so NaN results follow their deterministic NaN rule exactly as
/// the scalar instructions do (hardware vector units produce other NaN signs and payloads, and
/// their min/max differ on NaNs and zeros). abs and neg are bit operations; pmin and pmax are
/// selections by an IEEE comparison, exact in hardware.
/// </remarks>
public static unsafe class V128Float
{
    /// <summary>The lane-wise application of a unary f32 operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Lanes32(V128 a, delegate*<uint, uint> f)
    {
        var x = a.AsUInt32();
        return Vector128.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3))).AsByte();
    }

    /// <summary>The lane-wise application of a binary f32 operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Lanes32(V128 a, V128 b, delegate*<uint, uint, uint> f)
    {
        var x = a.AsUInt32();
        var y = b.AsUInt32();
        return Vector128.Create(
            f(x.GetElement(0), y.GetElement(0)), f(x.GetElement(1), y.GetElement(1)),
            f(x.GetElement(2), y.GetElement(2)), f(x.GetElement(3), y.GetElement(3))).AsByte();
    }

    /// <summary>The lane-wise application of a unary f64 operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Lanes64(V128 a, delegate*<ulong, ulong> f)
    {
        var x = a.AsUInt64();
        return Vector128.Create(f(x.GetElement(0)), f(x.GetElement(1))).AsByte();
    }

    /// <summary>The lane-wise application of a binary f64 operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Lanes64(V128 a, V128 b, delegate*<ulong, ulong, ulong> f)
    {
        var x = a.AsUInt64();
        var y = b.AsUInt64();
        return Vector128.Create(f(x.GetElement(0), y.GetElement(0)), f(x.GetElement(1), y.GetElement(1))).AsByte();
    }

    /// <summary>§4.3.3 fabs on every f32 lane: the sign bit cleared (NaNs included).</summary>
    public static V128 Abs32(V128 a) => (a.AsUInt32() & Vector128.Create(~F32.SignBit)).AsByte();

    /// <summary>§4.3.3 fneg on every f32 lane: the sign bit flipped (NaNs included).</summary>
    public static V128 Neg32(V128 a) => (a.AsUInt32() ^ Vector128.Create(F32.SignBit)).AsByte();

    /// <summary>§4.3.3 fabs on every f64 lane.</summary>
    public static V128 Abs64(V128 a) => (a.AsUInt64() & Vector128.Create(~F64.SignBit)).AsByte();

    /// <summary>§4.3.3 fneg on every f64 lane.</summary>
    public static V128 Neg64(V128 a) => (a.AsUInt64() ^ Vector128.Create(F64.SignBit)).AsByte();

    /// <summary>
    /// §4.3.3 fpmin on lanes of <typeparamref name="T"/> (<see cref="float"/> or <see cref="double"/>):
    /// <c>b &lt; a ? b : a</c>, so a NaN in <paramref name="a"/>, or equal operands (±0), give <paramref name="a"/>.
    /// </summary>
    public static V128 PMin<T>(V128 a, V128 b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(b.As<byte, T>(), a.As<byte, T>()).AsByte(), b, a);

    /// <summary>
    /// §4.3.3 fpmax on lanes of <typeparamref name="T"/>: <c>a &lt; b ? b : a</c>, so a NaN in
    /// <paramref name="a"/>, or equal operands (±0), give <paramref name="a"/>.
    /// </summary>
    public static V128 PMax<T>(V128 a, V128 b) =>
        Vector128.ConditionalSelect(Vector128.LessThan(a.As<byte, T>(), b.As<byte, T>()).AsByte(), b, a);
}
