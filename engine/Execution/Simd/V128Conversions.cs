using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using WasmConform.Engine.Execution.Numerics;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution.Simd;

/// <summary>
/// Lane conversions on v128 values (§4.3.5 vnarrow and vcvtop): saturating narrowing, sign or
/// zero extension of the low or high half, and the float/integer conversions, which apply the
/// scalar conversions of <see cref="Conversions"/> lane by lane so rounding, saturation and
/// NaNs follow the same rules as the scalar instructions. "Zero" forms fill the upper two
/// 32-bit lanes with 0.
/// </summary>
public static unsafe class V128Conversions
{
    // §4.3.4 narrow_s / narrow_u (vnarrow): the lanes of a, then the lanes of b, each
    // saturated to the narrower type; the input lanes are signed in both forms.

    /// <summary>i8x16.narrow_i16x8_s: each signed i16 lane clamped to [-128, 127].</summary>
    public static V128 NarrowS16(V128 a, V128 b) => Narrow16(a, b, -128, 127);

    /// <summary>i8x16.narrow_i16x8_u: each signed i16 lane clamped to [0, 255].</summary>
    public static V128 NarrowU16(V128 a, V128 b) => Narrow16(a, b, 0, 255);

    /// <summary>i16x8.narrow_i32x4_s: each signed i32 lane clamped to [-32768, 32767].</summary>
    public static V128 NarrowS32(V128 a, V128 b) => Narrow32(a, b, -32768, 32767);

    /// <summary>i16x8.narrow_i32x4_u: each signed i32 lane clamped to [0, 65535].</summary>
    public static V128 NarrowU32(V128 a, V128 b) => Narrow32(a, b, 0, 65535);

    private static V128 Narrow16(V128 a, V128 b, short min, short max)
    {
        var lo = Vector128.Create(min);
        var hi = Vector128.Create(max);
        return Vector128.Narrow(Vector128.Min(Vector128.Max(a.AsInt16(), lo), hi), Vector128.Min(Vector128.Max(b.AsInt16(), lo), hi)).AsByte();
    }

    private static V128 Narrow32(V128 a, V128 b, int min, int max)
    {
        var lo = Vector128.Create(min);
        var hi = Vector128.Create(max);
        return Vector128.Narrow(Vector128.Min(Vector128.Max(a.AsInt32(), lo), hi), Vector128.Min(Vector128.Max(b.AsInt32(), lo), hi)).AsByte();
    }

    // §4.3.4 extend_s / extend_u of the low (lanes 0..M/2-1) or high half, to twice the width.

    /// <summary>i16x8.extend_low_i8x16_s.</summary>
    public static V128 ExtendLowS8(V128 a) => Vector128.WidenLower(a.AsSByte()).AsByte();
    /// <summary>i16x8.extend_high_i8x16_s.</summary>
    public static V128 ExtendHighS8(V128 a) => Vector128.WidenUpper(a.AsSByte()).AsByte();
    /// <summary>i16x8.extend_low_i8x16_u.</summary>
    public static V128 ExtendLowU8(V128 a) => Vector128.WidenLower(a).AsByte();
    /// <summary>i16x8.extend_high_i8x16_u.</summary>
    public static V128 ExtendHighU8(V128 a) => Vector128.WidenUpper(a).AsByte();
    /// <summary>i32x4.extend_low_i16x8_s.</summary>
    public static V128 ExtendLowS16(V128 a) => Vector128.WidenLower(a.AsInt16()).AsByte();
    /// <summary>i32x4.extend_high_i16x8_s.</summary>
    public static V128 ExtendHighS16(V128 a) => Vector128.WidenUpper(a.AsInt16()).AsByte();
    /// <summary>i32x4.extend_low_i16x8_u.</summary>
    public static V128 ExtendLowU16(V128 a) => Vector128.WidenLower(a.AsUInt16()).AsByte();
    /// <summary>i32x4.extend_high_i16x8_u.</summary>
    public static V128 ExtendHighU16(V128 a) => Vector128.WidenUpper(a.AsUInt16()).AsByte();
    /// <summary>i64x2.extend_low_i32x4_s.</summary>
    public static V128 ExtendLowS32(V128 a) => Vector128.WidenLower(a.AsInt32()).AsByte();
    /// <summary>i64x2.extend_high_i32x4_s.</summary>
    public static V128 ExtendHighS32(V128 a) => Vector128.WidenUpper(a.AsInt32()).AsByte();
    /// <summary>i64x2.extend_low_i32x4_u.</summary>
    public static V128 ExtendLowU32(V128 a) => Vector128.WidenLower(a.AsUInt32()).AsByte();
    /// <summary>i64x2.extend_high_i32x4_u.</summary>
    public static V128 ExtendHighU32(V128 a) => Vector128.WidenUpper(a.AsUInt32()).AsByte();

    // Float to integer: §4.3.4 trunc_sat_s / trunc_sat_u lane by lane (NaN to 0, out of range saturated).

    /// <summary>i32x4.trunc_sat_f32x4_s.</summary>
    public static V128 TruncSatF32S(V128 a) => FromF32(a, &Conversions.I32TruncSatF32S);
    /// <summary>i32x4.trunc_sat_f32x4_u.</summary>
    public static V128 TruncSatF32U(V128 a) => FromF32(a, &Conversions.I32TruncSatF32U);
    /// <summary>i32x4.trunc_sat_f64x2_s_zero.</summary>
    public static V128 TruncSatF64SZero(V128 a) => FromF64Zero(a, &Conversions.I32TruncSatF64S);
    /// <summary>i32x4.trunc_sat_f64x2_u_zero.</summary>
    public static V128 TruncSatF64UZero(V128 a) => FromF64Zero(a, &Conversions.I32TruncSatF64U);

    // Integer to float: §4.3.4 convert_s / convert_u, rounded to nearest, ties to even.

    /// <summary>f32x4.convert_i32x4_s.</summary>
    public static V128 ConvertS32ToF32(V128 a) => ToF32(a, &Conversions.F32ConvertI32S);
    /// <summary>f32x4.convert_i32x4_u.</summary>
    public static V128 ConvertU32ToF32(V128 a) => ToF32(a, &Conversions.F32ConvertI32U);

    /// <summary>f64x2.convert_low_i32x4_s (exact).</summary>
    public static V128 ConvertLowS32ToF64(V128 a)
    {
        var x = a.AsInt32();
        return Vector128.Create(Conversions.F64ConvertI32S(x.GetElement(0)), Conversions.F64ConvertI32S(x.GetElement(1))).AsByte();
    }

    /// <summary>f64x2.convert_low_i32x4_u (exact).</summary>
    public static V128 ConvertLowU32ToF64(V128 a)
    {
        var x = a.AsInt32();
        return Vector128.Create(Conversions.F64ConvertI32U(x.GetElement(0)), Conversions.F64ConvertI32U(x.GetElement(1))).AsByte();
    }

    /// <summary>f32x4.demote_f64x2_zero: §4.3.4 demote of both f64 lanes, then two zero lanes.</summary>
    public static V128 DemoteF64Zero(V128 a)
    {
        var x = a.AsUInt64();
        return Vector128.Create(Conversions.F32DemoteF64(x.GetElement(0)), Conversions.F32DemoteF64(x.GetElement(1)), 0u, 0u).AsByte();
    }

    /// <summary>f64x2.promote_low_f32x4: §4.3.4 promote of f32 lanes 0 and 1.</summary>
    public static V128 PromoteLowF32(V128 a)
    {
        var x = a.AsUInt32();
        return Vector128.Create(Conversions.F64PromoteF32(x.GetElement(0)), Conversions.F64PromoteF32(x.GetElement(1))).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V128 FromF32(V128 a, delegate*<uint, int> f)
    {
        var x = a.AsUInt32();
        return Vector128.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3))).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V128 FromF64Zero(V128 a, delegate*<ulong, int> f)
    {
        var x = a.AsUInt64();
        return Vector128.Create(f(x.GetElement(0)), f(x.GetElement(1)), 0, 0).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V128 ToF32(V128 a, delegate*<int, uint> f)
    {
        var x = a.AsInt32();
        return Vector128.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3))).AsByte();
    }
}
