using System.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>An IEEE 754 binary format: total width, stored significand bits, exponent bits.</summary>
internal sealed record FloatFormat(int Width, int SignificandBits, int ExponentBits)
{
    public static readonly FloatFormat Binary32 = new(32, 23, 8);
    public static readonly FloatFormat Binary64 = new(64, 52, 11);

    public int Bias => (1 << (ExponentBits - 1)) - 1;
    public ulong SignBit => 1UL << (Width - 1);
    public ulong Infinity => ((1UL << ExponentBits) - 1) << SignificandBits;
    public ulong QuietBit => 1UL << (SignificandBits - 1);
    public bool IsNaN(ulong bits) => (bits & ~SignBit) > Infinity;
    public bool IsInfinity(ulong bits) => (bits & ~SignBit) == Infinity;
    public bool IsNegative(ulong bits) => (bits & SignBit) != 0;
}

/// <summary>
/// A model of binary floating point in exact rational arithmetic (BigInteger), used to derive
/// expected results independently of the hardware and of the code under test.
/// </summary>
internal static class ExactFloat
{
    /// <summary>A finite value as sign, integer mantissa and binary exponent: value = ±mantissa × 2^exponent.</summary>
    public static (bool Negative, BigInteger Mantissa, int Exponent) Decompose(ulong bits, FloatFormat f)
    {
        if (f.IsNaN(bits) || f.IsInfinity(bits))
            throw new ArgumentException("not a finite value", nameof(bits));
        bool negative = f.IsNegative(bits);
        int biased = (int)((bits >> f.SignificandBits) & ((1UL << f.ExponentBits) - 1));
        ulong fraction = bits & ((1UL << f.SignificandBits) - 1);
        return biased == 0
            ? (negative, fraction, 1 - f.Bias - f.SignificandBits)
            : (negative, fraction | (1UL << f.SignificandBits), biased - f.Bias - f.SignificandBits);
    }

    /// <summary>A finite value as an exact signed fraction numerator / denominator (denominator a power of two).</summary>
    public static (BigInteger Numerator, BigInteger Denominator) Rational(ulong bits, FloatFormat f)
    {
        var (negative, mantissa, exponent) = Decompose(bits, f);
        var signed = negative ? -mantissa : mantissa;
        return exponent >= 0 ? (signed << exponent, BigInteger.One) : (signed, BigInteger.One << -exponent);
    }

    /// <summary>
    /// The bits of the signed rational numerator / denominator rounded to nearest, ties to even,
    /// overflowing to infinity; a zero takes the sign <paramref name="negativeZero"/>.
    /// </summary>
    public static ulong Round(BigInteger numerator, BigInteger denominator, FloatFormat f, bool negativeZero = false)
    {
        if (denominator.Sign < 0)
            (numerator, denominator) = (-numerator, -denominator);
        if (numerator.IsZero)
            return negativeZero ? f.SignBit : 0;
        ulong sign = numerator.Sign < 0 ? f.SignBit : 0;
        var n = BigInteger.Abs(numerator);
        var d = denominator;

        // k: the exponent with 2^k <= n/d < 2^(k+1).
        int k = (int)(n.GetBitLength() - d.GetBitLength());
        if (k >= 0 ? n < d << k : n << -k < d)
            k--;
        int minExponent = 1 - f.Bias;
        int quantum = Math.Max(k, minExponent) - f.SignificandBits;

        var scaledN = quantum < 0 ? n << -quantum : n;
        var scaledD = quantum > 0 ? d << quantum : d;
        var q = BigInteger.DivRem(scaledN, scaledD, out var remainder);
        int half = (remainder * 2).CompareTo(scaledD);
        if (half > 0 || (half == 0 && !q.IsEven))
            q += 1;
        if (q == BigInteger.One << (f.SignificandBits + 1))
        {
            q >>= 1;
            quantum++;
        }

        var hidden = BigInteger.One << f.SignificandBits;
        if (q < hidden)
            return sign | (ulong)q;
        long biased = quantum + f.SignificandBits + f.Bias;
        if (biased >= (1L << f.ExponentBits) - 1)
            return sign | f.Infinity;
        return sign | ((ulong)biased << f.SignificandBits) | (ulong)(q - hidden);
    }

    /// <summary>The integer part of a finite value, rounded toward zero.</summary>
    public static BigInteger Truncate(ulong bits, FloatFormat f)
    {
        var (numerator, denominator) = Rational(bits, f);
        return BigInteger.Divide(numerator, denominator);
    }

    /// <summary>The integer nearest to a finite value, ties to even.</summary>
    public static BigInteger RoundToEven(ulong bits, FloatFormat f)
    {
        var (numerator, denominator) = Rational(bits, f);
        var floor = FloorDiv(numerator, denominator);
        int half = ((numerator - floor * denominator) * 2).CompareTo(denominator);
        return half > 0 || (half == 0 && !floor.IsEven) ? floor + 1 : floor;
    }

    /// <summary>The greatest integer not above a finite value.</summary>
    public static BigInteger Floor(ulong bits, FloatFormat f)
    {
        var (numerator, denominator) = Rational(bits, f);
        return FloorDiv(numerator, denominator);
    }

    /// <summary>The least integer not below a finite value.</summary>
    public static BigInteger Ceiling(ulong bits, FloatFormat f)
    {
        var (numerator, denominator) = Rational(bits, f);
        return -FloorDiv(-numerator, denominator);
    }

    /// <summary>The correctly rounded square root of a finite non-negative value.</summary>
    public static ulong Sqrt(ulong bits, FloatFormat f)
    {
        var (numerator, denominator) = Rational(bits, f);
        if (numerator.IsZero)
            return bits;
        // Make the denominator an even power of two, then take an integer root with many extra
        // bits; a non-zero remainder becomes a sticky bit below them.
        int denominatorExponent = (int)denominator.GetBitLength() - 1;
        int extra = 2 * (f.SignificandBits + 8) + (denominatorExponent & 1);
        var scaled = numerator << extra;
        int halfExponent = (denominatorExponent + extra) / 2;
        var root = IntegerSqrt(scaled);
        var sticky = root * root == scaled ? BigInteger.Zero : BigInteger.One;
        return Round(root * 2 + sticky, BigInteger.One << (halfExponent + 1), f);
    }

    private static BigInteger FloorDiv(BigInteger numerator, BigInteger denominator)
    {
        var q = BigInteger.DivRem(numerator, denominator, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }

    private static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n.IsZero)
            return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x)
                return x;
            x = y;
        }
    }
}
