using System.Text;

namespace WasmConform.Wast.Text;

/// <summary>An annotation <c>(@id …)</c> (§6.2.4) the lexer skipped, with where it was.</summary>
/// <param name="Name">The annotation id, e.g. <c>custom</c>.</param>
/// <param name="Start">Byte offset of <c>(@</c>.</param>
/// <param name="End">Byte offset just past the closing parenthesis.</param>
/// <param name="Line">1-based line of <c>(@</c>.</param>
/// <param name="Column">1-based column of <c>(@</c>.</param>
/// <param name="TokenIndex">The index of the first token after the annotation.</param>
public sealed record Annotation(string Name, int Start, int End, int Line, int Column, int TokenIndex);

/// <summary>
/// The tokens of one source text, ending with <see cref="TokenKind.Eof"/> or, when the
/// text has a lexical error, with one <see cref="TokenKind.Error"/> token carrying it.
/// </summary>
public sealed class TokenList
{
    private readonly Token[] _tokens;

    private readonly List<int> _lineStarts;
    private readonly int _firstLine;
    private readonly int _firstColumn;

    internal TokenList(byte[] source, string file, Token[] tokens, int count, string? error, List<Annotation> annotations,
        List<int> lineStarts, int firstLine, int firstColumn)
    {
        Source = source;
        File = file;
        _tokens = tokens;
        Count = count;
        ErrorMessage = error;
        Annotations = annotations;
        _lineStarts = lineStarts;
        _firstLine = firstLine;
        _firstColumn = firstColumn;
    }

    /// <summary>The source bytes.</summary>
    public byte[] Source { get; }

    /// <summary>The name positions are reported against.</summary>
    public string File { get; }

    /// <summary>Number of tokens, the final <see cref="TokenKind.Eof"/> or <see cref="TokenKind.Error"/> included.</summary>
    public int Count { get; }

    /// <summary>The message of the final <see cref="TokenKind.Error"/> token, if there is one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The annotations skipped between tokens, in source order.</summary>
    public IReadOnlyList<Annotation> Annotations { get; }

    /// <summary>The token at <paramref name="index"/>; indices past the end give the final token.</summary>
    public ref readonly Token this[int index] => ref _tokens[Math.Min(index, Count - 1)];

    /// <summary>The 1-based column of <paramref name="token"/>, in bytes.</summary>
    public int ColumnOf(in Token token)
    {
        int line = token.Line - _firstLine;
        return token.Start - _lineStarts[line] + (line == 0 ? _firstColumn : 1);
    }

    /// <summary>The 1-based line and column of the byte at <paramref name="offset"/>.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        int index = _lineStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return (index + _firstLine, offset - _lineStarts[index] + (index == 0 ? _firstColumn : 1));
    }

    /// <summary>The bytes of <paramref name="token"/>.</summary>
    public ReadOnlySpan<byte> Bytes(in Token token) => Source.AsSpan(token.Start, token.Length);

    /// <summary>The text of <paramref name="token"/> (UTF-8 decoded, invalid bytes replaced).</summary>
    public string Text(in Token token) => Encoding.UTF8.GetString(Bytes(token));

    /// <summary>The error for <paramref name="message"/> at <paramref name="token"/>.</summary>
    public ParseException Error(in Token token, string message) => new(message, File, token.Line, ColumnOf(token));
}
