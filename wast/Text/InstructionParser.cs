using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// Instructions of the text format (§6.5), plain and structured, flat and folded, into the
/// flat binary-order sequence of <see cref="Instruction"/>s: structured instructions are followed
/// by their body, <c>else</c> (only when the else branch is not empty) or the legacy handlers, and
/// an explicit <c>end</c>; the final <c>end</c> of a body is not stored.
/// </summary>
internal sealed partial class InstructionParser(ModuleContext c, TypeParser types)
{
    private static readonly Instruction[] Plain = OpcodeTable.All.Select(r => new Instruction(r.Op)).ToArray();

    /// <summary>See <see cref="WatParser.MaxNestingDepth"/>.</summary>
    public const int MaxDepth = 1000;

    private int _depth;

    private readonly List<Instruction> _out = [];
    // Per entry of _out: the index of the token where the instruction starts (its keyword, or the
    // "(" of its folded form); −1 for else, end and the legacy handlers, which are no instructions.
    private readonly List<int> _starts = [];
    private readonly List<string?> _labels = [];
    private IndexSpace _locals = new("local");

    private TokenReader R => c.R;

    /// <summary>
    /// A function body up to the closing parenthesis of the function (not consumed), and for each of
    /// its instructions the index of the token where it starts (−1 for <c>else</c>, <c>end</c> and the
    /// legacy handlers): a folded instruction starts at its "(", before its folded operands.
    /// </summary>
    public EquatableArray<Instruction> Body(IndexSpace locals, out int[] starts)
    {
        Reset(locals);
        _labels.Add(null);
        Instrs();
        starts = _starts.ToArray();
        return _out.ToArray();
    }

    /// <summary>A constant expression (§6.5.10 expr) up to a closing parenthesis (not consumed).</summary>
    public EquatableArray<Instruction> ConstExpr()
    {
        Reset(new IndexSpace("local"));
        Instrs();
        return _out.ToArray();
    }

    /// <summary>Exactly one folded instruction <c>( … )</c>, as in the <c>offset</c> and <c>item</c> abbreviations.</summary>
    public EquatableArray<Instruction> FoldedExpr()
    {
        Reset(new IndexSpace("local"));
        Folded();
        return _out.ToArray();
    }

    private void Reset(IndexSpace locals)
    {
        _depth = 0;
        _out.Clear();
        _starts.Clear();
        _labels.Clear();
        _locals = locals;
    }

    // instr* : stops before ')', a structural keyword (else, end, catch, catch_all, delegate),
    // or anything that is not an instruction; the caller decides whether that is an error.
    private void Instrs()
    {
        while (true)
        {
            ref readonly var t = ref R.Current;
            if (t.Kind == TokenKind.LParen && IsInstruction(R.Peek(1))) Folded();
            else if (IsInstruction(t)) Flat();
            else return;
        }
    }

    private static bool IsInstruction(in Token t) =>
        t.Kind == TokenKind.Keyword && t.Ops.Count > 0
        && t.Ops[0] is not (Opcode.Else or Opcode.End or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate);

    private void Flat()
    {
        int start = R.Position;
        var t = R.Advance();
        var op = t.Ops[0];
        if (op is Opcode.Block or Opcode.Loop or Opcode.If or Opcode.TryTable or Opcode.Try) Enter(t);
        switch (op)
        {
            case Opcode.Block or Opcode.Loop:
            {
                string? label = LabelDef();
                Add(new BlockInstruction(op, BlockType()), start);
                Push(label);
                Instrs();
                CloseFlat(label);
                break;
            }
            case Opcode.If:
            {
                string? label = LabelDef();
                Add(new BlockInstruction(op, BlockType()), start);
                Push(label);
                Instrs();
                if (R.Accept(Kw.Else))
                {
                    EndLabel(label);
                    ElseBranch();
                }
                CloseFlat(label);
                break;
            }
            case Opcode.TryTable:
            {
                string? label = LabelDef();
                var bt = BlockType();
                Add(new TryTableInstruction(bt, Catches()), start);
                Push(label);
                Instrs();
                CloseFlat(label);
                break;
            }
            case Opcode.Try:
                FlatTry(start);
                break;
            default:
                Add(Immediates(op, t), start);
                break;
        }
    }

    // end label? — closes a flat structured instruction.
    private void CloseFlat(string? label)
    {
        R.Expect(Kw.End);
        EndLabel(label);
        Pop();
        _depth--;
        Add(Plain[(int)Opcode.End]);
    }

    private void Add(Instruction instr, int start = -1)
    {
        _out.Add(instr);
        _starts.Add(start);
    }

    private void Enter(in Token at)
    {
        if (++_depth > MaxDepth) throw R.Error(at, "instructions nested too deeply");
    }

    // Legacy exception handling: try bt instr* (catch x instr*)* (catch_all instr*)? end | … delegate l.
    private void FlatTry(int start)
    {
        string? label = LabelDef();
        Add(new BlockInstruction(Opcode.Try, BlockType()), start);
        Push(label);
        Instrs();
        bool handlers = false;
        while (R.At(Kw.Catch))
        {
            R.Advance();
            Add(new IndexInstruction(Opcode.Catch, c.Index(c.Tags)));
            Instrs();
            handlers = true;
        }
        if (R.Accept(Kw.CatchAll))
        {
            Add(Plain[(int)Opcode.CatchAll]);
            Instrs();
        }
        else if (!handlers && R.Current.Kind == TokenKind.Keyword && R.Current.Ops is [Opcode.Delegate])
        {
            R.Advance();
            Pop();
            _depth--;
            Add(new IndexInstruction(Opcode.Delegate, Label()));
            return;
        }
        CloseFlat(label);
    }

    private void ElseBranch()
    {
        int at = _out.Count;
        Add(Plain[(int)Opcode.Else]);
        Instrs();
        if (_out.Count == at + 1)
        {
            _out.RemoveAt(at);
            _starts.RemoveAt(at);
        }
    }

    // ( instr ) — §6.5.9 folded instructions.
    private void Folded()
    {
        int start = R.Position;
        R.Expect(TokenKind.LParen);
        var t = R.Current;
        if (!IsInstruction(t)) throw R.Unexpected();
        R.Advance();
        Enter(t);
        var op = t.Ops[0];
        switch (op)
        {
            case Opcode.Block or Opcode.Loop:
            {
                string? label = LabelDef();
                Add(new BlockInstruction(op, BlockType()), start);
                Push(label);
                Instrs();
                CloseFolded();
                break;
            }
            case Opcode.If:
                FoldedIf(start);
                break;
            case Opcode.TryTable:
            {
                string? label = LabelDef();
                var bt = BlockType();
                Add(new TryTableInstruction(bt, Catches()), start);
                Push(label);
                Instrs();
                CloseFolded();
                break;
            }
            case Opcode.Try:
                FoldedTry(start);
                break;
            default:
            {
                var instr = Immediates(op, t);
                while (R.At(TokenKind.LParen)) Folded();
                R.Expect(TokenKind.RParen);
                Add(instr, start);
                break;
            }
        }
        _depth--;
    }

    private void CloseFolded()
    {
        Pop();
        R.Expect(TokenKind.RParen);
        Add(Plain[(int)Opcode.End]);
    }

    // (if label bt foldedinstr* (then instr*) (else instr*)?): the condition is outside the label's scope.
    private void FoldedIf(int start)
    {
        string? label = LabelDef();
        var bt = BlockType();
        while (R.At(TokenKind.LParen) && !R.AtField(Kw.Then)) Folded();
        R.ExpectField(Kw.Then);
        Add(new BlockInstruction(Opcode.If, bt), start);
        Push(label);
        Instrs();
        R.Expect(TokenKind.RParen);
        if (R.AtField(Kw.Else))
        {
            R.Advance();
            R.Advance();
            ElseBranch();
            R.Expect(TokenKind.RParen);
        }
        CloseFolded();
    }

    // Legacy: (try label bt (do instr*) (catch x instr*)* (catch_all instr*)?) | (try label bt (do instr*) (delegate l)).
    private void FoldedTry(int start)
    {
        string? label = LabelDef();
        var bt = BlockType();
        R.ExpectField(Kw.Do);
        Add(new BlockInstruction(Opcode.Try, bt), start);
        Push(label);
        Instrs();
        R.Expect(TokenKind.RParen);
        bool handlers = false;
        while (R.AtField(Kw.Catch))
        {
            R.Advance();
            R.Advance();
            Add(new IndexInstruction(Opcode.Catch, c.Index(c.Tags)));
            Instrs();
            R.Expect(TokenKind.RParen);
            handlers = true;
        }
        if (R.AtField(Kw.CatchAll))
        {
            R.Advance();
            R.Advance();
            Add(Plain[(int)Opcode.CatchAll]);
            Instrs();
            R.Expect(TokenKind.RParen);
        }
        else if (!handlers && R.At(TokenKind.LParen) && R.Peek(1).Kind == TokenKind.Keyword && R.Peek(1).Ops is [Opcode.Delegate])
        {
            R.Advance();
            R.Advance();
            Pop();
            Add(new IndexInstruction(Opcode.Delegate, Label()));
            R.Expect(TokenKind.RParen);
            R.Expect(TokenKind.RParen);
            return;
        }
        CloseFolded();
    }

    // try_table handlers: (catch x l) (catch_ref x l) (catch_all l) (catch_all_ref l); labels are
    // resolved outside the try_table's own label.
    private EquatableArray<Catch> Catches()
    {
        var catches = new List<Catch>();
        while (R.At(TokenKind.LParen))
        {
            CatchKind? kind = R.Peek(1).Kw switch
            {
                Kw.Catch => CatchKind.Catch,
                Kw.CatchRef => CatchKind.CatchRef,
                Kw.CatchAll => CatchKind.CatchAll,
                Kw.CatchAllRef => CatchKind.CatchAllRef,
                _ => null,
            };
            if (kind is null) break;
            R.Advance();
            R.Advance();
            uint tag = kind is CatchKind.Catch or CatchKind.CatchRef ? c.Index(c.Tags) : 0;
            catches.Add(new Catch(kind.Value, tag, Label()));
            R.Expect(TokenKind.RParen);
        }
        return catches.ToArray();
    }

    // §6.5.2 block types: a type use, abbreviated to nothing or a single result when possible.
    private BlockType BlockType()
    {
        var use = TypeUse.Parse(c, types, namedParams: false);
        if (use.IndexToken is not null) return Engine.Syntax.BlockType.Indexed(use.Resolve(c));
        if (!use.HasInline) return Engine.Syntax.BlockType.Empty;
        if (use.Params.Count == 0 && use.Results.Count == 1) return Engine.Syntax.BlockType.Of(use.Results[0]);
        return Engine.Syntax.BlockType.Indexed(c.InlineFuncType(use.Params, use.Results));
    }

    private string? LabelDef() => R.At(TokenKind.Id) ? R.IdName(R.Advance()) : null;

    // An identifier after end/else must repeat the block's label.
    private void EndLabel(string? label)
    {
        if (!R.At(TokenKind.Id)) return;
        var t = R.Advance();
        if (label is null || R.IdName(t) != label) c.Defer(t, "mismatching label");
    }

    private void Push(string? label) => _labels.Add(label);

    private void Pop() => _labels.RemoveAt(_labels.Count - 1);

    // A labelidx: a nat, or the innermost enclosing label with that identifier. (The spec
    // interpreter's message has two spaces before the identifier; it is kept as it words it.)
    private uint Label()
    {
        if (!c.AtIndex) throw R.Unexpected();
        var t = R.Advance();
        if (t.Kind == TokenKind.Nat) return c.Nat32(t);
        string name = R.IdName(t);
        for (int i = _labels.Count - 1; i >= 0; i--)
            if (_labels[i] == name) return (uint)(_labels.Count - 1 - i);
        c.Defer(t, "unknown label  " + IndexSpace.Show(name));
        return 0;
    }
}
