using System.Text;

namespace WasmConform.Wast.Text;

/// <summary>
/// The lexer of the text format (§6.2): UTF-8 bytes in, tokens with positions out. White
/// space, line comments, nested block comments and annotations are skipped (annotations are
/// recorded in <see cref="TokenList.Annotations"/>). Any byte string is accepted: the first
/// lexical error ends the list with an <see cref="TokenKind.Error"/> token whose message is the
/// spec interpreter's ("unclosed string literal", "malformed UTF-8 encoding", "empty identifier",
/// "unclosed comment", "unclosed annotation", "illegal character", …).
/// </summary>
public sealed class Lexer
{
    private readonly byte[] _src;
    private readonly string _file;
    private readonly int _firstLine;
    private readonly int _firstColumn;
    private readonly List<Annotation> _annotations = [];
    private readonly List<int> _lineStarts = [0];
    private Stack<(int Pos, int Line)>? _commentStarts;
    private Token[] _tokens;
    private int _count;
    private int _pos;
    private int _line = 1;
    private string? _error;

    private Lexer(byte[] source, string file, int firstLine, int firstColumn)
    {
        _src = source;
        _file = file;
        _firstLine = firstLine;
        _firstColumn = firstColumn;
        _tokens = new Token[16 + source.Length / 6];
    }

    /// <summary>
    /// Splits <paramref name="source"/> into tokens. Positions are reported against
    /// <paramref name="file"/>; <paramref name="firstLine"/> and <paramref name="firstColumn"/> say
    /// where the text's first byte stands (for text quoted inside another file).
    /// </summary>
    public static TokenList Tokenize(byte[] source, string file, int firstLine = 1, int firstColumn = 1)
    {
        var lexer = new Lexer(source, file, firstLine, firstColumn);
        lexer.Run();
        return new TokenList(source, file, lexer._tokens, lexer._count, lexer._error, lexer._annotations,
            lexer._lineStarts, firstLine, firstColumn);
    }

    /// <summary>Tokenizes a string (encoded as UTF-8).</summary>
    public static TokenList Tokenize(string source, string file = "string") => Tokenize(Encoding.UTF8.GetBytes(source), file);

    private ReadOnlySpan<byte> Src => _src;

    private void Run()
    {
        while (SkipTrivia())
        {
            if (_pos >= _src.Length)
            {
                Emit(TokenKind.Eof, _pos, 0);
                return;
            }
            if (!LexToken()) return;
        }
    }

    // Lexes one token at _pos (not trivia); false after an error.
    private bool LexToken()
    {
        byte b = _src[_pos];
        int start = _pos;
        if (b == '(') return Single(TokenKind.LParen);
        if (b == ')') return Single(TokenKind.RParen);
        if (CharClass.IsReservedPunctuation(b)) return Single(TokenKind.Reserved);
        if (CharClass.IsIdChar(b) || b == '"') return LexRun();
        if (b < 0x20) return Fail("misplaced control character", start);
        if (b < 0x80) return Fail("malformed UTF-8 encoding", start);
        return Fail(CharClass.Utf8Length(Src, start) > 0 ? "misplaced unicode character" : "malformed UTF-8 encoding", start);
    }

    private bool Single(TokenKind kind)
    {
        Emit(kind, _pos, 1);
        _pos++;
        return true;
    }

    // A run of idchars and strings (§6.2.1 reserved), then classified by its shape.
    private bool LexRun()
    {
        int start = _pos;
        int end = ScanRun(start, out int strings, out string? error, out int errorAt);
        if (error is not null) return Fail(error, errorAt);
        _pos = end;
        var text = Src[start..end];
        var kind = Classify(text, strings, out int keyword, out error);
        if (error is not null) return Fail(error, start);
        Emit(kind, start, end - start, keyword);
        return true;
    }

    // Scans idchars and string literals from start; reports an error only when the run
    // cannot even begin (a bad string at its start, or "$" without a usable name).
    private int ScanRun(int start, out int strings, out string? error, out int errorAt)
    {
        strings = 0;
        error = null;
        errorAt = start;
        int i = start;
        while (i < _src.Length)
        {
            byte c = _src[i];
            if (CharClass.IsIdChar(c))
            {
                i++;
                continue;
            }
            if (c != '"') break;
            int next = StringLiteral.Scan(Src, i, out string? stringError, out int stringErrorAt);
            if (next < 0)
            {
                if (i == start)
                {
                    error = stringError;
                    errorAt = stringErrorAt;
                }
                else if (i == start + 1 && _src[start] == '$')
                {
                    error = "empty identifier";
                }
                return i;
            }
            strings++;
            i = next;
        }
        if (i == start + 1 && _src[start] == '$') error = "empty identifier";
        return i;
    }

    private static TokenKind Classify(ReadOnlySpan<byte> text, int strings, out int keyword, out string? error)
    {
        keyword = 0;
        error = null;
        if (strings > 0) return ClassifyWithString(text, strings, out error);
        if (text[0] == '$') return TokenKind.Id;
        if (NumberSyntax.Classify(text) is { } number) return number;
        if (text[0] is >= (byte)'a' and <= (byte)'z' && AllKeywordChars(text))
        {
            keyword = Keywords.Lookup(text) + 1;
            return TokenKind.Keyword;
        }
        if (text.StartsWith("offset="u8) && NumberSyntax.Classify(text[7..]) == TokenKind.Nat) return TokenKind.OffsetEq;
        if (text.StartsWith("align="u8) && NumberSyntax.Classify(text[6..]) == TokenKind.Nat) return TokenKind.AlignEq;
        return TokenKind.Reserved;
    }

    private static TokenKind ClassifyWithString(ReadOnlySpan<byte> text, int strings, out string? error)
    {
        error = null;
        bool single = strings == 1 && text[^1] == '"';
        if (single && text[0] == '"' && StringLiteral.Scan(text, 0, out _, out _) == text.Length) return TokenKind.String;
        if (!single || text[0] != '$' || text[1] != '"' || StringLiteral.Scan(text, 1, out _, out _) != text.Length)
            return TokenKind.Reserved;
        var name = StringLiteral.Decode(text[1..]);
        if (name.Length == 0) error = "empty identifier";
        else if (!CharClass.IsUtf8(name)) error = "malformed UTF-8 encoding";
        return TokenKind.Id;
    }

    private static bool AllKeywordChars(ReadOnlySpan<byte> text)
    {
        foreach (byte c in text)
            if (!CharClass.IsKeywordChar(c)) return false;
        return true;
    }

    // Skips white space, comments and annotations; false after an error.
    private bool SkipTrivia()
    {
        while (_pos < _src.Length)
        {
            byte b = _src[_pos];
            if (CharClass.IsSpace(b))
            {
                SkipSpace();
            }
            else if (b == ';' && Peek(1) == ';')
            {
                if (!SkipLineComment()) return false;
            }
            else if (b == '(' && Peek(1) == ';')
            {
                if (!SkipBlockComment()) return false;
            }
            else if (b == '(' && Peek(1) == '@')
            {
                if (!SkipAnnotation()) return false;
            }
            else
            {
                return true;
            }
        }
        return true;
    }

    private byte Peek(int k) => _pos + k < _src.Length ? _src[_pos + k] : (byte)0;

    private void SkipSpace()
    {
        byte b = _src[_pos++];
        if (b == '\n' || (b == '\r' && Peek(0) != '\n')) NewLine();
    }

    private void NewLine()
    {
        _line++;
        _lineStarts.Add(_pos);
    }

    // ";;" up to the end of the line; the text must be well-formed UTF-8.
    private bool SkipLineComment()
    {
        _pos += 2;
        while (_pos < _src.Length && _src[_pos] is not ((byte)'\n' or (byte)'\r'))
        {
            int n = CharClass.Utf8Length(Src, _pos);
            if (n == 0) return Fail("malformed UTF-8 encoding", _pos);
            _pos += n;
        }
        return true;
    }

    // "(;" … ";)", nested; the text must be well-formed UTF-8.
    private bool SkipBlockComment()
    {
        var starts = _commentStarts ??= new Stack<(int Pos, int Line)>();
        starts.Clear();
        starts.Push((_pos, _line));
        _pos += 2;
        while (starts.Count > 0)
        {
            if (_pos >= _src.Length)
            {
                var (pos, line) = starts.Peek();
                return FailAt("unclosed comment", pos, line);
            }
            byte b = _src[_pos];
            if (b == ';' && Peek(1) == ')')
            {
                starts.Pop();
                _pos += 2;
            }
            else if (b == '(' && Peek(1) == ';')
            {
                starts.Push((_pos, _line));
                _pos += 2;
            }
            else if (b is (byte)'\n' or (byte)'\r')
            {
                SkipSpace();
            }
            else
            {
                int n = CharClass.Utf8Length(Src, _pos);
                if (n == 0) return Fail("malformed UTF-8 encoding", _pos);
                _pos += n;
            }
        }
        return true;
    }

    private bool SkipAnnotation() => new AnnotationScanner(this).Skip();

    private void Emit(TokenKind kind, int start, int length, int keyword = 0)
    {
        if (_count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[_count++] = new Token(kind, start, length, Line(_line), keyword);
    }

    private int Line(int line) => line + _firstLine - 1;

    private int Column(int offset, int line) => offset - _lineStarts[line - 1] + (line == 1 ? _firstColumn : 1);

    private bool Fail(string message, int at) => FailAt(message, at, _line);

    private bool FailAt(string message, int at, int line)
    {
        _error = message;
        if (_count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length + 1);
        _tokens[_count++] = new Token(TokenKind.Error, at, 0, Line(line));
        return false;
    }

    // Skips one annotation "(@id …)" including nested parentheses, strings and comments (§6.2.4).
    private readonly struct AnnotationScanner(Lexer lexer)
    {
        public bool Skip()
        {
            var l = lexer;
            int start = l._pos, line = l._line;
            if (!ReadId(out string? name)) return false;
            int depth = 1;
            while (depth > 0)
            {
                if (l._pos >= l._src.Length) return l.FailAt("unclosed annotation", start, line);
                byte b = l._src[l._pos];
                if (CharClass.IsSpace(b)) l.SkipSpace();
                else if (b == ';' && l.Peek(1) == ';') { if (!l.SkipLineComment()) return false; }
                else if (b == '(' && l.Peek(1) == ';') { if (!l.SkipBlockComment()) return false; }
                else if (b == '(' && l.Peek(1) == '@' && StartsId(l.Peek(2))) { if (!ReadId(out _)) return false; depth++; }
                else if (b == '(') { l._pos++; depth++; }
                else if (b == ')') { l._pos++; depth--; }
                else if (CharClass.IsReservedPunctuation(b)) l._pos++;
                else if (CharClass.IsIdChar(b) || b == '"') { if (!SkipRun()) return false; }
                else return l.Fail(CharClass.Utf8Length(l.Src, l._pos) > 0 ? "illegal character" : "malformed UTF-8 encoding", l._pos);
            }
            l._annotations.Add(new Annotation(name!, start, l._pos, l.Line(line), l.Column(start, line), l._count));
            return true;
        }

        // Inside an annotation, "(@" not followed by an id or a string is a plain parenthesis.
        private static bool StartsId(byte b) => CharClass.IsIdChar(b) || b == '"';

        // "(@" followed by idchars or a non-empty UTF-8 string.
        private bool ReadId(out string? name)
        {
            var l = lexer;
            name = null;
            int start = l._pos;
            int i = start + 2;
            if (i < l._src.Length && CharClass.IsIdChar(l._src[i]))
            {
                int end = i;
                while (end < l._src.Length && CharClass.IsIdChar(l._src[end])) end++;
                name = Encoding.UTF8.GetString(l._src, i, end - i);
                l._pos = end;
                return true;
            }
            int close = i < l._src.Length && l._src[i] == '"' ? StringLiteral.Scan(l.Src, i, out _, out _) : -1;
            if (close < 0) return l.Fail("empty annotation id", start);
            var bytes = StringLiteral.Decode(l.Src[i..close]);
            if (bytes.Length == 0) return l.Fail("empty annotation id", start);
            if (!CharClass.IsUtf8(bytes)) return l.Fail("malformed UTF-8 encoding", start);
            name = Encoding.UTF8.GetString(bytes);
            l._pos = close;
            return true;
        }

        private bool SkipRun()
        {
            var l = lexer;
            int start = l._pos;
            int end = l.ScanRun(start, out int strings, out string? error, out int errorAt);
            if (error is not null) return l.Fail(error, errorAt);
            l._pos = end;
            if (strings == 1 && l._src[start] == '$' && l._src[start + 1] == '"' && end - start == 3)
                return l.Fail("empty identifier", start);
            return true;
        }
    }
}
