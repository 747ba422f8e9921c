using System.Runtime.CompilerServices;

namespace WasmConform.Engine.Execution.Numerics;

/// <summary>
/// The <c>f32</c> operations of §4.3.3 (floating-point operations) as pure functions on raw
/// bits: every operand and result is the IEEE 754 binary32 bit pattern in a <see cref="uint"/>,
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
public static class F32
{
    /// <summary>The sign bit.</summary>
    public const uint SignBit = 0x8000_0000;

    /// <summary>The most significant bit of the significand: set in quiet (arithmetic) NaNs.</summary>
    public const uint QuietBit = 0x0040_0000;

    /// <summary>The positive canonical NaN (§2.2.3): all exponent bits and only the quiet bit set.</summary>
    public const uint CanonicalNaN = 0x7FC0_0000;

    private const uint MagnitudeMask = 0x7FFF_FFFF;
    private const uint PositiveInfinity = 0x7F80_0000;

    /// <summary>Whether <paramref name="a"/> is a NaN (all exponent bits set, non-zero significand).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNaN(uint a) => (a & MagnitudeMask) > PositiveInfinity;

    /// <summary>§4.3.3 fadd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint a, uint b) => Result(F(a) + F(b), a, b);

    /// <summary>§4.3.3 fsub.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Sub(uint a, uint b) => Result(F(a) - F(b), a, b);

    /// <summary>§4.3.3 fmul.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mul(uint a, uint b) => Result(F(a) * F(b), a, b);

    /// <summary>§4.3.3 fdiv.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Div(uint a, uint b) => Result(F(a) / F(b), a, b);

    /// <summary>§4.3.3 fmin: the lesser operand; -0 is less than +0; a NaN operand gives a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Min(uint a, uint b)
    {
        float x = F(a), y = F(b);
        if (x < y)
            return a;
        if (y < x)
            return b;
        // Equal values have equal bits except for +0 and -0, where or-ing picks -0.
        return x == y ? a | b : BinaryNaN(a, b);
    }

    /// <summary>§4.3.3 fmax: the greater operand; +0 is greater than -0; a NaN operand gives a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Max(uint a, uint b)
    {
        float x = F(a), y = F(b);
        if (x > y)
            return a;
        if (y > x)
            return b;
        // Equal values have equal bits except for +0 and -0, where and-ing picks +0.
        return x == y ? a & b : BinaryNaN(a, b);
    }

    /// <summary>§4.3.3 fcopysign: the magnitude of <paramref name="a"/> with the sign of <paramref name="b"/> (bitwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Copysign(uint a, uint b) => (a & MagnitudeMask) | (b & SignBit);

    /// <summary>§4.3.3 fabs: clears the sign bit (bitwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Abs(uint a) => a & MagnitudeMask;

    /// <summary>§4.3.3 fneg: flips the sign bit (bitwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Neg(uint a) => a ^ SignBit;

    /// <summary>§4.3.3 fsqrt: correctly rounded; sqrt(-0) is -0; a negative operand gives the canonical NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Sqrt(uint a) => Result(MathF.Sqrt(F(a)), a);

    /// <summary>§4.3.3 fceil: round toward +infinity, keeping the sign of zero (ceil(-0.5) is -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Ceil(uint a) => Result(MathF.Ceiling(F(a)), a);

    /// <summary>§4.3.3 ffloor: round toward -infinity, keeping the sign of zero (floor(0.5) is +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Floor(uint a) => Result(MathF.Floor(F(a)), a);

    /// <summary>§4.3.3 ftrunc: round toward zero, keeping the sign (trunc(-0.5) is -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Trunc(uint a) => Result(MathF.Truncate(F(a)), a);

    /// <summary>§4.3.3 fnearest: round to the nearest integer, ties to even, keeping the sign (nearest(-0.5) is -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Nearest(uint a) => Result(MathF.Round(F(a), MidpointRounding.ToEven), a);

    /// <summary>§4.3.3 feq: 1 if equal (+0 equals -0), 0 if not or if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Eq(uint a, uint b) => F(a) == F(b) ? 1 : 0;

    /// <summary>§4.3.3 fne: 1 if not equal or if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ne(uint a, uint b) => F(a) != F(b) ? 1 : 0;

    /// <summary>§4.3.3 flt: 0 if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Lt(uint a, uint b) => F(a) < F(b) ? 1 : 0;

    /// <summary>§4.3.3 fgt: 0 if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Gt(uint a, uint b) => F(a) > F(b) ? 1 : 0;

    /// <summary>§4.3.3 fle: 0 if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Le(uint a, uint b) => F(a) <= F(b) ? 1 : 0;

    /// <summary>§4.3.3 fge: 0 if either is a NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ge(uint a, uint b) => F(a) >= F(b) ? 1 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float F(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    /// <summary>The bits of a binary operation's result, with a NaN result replaced per the NaN rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Result(float r, uint a, uint b) =>
        float.IsNaN(r) ? BinaryNaN(a, b) : BitConverter.SingleToUInt32Bits(r);

    /// <summary>The bits of a unary operation's result, with a NaN result replaced per the NaN rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Result(float r, uint a) =>
        float.IsNaN(r) ? UnaryNaN(a) : BitConverter.SingleToUInt32Bits(r);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint BinaryNaN(uint a, uint b) =>
        (IsNaN(a) ? a : IsNaN(b) ? b : CanonicalNaN) | QuietBit;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint UnaryNaN(uint a) => (IsNaN(a) ? a : CanonicalNaN) | QuietBit;
}
