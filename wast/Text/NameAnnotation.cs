using System.Text;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// The <c>@name</c> annotation (name section appendix): <c>(@name "…")</c> right after
/// <c>module</c> names the module, right after <c>func id?</c> names the function. Tag names are
/// accepted but have no place in <see cref="NameSection"/>; type, field and local names are not
/// supported (as in the spec interpreter). Errors are the spec interpreter's messages.
/// </summary>
internal static class NameAnnotation
{
    /// <summary>Where an annotation stands: before all fields, or in a field that starts at a token.</summary>
    public readonly record struct Place(bool BeforeFields, Kw FieldKind, bool AtFieldHead, bool ImportedFunc, uint Index);

    /// <summary>The name an <c>@name</c> annotation gives.</summary>
    public static string Parse(TokenList source, Annotation annotation)
    {
        var r = new TokenReader(CustomAnnotation.Items(source, annotation));
        if (!r.At(TokenKind.String)) throw Error(source, annotation, "@name annotation: string expected");
        var bytes = r.ReadStringBytes();
        if (!CharClass.IsUtf8(bytes)) throw Error(source, annotation, "malformed UTF-8 encoding");
        if (!r.At(TokenKind.Eof)) throw r.Error(r.Current, "@name annotation: unexpected token");
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Collects the names of the annotations at their places into a name section.</summary>
    public static NameSection Collect(TokenList source, IEnumerable<(Annotation Annotation, Place Place)> annotations)
    {
        string? module = null;
        var functions = new SortedDictionary<uint, string>();
        foreach (var (a, place) in annotations)
        {
            string name = Parse(source, a);
            if (place.BeforeFields)
            {
                if (module is not null) throw Error(source, a, "@name annotation: multiple module names");
                module = name;
            }
            else if (place.FieldKind == Kw.Func && !place.ImportedFunc)
            {
                if (!place.AtFieldHead) throw Error(source, a, "@name annotation: misplaced annotation");
                if (!functions.TryAdd(place.Index, name)) throw Error(source, a, "@name annotation: multiple function names");
            }
            else if (place.FieldKind is Kw.Type or Kw.Rec)
            {
                throw Error(source, a, "@name annotation: type and field names not yet supported");
            }
            else if (place.FieldKind != Kw.Tag)
            {
                throw Error(source, a, "misplaced @name annotation");
            }
        }
        return new NameSection(module, functions.Select(p => new NameAssoc(p.Key, p.Value)).ToArray(), []);
    }

    private static ParseException Error(TokenList source, Annotation a, string message) => new(message, source.File, a.Line, a.Column);
}
