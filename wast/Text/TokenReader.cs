using System.Text;

namespace WasmConform.Wast.Text;

/// <summary>
/// A cursor over a <see cref="TokenList"/> with the checks every grammar rule needs, and the
/// spec interpreter's classification of syntax errors: a lexical error reports its own message,
/// an unknown keyword or reserved token is an "unknown operator", anything else out of place is an
/// "unexpected token".
/// </summary>
public sealed class TokenReader(TokenList tokens, int position = 0)
{
    /// <summary>The tokens read.</summary>
    public TokenList Tokens { get; } = tokens;

    /// <summary>
    /// The features whose text format is read. Without memory64 the limits of an i32 memory are
    /// u32s, and without reference types a table's inline <c>(elem x*)</c> is a 1.0 segment of
    /// function indices. Everything by default.
    /// </summary>
    public Engine.Features Features { get; init; } = Engine.FeatureSets.All;

    /// <summary>Index of the current token.</summary>
    public int Position { get; set; } = position;

    /// <summary>The current token.</summary>
    public ref readonly Token Current => ref Tokens[Position];

    /// <summary>The token <paramref name="k"/> places ahead.</summary>
    public ref readonly Token Peek(int k) => ref Tokens[Position + k];

    /// <summary>Moves to the next token (never past the final one) and returns the one left.</summary>
    public Token Advance()
    {
        var t = Current;
        if (Position < Tokens.Count - 1) Position++;
        return t;
    }

    /// <summary>Whether the current token is <c>(</c> followed by the keyword <paramref name="kw"/>.</summary>
    public bool AtField(Kw kw) => Current.Kind == TokenKind.LParen && Peek(1).Is(kw);

    /// <summary>Whether the current token is of <paramref name="kind"/>.</summary>
    public bool At(TokenKind kind) => Current.Kind == kind;

    /// <summary>Whether the current token is the keyword <paramref name="kw"/>.</summary>
    public bool At(Kw kw) => Current.Is(kw);

    /// <summary>Consumes a token of <paramref name="kind"/>, or fails on the current one.</summary>
    /// <remarks>
    /// When a <c>)</c> is expected and a <c>(</c> stands there, the error is reported at the token
    /// after it, as an LR parser does that accepts the parenthesis and fails on what follows.
    /// </remarks>
    public Token Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
            throw kind == TokenKind.RParen && Current.Kind == TokenKind.LParen ? Unexpected(Peek(1)) : Unexpected();
        return Advance();
    }

    /// <summary>Consumes the keyword <paramref name="kw"/>, or fails on the current token.</summary>
    public Token Expect(Kw kw)
    {
        if (!Current.Is(kw)) throw Unexpected();
        return Advance();
    }

    /// <summary>Consumes <c>(</c> and the keyword <paramref name="kw"/>.</summary>
    public Token ExpectField(Kw kw)
    {
        var open = Expect(TokenKind.LParen);
        Expect(kw);
        return open;
    }

    /// <summary>Consumes the token if it is the keyword <paramref name="kw"/>.</summary>
    public bool Accept(Kw kw)
    {
        if (!Current.Is(kw)) return false;
        Advance();
        return true;
    }

    /// <summary>Consumes the token if it is of <paramref name="kind"/>.</summary>
    public bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        Advance();
        return true;
    }

    /// <summary>The syntax error for the current token.</summary>
    public ParseException Unexpected() => Unexpected(Current);

    /// <summary>The syntax error for <paramref name="token"/> (see the class remarks).</summary>
    public ParseException Unexpected(in Token token) => token.Kind switch
    {
        TokenKind.Error => Tokens.Error(token, Tokens.ErrorMessage ?? "unexpected token"),
        TokenKind.Reserved => Tokens.Error(token, "unknown operator " + Tokens.Text(token)),
        TokenKind.Keyword when token.KeywordIndex == 0 => Tokens.Error(token, "unknown operator " + Tokens.Text(token)),
        _ => Tokens.Error(token, "unexpected token"),
    };

    /// <summary>The error <paramref name="message"/> at <paramref name="token"/>.</summary>
    public ParseException Error(in Token token, string message) => Tokens.Error(token, message);

    /// <summary>The bytes of <paramref name="token"/>.</summary>
    public ReadOnlySpan<byte> Bytes(in Token token) => Tokens.Bytes(token);

    /// <summary>The text of <paramref name="token"/>.</summary>
    public string Text(in Token token) => Tokens.Text(token);

    /// <summary>Consumes a string literal and returns its bytes.</summary>
    public byte[] ReadStringBytes() => StringLiteral.Decode(Bytes(Expect(TokenKind.String)));

    /// <summary>Consumes a string literal that must be a well-formed UTF-8 name (§6.3.4).</summary>
    public string ReadName()
    {
        var token = Expect(TokenKind.String);
        var bytes = StringLiteral.Decode(Bytes(token));
        if (!CharClass.IsUtf8(bytes)) throw Error(token, "malformed UTF-8 encoding");
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Consumes string literals while there are any and returns their concatenated bytes.</summary>
    public byte[] ReadStrings()
    {
        var bytes = new List<byte>();
        while (Current.Kind == TokenKind.String) StringLiteral.AppendDecoded(Bytes(Advance()), bytes);
        return [.. bytes];
    }

    /// <summary>The name an identifier token stands for (without <c>$</c>; quoted names decoded).</summary>
    public string IdName(in Token token)
    {
        var bytes = Bytes(token);
        return bytes[1] == '"' ? Encoding.UTF8.GetString(StringLiteral.Decode(bytes[1..])) : Encoding.ASCII.GetString(bytes[1..]);
    }

    /// <summary>Skips a parenthesised group starting at the current <c>(</c>; false if it is not closed.</summary>
    public bool SkipGroup()
    {
        int depth = 0;
        do
        {
            switch (Current.Kind)
            {
                case TokenKind.LParen: depth++; break;
                case TokenKind.RParen: depth--; break;
                case TokenKind.Eof or TokenKind.Error: return false;
            }
            Advance();
        }
        while (depth > 0);
        return true;
    }
}
