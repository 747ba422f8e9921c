using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// The flat layout (§6.5): one instruction per line in binary order, indented by block depth,
/// with <c>else</c>, <c>catch</c>, <c>catch_all</c>, <c>delegate</c> and <c>end</c> at the depth of
/// the instruction they belong to. Works for any sequence, well nested or not. Labels are
/// numbered by depth in comments (see <see cref="InstructionText"/>).
/// </summary>
internal static class FlatWriter
{
    /// <summary>Writes <paramref name="instrs"/> at the writer's current indentation, and restores it.</summary>
    public static void Write(EquatableArray<Instruction> instrs, PrintContext ctx, IReadOnlyList<string?> locals, WatWriter w)
    {
        int depth = 0;
        foreach (var instr in instrs)
        {
            switch (instr.Op)
            {
                // delegate's label counts from outside the try it closes.
                case Opcode.End or Opcode.Delegate:
                    if (depth > 0)
                    {
                        depth--;
                        w.Dedent();
                    }
                    w.Line(InstructionText.Format(instr, ctx, locals, depth));
                    break;
                case Opcode.Else or Opcode.Catch or Opcode.CatchAll when depth > 0:
                    w.Dedent();
                    w.Line(InstructionText.Format(instr, ctx, locals, depth));
                    w.Indent();
                    break;
                default:
                    w.Line(InstructionText.Format(instr, ctx, locals, depth));
                    if (BodyTree.IsOpener(instr.Op))
                    {
                        depth++;
                        w.Indent();
                    }
                    break;
            }
        }
        for (; depth > 0; depth--) w.Dedent();
    }
}
