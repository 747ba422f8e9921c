namespace WasmConform.Wast.Text;

/// <summary>Byte classes of the lexical grammar (§6.2) and UTF-8 well-formedness checks.</summary>
internal static class CharClass
{
    private const byte IdCharFlag = 1, DigitFlag = 2, HexDigitFlag = 4, KeywordFlag = 8;

    private static readonly byte[] Flags = BuildFlags();

    /// <summary>§6.3.5 idchar: letters, digits and <c>!#$%&amp;'*+-./:&lt;=&gt;?@\^_`|~</c>.</summary>
    public static bool IsIdChar(byte b) => (Flags[b] & IdCharFlag) != 0;

    public static bool IsDigit(byte b) => (Flags[b] & DigitFlag) != 0;

    public static bool IsHexDigit(byte b) => (Flags[b] & HexDigitFlag) != 0;

    /// <summary>Characters after the first of a keyword: letters, digits, <c>_</c>, <c>.</c>, <c>:</c>.</summary>
    public static bool IsKeywordChar(byte b) => (Flags[b] & KeywordFlag) != 0;

    /// <summary>Space, tab, line feed, carriage return.</summary>
    public static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    /// <summary>Single-character reserved tokens that are not idchars.</summary>
    public static bool IsReservedPunctuation(byte b) => b is (byte)',' or (byte)';' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}';

    public static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    /// <summary>
    /// The length (1–4) of the well-formed UTF-8 encoded character at <paramref name="i"/>
    /// (no overlong forms, no surrogates, at most U+10FFFF), or 0 when the bytes there are not one.
    /// </summary>
    public static int Utf8Length(ReadOnlySpan<byte> s, int i)
    {
        byte b = s[i];
        if (b < 0x80) return 1;
        if (b < 0xC2) return 0;
        if (b < 0xE0) return Cont(s, i + 1) ? 2 : 0;
        if (b < 0xF0)
        {
            if (i + 1 >= s.Length) return 0;
            byte b1 = s[i + 1];
            bool ok = b switch
            {
                0xE0 => b1 is >= 0xA0 and <= 0xBF,
                0xED => b1 is >= 0x80 and <= 0x9F,
                _ => b1 is >= 0x80 and <= 0xBF,
            };
            return ok && Cont(s, i + 2) ? 3 : 0;
        }
        if (b < 0xF5)
        {
            if (i + 1 >= s.Length) return 0;
            byte b1 = s[i + 1];
            bool ok = b switch
            {
                0xF0 => b1 is >= 0x90 and <= 0xBF,
                0xF4 => b1 is >= 0x80 and <= 0x8F,
                _ => b1 is >= 0x80 and <= 0xBF,
            };
            return ok && Cont(s, i + 2) && Cont(s, i + 3) ? 4 : 0;
        }
        return 0;
    }

    /// <summary>Whether all of <paramref name="s"/> is well-formed UTF-8.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> s)
    {
        for (int i = 0; i < s.Length;)
        {
            int n = Utf8Length(s, i);
            if (n == 0) return false;
            i += n;
        }
        return true;
    }

    private static bool Cont(ReadOnlySpan<byte> s, int i) => i < s.Length && s[i] is >= 0x80 and <= 0xBF;

    private static byte[] BuildFlags()
    {
        var f = new byte[256];
        for (int c = 'a'; c <= 'z'; c++) f[c] = IdCharFlag | KeywordFlag;
        for (int c = 'A'; c <= 'Z'; c++) f[c] = IdCharFlag | KeywordFlag;
        for (int c = '0'; c <= '9'; c++) f[c] = IdCharFlag | KeywordFlag | DigitFlag | HexDigitFlag;
        for (int c = 'a'; c <= 'f'; c++) f[c] |= HexDigitFlag;
        for (int c = 'A'; c <= 'F'; c++) f[c] |= HexDigitFlag;
        foreach (char c in "!#$%&'*+-./:<=>?@\\^_`|~") f[c] |= IdCharFlag;
        foreach (char c in "_.:") f[c] |= KeywordFlag;
        return f;
    }
}
