using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

// Pass 3 of the module parser: element and data segments (§6.6.10, §6.6.12) with their abbreviations.
internal sealed partial class ModuleParser
{
    // (elem id? elemlist) | (elem id? declare elemlist) | (elem id? (table x)? offset elemlist)
    // | (elem id? offset funcidx*) — and, from the threads proposal's older syntax, (elem x offset …).
    private void Elem()
    {
        R.ExpectField(Kw.Elem);
        R.Accept(TokenKind.Id);
        SegmentMode mode;
        (RefType Type, List<EquatableArray<Instruction>> Items) list;
        if (R.Accept(Kw.Declare))
        {
            list = ElemList(bareIndices: false);
            mode = SegmentMode.Declarative;
        }
        else if (R.AtField(Kw.Table) || R.At(TokenKind.Nat))
        {
            bool legacy = R.At(TokenKind.Nat);
            uint table = TableUse();
            var offset = Offset();
            list = ElemList(bareIndices: legacy);
            mode = SegmentMode.Active(table, offset);
        }
        else if (R.At(TokenKind.LParen) && !types.AtRefType())
        {
            var offset = Offset();
            list = ElemList(bareIndices: true);
            mode = SegmentMode.Active(0, offset);
        }
        else
        {
            list = ElemList(bareIndices: false);
            mode = SegmentMode.Passive;
        }
        _m.Elements.Add(new ElementSegment(list.Type, list.Items.ToArray(), mode));
        R.Expect(TokenKind.RParen);
    }

    private uint TableUse()
    {
        if (R.At(TokenKind.Nat)) return c.Index(c.Tables);
        R.ExpectField(Kw.Table);
        uint table = c.Index(c.Tables);
        R.Expect(TokenKind.RParen);
        return table;
    }

    // elemlist: func funcidx* | reftype elemexpr*; or funcidx* alone where allowed.
    private (RefType, List<EquatableArray<Instruction>>) ElemList(bool bareIndices)
    {
        if (R.Accept(Kw.Func)) return (FuncElemType, FuncRefs());
        if (types.AtRefType())
        {
            var rt = types.RefType();
            return (rt, ElemExprs());
        }
        if (!bareIndices) throw R.Unexpected();
        return (FuncElemType, FuncRefs());
    }

    // funcidx* as the element expressions ref.func x.
    private List<EquatableArray<Instruction>> FuncRefs()
    {
        var items = new List<EquatableArray<Instruction>>();
        while (c.AtIndex) items.Add(new Instruction[] { new IndexInstruction(Opcode.RefFunc, c.Index(c.Funcs)) });
        return items;
    }

    // elemexpr*: (item expr) or a single folded instruction.
    private List<EquatableArray<Instruction>> ElemExprs()
    {
        var items = new List<EquatableArray<Instruction>>();
        while (R.At(TokenKind.LParen))
        {
            if (!R.AtField(Kw.Item))
            {
                items.Add(instrs.FoldedExpr());
                continue;
            }
            R.Advance();
            R.Advance();
            items.Add(instrs.ConstExpr());
            R.Expect(TokenKind.RParen);
        }
        return items;
    }

    // (offset expr), or a single folded instruction.
    private EquatableArray<Instruction> Offset()
    {
        if (!R.AtField(Kw.Offset)) return instrs.FoldedExpr();
        R.Advance();
        R.Advance();
        var expr = instrs.ConstExpr();
        R.Expect(TokenKind.RParen);
        return expr;
    }

    // (data id? string*) | (data id? (memory x)? offset string*) — and, from older syntax, (data x offset …).
    private void Data()
    {
        R.ExpectField(Kw.Data);
        R.Accept(TokenKind.Id);
        SegmentMode mode = SegmentMode.Passive;
        if (R.AtField(Kw.Memory) || R.At(TokenKind.Nat))
        {
            uint memory;
            if (R.At(TokenKind.Nat))
            {
                memory = c.Index(c.Memories);
            }
            else
            {
                R.ExpectField(Kw.Memory);
                memory = c.Index(c.Memories);
                R.Expect(TokenKind.RParen);
            }
            mode = SegmentMode.Active(memory, Offset());
        }
        else if (R.At(TokenKind.LParen))
        {
            mode = SegmentMode.Active(0, Offset());
        }
        _m.Datas.Add(new DataSegment(R.ReadStrings(), mode));
        R.Expect(TokenKind.RParen);
    }
}
