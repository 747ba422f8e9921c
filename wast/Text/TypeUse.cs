using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// A type use (§6.6.3): <c>(type x)? (param …)* (result …)*</c> as written, before it is
/// resolved to a type index.
/// </summary>
internal sealed class TypeUse
{
    /// <summary>The <c>x</c> of <c>(type x)</c>, if present.</summary>
    public Token? IndexToken { get; private set; }

    /// <summary>The type index <see cref="IndexToken"/> denotes.</summary>
    public uint Index { get; private set; }

    public List<ValType> Params { get; } = [];
    public List<ValType> Results { get; } = [];

    /// <summary>Whether inline parameters or results were written.</summary>
    public bool HasInline => Params.Count > 0 || Results.Count > 0;

    /// <summary>
    /// Parses a type use. Parameters may carry identifiers only when <paramref name="namedParams"/>;
    /// they are bound in <paramref name="paramNames"/> when that is given.
    /// </summary>
    public static TypeUse Parse(ModuleContext c, TypeParser types, bool namedParams, IndexSpace? paramNames = null)
    {
        var use = new TypeUse();
        var r = c.R;
        if (r.AtField(Kw.Type))
        {
            r.Advance();
            r.Advance();
            use.IndexToken = r.Current;
            use.Index = c.Index(c.Types);
            r.Expect(TokenKind.RParen);
        }
        if (namedParams)
        {
            types.FuncTypeFields(use.Params, use.Results, paramNames);
            return use;
        }
        while (r.AtField(Kw.Param))
        {
            r.Advance();
            r.Advance();
            types.ValTypes(use.Params);
            r.Expect(TokenKind.RParen);
        }
        types.Results(use.Results);
        return use;
    }

    /// <summary>
    /// The type index: the explicit one (whose function type must equal the inline parameters
    /// and results when those are written), or the implicit one (§6.6.3 abbreviation).
    /// </summary>
    public uint Resolve(ModuleContext c)
    {
        if (IndexToken is not { } token) return c.InlineFuncType(Params, Results);
        if (HasInline && c.FuncTypeAt(Index, token) is { } ft
            && !(ft.Params.AsSpan().SequenceEqual(Params.ToArray()) && ft.Results.AsSpan().SequenceEqual(Results.ToArray())))
            c.Defer(token, "inline function type does not match explicit type");
        return Index;
    }
}
