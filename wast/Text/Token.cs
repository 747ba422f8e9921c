namespace WasmConform.Wast.Text;

/// <summary>The token classes of the text format (§6.2.1) as the parser distinguishes them.</summary>
public enum TokenKind : byte
{
    /// <summary><c>(</c></summary>
    LParen,
    /// <summary><c>)</c></summary>
    RParen,
    /// <summary>A keyword (§6.2.1): a lower-case letter followed by letters, digits, <c>_</c>, <c>.</c> or <c>:</c>.</summary>
    Keyword,
    /// <summary>An identifier <c>$name</c> or <c>$"name"</c> (§6.3.5).</summary>
    Id,
    /// <summary>An unsigned integer literal (decimal or <c>0x</c> hex, with <c>_</c> separators).</summary>
    Nat,
    /// <summary>A signed integer literal (<c>+</c> or <c>-</c> followed by a nat).</summary>
    Int,
    /// <summary>A float literal: decimal or hex with a fraction or exponent, <c>inf</c>, <c>nan</c>, <c>nan:0x…</c>.</summary>
    Float,
    /// <summary>A string literal (§6.3.3).</summary>
    String,
    /// <summary><c>offset=</c> followed by a nat.</summary>
    OffsetEq,
    /// <summary><c>align=</c> followed by a nat.</summary>
    AlignEq,
    /// <summary>Any other run of identifier characters and strings (§6.2.1 reserved); always an error when read.</summary>
    Reserved,
    /// <summary>End of input.</summary>
    Eof,
    /// <summary>A lexical error; the lexer stops there and its message is reported when the parser reaches it.</summary>
    Error,
}

/// <summary>
/// One token: its class, where its bytes are in the source and on which line it starts
/// (16 bytes, nothing copied). Ask the <see cref="TokenList"/> for its text and column.
/// </summary>
public readonly struct Token
{
    private readonly ushort _keyword;

    internal Token(TokenKind kind, int start, int length, int line, int keyword = 0)
    {
        Kind = kind;
        _keyword = (ushort)keyword;
        Start = start;
        Length = length;
        Line = line;
    }

    /// <summary>The token class.</summary>
    public TokenKind Kind { get; }

    /// <summary>Byte offset of the first byte in the source.</summary>
    public int Start { get; }

    /// <summary>Length in bytes.</summary>
    public int Length { get; }

    /// <summary>1-based line of the first byte.</summary>
    public int Line { get; }

    /// <summary>For <see cref="TokenKind.Keyword"/>: 1 + the index in <see cref="Keywords"/>, or 0 for an unknown keyword.</summary>
    internal int KeywordIndex => _keyword;

    /// <summary>Byte offset just past the token.</summary>
    public int End => Start + Length;

    /// <summary>The keyword's meaning, or <see cref="Kw.None"/> for other tokens and unknown keywords.</summary>
    public Kw Kw => _keyword == 0 ? Kw.None : Keywords.At(_keyword - 1).Kw;

    /// <summary>The instructions a keyword names (<see cref="Engine.Syntax.OpcodeTable.TryLookup"/>), empty for others.</summary>
    public IReadOnlyList<Engine.Syntax.Opcode> Ops => _keyword == 0 ? [] : Keywords.At(_keyword - 1).Ops;

    /// <summary>Whether this is the keyword <paramref name="kw"/>.</summary>
    public bool Is(Kw kw) => Kind == TokenKind.Keyword && Kw == kw;

    /// <summary>Whether this is a nat, int or float literal.</summary>
    public bool IsNumber => Kind is TokenKind.Nat or TokenKind.Int or TokenKind.Float;
}
