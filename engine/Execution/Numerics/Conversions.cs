using System.Runtime.CompilerServices;

namespace WasmConform.Engine.Execution.Numerics;

/// <summary>
/// The conversions of §4.3.4, reinterpretations included, as pure functions,
/// one per conversion instruction and named after it: <c>i32.trunc_f64_u</c> is
/// <see cref="I32TruncF64U"/>. Integers travel as <see cref="int"/>/<see cref="long"/>, floats as
/// their raw bits (<c>f32</c> in a <see cref="uint"/>, <c>f64</c> in a <see cref="ulong"/>).
/// </summary>
/// <remarks>
/// Only the eight <c>trunc</c> operations trap: a NaN operand with
/// <see cref="TrapKind.InvalidConversionToInteger"/>, an operand whose truncation falls outside
/// the target range with <see cref="TrapKind.IntegerOverflow"/>. Their <c>trunc_sat</c>
/// counterparts saturate instead and map NaN to 0. The conversions to floats round to nearest,
/// ties to even, in one step (no double rounding). Demotion and promotion of a NaN follow the
/// NaN rule of <see cref="F32"/>: the quiet bit is set and the sign and the payload's leading
/// bits are kept, so a canonical NaN stays canonical.
/// </remarks>
public static class Conversions
{
    // §4.3.4 wrap, extend_s, extend_u.

    /// <summary>§4.3.4 wrap: <c>i32.wrap_i64</c>, the low 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32WrapI64(long a) => (int)a;

    /// <summary>§4.3.4 extend_s: <c>i64.extend_i32_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ExtendI32S(int a) => a;

    /// <summary>§4.3.4 extend_u: <c>i64.extend_i32_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ExtendI32U(int a) => (uint)a;

    // §4.3.4 trunc_s, trunc_u. Each check is written so that a NaN fails it too; the bounds are
    // the nearest representable floats around the range of values whose truncation fits. Past
    // the check the operand is in range, where the platform's native conversion is exact.

    /// <summary>§4.3.4 trunc_s: <c>i32.trunc_f32_s</c>; accepts [-2^31, 2^31).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF32S(uint a)
    {
        float x = F32Of(a);
        if (!(x >= -2147483648f && x < 2147483648f))
            NumericTrap.Truncation(float.IsNaN(x));
        return float.ConvertToIntegerNative<int>(x);
    }

    /// <summary>§4.3.4 trunc_u: <c>i32.trunc_f32_u</c>; accepts (-1, 2^32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF32U(uint a)
    {
        float x = F32Of(a);
        if (!(x > -1f && x < 4294967296f))
            NumericTrap.Truncation(float.IsNaN(x));
        return (int)float.ConvertToIntegerNative<uint>(x);
    }

    /// <summary>§4.3.4 trunc_s: <c>i32.trunc_f64_s</c>; accepts (-2^31 - 1, 2^31).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF64S(ulong a)
    {
        double x = F64Of(a);
        if (!(x > -2147483649d && x < 2147483648d))
            NumericTrap.Truncation(double.IsNaN(x));
        return double.ConvertToIntegerNative<int>(x);
    }

    /// <summary>§4.3.4 trunc_u: <c>i32.trunc_f64_u</c>; accepts (-1, 2^32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF64U(ulong a)
    {
        double x = F64Of(a);
        if (!(x > -1d && x < 4294967296d))
            NumericTrap.Truncation(double.IsNaN(x));
        return (int)double.ConvertToIntegerNative<uint>(x);
    }

    /// <summary>§4.3.4 trunc_s: <c>i64.trunc_f32_s</c>; accepts [-2^63, 2^63).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF32S(uint a)
    {
        float x = F32Of(a);
        if (!(x >= -9223372036854775808f && x < 9223372036854775808f))
            NumericTrap.Truncation(float.IsNaN(x));
        return float.ConvertToIntegerNative<long>(x);
    }

    /// <summary>§4.3.4 trunc_u: <c>i64.trunc_f32_u</c>; accepts (-1, 2^64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF32U(uint a)
    {
        float x = F32Of(a);
        if (!(x > -1f && x < 18446744073709551616f))
            NumericTrap.Truncation(float.IsNaN(x));
        return (long)float.ConvertToIntegerNative<ulong>(x);
    }

    /// <summary>§4.3.4 trunc_s: <c>i64.trunc_f64_s</c>; accepts [-2^63, 2^63).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF64S(ulong a)
    {
        double x = F64Of(a);
        if (!(x >= -9223372036854775808d && x < 9223372036854775808d))
            NumericTrap.Truncation(double.IsNaN(x));
        return double.ConvertToIntegerNative<long>(x);
    }

    /// <summary>§4.3.4 trunc_u: <c>i64.trunc_f64_u</c>; accepts (-1, 2^64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF64U(ulong a)
    {
        double x = F64Of(a);
        if (!(x > -1d && x < 18446744073709551616d))
            NumericTrap.Truncation(double.IsNaN(x));
        return (long)double.ConvertToIntegerNative<ulong>(x);
    }

    // §4.3.4 trunc_sat_s, trunc_sat_u. Since .NET 9 every float-to-integer cast saturates and maps
    // NaN to 0 on all platforms, which is exactly the spec's rule.

    /// <summary>§4.3.4 trunc_sat_s: <c>i32.trunc_sat_f32_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncSatF32S(uint a) => (int)F32Of(a);

    /// <summary>§4.3.4 trunc_sat_u: <c>i32.trunc_sat_f32_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncSatF32U(uint a) => (int)(uint)F32Of(a);

    /// <summary>§4.3.4 trunc_sat_s: <c>i32.trunc_sat_f64_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncSatF64S(ulong a) => (int)F64Of(a);

    /// <summary>§4.3.4 trunc_sat_u: <c>i32.trunc_sat_f64_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncSatF64U(ulong a) => (int)(uint)F64Of(a);

    /// <summary>§4.3.4 trunc_sat_s: <c>i64.trunc_sat_f32_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncSatF32S(uint a) => (long)F32Of(a);

    /// <summary>§4.3.4 trunc_sat_u: <c>i64.trunc_sat_f32_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncSatF32U(uint a) => (long)(ulong)F32Of(a);

    /// <summary>§4.3.4 trunc_sat_s: <c>i64.trunc_sat_f64_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncSatF64S(ulong a) => (long)F64Of(a);

    /// <summary>§4.3.4 trunc_sat_u: <c>i64.trunc_sat_f64_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncSatF64U(ulong a) => (long)(ulong)F64Of(a);

    // §4.3.4 convert_s, convert_u. A signed 32- or 64-bit integer converts with one correctly
    // rounded instruction. An unsigned 64-bit value with the top bit set is halved first, its
    // lost low bit or-ed back in as a sticky bit (far below the rounding position of either
    // float), then the rounded half is doubled exactly: the same result as rounding the value once.

    /// <summary>§4.3.4 convert_s: <c>f32.convert_i32_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F32ConvertI32S(int a) => BitConverter.SingleToUInt32Bits(a);

    /// <summary>§4.3.4 convert_u: <c>f32.convert_i32_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F32ConvertI32U(int a) => BitConverter.SingleToUInt32Bits((long)(uint)a);

    /// <summary>§4.3.4 convert_s: <c>f32.convert_i64_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F32ConvertI64S(long a) => BitConverter.SingleToUInt32Bits(a);

    /// <summary>§4.3.4 convert_u: <c>f32.convert_i64_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F32ConvertI64U(long a) =>
        BitConverter.SingleToUInt32Bits(a >= 0 ? a : (float)HalveSticky(a) * 2f);

    /// <summary>§4.3.4 convert_s: <c>f64.convert_i32_s</c> (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F64ConvertI32S(int a) => BitConverter.DoubleToUInt64Bits(a);

    /// <summary>§4.3.4 convert_u: <c>f64.convert_i32_u</c> (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F64ConvertI32U(int a) => BitConverter.DoubleToUInt64Bits((uint)a);

    /// <summary>§4.3.4 convert_s: <c>f64.convert_i64_s</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F64ConvertI64S(long a) => BitConverter.DoubleToUInt64Bits(a);

    /// <summary>§4.3.4 convert_u: <c>f64.convert_i64_u</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F64ConvertI64U(long a) =>
        BitConverter.DoubleToUInt64Bits(a >= 0 ? a : (double)HalveSticky(a) * 2d);

    // §4.3.4 demote, promote.

    /// <summary>
    /// §4.3.4 demote: <c>f32.demote_f64</c>, rounded to nearest (overflow to infinity, underflow
    /// to subnormals or zero). A NaN becomes a quiet NaN with the same sign and the leading 23
    /// bits of the payload (canonical in, canonical out).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F32DemoteF64(ulong a)
    {
        double x = F64Of(a);
        return double.IsNaN(x) ? DemoteNaN(a) : BitConverter.SingleToUInt32Bits((float)x);
    }

    /// <summary>
    /// §4.3.4 promote: <c>f64.promote_f32</c>, exact. A NaN becomes a quiet NaN with the same sign
    /// and the payload as its leading bits (canonical in, canonical out).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F64PromoteF32(uint a) =>
        F32.IsNaN(a) ? PromoteNaN(a) : BitConverter.DoubleToUInt64Bits(F32Of(a));

    // §4.3.4 reinterpret: the bits stay as they are.

    /// <summary>§4.3.4 reinterpret: <c>i32.reinterpret_f32</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32ReinterpretF32(uint a) => (int)a;

    /// <summary>§4.3.4 reinterpret: <c>i64.reinterpret_f64</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ReinterpretF64(ulong a) => (long)a;

    /// <summary>§4.3.4 reinterpret: <c>f32.reinterpret_i32</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F32ReinterpretI32(int a) => (uint)a;

    /// <summary>§4.3.4 reinterpret: <c>f64.reinterpret_i64</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F64ReinterpretI64(long a) => (ulong)a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float F32Of(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double F64Of(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    /// <summary>The unsigned value of <paramref name="a"/> halved, with the bit shifted out or-ed into bit 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long HalveSticky(long a) => (long)(((ulong)a >> 1) | ((ulong)a & 1));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint DemoteNaN(ulong a) =>
        (uint)(a >> 32) & F32.SignBit | F32.CanonicalNaN | (uint)(a >> 29) & 0x007F_FFFF;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong PromoteNaN(uint a) =>
        (ulong)(a & F32.SignBit) << 32 | F64.CanonicalNaN | (ulong)(a & 0x007F_FFFF) << 29;
}
