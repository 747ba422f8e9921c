using System.Numerics;
using System.Runtime.CompilerServices;

namespace WasmConform.Engine.Execution.Numerics;

/// <summary>
/// The <c>i64</c> operations of §4.3.2 (integer operations) as pure functions on raw bits.
/// </summary>
/// <remarks>
/// Operands and results are <see cref="long"/> holding the 64 bits; the signed or unsigned
/// reading is the operation's (<c>_s</c>/<c>_u</c>), as in the spec. Unary and binary operations
/// answer an <c>i64</c>; tests and comparisons answer an <c>i32</c> 1 or 0. Shift and rotate
/// counts are taken modulo 64. Only the
/// division and remainder operations can trap; they throw <see cref="TrapException"/>.
/// </remarks>
public static class I64
{
    /// <summary>§4.3.2 iclz: the number of leading zero bits (64 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Clz(long a) => BitOperations.LeadingZeroCount((ulong)a);

    /// <summary>§4.3.2 ictz: the number of trailing zero bits (64 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Ctz(long a) => BitOperations.TrailingZeroCount(a);

    /// <summary>§4.3.2 ipopcnt: the number of one bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Popcnt(long a) => BitOperations.PopCount((ulong)a);

    /// <summary>§4.3.2 iadd: sum modulo 2^64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Add(long a, long b) => unchecked(a + b);

    /// <summary>§4.3.2 isub: difference modulo 2^64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sub(long a, long b) => unchecked(a - b);

    /// <summary>§4.3.2 imul: product modulo 2^64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Mul(long a, long b) => unchecked(a * b);

    /// <summary>
    /// §4.3.2 idiv_s: signed quotient rounded toward zero.
    /// Traps with <see cref="TrapKind.IntegerDivideByZero"/> when <paramref name="b"/> is 0 and with
    /// <see cref="TrapKind.IntegerOverflow"/> for MIN / -1 (the quotient 2^63 is not representable).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long DivS(long a, long b)
    {
        if (b == 0 || (b == -1 && a == long.MinValue))
            NumericTrap.SignedDivision(b == 0);
        return a / b;
    }

    /// <summary>§4.3.2 idiv_u: unsigned quotient. Traps with <see cref="TrapKind.IntegerDivideByZero"/> when <paramref name="b"/> is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long DivU(long a, long b)
    {
        if (b == 0)
            NumericTrap.DivideByZero();
        return (long)((ulong)a / (ulong)b);
    }

    /// <summary>
    /// §4.3.2 irem_s: signed remainder with the sign of the dividend; MIN rem -1 is 0 (no trap).
    /// Traps with <see cref="TrapKind.IntegerDivideByZero"/> when <paramref name="b"/> is 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long RemS(long a, long b)
    {
        if (b == 0)
            NumericTrap.DivideByZero();
        // The hardware (and .NET) fault on MIN % -1; every remainder by -1 is 0.
        return b == -1 ? 0 : a % b;
    }

    /// <summary>§4.3.2 irem_u: unsigned remainder. Traps with <see cref="TrapKind.IntegerDivideByZero"/> when <paramref name="b"/> is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long RemU(long a, long b)
    {
        if (b == 0)
            NumericTrap.DivideByZero();
        return (long)((ulong)a % (ulong)b);
    }

    /// <summary>§4.3.2 iand.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long And(long a, long b) => a & b;

    /// <summary>§4.3.2 ior.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Or(long a, long b) => a | b;

    /// <summary>§4.3.2 ixor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Xor(long a, long b) => a ^ b;

    /// <summary>§4.3.2 ishl: shift left by <paramref name="b"/> mod 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Shl(long a, long b) => a << ((int)b & 63);

    /// <summary>§4.3.2 ishr_s: arithmetic shift right by <paramref name="b"/> mod 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ShrS(long a, long b) => a >> ((int)b & 63);

    /// <summary>§4.3.2 ishr_u: logical shift right by <paramref name="b"/> mod 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ShrU(long a, long b) => (long)((ulong)a >> ((int)b & 63));

    /// <summary>§4.3.2 irotl: rotate left by <paramref name="b"/> mod 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Rotl(long a, long b) => (long)BitOperations.RotateLeft((ulong)a, (int)b & 63);

    /// <summary>§4.3.2 irotr: rotate right by <paramref name="b"/> mod 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Rotr(long a, long b) => (long)BitOperations.RotateRight((ulong)a, (int)b & 63);

    /// <summary>§4.3.2 iextend8_s: sign-extend the low 8 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Extend8S(long a) => (sbyte)a;

    /// <summary>§4.3.2 iextend16_s: sign-extend the low 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Extend16S(long a) => (short)a;

    /// <summary>§4.3.2 iextend32_s: sign-extend the low 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Extend32S(long a) => (int)a;

    /// <summary>§4.3.2 ieqz: 1 if <paramref name="a"/> is 0, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Eqz(long a) => a == 0 ? 1 : 0;

    /// <summary>§4.3.2 ieq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Eq(long a, long b) => a == b ? 1 : 0;

    /// <summary>§4.3.2 ine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ne(long a, long b) => a != b ? 1 : 0;

    /// <summary>§4.3.2 ilt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LtS(long a, long b) => a < b ? 1 : 0;

    /// <summary>§4.3.2 ilt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LtU(long a, long b) => (ulong)a < (ulong)b ? 1 : 0;

    /// <summary>§4.3.2 igt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GtS(long a, long b) => a > b ? 1 : 0;

    /// <summary>§4.3.2 igt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GtU(long a, long b) => (ulong)a > (ulong)b ? 1 : 0;

    /// <summary>§4.3.2 ile_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LeS(long a, long b) => a <= b ? 1 : 0;

    /// <summary>§4.3.2 ile_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LeU(long a, long b) => (ulong)a <= (ulong)b ? 1 : 0;

    /// <summary>§4.3.2 ige_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GeS(long a, long b) => a >= b ? 1 : 0;

    /// <summary>§4.3.2 ige_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GeU(long a, long b) => (ulong)a >= (ulong)b ? 1 : 0;
}
