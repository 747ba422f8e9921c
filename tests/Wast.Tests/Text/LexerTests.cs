using System.Text;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Text;

public class LexerTests
{
    private static TokenList Lex(string text) => Lexer.Tokenize(Encoding.UTF8.GetBytes(text), "t.wat");

    private static TokenList Lex(byte[] bytes) => Lexer.Tokenize(bytes, "t.wat");

    private static TokenKind[] Kinds(TokenList tokens) => Enumerable.Range(0, tokens.Count).Select(i => tokens[i].Kind).ToArray();

    [Fact]
    public void Tokens_carry_kind_line_and_column()
    {
        var tokens = Lex("(module\n  (func $f))");
        Assert.Equal(
            [TokenKind.LParen, TokenKind.Keyword, TokenKind.LParen, TokenKind.Keyword, TokenKind.Id, TokenKind.RParen, TokenKind.RParen, TokenKind.Eof],
            Kinds(tokens));
        Assert.Equal((2, 3), (tokens[2].Line, tokens.ColumnOf(tokens[2])));
        Assert.Equal((2, 9), (tokens[4].Line, tokens.ColumnOf(tokens[4])));
        Assert.Equal("$f", tokens.Text(tokens[4]));
    }

    [Fact]
    public void Carriage_return_line_feed_counts_as_one_line()
    {
        var tokens = Lex("(\r\n)\r)");
        Assert.Equal(2, tokens[1].Line);
        Assert.Equal(3, tokens[2].Line);
    }

    [Fact]
    public void Keywords_know_their_instructions()
    {
        var tokens = Lex("i32.add select module get_local");
        Assert.Equal([Opcode.I32Add], tokens[0].Ops);
        Assert.Equal([Opcode.Select, Opcode.SelectT], tokens[1].Ops);
        Assert.Equal(Kw.Module, tokens[2].Kw);
        Assert.Equal(TokenKind.Keyword, tokens[3].Kind);
        Assert.Equal(Kw.None, tokens[3].Kw);
        Assert.Empty(tokens[3].Ops);
    }

    [Theory]
    [InlineData("0", TokenKind.Nat)]
    [InlineData("1_000_000", TokenKind.Nat)]
    [InlineData("0xFF_ff", TokenKind.Nat)]
    [InlineData("+1", TokenKind.Int)]
    [InlineData("-0x1_0", TokenKind.Int)]
    [InlineData("1.5", TokenKind.Float)]
    [InlineData("1.", TokenKind.Float)]
    [InlineData("1e10", TokenKind.Float)]
    [InlineData("1.5E-1_0", TokenKind.Float)]
    [InlineData("0x1p-3", TokenKind.Float)]
    [InlineData("0x1.8", TokenKind.Float)]
    [InlineData("-0xA.Bp+1", TokenKind.Float)]
    [InlineData("inf", TokenKind.Float)]
    [InlineData("-nan", TokenKind.Float)]
    [InlineData("+nan:0x7f_ffff", TokenKind.Float)]
    [InlineData("1__0", TokenKind.Reserved)]
    [InlineData("_1", TokenKind.Reserved)]
    [InlineData("1_", TokenKind.Reserved)]
    [InlineData("0x_1", TokenKind.Reserved)]
    [InlineData("0x", TokenKind.Reserved)]
    [InlineData("1._5", TokenKind.Reserved)]
    [InlineData(".5", TokenKind.Reserved)]
    [InlineData("1e", TokenKind.Reserved)]
    [InlineData("0x1p", TokenKind.Reserved)]
    [InlineData("nan:0x", TokenKind.Keyword)]
    [InlineData("nan:canonical", TokenKind.Keyword)]
    [InlineData("offset=0x10", TokenKind.OffsetEq)]
    [InlineData("align=8", TokenKind.AlignEq)]
    [InlineData("align=-8", TokenKind.Reserved)]
    public void Literal_shapes_are_classified(string text, TokenKind kind)
    {
        var tokens = Lex(text);
        Assert.Equal(kind, tokens[0].Kind);
        Assert.Equal(TokenKind.Eof, tokens[1].Kind);
    }

    [Fact]
    public void String_escapes_decode_to_bytes()
    {
        var tokens = Lex("\"a\\n\\t\\r\\\\\\'\\\"\\00\\ff\\u{48}\\u{1F600}\"");
        Assert.Equal(TokenKind.String, tokens[0].Kind);
        byte[] expected = [(byte)'a', 10, 9, 13, (byte)'\\', (byte)'\'', (byte)'"', 0, 0xFF, (byte)'H', 0xF0, 0x9F, 0x98, 0x80];
        Assert.Equal(expected, StringLiteral.Decode(tokens.Bytes(tokens[0])));
    }

    [Fact]
    public void Comments_may_hold_control_bytes()
    {
        byte[] text = [.. "(;"u8, 0x00, 0x01, 0x7F, .. ";) ;; "u8, 0x00, 0x1F, (byte)'\n', .. "(module)"u8];
        Assert.Equal([TokenKind.LParen, TokenKind.Keyword, TokenKind.RParen, TokenKind.Eof], Kinds(Lex(text)));
    }

    [Fact]
    public void Block_comments_nest()
    {
        Assert.Equal([TokenKind.LParen, TokenKind.RParen, TokenKind.Eof], Kinds(Lex("(; a (; b ;) c ;)(;;)()")));
    }

    [Fact]
    public void Unclosed_comment_is_reported_where_the_open_comment_starts()
    {
        var tokens = Lex("(module (; (; ;)");
        var error = tokens[tokens.Count - 1];
        Assert.Equal(TokenKind.Error, error.Kind);
        Assert.Equal("unclosed comment", tokens.ErrorMessage);
        Assert.Equal(9, tokens.ColumnOf(error));
    }

    [Fact]
    public void Annotations_are_skipped_and_recorded()
    {
        var tokens = Lex("(module (@custom \"x\" (after func) \")\") (func))");
        Assert.Equal(
            [TokenKind.LParen, TokenKind.Keyword, TokenKind.LParen, TokenKind.Keyword, TokenKind.RParen, TokenKind.RParen, TokenKind.Eof],
            Kinds(tokens));
        var annotation = Assert.Single(tokens.Annotations);
        Assert.Equal("custom", annotation.Name);
        Assert.Equal(2, annotation.TokenIndex);
    }

    [Fact]
    public void Quoted_and_plain_identifiers_name_the_same()
    {
        var tokens = Lex("$abc $\"abc\" $\"a b\"");
        var reader = new TokenReader(tokens);
        Assert.Equal("abc", reader.IdName(tokens[0]));
        Assert.Equal("abc", reader.IdName(tokens[1]));
        Assert.Equal("a b", reader.IdName(tokens[2]));
    }

    [Theory]
    [InlineData("\"abc", "unclosed string literal")]
    [InlineData("\"a\nb\"", "unclosed string literal")]
    [InlineData("\"a\\qb\"", "illegal escape")]
    [InlineData("\"\\u{D800}\"", "illegal escape")]
    [InlineData("\"a\tb\"", "illegal control character in string literal")]
    [InlineData("$", "empty identifier")]
    [InlineData("$ x", "empty identifier")]
    [InlineData("$\"\"", "empty identifier")]
    [InlineData("(@", "empty annotation id")]
    [InlineData("(@ a)", "empty annotation id")]
    [InlineData("(@\"\")", "empty annotation id")]
    [InlineData("(@a (b)", "unclosed annotation")]
    [InlineData("(@a \u0001)", "illegal character")]
    [InlineData("(@a é)", "illegal character")]
    [InlineData("(; x", "unclosed comment")]
    [InlineData("\u0001", "misplaced control character")]
    [InlineData("é", "misplaced unicode character")]
    public void Lexical_errors_use_the_spec_interpreter_messages(string text, string message)
    {
        var tokens = Lex(text);
        Assert.Equal(TokenKind.Error, tokens[tokens.Count - 1].Kind);
        Assert.Equal(message, tokens.ErrorMessage);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'"', 0xFF, (byte)'"' })]
    [InlineData(new byte[] { (byte)';', (byte)';', 0xC0, 0x80 })]
    [InlineData(new byte[] { (byte)'(', (byte)';', 0xED, 0xA0, 0x80, (byte)';', (byte)')' })]
    [InlineData(new byte[] { (byte)'$', (byte)'"', (byte)'\\', (byte)'f', (byte)'f', (byte)'"' })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0x7F })]
    public void Ill_formed_utf8_is_malformed(byte[] text)
    {
        var tokens = Lex(text);
        Assert.Equal("malformed UTF-8 encoding", tokens.ErrorMessage);
    }

    [Fact]
    public void Any_byte_string_lexes_without_crashing()
    {
        var random = new Random(1234);
        for (int i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);
            var tokens = Lex(bytes);
            Assert.Contains(tokens[tokens.Count - 1].Kind, new[] { TokenKind.Eof, TokenKind.Error });
        }
    }

    [Fact]
    public void Quoted_text_positions_start_where_the_quote_does()
    {
        var tokens = Lexer.Tokenize(Encoding.UTF8.GetBytes("(func)\n(x)"), "s.wast", firstLine: 10, firstColumn: 20);
        Assert.Equal((10, 20), (tokens[0].Line, tokens.ColumnOf(tokens[0])));
        Assert.Equal((11, 2), (tokens[4].Line, tokens.ColumnOf(tokens[4])));
    }
}
