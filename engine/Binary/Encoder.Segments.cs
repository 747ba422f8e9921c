using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

// §5.5.12, §5.5.14 element and data segments, in their shortest forms.
public static partial class Encoder
{
    private static readonly RefType NonNullFuncRef = new(false, HeapType.Func);

    /// <summary>
    /// Forms 0-3 (function indices) when the type is <c>(ref func)</c> and every element is a
    /// single <c>ref.func</c>; else form 4 for an active <c>funcref</c> segment of table 0, else
    /// forms 5-7 with the reference type. Active segments of table 0 use the forms without a table index.
    /// </summary>
    private static void WriteElementSegment(WasmWriter w, ElementSegment seg)
    {
        bool indices = seg.Type == NonNullFuncRef && AllFunctionIndices(seg.Init);
        var mode = seg.Mode;
        bool tableZero = mode.Kind == SegmentModeKind.Active && mode.Index == 0;
        uint form = mode.Kind switch
        {
            SegmentModeKind.Passive => 1u,
            SegmentModeKind.Declarative => 3u,
            _ => tableZero && (indices || seg.Type == RefType.FuncRef) ? 0u : 2u,
        };
        if (!indices) form |= 4;
        w.WriteU32(form);
        if (mode.Kind == SegmentModeKind.Active)
        {
            if (!tableZero || form == 2 || form == 6) w.WriteU32(mode.Index);
            WriteExpr(w, mode.Offset);
        }
        if (form is 1 or 2 or 3) w.WriteByte(0x00);
        else if (form is 5 or 6 or 7) WriteRefType(w, seg.Type);
        w.WriteLength(seg.Init.Count);
        foreach (var init in seg.Init)
        {
            if (indices) w.WriteU32(((IndexInstruction)init[0]).Index);
            else WriteExpr(w, init);
        }
    }

    private static bool AllFunctionIndices(EquatableArray<EquatableArray<Instruction>> inits)
    {
        foreach (var init in inits)
            if (init.Count != 1 || init[0] is not IndexInstruction { Op: Opcode.RefFunc }) return false;
        return true;
    }

    /// <summary>Form 0 for an active segment of memory 0, 1 for passive, 2 for other memories.</summary>
    private static void WriteDataSegment(WasmWriter w, DataSegment seg)
    {
        var mode = seg.Mode;
        switch (mode.Kind)
        {
            case SegmentModeKind.Passive:
                w.WriteU32(1);
                break;
            case SegmentModeKind.Active when mode.Index == 0:
                w.WriteU32(0);
                WriteExpr(w, mode.Offset);
                break;
            case SegmentModeKind.Active:
                w.WriteU32(2);
                w.WriteU32(mode.Index);
                WriteExpr(w, mode.Offset);
                break;
            default:
                throw NotEncodable("a declarative data segment");
        }
        w.WriteLength(seg.Init.Count);
        w.WriteBytes(seg.Init.AsSpan());
    }
}
