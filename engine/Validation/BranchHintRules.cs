using System.Globalization;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// Branch hinting (custom sections appendix, code metadata): the checks the spec interpreter makes
/// on the <c>metadata.code.branch_hint</c> section after the module itself has validated, with its
/// messages. Only with <see cref="Features.BranchHinting"/>: custom sections otherwise never make
/// a module invalid.
/// </summary>
internal static class BranchHintRules
{
    private const string Prefix = "@metadata.code.branch_hint annotation: ";

    /// <summary>
    /// Each hint must name an <c>if</c> or <c>br_if</c> of a defined function ("invalid target"), and
    /// the hints of a function must come in increasing instruction order ("invalid order").
    /// </summary>
    /// <exception cref="InvalidException">A hint breaks a rule.</exception>
    public static void Check(ModuleContext c)
    {
        var module = c.Module;
        int imported = c.FuncCount - module.Functions.Count;
        foreach (var entry in module.BranchHints)
        {
            long defined = (long)entry.Function - imported;
            if (defined < 0 || defined >= module.Functions.Count)
                throw c.At("func", entry.Function).Fail(Prefix + "not in a function");
            var body = module.Functions[(int)defined].Body;
            int previous = -1;
            foreach (var hint in entry.Hints)
            {
                bool branch = (uint)hint.Instruction < (uint)body.Count && body[hint.Instruction].Op is Opcode.If or Opcode.BrIf;
                if (!branch) throw Fail(entry.Function, hint.Instruction, "invalid target");
                if (hint.Instruction <= previous) throw Fail(entry.Function, hint.Instruction, "invalid order");
                previous = hint.Instruction;
            }
        }
    }

    private static InvalidException Fail(uint function, int instruction, string what) =>
        new(Prefix + what, string.Create(CultureInfo.InvariantCulture, $"func {function}, instruction {instruction}"));
}
