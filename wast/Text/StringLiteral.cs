using System.Text;

namespace WasmConform.Wast.Text;

/// <summary>String literals (§6.3.3): scanning with the spec interpreter's error messages, and decoding to bytes.</summary>
public static class StringLiteral
{
    /// <summary>
    /// Scans the literal whose opening quote is at <paramref name="start"/>. Returns the offset
    /// just past the closing quote, or -1 with <paramref name="error"/> ("unclosed string literal",
    /// "illegal control character in string literal", "illegal escape", "malformed UTF-8 encoding")
    /// and the offset it applies to in <paramref name="errorAt"/>.
    /// </summary>
    public static int Scan(ReadOnlySpan<byte> s, int start, out string? error, out int errorAt)
    {
        error = null;
        errorAt = start;
        int i = start + 1;
        while (true)
        {
            if (i >= s.Length || s[i] is (byte)'\n' or (byte)'\r') return Fail("unclosed string literal", start, out error, out errorAt);
            byte b = s[i];
            if (b == '"') return i + 1;
            if (b == '\\')
            {
                int next = ScanEscape(s, i);
                if (next < 0) return Fail("illegal escape", Math.Min(i + 2, s.Length), out error, out errorAt);
                i = next;
            }
            else if (b < 0x20)
            {
                return Fail("illegal control character in string literal", start, out error, out errorAt);
            }
            else if (b == 0x7F)
            {
                return Fail("malformed UTF-8 encoding", start, out error, out errorAt);
            }
            else
            {
                int n = CharClass.Utf8Length(s, i);
                if (n == 0) return Fail("malformed UTF-8 encoding", start, out error, out errorAt);
                i += n;
            }
        }
    }

    /// <summary>Decodes a scanned literal (quotes included) to its bytes; escapes may produce any byte.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> literal)
    {
        var bytes = new List<byte>(literal.Length);
        AppendDecoded(literal, bytes);
        return [.. bytes];
    }

    /// <summary>Appends the decoded bytes of a scanned literal (quotes included) to <paramref name="output"/>.</summary>
    public static void AppendDecoded(ReadOnlySpan<byte> literal, List<byte> output)
    {
        int end = literal.Length - 1;
        for (int i = 1; i < end;)
        {
            byte b = literal[i];
            if (b != '\\')
            {
                output.Add(b);
                i++;
                continue;
            }
            byte e = literal[i + 1];
            switch (e)
            {
                case (byte)'n': output.Add(0x0A); i += 2; break;
                case (byte)'r': output.Add(0x0D); i += 2; break;
                case (byte)'t': output.Add(0x09); i += 2; break;
                case (byte)'\\' or (byte)'\'' or (byte)'"': output.Add(e); i += 2; break;
                case (byte)'u':
                {
                    int close = literal[(i + 3)..].IndexOf((byte)'}') + i + 3;
                    int cp = 0;
                    foreach (byte h in literal[(i + 3)..close])
                        if (h != '_') cp = cp * 16 + CharClass.HexValue(h);
                    Span<byte> utf8 = stackalloc byte[4];
                    int n = new Rune(cp).EncodeToUtf8(utf8);
                    foreach (byte u in utf8[..n]) output.Add(u);
                    i = close + 1;
                    break;
                }
                default:
                    output.Add((byte)(CharClass.HexValue(e) * 16 + CharClass.HexValue(literal[i + 2])));
                    i += 3;
                    break;
            }
        }
    }

    // Returns the offset after the escape starting with the backslash at i, or -1.
    private static int ScanEscape(ReadOnlySpan<byte> s, int i)
    {
        if (i + 1 >= s.Length) return -1;
        byte e = s[i + 1];
        if (e is (byte)'n' or (byte)'r' or (byte)'t' or (byte)'\\' or (byte)'\'' or (byte)'"') return i + 2;
        if (CharClass.IsHexDigit(e)) return i + 2 < s.Length && CharClass.IsHexDigit(s[i + 2]) ? i + 3 : -1;
        if (e != 'u' || i + 2 >= s.Length || s[i + 2] != '{') return -1;
        int j = NumberSyntax.MatchDigits(s, i + 3, hex: true);
        if (j < 0 || j >= s.Length || s[j] != '}') return -1;
        long cp = 0;
        foreach (byte h in s[(i + 3)..j])
        {
            if (h == '_') continue;
            cp = cp * 16 + CharClass.HexValue(h);
            if (cp > 0x10FFFF) return -1;
        }
        return Rune.IsValid((int)cp) ? j + 1 : -1;
    }

    private static int Fail(string message, int at, out string? error, out int errorAt)
    {
        error = message;
        errorAt = at;
        return -1;
    }
}
