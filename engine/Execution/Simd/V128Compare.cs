using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution.Simd;

/// <summary>
/// Lane-wise comparisons (§4.4.3 vrelop): each lane of the result is all ones when the
/// relation holds for that lane and all zeros otherwise.
/// </summary>
/// <remarks>
/// <c>T</c> is the lane type and its interpretation: signed or unsigned
/// integers (ieq, ilt_s, ilt_u, … of §4.3.2) or <see cref="float"/>/<see cref="double"/> for
/// the IEEE comparisons of §4.3.3 (feq, flt, …): false when either lane is a NaN except for
/// <see cref="Ne{T}"/>, and +0 equal to -0. Comparisons have one exact answer, which
/// <see cref="Vector128"/> gives.
/// </remarks>
public static class V128Compare
{
    /// <summary>ieq / feq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Eq<T>(V128 a, V128 b) => Vector128.Equals(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>ine / fne: the complement of <see cref="Eq{T}"/> (true for NaN lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Ne<T>(V128 a, V128 b) => ~Vector128.Equals(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>ilt_s / ilt_u / flt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Lt<T>(V128 a, V128 b) => Vector128.LessThan(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>igt_s / igt_u / fgt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Gt<T>(V128 a, V128 b) => Vector128.GreaterThan(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>ile_s / ile_u / fle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Le<T>(V128 a, V128 b) => Vector128.LessThanOrEqual(a.As<byte, T>(), b.As<byte, T>()).AsByte();

    /// <summary>ige_s / ige_u / fge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Ge<T>(V128 a, V128 b) => Vector128.GreaterThanOrEqual(a.As<byte, T>(), b.As<byte, T>()).AsByte();
}
