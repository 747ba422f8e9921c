using System.Globalization;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// One instruction as plain text (§6.5): its mnemonic from <see cref="OpcodeTable"/> and its
/// immediates. Structured instructions give their opening line (<c>block (result i32)</c>);
/// the printer lays out bodies. An instruction whose record does not carry the immediates its
/// opcode needs prints as the bare mnemonic.
/// </summary>
/// <remarks>
/// Inside a function body, labels are numbered for the reader by nesting: the function's own
/// label is <c>@0</c>, a block at depth n is <c>@n</c>. A structured instruction shows its number
/// as <c>(;@n;)</c> and each label index is followed by the number of the block it targets
/// (<c>br 1 (;@2;)</c>). These are comments; the index is what counts.
/// </remarks>
internal static class InstructionText
{
    /// <summary>
    /// The text of <paramref name="instr"/>; functions are named through <paramref name="ctx"/>,
    /// locals through <paramref name="locals"/> (identifiers by local index, may be empty).
    /// <paramref name="depth"/> is the number of the innermost label the instruction's label
    /// indices count from (for a structured instruction and its <c>try_table</c> handlers, the
    /// label around it), or −1 outside function bodies (no label comments).
    /// </summary>
    public static string Format(Instruction instr, PrintContext ctx, IReadOnlyList<string?> locals, int depth = -1)
    {
        var info = OpcodeTable.Info(instr.Op);
        string name = info.Name;
        string opened = depth < 0 ? "" : $"(;@{depth + 1};)";
        return instr switch
        {
            BlockInstruction b => TypeText.Join(name, opened, TypeText.Block(b.Type)),
            TryTableInstruction t => TypeText.Join(name, opened, TypeText.Block(t.Type), Catches(t.Catches, depth)),
            IndexInstruction x when info.Immediate == ImmediateKind.Label => TypeText.Join(name, Label(x.Index, depth)),
            IndexInstruction x => TypeText.Join(name, Index(info.Immediate, x.Index, ctx, locals)),
            IndexPairInstruction p => TypeText.Join(name, Pair(info.Immediate, p)),
            BrTableInstruction t => TypeText.Join(name, string.Join(" ", t.Labels.Select(l => Label(l, depth))), Label(t.Default, depth)),
            MemoryInstruction m => TypeText.Join(name, MemArg(instr.Op, m.MemArg)),
            MemoryLaneInstruction m => TypeText.Join(name, MemArg(instr.Op, m.MemArg), Byte(m.Lane)),
            LaneInstruction l => TypeText.Join(name, Byte(l.Lane)),
            ShuffleInstruction s => TypeText.Join(name, string.Join(" ", s.Lanes.Select(Byte))),
            I32ConstInstruction c => $"{name} {ConstantText.I32(c.Value)}",
            I64ConstInstruction c => $"{name} {ConstantText.I64(c.Value)}",
            F32ConstInstruction c => $"{name} {ConstantText.F32(c.Bits)}",
            F64ConstInstruction c => $"{name} {ConstantText.F64(c.Bits)}",
            V128ConstInstruction c => $"{name} {ConstantText.V128(c.Low, c.High)}",
            // §6.5.4 typed select: (result t*), possibly empty, marks the 0x1C form.
            SelectInstruction s => TypeText.Join(name, "(result", string.Join(" ", s.Types.Select(TypeText.Val))) + ")",
            HeapTypeInstruction h => $"{name} {TypeText.Heap(h.Heap)}",
            RefTypeInstruction r => $"{name} {TypeText.Ref(r.Type)}",
            BrOnCastInstruction b => $"{name} {Label(b.Label, depth)} {TypeText.Ref(b.From)} {TypeText.Ref(b.To)}",
            _ => name,
        };
    }

    // A label index, with the number of the label it targets when that is known.
    private static string Label(uint index, int depth) =>
        depth >= 0 && index <= (uint)depth ? $"{PrintContext.Index(index)} (;@{depth - (int)index};)" : PrintContext.Index(index);

    // §6.5.1 try_table handlers: (catch x l) (catch_ref x l) (catch_all l) (catch_all_ref l); the
    // labels count from outside the try_table.
    private static string Catches(EquatableArray<Catch> catches, int depth) => string.Join(" ", catches.Select(c => c.Kind switch
    {
        CatchKind.Catch => $"(catch {PrintContext.Index(c.Tag)} {Label(c.Label, depth)})",
        CatchKind.CatchRef => $"(catch_ref {PrintContext.Index(c.Tag)} {Label(c.Label, depth)})",
        CatchKind.CatchAll => $"(catch_all {Label(c.Label, depth)})",
        _ => $"(catch_all_ref {Label(c.Label, depth)})",
    }));

    // A single index; memory index 0 is left implicit (§6.5.7 abbreviation).
    private static string Index(ImmediateKind kind, uint index, PrintContext ctx, IReadOnlyList<string?> locals) => kind switch
    {
        ImmediateKind.Func => ctx.Func(index),
        ImmediateKind.Local when index < (uint)locals.Count && locals[(int)index] is { } id => id,
        ImmediateKind.Memory when index == 0 => "",
        _ => PrintContext.Index(index),
    };

    // Two indices in the order of the text format, which is the abstract syntax's order (X, Y).
    private static string Pair(ImmediateKind kind, IndexPairInstruction p)
    {
        string x = PrintContext.Index(p.X), y = PrintContext.Index(p.Y);
        return kind switch
        {
            // §6.5.5 call_indirect x? (type y): table 0 is left implicit.
            ImmediateKind.CallIndirect => TypeText.Join(p.X == 0 ? "" : x, $"(type {y})"),
            // §6.5.7 memory.copy x? y?, memory.init x? y: memory 0 is left implicit.
            ImmediateKind.MemoryPair when p.X == 0 && p.Y == 0 => "",
            ImmediateKind.MemoryInit when p.X == 0 => y,
            _ => $"{x} {y}",
        };
    }

    // §6.5.7 memarg: memidx? offset=n? align=n?, each only when it differs from its default.
    private static string MemArg(Opcode op, MemArg arg)
    {
        string memory = arg.Memory == 0 ? "" : PrintContext.Index(arg.Memory);
        string offset = arg.Offset == 0 ? "" : "offset=" + arg.Offset.ToString(CultureInfo.InvariantCulture);
        string align = arg.Align == NaturalAlignment.Of(op) ? "" : "align=" + Power(arg.Align);
        return TypeText.Join(memory, offset, align);
    }

    // 2^n; exponents this large never validate, but they still print exactly.
    private static string Power(uint n) => n < 64
        ? (1UL << (int)n).ToString(CultureInfo.InvariantCulture)
        : $"2^{n}";

    private static string Byte(byte b) => b.ToString(CultureInfo.InvariantCulture);
}
