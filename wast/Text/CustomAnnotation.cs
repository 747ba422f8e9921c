using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// The <c>@custom</c> annotation (custom annotations appendix): <c>(@custom "name" place? "bytes"*)</c>
/// with <c>place ::= (before sec) | (after sec)</c> and <c>sec</c> one of the section kinds,
/// <c>first</c> or <c>last</c>; it denotes a custom section, by default after the last section.
/// Errors are the spec interpreter's "@custom annotation: …" messages.
/// </summary>
internal static class CustomAnnotation
{
    // Section kinds in binary order, with the binary section id of each.
    private static readonly (string Name, SectionId Id)[] Kinds =
    [
        ("type", SectionId.Type), ("import", SectionId.Import), ("func", SectionId.Function),
        ("table", SectionId.Table), ("memory", SectionId.Memory), ("tag", SectionId.Tag),
        ("global", SectionId.Global), ("export", SectionId.Export), ("start", SectionId.Start),
        ("elem", SectionId.Element), ("datacount", SectionId.DataCount), ("code", SectionId.Code),
        ("data", SectionId.Data),
    ];

    /// <summary>
    /// The custom section an annotation denotes, with a rank that orders sections by placement:
    /// <c>(before k)</c> just before <c>(after k-1)</c>… in binary order.
    /// </summary>
    public static (CustomSection Section, int Rank) Parse(TokenList source, Annotation annotation)
    {
        var items = Items(source, annotation);
        var r = new TokenReader(items);
        var at = (annotation.Line, annotation.Column);
        if (!r.At(TokenKind.String)) throw Error(source, at, "@custom annotation: missing section name");
        var nameBytes = r.ReadStringBytes();
        if (!CharClass.IsUtf8(nameBytes)) throw Error(source, at, "@custom annotation: malformed UTF-8 encoding");
        int rank = 2 * Kinds.Length + 1;
        if (r.At(TokenKind.LParen)) rank = Place(r, source);
        var content = r.ReadStrings();
        if (!r.At(TokenKind.Eof)) throw Error(source, Where(r), "@custom annotation: unexpected token");
        int slot = (rank - 1) / 2;
        var after = slot == 0 ? SectionId.Custom : Kinds[slot - 1].Id;
        return (new CustomSection(System.Text.Encoding.UTF8.GetString(nameBytes), content, after), rank);
    }

    // (before k) ranks 2i, (after k) ranks 2i+1, for k the i-th kind (1-based); "first" is type, "last" is data.
    private static int Place(TokenReader r, TokenList source)
    {
        var open = Where(r);
        r.Advance();
        string direction = r.At(TokenKind.Keyword) ? r.Text(r.Current) : "";
        if (direction is not ("before" or "after")) throw Error(source, open, "@custom annotation: malformed placement");
        r.Advance();
        string kind = r.At(TokenKind.Keyword) ? r.Text(r.Current) : "";
        int index = kind switch
        {
            "first" => 0,
            "last" => Kinds.Length - 1,
            _ => Array.FindIndex(Kinds, k => k.Name == kind),
        };
        if (index < 0) throw Error(source, open, "@custom annotation: malformed section kind");
        r.Advance();
        if (!r.At(TokenKind.RParen)) throw Error(source, Where(r), "@custom annotation: unexpected token");
        r.Advance();
        return 2 * (index + 1) + (direction == "after" ? 1 : 0);
    }

    /// <summary>The tokens of an annotation after its id, up to its closing parenthesis.</summary>
    public static TokenList Items(TokenList source, Annotation a)
    {
        var bytes = source.Source.AsSpan(a.Start, a.End - a.Start - 1);
        int i = 2;
        if (bytes[i] == '"') i = StringLiteral.Scan(bytes, i, out _, out _);
        else while (i < bytes.Length && CharClass.IsIdChar(bytes[i])) i++;
        var (line, column) = source.PositionOf(a.Start + i);
        return Lexer.Tokenize(bytes[i..].ToArray(), source.File, line, column);
    }

    private static (int, int) Where(TokenReader r) => (r.Current.Line, r.Tokens.ColumnOf(r.Current));

    private static ParseException Error(TokenList source, (int Line, int Column) at, string message) =>
        new(message, source.File, at.Line, at.Column);
}
