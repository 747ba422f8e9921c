using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>Element and data segments (§6.6.13, §6.6.14) and custom sections (custom annotations appendix).</summary>
internal static class SegmentFields
{
    /// <summary>
    /// <c>(elem (;n;) mode? elemlist)</c>: passive with no mode, <c>declare</c>, or active with
    /// <c>(table x)</c> (left out for table 0) and its offset. A segment of type <c>(ref func)</c>
    /// whose items are all a single <c>ref.func</c> is written <c>func x*</c>; any other as its
    /// reference type and one expression per item.
    /// </summary>
    public static void Elements(PrintContext ctx, WatWriter w)
    {
        int index = 0;
        foreach (var segment in ctx.Module.Elements)
        {
            var head = new List<string> { "(elem", PrintContext.IndexComment(index++) };
            head.AddRange(Mode(segment.Mode, "table", ctx));
            var items = new List<string>();
            if (FuncIndices(segment) is { } funcs)
            {
                head.Add("func");
                items.AddRange(funcs.Select(ctx.Func));
            }
            else
            {
                head.Add(TypeText.Ref(segment.Type));
                items.AddRange(segment.Init.Select(init => BodyText.Wrapped("item", init, ctx)));
            }
            List(w, TypeText.Join([.. head]), items);
        }
    }

    // The function indices of a (ref func) segment whose every item is exactly ref.func x, else null.
    private static List<uint>? FuncIndices(ElementSegment segment)
    {
        if (segment.Type != new RefType(false, HeapType.Func)) return null;
        var funcs = new List<uint>();
        foreach (var init in segment.Init)
        {
            if (init is not [IndexInstruction { Op: Opcode.RefFunc } refFunc]) return null;
            funcs.Add(refFunc.Index);
        }
        return funcs;
    }

    /// <summary><c>(data (;n;) mode? "bytes"*)</c>, active segments with <c>(memory x)</c> (left out for memory 0) and their offset.</summary>
    public static void Datas(PrintContext ctx, WatWriter w)
    {
        int index = 0;
        foreach (var segment in ctx.Module.Datas)
        {
            var head = new List<string> { "(data", PrintContext.IndexComment(index++) };
            head.AddRange(Mode(segment.Mode, "memory", ctx));
            List(w, TypeText.Join([.. head]), ConstantText.Strings(segment.Init.ToArray()));
        }
    }

    // The mode words of a segment: nothing (passive), "declare", or "(table x)"/"(memory x)" and the offset.
    private static IEnumerable<string> Mode(SegmentMode mode, string space, PrintContext ctx) => mode.Kind switch
    {
        SegmentModeKind.Declarative => ["declare"],
        SegmentModeKind.Active =>
        [
            mode.Index == 0 ? "" : $"({space} {PrintContext.Index(mode.Index)})",
            BodyText.Wrapped("offset", mode.Offset, ctx),
        ],
        _ => [],
    };

    /// <summary>
    /// <c>(@custom "name" (after section) "bytes"*)</c> for every custom section, in order; a section
    /// that precedes all others is placed <c>(before first)</c>.
    /// </summary>
    public static void Customs(PrintContext ctx, WatWriter w)
    {
        foreach (var custom in ctx.Module.Customs)
        {
            string head = $"(@custom {ConstantText.Name(custom.Name)} {Placement(custom.After)}";
            List(w, head, ConstantText.Strings(custom.Content.ToArray()));
        }
    }

    private static string Placement(SectionId after) => after switch
    {
        SectionId.Custom => "(before first)",
        SectionId.Type => "(after type)",
        SectionId.Import => "(after import)",
        SectionId.Function => "(after func)",
        SectionId.Table => "(after table)",
        SectionId.Memory => "(after memory)",
        SectionId.Global => "(after global)",
        SectionId.Export => "(after export)",
        SectionId.Start => "(after start)",
        SectionId.Element => "(after elem)",
        SectionId.Code => "(after code)",
        SectionId.Data => "(after data)",
        SectionId.DataCount => "(after datacount)",
        SectionId.Tag => "(after tag)",
        _ => "(after last)",
    };

    // head item* ) on one line when it fits, else head alone and the items filled into indented lines.
    private static void List(WatWriter w, string head, IEnumerable<string> items)
    {
        var all = items.ToList();
        string oneLine = TypeText.Join([head, .. all]) + ")";
        if (w.Column + oneLine.Length <= WatWriter.Width)
        {
            w.Line(oneLine);
            return;
        }
        w.Line(head);
        w.Indent();
        var line = new System.Text.StringBuilder();
        foreach (var item in all)
        {
            if (line.Length > 0 && w.Column + line.Length + 1 + item.Length > WatWriter.Width)
            {
                w.Line(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(item);
        }
        if (line.Length > 0) w.Line(line.ToString());
        w.Dedent();
        w.Close();
    }
}
