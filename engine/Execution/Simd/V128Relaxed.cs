using System.Runtime.Intrinsics;
using WasmConform.Engine.Execution.Numerics;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution.Simd;

/// <summary>
/// The relaxed vector operations (§4.3.6), each fixed to one of the behaviours the spec allows:
/// the choice of the deterministic profile, where every implementation parameter
/// <c>R</c> is 0 and <c>relaxed(R)[A0, …, An]</c> is <c>A0</c>. The same inputs give the same
/// result on every machine and in every call.
/// </summary>
/// <remarks>
/// The choices, per instruction:
/// <list type="bullet">
/// <item><c>i8x16.relaxed_swizzle</c>: as <c>i8x16.swizzle</c>, an index of 16 or more selects 0.</item>
/// <item><c>i32x4.relaxed_trunc_*</c>: as the <c>trunc_sat</c> forms: NaN gives 0, out-of-range values saturate.</item>
/// <item><c>f32x4/f64x2.relaxed_madd</c>: unfused, <c>fadd(fmul(a, b), c)</c> with two roundings;
/// <c>relaxed_nmadd</c> is <c>relaxed_madd(fneg(a), b, c)</c>.</item>
/// <item><c>*.relaxed_laneselect</c>: <c>v128.bitselect</c>, bit by bit, whatever the mask lanes hold.</item>
/// <item><c>f32x4/f64x2.relaxed_min/max</c>: <c>fmin</c>/<c>fmax</c> (NaN operands give a NaN, -0 &lt; +0).</item>
/// <item><c>i16x8.relaxed_q15mulr_s</c>: <c>q15mulr_sat_s</c>, -32768 · -32768 saturating to 32767.</item>
/// <item><c>i16x8.relaxed_dot_i8x16_i7x16_s</c>: both operands signed i8; the two adjacent
/// products are added with signed saturation to i16 (ivdotsat).</item>
/// <item><c>i32x4.relaxed_dot_i8x16_i7x16_add_s</c>: that i16 dot product, then extended pairwise
/// addition to i32 (signed) and a wrapping add of the accumulator.</item>
/// </list>
/// </remarks>
public static class V128Relaxed
{
    /// <summary>f32x4.relaxed_madd: <c>a·b + c</c> per lane, rounded after the multiplication and after the addition.</summary>
    public static V128 Madd32(V128 a, V128 b, V128 c)
    {
        var x = a.AsUInt32();
        var y = b.AsUInt32();
        var z = c.AsUInt32();
        return Vector128.Create(
            F32.Add(F32.Mul(x.GetElement(0), y.GetElement(0)), z.GetElement(0)),
            F32.Add(F32.Mul(x.GetElement(1), y.GetElement(1)), z.GetElement(1)),
            F32.Add(F32.Mul(x.GetElement(2), y.GetElement(2)), z.GetElement(2)),
            F32.Add(F32.Mul(x.GetElement(3), y.GetElement(3)), z.GetElement(3))).AsByte();
    }

    /// <summary>f64x2.relaxed_madd: <c>a·b + c</c> per lane, rounded after the multiplication and after the addition.</summary>
    public static V128 Madd64(V128 a, V128 b, V128 c)
    {
        var x = a.AsUInt64();
        var y = b.AsUInt64();
        var z = c.AsUInt64();
        return Vector128.Create(
            F64.Add(F64.Mul(x.GetElement(0), y.GetElement(0)), z.GetElement(0)),
            F64.Add(F64.Mul(x.GetElement(1), y.GetElement(1)), z.GetElement(1))).AsByte();
    }

    /// <summary>f32x4.relaxed_nmadd: <see cref="Madd32"/> of <c>-a</c>, <c>b</c>, <c>c</c>.</summary>
    public static V128 Nmadd32(V128 a, V128 b, V128 c) => Madd32(V128Float.Neg32(a), b, c);

    /// <summary>f64x2.relaxed_nmadd: <see cref="Madd64"/> of <c>-a</c>, <c>b</c>, <c>c</c>.</summary>
    public static V128 Nmadd64(V128 a, V128 b, V128 c) => Madd64(V128Float.Neg64(a), b, c);

    /// <summary>
    /// i16x8.relaxed_dot_i8x16_i7x16_s: i16 lane k = sat_s(a[2k]·b[2k] + a[2k+1]·b[2k+1]) with
    /// every byte signed. Only (-128)·(-128) twice leaves the i16 range (32768 → 32767).
    /// </summary>
    public static V128 DotS8(V128 a, V128 b)
    {
        var x = a.AsInt16();
        var y = b.AsInt16();
        var even = ((x << 8) >> 8) * ((y << 8) >> 8);
        var odd = (x >> 8) * (y >> 8);
        return Vector128.AddSaturate(even, odd).AsByte();
    }

    /// <summary>
    /// i32x4.relaxed_dot_i8x16_i7x16_add_s: the i16 lanes of <see cref="DotS8"/> added in
    /// signed pairs to i32 lanes, plus the i32 lanes of <paramref name="c"/> (modulo 2^32).
    /// </summary>
    public static V128 DotAddS8(V128 a, V128 b, V128 c) =>
        V128Integer.Add<int>(V128Integer.ExtaddPairwiseS16(DotS8(a, b)), c);
}
