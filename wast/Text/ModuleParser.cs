using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// Module fields (§6.6) into a <see cref="Module"/>, in three passes over the tokens as the
/// spec's identifier contexts require: (1) bind the identifiers of every definition in its index
/// space, (2) define the types (so type uses can match them and field names are known), (3) read
/// every other field in order, resolving identifiers and appending implicit types.
/// </summary>
internal sealed partial class ModuleParser
{
    private readonly ModuleContext c;
    private readonly TypeParser types;
    private readonly InstructionParser instrs;
    private readonly List<FieldInfo> _fields = [];
    private readonly ModuleBuilder _m = new();
    private int _first;
    private int _end;
    private readonly HashSet<int> _importedFuncFields = [];
    private readonly List<BranchHintAnnotation.FunctionBody> _bodies = [];

    private ModuleParser(TokenReader reader)
    {
        c = new ModuleContext(reader);
        types = new TypeParser(c);
        instrs = new InstructionParser(c, types);
    }

    private TokenReader R => c.R;

    // Where a field starts, its keyword, the index it defines (for imports: in the imported
    // kind's space, Kind = Import and ImportKind set) and the index of an inline segment.
    // End is the index of the token after the field's closing parenthesis.
    private readonly record struct FieldInfo(int Position, Kw Kind, Kw ImportKind, uint Index, uint SegmentIndex, int End = 0);

    /// <summary>
    /// Reads module fields from the current token up to a token that cannot start one (the
    /// closing parenthesis of <c>(module …)</c>, or the end of input), which is left for the
    /// caller to check before it calls <see cref="Finish"/>.
    /// </summary>
    public static ModuleParser ReadFields(TokenReader reader)
    {
        var p = new ModuleParser(reader);
        int first = reader.Position;
        p.BindFields();
        p.DefineTypes();
        reader.Position = first;
        p.ParseFields();
        p._first = first;
        p._end = reader.Position;
        return p;
    }

    /// <summary>
    /// The module; throws the first error that was not a syntax error, if any, then the first
    /// error of a <c>@custom</c>, a <c>@metadata.code.branch_hint</c> or a <c>@name</c> annotation
    /// in the module (the order in which the spec interpreter runs its annotation handlers).
    /// </summary>
    public Module Finish()
    {
        _m.CheckOrder(c);
        c.ThrowDeferred();
        return _m.Build(c.RecTypes) with { Customs = Customs(), BranchHints = BranchHints(), Names = Names() };
    }

    // @metadata.code.branch_hint annotations between the module's first and last token.
    private EquatableArray<FunctionBranchHints> BranchHints()
    {
        var hints = R.Tokens.Annotations
            .Where(a => a.Name == BranchHintAnnotation.Id && a.TokenIndex >= _first && a.TokenIndex <= _end)
            .ToList();
        return hints.Count == 0 ? default : BranchHintAnnotation.Collect(R.Tokens, hints, _bodies);
    }

    // @name annotations between the module's first and last token, located among the fields.
    private NameSection? Names()
    {
        var named = new List<(Annotation, NameAnnotation.Place)>();
        foreach (var a in R.Tokens.Annotations)
        {
            if (a.Name != "name" || a.TokenIndex < _first || a.TokenIndex > _end) continue;
            int k = _fields.FindIndex(f => f.Position < a.TokenIndex && a.TokenIndex < f.End);
            bool before = _fields.Count == 0 || a.TokenIndex <= _fields[0].Position;
            if (k < 0)
            {
                named.Add((a, new NameAnnotation.Place(before, Kw.None, false, false, 0)));
                continue;
            }
            var f = _fields[k];
            int head = f.Position + 2 + (R.Tokens[f.Position + 2].Kind == TokenKind.Id ? 1 : 0);
            bool imported = f.Kind == Kw.Import || (f.Kind == Kw.Func && _importedFuncFields.Contains(f.Position));
            named.Add((a, new NameAnnotation.Place(false, f.Kind, a.TokenIndex == head, imported, f.Index)));
        }
        return named.Count == 0 ? null : NameAnnotation.Collect(R.Tokens, named);
    }

    // Custom annotations (appendix of the spec): the @custom annotations between the module's first and last token,
    // in placement order; one inside a field is misplaced.
    private EquatableArray<CustomSection> Customs()
    {
        var sections = new List<(CustomSection Section, int Rank)>();
        foreach (var a in R.Tokens.Annotations)
        {
            if (a.Name != "custom" || a.TokenIndex < _first || a.TokenIndex > _end) continue;
            var section = CustomAnnotation.Parse(R.Tokens, a);
            if (_fields.Exists(f => f.Position < a.TokenIndex && a.TokenIndex < f.End))
                throw new ParseException("misplaced @custom annotation", R.Tokens.File, a.Line, a.Column);
            sections.Add(section);
        }
        return sections.OrderBy(s => s.Rank).Select(s => s.Section).ToArray();
    }

    // Pass 1: identifiers of definitions, imports and inline segments.
    private void BindFields()
    {
        while (R.At(TokenKind.LParen))
        {
            int at = R.Position;
            var kw = R.Peek(1).Kw;
            switch (kw)
            {
                case Kw.Type:
                    _fields.Add(new FieldInfo(at, kw, Kw.None, c.Bind(c.Types, R.Peek(2)), 0));
                    break;
                case Kw.Rec:
                    _fields.Add(new FieldInfo(at, kw, Kw.None, c.Types.Count, 0));
                    BindRecTypes();
                    R.Position = at;
                    break;
                case Kw.Func or Kw.Table or Kw.Memory or Kw.Global or Kw.Tag:
                {
                    uint index = c.Bind(SpaceOf(kw), R.Peek(2));
                    uint segment = 0;
                    if (kw == Kw.Table && HasChild(Kw.Elem)) segment = c.Bind(c.Elems, default);
                    if (kw == Kw.Memory && HasChild(Kw.Data)) segment = c.Bind(c.Datas, default);
                    _fields.Add(new FieldInfo(at, kw, Kw.None, index, segment));
                    break;
                }
                case Kw.Import:
                {
                    var importKind = R.Peek(2).Kind == TokenKind.String && R.Peek(3).Kind == TokenKind.String
                        && R.Peek(4).Kind == TokenKind.LParen ? R.Peek(5).Kw : Kw.None;
                    uint index = importKind is Kw.Func or Kw.Table or Kw.Memory or Kw.Global or Kw.Tag
                        ? c.Bind(SpaceOf(importKind), R.Peek(6)) : 0;
                    _fields.Add(new FieldInfo(at, kw, importKind, index, 0));
                    break;
                }
                case Kw.Elem:
                    _fields.Add(new FieldInfo(at, kw, Kw.None, c.Bind(c.Elems, R.Peek(2)), 0));
                    break;
                case Kw.Data:
                    _fields.Add(new FieldInfo(at, kw, Kw.None, c.Bind(c.Datas, R.Peek(2)), 0));
                    break;
                case Kw.Export or Kw.Start:
                    _fields.Add(new FieldInfo(at, kw, Kw.None, 0, 0));
                    break;
                default:
                    return;
            }
            bool closed = R.SkipGroup();
            _fields[^1] = _fields[^1] with { End = R.Position };
            if (!closed) return;
        }
    }

    private void BindRecTypes()
    {
        R.Advance();
        R.Advance();
        while (R.AtField(Kw.Type))
        {
            c.Bind(c.Types, R.Peek(2));
            if (!R.SkipGroup()) return;
        }
    }

    // Whether the field at the current "(" has a direct child "(kw …)".
    private bool HasChild(Kw kw)
    {
        int save = R.Position;
        R.Advance();
        R.Advance();
        bool found = false;
        while (!found && !R.At(TokenKind.RParen) && !R.At(TokenKind.Eof) && !R.At(TokenKind.Error))
        {
            if (R.AtField(kw)) found = true;
            else if (R.At(TokenKind.LParen)) { if (!R.SkipGroup()) break; }
            else R.Advance();
        }
        R.Position = save;
        return found;
    }

    private IndexSpace SpaceOf(Kw kw) => kw switch
    {
        Kw.Func => c.Funcs,
        Kw.Table => c.Tables,
        Kw.Memory => c.Memories,
        Kw.Global => c.Globals,
        _ => c.Tags,
    };

    // Pass 2: type definitions, in order.
    private void DefineTypes()
    {
        foreach (var f in _fields)
        {
            if (f.Kind is not (Kw.Type or Kw.Rec)) continue;
            R.Position = f.Position;
            if (f.Kind == Kw.Type)
            {
                c.DefineRecType(RecType.Single(TypeDef((uint)c.SubTypes.Count)));
                continue;
            }
            R.ExpectField(Kw.Rec);
            var group = new List<SubType>();
            uint next = (uint)c.SubTypes.Count;
            while (R.AtField(Kw.Type)) group.Add(TypeDef(next++));
            R.Expect(TokenKind.RParen);
            c.DefineRecType(new RecType(group.ToArray()));
        }
    }

    // (type id? subtype)
    private SubType TypeDef(uint index)
    {
        R.ExpectField(Kw.Type);
        R.Accept(TokenKind.Id);
        var sub = types.SubType(index);
        R.Expect(TokenKind.RParen);
        return sub;
    }

    // Pass 3: every field in order.
    private void ParseFields()
    {
        int k = 0;
        while (R.At(TokenKind.LParen))
        {
            if (k >= _fields.Count || _fields[k].Position != R.Position) throw R.Unexpected(R.Peek(1));
            var f = _fields[k++];
            switch (f.Kind)
            {
                case Kw.Type or Kw.Rec: R.SkipGroup(); break;
                case Kw.Func: Func(f); break;
                case Kw.Table: Table(f); break;
                case Kw.Memory: Memory(f); break;
                case Kw.Global: Global(f); break;
                case Kw.Tag: Tag(f); break;
                case Kw.Import: Import(); break;
                case Kw.Export: Export(); break;
                case Kw.Start: Start(); break;
                case Kw.Elem: Elem(); break;
                case Kw.Data: Data(); break;
            }
        }
    }
}
