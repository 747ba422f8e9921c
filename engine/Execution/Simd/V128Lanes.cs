using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution.Simd;

/// <summary>
/// Lane selection and whole-vector operations on v128 values (§4.3.5 vector operations): shuffle, swizzle,
/// bitwise select, and the reductions any_true, all_true and bitmask. A v128 is a
/// <see cref="Vector128{T}"/> of 16 bytes, lane 0 in byte 0; lane types are reinterpretations
/// (<c>T</c> = <see cref="sbyte"/>/<see cref="short"/>/<see cref="int"/>/<see cref="long"/> for
/// signed lanes). Every result here is a pure selection of bits, so the hardware answer is the spec's.
/// </summary>
public static class V128Lanes
{
    /// <summary>
    /// §4.3.5 ivshuffle (i8x16.shuffle): byte <c>k</c> of the result is byte <c>lanes[k]</c> of the
    /// 32-byte concatenation <paramref name="a"/> ++ <paramref name="b"/>. Indices of 32 and up
    /// (rejected by validation) select 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Shuffle(V128 a, V128 b, V128 lanes) =>
        // Vector128.Shuffle yields 0 for an index past the last lane; lanes - 16 wraps the
        // indices below 16 to 240 and up, so each half contributes only its own bytes.
        Vector128.Shuffle(a, lanes) | Vector128.Shuffle(b, lanes - Vector128.Create((byte)16));

    /// <summary>§4.3.5 ivswizzle (i8x16.swizzle): byte <c>k</c> is <c>a[s[k]]</c>, or 0 when <c>s[k]</c> is 16 or more (unsigned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Swizzle(V128 a, V128 s) => Vector128.Shuffle(a, s);

    /// <summary>§4.3.2 ibitselect (v128.bitselect): the bits of <paramref name="a"/> where <paramref name="mask"/> is 1, of <paramref name="b"/> where it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Bitselect(V128 a, V128 b, V128 mask) => (a & mask) | (b & ~mask);

    /// <summary>§4.4.3 v128.any_true: 1 if any bit is set, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AnyTrue(V128 a) => a != V128.Zero ? 1 : 0;

    /// <summary>§4.4.3 shape.all_true: 1 if every lane of type <typeparamref name="T"/> is non-zero, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AllTrue<T>(V128 a) => Vector128.EqualsAny(a.As<byte, T>(), Vector128<T>.Zero) ? 0 : 1;

    /// <summary>
    /// §4.3.5 ivbitmask (shape.bitmask): bit <c>k</c> of the result is the top (sign) bit of lane
    /// <c>k</c> of type <typeparamref name="T"/>; the other bits are 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bitmask<T>(V128 a) => (int)Vector128.ExtractMostSignificantBits(a.As<byte, T>());
}
