namespace WasmConform.Wast.Text;

/// <summary>The lexical shapes of numeric literals (§6.3.1, §6.3.2), without their values.</summary>
internal static class NumberSyntax
{
    /// <summary>
    /// Matches <c>digit ('_'? digit)*</c> (hex digits when <paramref name="hex"/>) at
    /// <paramref name="i"/>; returns the offset after it, or -1 when there is no digit at <paramref name="i"/>.
    /// </summary>
    public static int MatchDigits(ReadOnlySpan<byte> s, int i, bool hex)
    {
        if (i >= s.Length || !IsDigit(s[i], hex)) return -1;
        i++;
        while (i < s.Length)
        {
            if (IsDigit(s[i], hex)) i++;
            else if (s[i] == '_' && i + 1 < s.Length && IsDigit(s[i + 1], hex)) i += 2;
            else break;
        }
        return i;
    }

    /// <summary>
    /// Classifies a run of identifier characters as <see cref="TokenKind.Nat"/>, <see cref="TokenKind.Int"/>
    /// or <see cref="TokenKind.Float"/>, or returns <c>null</c> when it is not a number.
    /// </summary>
    public static TokenKind? Classify(ReadOnlySpan<byte> s)
    {
        bool signed = s.Length > 0 && s[0] is (byte)'+' or (byte)'-';
        var rest = signed ? s[1..] : s;
        if (rest.SequenceEqual("inf"u8) || rest.SequenceEqual("nan"u8)) return TokenKind.Float;
        if (rest.StartsWith("nan:0x"u8)) return MatchDigits(rest, 6, hex: true) == rest.Length ? TokenKind.Float : null;
        bool hex = rest.StartsWith("0x"u8);
        int j = MatchDigits(rest, hex ? 2 : 0, hex);
        if (j < 0) return null;
        if (j == rest.Length) return signed ? TokenKind.Int : TokenKind.Nat;
        bool isFloat = false;
        if (rest[j] == '.')
        {
            isFloat = true;
            j++;
            if (j < rest.Length && IsDigit(rest[j], hex)) j = MatchDigits(rest, j, hex);
        }
        if (j < rest.Length && (hex ? rest[j] is (byte)'p' or (byte)'P' : rest[j] is (byte)'e' or (byte)'E'))
        {
            j++;
            if (j < rest.Length && rest[j] is (byte)'+' or (byte)'-') j++;
            j = MatchDigits(rest, j, hex: false);
            if (j < 0) return null;
            isFloat = true;
        }
        return isFloat && j == rest.Length ? TokenKind.Float : null;
    }

    private static bool IsDigit(byte b, bool hex) => hex ? CharClass.IsHexDigit(b) : CharClass.IsDigit(b);
}
