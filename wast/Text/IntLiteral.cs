namespace WasmConform.Wast.Text;

/// <summary>Values of integer literals (§6.3.1), with the spec interpreter's range rules.</summary>
public static class IntLiteral
{
    /// <summary>
    /// An unsigned literal (no sign) of at most <paramref name="bits"/> bits: <c>0 ≤ n &lt; 2^bits</c>.
    /// False when the text is not a nat or the value is out of range.
    /// </summary>
    public static bool TryParseNat(ReadOnlySpan<byte> text, int bits, out ulong value)
    {
        value = 0;
        if (text.Length == 0 || text[0] is (byte)'+' or (byte)'-') return false;
        if (!TryParseMagnitude(text, out ulong m) || (bits < 64 && m >> bits != 0)) return false;
        value = m;
        return true;
    }

    /// <summary>
    /// A literal of an N-bit integer type, <paramref name="bits"/> = N (§6.3.1 iN): signed with
    /// <c>-2^(N-1) ≤ n</c>, or unsigned with <c>n &lt; 2^N</c>; <paramref name="value"/> is the
    /// two's complement bit pattern in the low N bits.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, int bits, out ulong value)
    {
        value = 0;
        if (text.Length == 0) return false;
        bool negative = text[0] == '-';
        var digits = text[0] is (byte)'+' or (byte)'-' ? text[1..] : text;
        if (!TryParseMagnitude(digits, out ulong m)) return false;
        ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        if (negative)
        {
            if (m > 1UL << (bits - 1)) return false;
            value = (0 - m) & mask;
            return true;
        }
        if ((m & ~mask) != 0) return false;
        value = m;
        return true;
    }

    // Decimal or 0x-hex digits with '_' separators, up to 2^64-1.
    private static bool TryParseMagnitude(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        bool hex = text.StartsWith("0x"u8);
        var digits = hex ? text[2..] : text;
        if (digits.Length == 0) return false;
        ulong m = 0;
        bool any = false;
        foreach (byte c in digits)
        {
            if (c == '_') continue;
            if (hex ? !CharClass.IsHexDigit(c) : !CharClass.IsDigit(c)) return false;
            ulong d = (ulong)CharClass.HexValue(c);
            if (hex)
            {
                if (m >> 60 != 0) return false;
                m = (m << 4) | d;
            }
            else
            {
                if (m > (ulong.MaxValue - d) / 10) return false;
                m = m * 10 + d;
            }
            any = true;
        }
        value = m;
        return any;
    }
}
