using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

internal sealed partial class CodeValidator
{
    // ---- §3.4.7 variable instructions ---------------------------------------------------

    private void LocalGet()
    {
        uint x = Index();
        var t = Local(x);
        if (!_localSet[x]) throw Fail("uninitialized local");
        Push(t, _localShown[x]);
    }

    private void LocalSet(bool tee)
    {
        uint x = Index();
        var t = Local(x);
        Pop1(t, _localShown[x]);
        if (tee) Push(t, _localShown[x]);
        MarkSet(x);
    }

    private void GlobalGet()
    {
        uint x = Index();
        Push(_c.Global(x, this).Type, _c.GlobalShown[x]);
    }

    private void GlobalSet()
    {
        uint x = Index();
        var g = _c.Global(x, this);
        if (!g.Mutable) throw Fail("immutable global");
        Pop1(g.Type, _c.GlobalShown[x]);
    }

    // ---- §3.4.8 table instructions ------------------------------------------------------

    private void TableGet()
    {
        uint x = Index();
        var t = _c.Table(x, this);
        Pop1(AddrVal(t.AddrType));
        Push(new ValType(t.ElemType), _c.TableShown[x]);
    }

    private void TableSet()
    {
        uint x = Index();
        var t = _c.Table(x, this);
        Pop([AddrVal(t.AddrType), new ValType(t.ElemType)], default, [_c.TableShown[x]]);
    }

    private void TableGrow()
    {
        uint x = Index();
        var t = _c.Table(x, this);
        var at = AddrVal(t.AddrType);
        Pop([new ValType(t.ElemType), at], default, [_c.TableShown[x]]);
        Push(at);
    }

    private void TableFill()
    {
        uint x = Index();
        var t = _c.Table(x, this);
        var at = AddrVal(t.AddrType);
        Pop([at, new ValType(t.ElemType), at], default, [_c.TableShown[x]]);
    }

    private void TableCopy()
    {
        var ii = Imm<IndexPairInstruction>();
        var dst = _c.Table(ii.X, this);
        var src = _c.Table(ii.Y, this);
        if (!Subtyping.Matches(src.ElemType, dst.ElemType))
        {
            throw Fail("type mismatch: source element type " + TypeText.Of(dst.ElemType, _c.TableShown[ii.X])
                + " does not match destination element type " + TypeText.Of(src.ElemType, _c.TableShown[ii.Y]));
        }
        Pop([AddrVal(dst.AddrType), AddrVal(src.AddrType), AddrVal(MinAddr(dst.AddrType, src.AddrType))]);
    }

    private void TableInit()
    {
        var ii = Imm<IndexPairInstruction>();
        var table = _c.Table(ii.X, this);
        var elem = _c.Elem(ii.Y, this);
        if (!Subtyping.Matches(elem, table.ElemType))
        {
            throw Fail("type mismatch: element segment's type " + TypeText.Of(table.ElemType, _c.TableShown[ii.X])
                + " does not match table's element type " + TypeText.Of(elem, ElemShown(ii.Y)));
        }
        Pop([AddrVal(table.AddrType), ValType.I32, ValType.I32]);
    }

    /// <summary>How element segment <paramref name="x"/>'s type is shown: by the index it was written with.</summary>
    private uint ElemShown(uint x) => TypeText.ShownOf(_c.Module.Elements[(int)x].Type);

    private static AddrType MinAddr(AddrType a, AddrType b) => a == AddrType.I32 || b == AddrType.I32 ? AddrType.I32 : AddrType.I64;

    // ---- §3.4.9 memory instructions -----------------------------------------------------

    private void MemoryFill()
    {
        var at = AddrVal(_c.Memory(Index(), this).AddrType);
        Pop([at, ValType.I32, at]);
    }

    private void MemoryCopy()
    {
        var ii = Imm<IndexPairInstruction>();
        var dst = _c.Memory(ii.X, this).AddrType;
        var src = _c.Memory(ii.Y, this).AddrType;
        Pop([AddrVal(dst), AddrVal(src), AddrVal(MinAddr(dst, src))]);
    }

    private void MemoryInit()
    {
        var ii = Imm<IndexPairInstruction>();
        var at = _c.Memory(ii.X, this).AddrType;
        _c.Data(ii.Y, this);
        Pop([AddrVal(at), ValType.I32, ValType.I32]);
    }

    // ---- §3.4.5 reference instructions --------------------------------------------------

    private void RefNull()
    {
        var heap = Imm<HeapTypeInstruction>().Heap;
        Push(Ref(true, _c.Canon(heap, this)), TypeText.ShownOf(heap));
    }

    private void RefFunc()
    {
        uint x = Index();
        var type = _c.Func(x, this);
        if (!_c.Declared[x]) throw Fail("undeclared function reference " + ModuleContext.Str(x));
        // Custom descriptors: a reference to a defined or exactly imported function is exact.
        Push(_c.InexactFuncs[x] ? Ref(false, type) : new ValType(new RefType(false, Allocated(type))));
    }

    private void RefIsNull()
    {
        var heap = PeekRef(0).Heap;
        Pop1(Ref(true, heap), PeekShown(0));
        Push(ValType.I32);
    }

    private void RefAsNonNull()
    {
        var heap = PeekRef(0).Heap;
        uint shown = PeekShown(0);
        Pop1(Ref(true, heap), shown);
        Push(Ref(false, heap), shown);
    }

    private void RefTest()
    {
        var rt = _c.Canon(Imm<RefTypeInstruction>().Type, this);
        Pop1(Ref(true, Subtyping.Top(rt.Heap)));
        Push(ValType.I32);
    }

    private void RefCast()
    {
        var type = Imm<RefTypeInstruction>().Type;
        var rt = _c.Canon(type, this);
        Pop1(Ref(true, Subtyping.Top(rt.Heap)));
        Push(new ValType(rt), TypeText.ShownOf(type));
    }

    /// <summary>§3.4.5 any.convert_extern / extern.convert_any: nullability carries over.</summary>
    private void ExternConvert(HeapKind from, HeapKind to)
    {
        bool nullable = PeekRef(0).Nullable;
        Pop1(Ref(nullable, from));
        Push(Ref(nullable, to));
    }
}
