using System.Text;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// The WebAssembly text format (§6) to <see cref="Module"/>: <c>(module id? field*)</c>, or the
/// fields alone (§6.6.14 abbreviation). Every abbreviation of the spec is expanded; implicit
/// function types are appended after the explicit ones; the proposals the suite tests beyond
/// 3.0 (threads, wide arithmetic, custom page sizes, custom descriptors, legacy exceptions) parse too.
/// </summary>
/// <remarks>
/// Throws <see cref="ParseException"/> with the spec interpreter's message for malformed text.
/// The result is what the spec interpreter's parser produces: a table without an initialiser has
/// <see cref="Table.Init"/> null, an empty <c>else</c> branch is dropped, the data count is left
/// empty, and the annotations the spec interpreter knows give <see cref="Module.Customs"/>
/// (<c>@custom</c>), <see cref="Module.BranchHints"/> (<c>@metadata.code.branch_hint</c>) and
/// <see cref="Module.Names"/> (<c>@name</c>).
/// </remarks>
public static class WatParser
{
    /// <summary>
    /// The deepest nesting of folded and structured instructions accepted; deeper text fails with
    /// "instructions nested too deeply" rather than exhausting the stack (the suite nests under 50).
    /// </summary>
    public const int MaxNestingDepth = InstructionParser.MaxDepth;

    /// <summary>Parses the module in <paramref name="source"/>; positions are reported against <paramref name="file"/>.</summary>
    public static Module ParseModule(byte[] source, string file = "string") => ParseModule(Lexer.Tokenize(source, file));

    /// <summary>Parses the module in <paramref name="source"/> (UTF-8 encoded).</summary>
    public static Module ParseModule(string source, string file = "string") => ParseModule(Encoding.UTF8.GetBytes(source), file);

    /// <summary>Parses the module that is all of <paramref name="tokens"/>, in the text format of <paramref name="features"/>.</summary>
    public static Module ParseModule(TokenList tokens, Engine.Features features = Engine.FeatureSets.All)
    {
        var reader = new TokenReader(tokens) { Features = features };
        var module = ReadModule(reader, out _);
        return module;
    }

    /// <summary>
    /// Reads <c>(module id? field*)</c> or bare fields from the current token to the end of input,
    /// returning the module and its identifier (without <c>$</c>).
    /// </summary>
    internal static Module ReadModule(TokenReader reader, out string? id)
    {
        id = null;
        if (reader.AtField(Kw.Module))
        {
            reader.Advance();
            reader.Advance();
            if (reader.At(TokenKind.Id)) id = reader.IdName(reader.Advance());
            var fields = ModuleParser.ReadFields(reader);
            reader.Expect(TokenKind.RParen);
            reader.Expect(TokenKind.Eof);
            return fields.Finish();
        }
        var inline = ModuleParser.ReadFields(reader);
        reader.Expect(TokenKind.Eof);
        return inline.Finish();
    }
}
