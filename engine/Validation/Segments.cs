using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>§3.5.8–3.5.9 data and element segments.</summary>
internal static class Segments
{
    /// <summary>Data segments: an active one names a memory and has an offset of its address type.</summary>
    public static void CheckDatas(ModuleContext c, CodeValidator code)
    {
        var datas = c.Module.Datas;
        for (int i = 0; i < datas.Count; i++)
        {
            var where = new Place("data", (uint)i);
            var mode = datas[i].Mode;
            switch (mode.Kind)
            {
                case SegmentModeKind.Active:
                    var mem = c.Memory(mode.Index, c.At("data", (uint)i));
                    code.ValidateConst(mode.Offset, mem.AddrType == AddrType.I64 ? ValType.I64 : ValType.I32, TypeText.Structural, where);
                    break;
                case SegmentModeKind.Declarative:
                    throw c.At("data", (uint)i).Fail("malformed data segment mode");
            }
            c.DataCount++;
        }
    }

    /// <summary>
    /// Element segments: a valid element type, initialisers of that type, and for an active
    /// segment a table whose element type it matches, with an offset of the table's address type.
    /// </summary>
    public static void CheckElems(ModuleContext c, CodeValidator code)
    {
        var elems = c.Module.Elements;
        for (int i = 0; i < elems.Count; i++)
        {
            var where = new Place("elem", (uint)i);
            var site = c.At("elem", (uint)i);
            var seg = elems[i];
            var rt = c.Canon(seg.Type, site);
            uint shown = TypeText.ShownOf(seg.Type);
            for (int j = 0; j < seg.Init.Count; j++)
                code.ValidateConst(seg.Init[j], new ValType(rt), shown, where with { Item = (uint)j });
            if (seg.Mode.Kind == SegmentModeKind.Active)
            {
                site = c.At("elem", (uint)i);
                var table = c.Table(seg.Mode.Index, site);
                if (!Subtyping.Matches(rt, table.ElemType))
                {
                    throw site.Fail("type mismatch: element segment's type " + TypeText.Of(rt, shown)
                        + " does not match table's element type " + TypeText.Of(table.ElemType, c.TableShown[seg.Mode.Index]));
                }
                code.ValidateConst(seg.Mode.Offset, table.AddrType == AddrType.I64 ? ValType.I64 : ValType.I32, TypeText.Structural, where);
            }
            c.Elems[c.ElemCount++] = rt;
        }
    }
}
