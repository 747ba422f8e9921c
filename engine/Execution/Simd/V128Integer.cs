using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution.Simd;

/// <summary>
/// Integer lane arithmetic on v128 values (§4.3.2 integer operations applied lane-wise, §4.3.5
/// vector operations): wrapping add/sub/mul/neg, abs, saturating add/sub, min/max, rounding
/// average, popcnt, shifts, q15 multiplication, extended pairwise addition and dot product.
/// </summary>
/// <remarks>
/// <c>T</c> names the lane type: its width is the lane width, its signedness the
/// interpretation (<see cref="sbyte"/> for <c>_s</c> on i8x16, <see cref="byte"/> for <c>_u</c>, …).
/// All of these are exact in <see cref="Vector128"/> (modular or saturating integer arithmetic
/// and selections have one answer); where the hardware has no single instruction, the formula
/// used is stated.
/// </remarks>
public static class V128Integer
{
    /// <summary>§4.3.2 iadd, lane-wise, modulo 2^N.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Add<T>(V128 a, V128 b) => (a.As<byte, T>() + b.As<byte, T>()).AsByte();

    /// <summary>§4.3.2 isub, lane-wise, modulo 2^N.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Sub<T>(V128 a, V128 b) => (a.As<byte, T>() - b.As<byte, T>()).AsByte();

    /// <summary>§4.3.2 imul, lane-wise, modulo 2^N.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Mul<T>(V128 a, V128 b) => (a.As<byte, T>() * b.As<byte, T>()).AsByte();

    /// <summary>§4.3.2 ineg, lane-wise: 0 - a modulo 2^N (the minimum stays the minimum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Neg<T>(V128 a) => (Vector128<T>.Zero - a.As<byte, T>()).AsByte();

    /// <summary>
    /// §4.3.2 iabs on signed lanes <typeparamref name="T"/>: the magnitude, modulo 2^N, so the
    /// minimum stays the minimum. Computed as <c>(a ^ m) - m</c> with <c>m = a &gt;&gt; (N-1)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Abs<T>(V128 a)
    {
        var x = a.As<byte, T>();
        var sign = x >> (Unsafe.SizeOf<T>() * 8 - 1);
        return ((x ^ sign) - sign).AsByte();
    }

    /// <summary>§4.3.2 iadd_sat_s / iadd_sat_u by the signedness of <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 AddSat<T>(V128 a, V128 b) => Vector128.AddSaturate(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>§4.3.2 isub_sat_s / isub_sat_u by the signedness of <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 SubSat<T>(V128 a, V128 b) => Vector128.SubtractSaturate(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>§4.3.2 imin_s / imin_u by the signedness of <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Min<T>(V128 a, V128 b) => Vector128.Min(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>§4.3.2 imax_s / imax_u by the signedness of <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Max<T>(V128 a, V128 b) => Vector128.Max(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>
    /// §4.3.2 iavgr_u on unsigned lanes <typeparamref name="T"/>: (a + b + 1) / 2 without
    /// overflow, as <c>(a | b) - ((a ^ b) &gt;&gt; 1)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 AvgrU<T>(V128 a, V128 b)
    {
        var x = a.As<byte, T>();
        var y = b.As<byte, T>();
        return ((x | y) - ((x ^ y) >>> 1)).AsByte();
    }

    /// <summary>§4.3.2 ipopcnt on i8 lanes: the number of set bits of each byte (bit-slice counting).</summary>
    public static V128 Popcnt8(V128 a)
    {
        var pairs = a - ((a >>> 1) & Vector128.Create((byte)0x55));
        var nibbles = (pairs & Vector128.Create((byte)0x33)) + ((pairs >>> 2) & Vector128.Create((byte)0x33));
        return (nibbles + (nibbles >>> 4)) & Vector128.Create((byte)0x0F);
    }

    /// <summary>§4.3.2 ishl, lane-wise; the count is taken modulo the lane width N.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Shl<T>(V128 a, int count) => (a.As<byte, T>() << (count & (Unsafe.SizeOf<T>() * 8 - 1))).AsByte();

    /// <summary>
    /// §4.3.2 ishr_s (signed <typeparamref name="T"/>) or ishr_u (unsigned <typeparamref name="T"/>),
    /// lane-wise; the count is taken modulo the lane width N.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Shr<T>(V128 a, int count) => (a.As<byte, T>() >> (count & (Unsafe.SizeOf<T>() * 8 - 1))).AsByte();

    /// <summary>
    /// §4.3.2 iq15mulr_sat_s on i16 lanes: sat_s((a·b + 2^14) &gt;&gt; 15). Computed in 32-bit
    /// lanes and narrowed with saturation, so -32768 · -32768 gives 32767.
    /// </summary>
    public static V128 Q15MulrSatS(V128 a, V128 b)
    {
        var x = a.AsInt16();
        var y = b.AsInt16();
        var low = Q15(Vector128.WidenLower(x), Vector128.WidenLower(y));
        var high = Q15(Vector128.WidenUpper(x), Vector128.WidenUpper(y));
        return V128Conversions.NarrowS32(low.AsByte(), high.AsByte());
    }

    private static Vector128<int> Q15(Vector128<int> x, Vector128<int> y) => (x * y + Vector128.Create(0x4000)) >> 15;

    /// <summary>§4.3.5 ivadd_pairwise after sign extension: i16 lane k = s8(a[2k]) + s8(a[2k+1]).</summary>
    public static V128 ExtaddPairwiseS8(V128 a)
    {
        var x = a.AsInt16();
        return (((x << 8) >> 8) + (x >> 8)).AsByte();
    }

    /// <summary>§4.3.5 ivadd_pairwise after zero extension: i16 lane k = u8(a[2k]) + u8(a[2k+1]).</summary>
    public static V128 ExtaddPairwiseU8(V128 a)
    {
        var x = a.AsUInt16();
        return ((x & Vector128.Create((ushort)0xFF)) + (x >>> 8)).AsByte();
    }

    /// <summary>§4.3.5 ivadd_pairwise after sign extension: i32 lane k = s16(a[2k]) + s16(a[2k+1]).</summary>
    public static V128 ExtaddPairwiseS16(V128 a)
    {
        var x = a.AsInt32();
        return (((x << 16) >> 16) + (x >> 16)).AsByte();
    }

    /// <summary>§4.3.5 ivadd_pairwise after zero extension: i32 lane k = u16(a[2k]) + u16(a[2k+1]).</summary>
    public static V128 ExtaddPairwiseU16(V128 a)
    {
        var x = a.AsUInt32();
        return ((x & Vector128.Create(0xFFFFu)) + (x >>> 16)).AsByte();
    }

    /// <summary>
    /// §4.3.5 ivdot (i32x4.dot_i16x8_s): i32 lane k = a[2k]·b[2k] + a[2k+1]·b[2k+1] on signed
    /// i16 lanes, the sum modulo 2^32 (four times -32768 gives -2^31).
    /// </summary>
    public static V128 DotS16(V128 a, V128 b)
    {
        var x = a.AsInt32();
        var y = b.AsInt32();
        return (((x << 16) >> 16) * ((y << 16) >> 16) + (x >> 16) * (y >> 16)).AsByte();
    }
}
