using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>Function bodies and constant expressions in the printer's chosen style.</summary>
internal static class BodyText
{
    /// <summary>
    /// Writes a function body: folded when the style asks for it and the body is well nested
    /// (and not too deep), else flat. <paramref name="returns"/> is the function's result count (−1 unknown).
    /// </summary>
    public static void Function(EquatableArray<Instruction> body, PrintContext ctx, IReadOnlyList<string?> locals, int returns, WatWriter w)
    {
        if (ctx.Style == WatStyle.Folded && BodyTree.Build(body) is { } nodes)
        {
            new FoldedWriter(ctx, locals, w, labels: true).Statements(new Folder(ctx, returns).FoldBody(nodes));
            return;
        }
        FlatWriter.Write(body, ctx, locals, w);
    }

    /// <summary>
    /// A constant expression (§6.5.10 expr) as parenthesised instructions, one string each: folded
    /// in the folded style, one per instruction in the flat style; <c>null</c> when it holds
    /// structured instructions (never valid in a constant expression), which only print flat.
    /// </summary>
    public static IReadOnlyList<string>? ConstItems(EquatableArray<Instruction> expr, PrintContext ctx)
    {
        if (expr.Any(IsStructural)) return null;
        if (ctx.Style == WatStyle.Flat)
            return expr.Select(i => "(" + InstructionText.Format(i, ctx, []) + ")").ToList();
        var nodes = expr.Select(i => (BodyNode)new PlainNode(i)).ToList();
        var writer = new FoldedWriter(ctx, [], new WatWriter(), labels: false);
        return new Folder(ctx, -1).Fold(nodes).Select(e => writer.OneLine([e])!).ToList();
    }

    /// <summary>A constant expression as the instruction sequence of a field (global, table initialiser).</summary>
    public static string Const(EquatableArray<Instruction> expr, PrintContext ctx) =>
        ConstItems(expr, ctx) is { } items
            ? string.Join(" ", items)
            : string.Join(" ", expr.Select(i => InstructionText.Format(i, ctx, [])));

    /// <summary>
    /// A constant expression where the text format wants <c>(keyword expr)</c> (<c>offset</c>, <c>item</c>):
    /// abbreviated to the folded instruction alone when there is exactly one (§6.6.12, §6.6.13).
    /// </summary>
    public static string Wrapped(string keyword, EquatableArray<Instruction> expr, PrintContext ctx) =>
        ConstItems(expr, ctx) is [var single] ? single : TypeText.Join("(" + keyword, Const(expr, ctx)) + ")";

    private static bool IsStructural(Instruction instr) =>
        BodyTree.IsOpener(instr.Op) || instr.Op is Opcode.Else or Opcode.End or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate;
}
