using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

// Pass 3 of the module parser: one method per module field (§6.6.2–§6.6.13) with its abbreviations.
internal sealed partial class ModuleParser
{
    private static readonly RefType FuncElemType = new(false, HeapType.Func);

    // (func id? (export n)* (import m n) typeuse) | (func id? (export n)* typeuse local* instr*)
    private void Func(FieldInfo f)
    {
        var open = R.ExpectField(Kw.Func);
        R.Accept(TokenKind.Id);
        InlineExports(ExternKind.Func, f.Index);
        if (R.AtField(Kw.Import))
        {
            _importedFuncFields.Add(f.Position);
            var (module, name) = InlineImport();
            var (type, exact) = ImportedFuncType();
            _m.Imports.Add(new Import(module, name, new ExternFunc(type, exact)));
            _m.Imported(open);
        }
        else
        {
            _m.Functions.Add(FunctionDefinition(out int[] starts));
            _bodies.Add(new BranchHintAnnotation.FunctionBody(f.Index, f.Position, f.End, starts));
            _m.Defined("function", open);
        }
        R.Expect(TokenKind.RParen);
    }

    private Function FunctionDefinition(out int[] starts)
    {
        var locals = new IndexSpace("local");
        var use = TypeUse.Parse(c, types, namedParams: true, paramNames: locals);
        uint type = use.Resolve(c);
        if (use.IndexToken is not null && !use.HasInline && type < c.SubTypes.Count && c.SubTypes[(int)type].Comp is FuncType ft)
            locals.Skip((uint)ft.Params.Count);
        var localTypes = new List<ValType>();
        while (R.AtField(Kw.Local))
        {
            R.Advance();
            R.Advance();
            if (R.At(TokenKind.Id))
            {
                c.Bind(locals, R.Advance());
                localTypes.Add(types.ValType());
            }
            else
            {
                int before = localTypes.Count;
                types.ValTypes(localTypes);
                locals.Skip((uint)(localTypes.Count - before));
            }
            R.Expect(TokenKind.RParen);
        }
        var body = instrs.Body(locals, out starts);
        return new Function(type, localTypes.ToArray(), body);
    }

    // Custom descriptors: an imported function's type use may be (exact typeuse).
    private (uint Type, bool Exact) ImportedFuncType()
    {
        if (!R.AtField(Kw.Exact)) return (TypeUse.Parse(c, types, namedParams: true).Resolve(c), false);
        R.Advance();
        R.Advance();
        uint type = TypeUse.Parse(c, types, namedParams: true).Resolve(c);
        R.Expect(TokenKind.RParen);
        return (type, true);
    }

    // (table id? (export n)* (import m n) tabletype) | (table id? (export n)* tabletype expr?)
    // | (table id? (export n)* addrtype? reftype (elem …)) — the last one defines an element segment too.
    private void Table(FieldInfo f)
    {
        var open = R.ExpectField(Kw.Table);
        R.Accept(TokenKind.Id);
        InlineExports(ExternKind.Table, f.Index);
        if (R.AtField(Kw.Import))
        {
            var (module, name) = InlineImport();
            _m.Imports.Add(new Import(module, name, new ExternTable(types.TableType())));
            _m.Imported(open);
            R.Expect(TokenKind.RParen);
            return;
        }
        var at = types.AddrType();
        if (types.AtRefType())
        {
            var rt = types.RefType();
            R.ExpectField(Kw.Elem);
            bool indices = c.AtIndex || R.At(TokenKind.RParen);
            var items = indices ? FuncRefs() : ElemExprs();
            R.Expect(TokenKind.RParen);
            ulong n = (ulong)items.Count;
            _m.Tables.Add(new Table(new TableType(at, new Limits(n, n), rt)));
            // Without reference types the segment is 1.0's list of function indices, as the binary format has it.
            var segmentType = indices && (R.Features & Engine.Features.ReferenceTypes) == 0 ? new RefType(false, HeapType.Func) : rt;
            _m.Elements.Add(new ElementSegment(segmentType, items.ToArray(), SegmentMode.Active(f.Index, ZeroOffset(at))));
        }
        else
        {
            var limits = types.Limits();
            var rt = types.RefType();
            EquatableArray<Instruction>? init = R.At(TokenKind.RParen) ? null : (EquatableArray<Instruction>?)instrs.ConstExpr();
            _m.Tables.Add(new Table(new TableType(at, limits, rt), init));
        }
        _m.Defined("table", open);
        R.Expect(TokenKind.RParen);
    }

    // (memory id? (export n)* (import m n) memtype) | (memory id? (export n)* memtype)
    // | (memory id? (export n)* addrtype? (pagesize n)? (data string*)) — the last one defines a data segment too.
    private void Memory(FieldInfo f)
    {
        var open = R.ExpectField(Kw.Memory);
        R.Accept(TokenKind.Id);
        InlineExports(ExternKind.Memory, f.Index);
        if (R.AtField(Kw.Import))
        {
            var (module, name) = InlineImport();
            _m.Imports.Add(new Import(module, name, new ExternMemory(types.MemType())));
            _m.Imported(open);
            R.Expect(TokenKind.RParen);
            return;
        }
        var at = types.AddrType();
        uint? pageSize = R.At(TokenKind.Nat) ? null : types.PageSize();
        if (pageSize is null && R.At(TokenKind.Nat))
        {
            _m.Memories.Add(new Memory(types.MemType(at)));
        }
        else
        {
            R.ExpectField(Kw.Data);
            var bytes = R.ReadStrings();
            R.Expect(TokenKind.RParen);
            ulong page = 1UL << (int)(pageSize ?? 16);
            ulong n = ((ulong)bytes.Length + page - 1) / page;
            _m.Memories.Add(new Memory(new MemType(at, new Limits(n, n), false, pageSize)));
            _m.Datas.Add(new DataSegment(bytes, SegmentMode.Active(f.Index, ZeroOffset(at))));
        }
        _m.Defined("memory", open);
        R.Expect(TokenKind.RParen);
    }

    // (global id? (export n)* (import m n) globaltype) | (global id? (export n)* globaltype expr)
    private void Global(FieldInfo f)
    {
        var open = R.ExpectField(Kw.Global);
        R.Accept(TokenKind.Id);
        InlineExports(ExternKind.Global, f.Index);
        if (R.AtField(Kw.Import))
        {
            var (module, name) = InlineImport();
            _m.Imports.Add(new Import(module, name, new ExternGlobal(types.GlobalType())));
            _m.Imported(open);
        }
        else
        {
            var type = types.GlobalType();
            _m.Globals.Add(new Global(type, instrs.ConstExpr()));
            _m.Defined("global", open);
        }
        R.Expect(TokenKind.RParen);
    }

    // (tag id? (export n)* (import m n)? typeuse)
    private void Tag(FieldInfo f)
    {
        var open = R.ExpectField(Kw.Tag);
        R.Accept(TokenKind.Id);
        InlineExports(ExternKind.Tag, f.Index);
        if (R.AtField(Kw.Import))
        {
            var (module, name) = InlineImport();
            var type = new TagType(TypeUse.Parse(c, types, namedParams: true).Resolve(c));
            _m.Imports.Add(new Import(module, name, new ExternTag(type)));
            _m.Imported(open);
        }
        else
        {
            _m.Tags.Add(new Tag(new TagType(TypeUse.Parse(c, types, namedParams: true).Resolve(c))));
            _m.Defined("tag", open);
        }
        R.Expect(TokenKind.RParen);
    }

    // (import "m" "n" externtype)
    private void Import()
    {
        var open = R.ExpectField(Kw.Import);
        string module = R.ReadName();
        string name = R.ReadName();
        R.Expect(TokenKind.LParen);
        var kind = R.Current;
        R.Advance();
        R.Accept(TokenKind.Id);
        ExternType type;
        switch (kind.Kw)
        {
            case Kw.Func:
                var (index, exact) = ImportedFuncType();
                type = new ExternFunc(index, exact);
                break;
            case Kw.Tag: type = new ExternTag(new TagType(TypeUse.Parse(c, types, namedParams: true).Resolve(c))); break;
            case Kw.Global: type = new ExternGlobal(types.GlobalType()); break;
            case Kw.Memory: type = new ExternMemory(types.MemType()); break;
            case Kw.Table: type = new ExternTable(types.TableType()); break;
            default: throw R.Unexpected(kind);
        }
        R.Expect(TokenKind.RParen);
        R.Expect(TokenKind.RParen);
        _m.Imports.Add(new Import(module, name, type));
        _m.Imported(open);
    }

    // (export "n" (kind idx))
    private void Export()
    {
        R.ExpectField(Kw.Export);
        string name = R.ReadName();
        R.Expect(TokenKind.LParen);
        var kind = R.Current;
        (ExternKind Kind, IndexSpace Space) target = kind.Kw switch
        {
            Kw.Func => (ExternKind.Func, c.Funcs),
            Kw.Table => (ExternKind.Table, c.Tables),
            Kw.Memory => (ExternKind.Memory, c.Memories),
            Kw.Global => (ExternKind.Global, c.Globals),
            Kw.Tag => (ExternKind.Tag, c.Tags),
            _ => throw R.Unexpected(kind),
        };
        R.Advance();
        _m.Exports.Add(new Export(name, target.Kind, c.Index(target.Space)));
        R.Expect(TokenKind.RParen);
        R.Expect(TokenKind.RParen);
    }

    // (start funcidx)
    private void Start()
    {
        var open = R.ExpectField(Kw.Start);
        _m.AddStart(c.Index(c.Funcs), open);
        R.Expect(TokenKind.RParen);
    }

    private void InlineExports(ExternKind kind, uint index)
    {
        while (R.AtField(Kw.Export))
        {
            R.Advance();
            R.Advance();
            _m.Exports.Add(new Export(R.ReadName(), kind, index));
            R.Expect(TokenKind.RParen);
        }
    }

    private (string Module, string Name) InlineImport()
    {
        R.ExpectField(Kw.Import);
        string module = R.ReadName();
        string name = R.ReadName();
        R.Expect(TokenKind.RParen);
        return (module, name);
    }

    // The offset of an inline segment: i32.const 0, or i64.const 0 for a 64-bit table or memory.
    private static EquatableArray<Instruction> ZeroOffset(AddrType at) =>
        at == AddrType.I64 ? [new I64ConstInstruction(0)] : [new I32ConstInstruction(0)];
}
