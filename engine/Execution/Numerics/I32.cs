using System.Numerics;
using System.Runtime.CompilerServices;

namespace WasmConform.Engine.Execution.Numerics;

/// <summary>
/// The <c>i32</c> operations of §4.3.2 (integer operations) as pure functions on raw bits.
/// </summary>
/// <remarks>
/// Operands and results are <see cref="int"/> holding the 32 bits; the signed or unsigned
/// reading is the operation's (<c>_s</c>/<c>_u</c>), as in the spec. Tests and comparisons
/// answer an <c>i32</c> 1 or 0. Shift and rotate counts are taken modulo 32. Only the
/// division and remainder operations can trap; they throw <see cref="TrapException"/>.
/// </remarks>
public static class I32
{
    /// <summary>§4.3.2 iclz: the number of leading zero bits (32 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Clz(int a) => BitOperations.LeadingZeroCount((uint)a);

    /// <summary>§4.3.2 ictz: the number of trailing zero bits (32 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ctz(int a) => BitOperations.TrailingZeroCount(a);

    /// <summary>§4.3.2 ipopcnt: the number of one bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Popcnt(int a) => BitOperations.PopCount((uint)a);

    /// <summary>§4.3.2 iadd: sum modulo 2^32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Add(int a, int b) => unchecked(a + b);

    /// <summary>§4.3.2 isub: difference modulo 2^32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Sub(int a, int b) => unchecked(a - b);

    /// <summary>§4.3.2 imul: product modulo 2^32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Mul(int a, int b) => unchecked(a * b);

    /// <summary>
    /// §4.3.2 idiv_s: signed quotient rounded toward zero.
    /// Traps with <see cref="TrapKind.IntegerDivideByZero"/> when <paramref name="b"/> is 0 and with
    /// <see cref="TrapKind.IntegerOverflow"/> for MIN / -1 (the quotient 2^31 is not representable).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DivS(int a, int b)
    {
        if (b == 0 || (b == -1 && a == int.MinValue))
            NumericTrap.SignedDivision(b == 0);
        return a / b;
    }

    /// <summary>§4.3.2 idiv_u: unsigned quotient. Traps with <see cref="TrapKind.IntegerDivideByZero"/> when <paramref name="b"/> is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DivU(int a, int b)
    {
        if (b == 0)
            NumericTrap.DivideByZero();
        return (int)((uint)a / (uint)b);
    }

    /// <summary>
    /// §4.3.2 irem_s: signed remainder with the sign of the dividend; MIN rem -1 is 0 (no trap).
    /// Traps with <see cref="TrapKind.IntegerDivideByZero"/> when <paramref name="b"/> is 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RemS(int a, int b)
    {
        if (b == 0)
            NumericTrap.DivideByZero();
        // The hardware (and .NET) fault on MIN % -1; every remainder by -1 is 0.
        return b == -1 ? 0 : a % b;
    }

    /// <summary>§4.3.2 irem_u: unsigned remainder. Traps with <see cref="TrapKind.IntegerDivideByZero"/> when <paramref name="b"/> is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RemU(int a, int b)
    {
        if (b == 0)
            NumericTrap.DivideByZero();
        return (int)((uint)a % (uint)b);
    }

    /// <summary>§4.3.2 iand.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int And(int a, int b) => a & b;

    /// <summary>§4.3.2 ior.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Or(int a, int b) => a | b;

    /// <summary>§4.3.2 ixor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Xor(int a, int b) => a ^ b;

    /// <summary>§4.3.2 ishl: shift left by <paramref name="b"/> mod 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Shl(int a, int b) => a << (b & 31);

    /// <summary>§4.3.2 ishr_s: arithmetic shift right by <paramref name="b"/> mod 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShrS(int a, int b) => a >> (b & 31);

    /// <summary>§4.3.2 ishr_u: logical shift right by <paramref name="b"/> mod 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShrU(int a, int b) => (int)((uint)a >> (b & 31));

    /// <summary>§4.3.2 irotl: rotate left by <paramref name="b"/> mod 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Rotl(int a, int b) => (int)BitOperations.RotateLeft((uint)a, b & 31);

    /// <summary>§4.3.2 irotr: rotate right by <paramref name="b"/> mod 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Rotr(int a, int b) => (int)BitOperations.RotateRight((uint)a, b & 31);

    /// <summary>§4.3.2 iextend8_s: sign-extend the low 8 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Extend8S(int a) => (sbyte)a;

    /// <summary>§4.3.2 iextend16_s: sign-extend the low 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Extend16S(int a) => (short)a;

    /// <summary>§4.3.2 ieqz: 1 if <paramref name="a"/> is 0, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Eqz(int a) => a == 0 ? 1 : 0;

    /// <summary>§4.3.2 ieq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Eq(int a, int b) => a == b ? 1 : 0;

    /// <summary>§4.3.2 ine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ne(int a, int b) => a != b ? 1 : 0;

    /// <summary>§4.3.2 ilt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LtS(int a, int b) => a < b ? 1 : 0;

    /// <summary>§4.3.2 ilt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LtU(int a, int b) => (uint)a < (uint)b ? 1 : 0;

    /// <summary>§4.3.2 igt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GtS(int a, int b) => a > b ? 1 : 0;

    /// <summary>§4.3.2 igt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GtU(int a, int b) => (uint)a > (uint)b ? 1 : 0;

    /// <summary>§4.3.2 ile_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LeS(int a, int b) => a <= b ? 1 : 0;

    /// <summary>§4.3.2 ile_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LeU(int a, int b) => (uint)a <= (uint)b ? 1 : 0;

    /// <summary>§4.3.2 ige_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GeS(int a, int b) => a >= b ? 1 : 0;

    /// <summary>§4.3.2 ige_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GeU(int a, int b) => (uint)a >= (uint)b ? 1 : 0;
}
