using System.Globalization;
using System.Numerics;

namespace WasmConform.Wast.Text;

/// <summary>
/// Values of float literals (§6.3.2) as IEEE-754 bits, correctly rounded (to nearest, ties
/// to even) from decimal and hexadecimal notation; <c>inf</c>, <c>nan</c> and <c>nan:0x…</c>
/// payloads. A finite literal that rounds to infinity is out of range.
/// </summary>
public static class FloatLiteral
{
    /// <summary>An f32 literal; false when malformed or out of range.</summary>
    public static bool TryParse32(ReadOnlySpan<byte> text, out uint bits)
    {
        bool ok = TryParse(text, 23, 8, out ulong b);
        bits = (uint)b;
        return ok;
    }

    /// <summary>An f64 literal; false when malformed or out of range.</summary>
    public static bool TryParse64(ReadOnlySpan<byte> text, out ulong bits) => TryParse(text, 52, 11, out bits);

    private static bool TryParse(ReadOnlySpan<byte> text, int mantissaBits, int exponentBits, out ulong bits)
    {
        bits = 0;
        if (text.Length == 0) return false;
        bool negative = text[0] == '-';
        var body = text[0] is (byte)'+' or (byte)'-' ? text[1..] : text;
        ulong magnitude;
        ulong expAllOnes = ((1UL << exponentBits) - 1) << mantissaBits;
        if (body.SequenceEqual("inf"u8))
        {
            magnitude = expAllOnes;
        }
        else if (body.SequenceEqual("nan"u8))
        {
            magnitude = expAllOnes | (1UL << (mantissaBits - 1));
        }
        else if (body.StartsWith("nan:"u8))
        {
            if (!IntLiteral.TryParseNat(body[4..], mantissaBits, out ulong payload) || payload == 0 || !body[4..].StartsWith("0x"u8))
                return false;
            magnitude = expAllOnes | payload;
        }
        else if (body.StartsWith("0x"u8))
        {
            if (!TryParseHex(body[2..], mantissaBits, exponentBits, out magnitude)) return false;
        }
        else if (!TryParseDecimal(body, mantissaBits, out magnitude))
        {
            return false;
        }
        bits = magnitude | (negative ? 1UL << (mantissaBits + exponentBits) : 0);
        return true;
    }

    // Decimal notation: .NET's parser rounds correctly for any number of digits (also for
    // float directly, without going through double).
    private static bool TryParseDecimal(ReadOnlySpan<byte> text, int mantissaBits, out ulong bits)
    {
        bits = 0;
        Span<char> chars = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        foreach (byte b in text)
        {
            if (b == '_') continue;
            if (!(CharClass.IsDigit(b) || b is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-')) return false;
            chars[n++] = (char)b;
        }
        const NumberStyles style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (mantissaBits == 23)
        {
            if (!float.TryParse(chars[..n], style, CultureInfo.InvariantCulture, out float f) || float.IsInfinity(f)) return false;
            bits = BitConverter.SingleToUInt32Bits(f);
        }
        else
        {
            if (!double.TryParse(chars[..n], style, CultureInfo.InvariantCulture, out double d) || double.IsInfinity(d)) return false;
            bits = BitConverter.DoubleToUInt64Bits(d);
        }
        return true;
    }

    // Hex notation "h+(.h*)?(p[+-]?d+)?" after the "0x": the digits are gathered into a 64-bit
    // significand (later nonzero digits only set a sticky bit), then rounded once.
    private static bool TryParseHex(ReadOnlySpan<byte> text, int mantissaBits, int exponentBits, out ulong bits)
    {
        bits = 0;
        ulong mant = 0;
        long exp2 = 0;
        bool sticky = false, inFraction = false, anyDigit = false;
        int i = 0;
        for (; i < text.Length; i++)
        {
            byte c = text[i];
            if (c == '_') continue;
            if (c == '.' && !inFraction) { inFraction = true; continue; }
            if (!CharClass.IsHexDigit(c)) break;
            anyDigit = true;
            uint d = (uint)CharClass.HexValue(c);
            if (mant >> 60 == 0)
            {
                mant = (mant << 4) | d;
                if (inFraction) exp2 -= 4;
            }
            else
            {
                if (!inFraction) exp2 += 4;
                sticky |= d != 0;
            }
        }
        if (!anyDigit) return false;
        if (i < text.Length)
        {
            if (text[i] is not ((byte)'p' or (byte)'P') || !TryParseExponent(text[(i + 1)..], out long p)) return false;
            exp2 += p;
        }
        if (mant == 0) return true;
        return Round(mant, exp2, sticky, mantissaBits, exponentBits, out bits);
    }

    private static bool TryParseExponent(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        if (text.Length > 0 && text[0] is (byte)'+' or (byte)'-') text = text[1..];
        if (text.Length == 0) return false;
        foreach (byte c in text)
        {
            if (c == '_') continue;
            if (!CharClass.IsDigit(c)) return false;
            value = Math.Min(value * 10 + (c - '0'), 1L << 40);
        }
        if (negative) value = -value;
        return true;
    }

    // Rounds mant * 2^exp2 (plus a sticky fraction below mant's last bit) to the format.
    private static bool Round(ulong mant, long exp2, bool sticky, int mantissaBits, int exponentBits, out ulong bits)
    {
        bits = 0;
        int bias = (1 << (exponentBits - 1)) - 1;
        int top = 63 - BitOperations.LeadingZeroCount(mant);
        long e = top + exp2;
        if (e > bias) return false;
        long emin = 1 - bias;
        long keep = e >= emin ? mantissaBits + 1 : mantissaBits + 1 - (emin - e);
        long shift = top + 1 - keep;
        ulong q;
        if (shift <= 0)
        {
            q = mant << (int)-shift;
        }
        else
        {
            q = shift >= 64 ? 0 : mant >> (int)shift;
            bool roundBit = shift <= 64 && ((mant >> (int)(shift - 1)) & 1) != 0;
            bool lower = sticky || (shift >= 2 && (shift - 1 >= 64 ? mant != 0 : (mant & ((1UL << (int)(shift - 1)) - 1)) != 0));
            if (roundBit && (lower || (q & 1) != 0)) q++;
        }
        if (e < emin)
        {
            bits = q;
            return true;
        }
        if (q >> (mantissaBits + 1) != 0)
        {
            q >>= 1;
            e++;
            if (e > bias) return false;
        }
        bits = ((ulong)(e + bias) << mantissaBits) | (q & ((1UL << mantissaBits) - 1));
        return true;
    }
}
