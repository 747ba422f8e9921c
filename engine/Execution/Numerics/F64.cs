using System.Runtime.CompilerServices;

namespace WasmConform.Engine.Execution.Numerics;

/// <summary>
/// The <c>f64</c> operations of §4.3.3 (floating-point operations) as pure functions on raw
/// bits: every operand and result is the IEEE 754 binary64 bit pattern in a <see cref="ulong"/>,
/// so NaN payloads and signaling NaNs pass through untouched. Comparisons answer an <c>i32</c>
/// 1 or 0. Nothing here traps.
/// </summary>
/// <remarks>
/// <para>
/// Arithmetic rounds to nearest, ties to even (§4.3.3, rounding). The result of <see cref="Abs"/>,
/// <see cref="Neg"/> and <see cref="Copysign"/> is a pure bit operation, on NaNs too.
/// </para>
/// <para>
/// NaN results follow one deterministic rule, a choice among those §4.3.3 (NaN propagation)
/// allows and the one the spec's reference interpreter makes: when the result is a NaN and an
/// operand is a NaN, the result is the first NaN operand with its quiet bit
/// (<see cref="QuietBit"/>) set, sign and the rest of the payload kept; a NaN made from non-NaN
/// operands (0/0, inf-inf, 0*inf, sqrt of a negative number) is the positive canonical NaN
/// <see cref="CanonicalNaN"/>. So canonical NaNs in give canonical NaNs out, and any NaN in gives an
/// arithmetic NaN out. (The deterministic profile's always-positive-canonical rule is not this one.)
/// </para>
/// </remarks>
public static class F64
{
    /// <summary>The sign bit.</summary>
    public const ulong SignBit = 0x8000_0000_0000_0000;

    /// <summary>The most significant bit of the significand: set in quiet (arithmetic) NaNs.</summary>
    public const ulong QuietBit = 0x0008_0000_0000_0000;

    /// <summary>The positive canonical NaN (§2.2.3): all exponent bits and only the quiet bit set.</summary>
    public const ulong CanonicalNaN = 0x7FF8_0000_0000_0000;

    private const ulong MagnitudeMask = 0x7FFF_FFFF_FFFF_FFFF;
    private const ulong PositiveInfinity = 0x7FF0_0000_0000_0000;

    /// <summary>Whether <paramref name="a"/> is a NaN (all exponent bits set, non-zero significand).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNaN(ulong a) => (a & MagnitudeMask) > PositiveInfinity;

    /// <summary>§4.3.3 fadd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong a, ulong b) => Result(F(a) + F(b), a, b);

    /// <summary>§4.3.3 fsub.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sub(ulong a, ulong b) => Result(F(a) - F(b), a, b);

    /// <summary>§4.3.3 fmul.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mul(ulong a, ulong b) => Result(F(a) * F(b), a, b);

    /// <summary>§4.3.3 fdiv.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Div(ulong a, ulong b) => Result(F(a) / F(b), a, b);

    /// <summary>§4.3.3 fmin: the lesser operand; -0 is less than +0; a NaN operand gives a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Min(ulong a, ulong b)
    {
        double x = F(a), y = F(b);
        if (x < y)
            return a;
        if (y < x)
            return b;
        // Equal values have equal bits except for +0 and -0, where or-ing picks -0.
        return x == y ? a | b : BinaryNaN(a, b);
    }

    /// <summary>§4.3.3 fmax: the greater operand; +0 is greater than -0; a NaN operand gives a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Max(ulong a, ulong b)
    {
        double x = F(a), y = F(b);
        if (x > y)
            return a;
        if (y > x)
            return b;
        // Equal values have equal bits except for +0 and -0, where and-ing picks +0.
        return x == y ? a & b : BinaryNaN(a, b);
    }

    /// <summary>§4.3.3 fcopysign: the magnitude of <paramref name="a"/> with the sign of <paramref name="b"/> (bitwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Copysign(ulong a, ulong b) => (a & MagnitudeMask) | (b & SignBit);

    /// <summary>§4.3.3 fabs: clears the sign bit (bitwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Abs(ulong a) => a & MagnitudeMask;

    /// <summary>§4.3.3 fneg: flips the sign bit (bitwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Neg(ulong a) => a ^ SignBit;

    /// <summary>§4.3.3 fsqrt: correctly rounded; sqrt(-0) is -0; a negative operand gives the canonical NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sqrt(ulong a) => Result(Math.Sqrt(F(a)), a);

    /// <summary>§4.3.3 fceil: round toward +infinity, keeping the sign of zero (ceil(-0.5) is -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Ceil(ulong a) => Result(Math.Ceiling(F(a)), a);

    /// <summary>§4.3.3 ffloor: round toward -infinity, keeping the sign of zero (floor(0.5) is +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Floor(ulong a) => Result(Math.Floor(F(a)), a);

    /// <summary>§4.3.3 ftrunc: round toward zero, keeping the sign (trunc(-0.5) is -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Trunc(ulong a) => Result(Math.Truncate(F(a)), a);

    /// <summary>§4.3.3 fnearest: round to the nearest integer, ties to even, keeping the sign (nearest(-0.5) is -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Nearest(ulong a) => Result(Math.Round(F(a), MidpointRounding.ToEven), a);

    /// <summary>§4.3.3 feq: 1 if equal (+0 equals -0), 0 if not or if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Eq(ulong a, ulong b) => F(a) == F(b) ? 1 : 0;

    /// <summary>§4.3.3 fne: 1 if not equal or if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ne(ulong a, ulong b) => F(a) != F(b) ? 1 : 0;

    /// <summary>§4.3.3 flt: 0 if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Lt(ulong a, ulong b) => F(a) < F(b) ? 1 : 0;

    /// <summary>§4.3.3 fgt: 0 if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Gt(ulong a, ulong b) => F(a) > F(b) ? 1 : 0;

    /// <summary>§4.3.3 fle: 0 if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Le(ulong a, ulong b) => F(a) <= F(b) ? 1 : 0;

    /// <summary>§4.3.3 fge: 0 if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ge(ulong a, ulong b) => F(a) >= F(b) ? 1 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double F(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    /// <summary>The bits of a binary operation's result, with a NaN result replaced per the NaN rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Result(double r, ulong a, ulong b) =>
        double.IsNaN(r) ? BinaryNaN(a, b) : BitConverter.DoubleToUInt64Bits(r);

    /// <summary>The bits of a unary operation's result, with a NaN result replaced per the NaN rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Result(double r, ulong a) =>
        double.IsNaN(r) ? UnaryNaN(a) : BitConverter.DoubleToUInt64Bits(r);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong BinaryNaN(ulong a, ulong b) =>
        (IsNaN(a) ? a : IsNaN(b) ? b : CanonicalNaN) | QuietBit;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong UnaryNaN(ulong a) => (IsNaN(a) ? a : CanonicalNaN) | QuietBit;
}
