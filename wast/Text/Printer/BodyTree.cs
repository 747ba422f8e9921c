using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>A node of a structured instruction sequence: a plain instruction or a block with its body.</summary>
internal abstract record BodyNode;

/// <summary>An instruction that is not structured.</summary>
internal sealed record PlainNode(Instruction Instr) : BodyNode;

/// <summary>
/// A structured instruction (§2.4.8: <c>block</c>, <c>loop</c>, <c>if</c>, <c>try_table</c>, legacy <c>try</c>):
/// the opening instruction, its body, the clauses that follow (<c>else</c>, or legacy
/// <c>catch x</c>/<c>catch_all</c>), and the legacy <c>delegate l</c> that closes it instead of <c>end</c>.
/// </summary>
internal sealed record BlockNode(Instruction Opener, List<BodyNode> Body, List<BlockClause> Clauses, Instruction? Delegate) : BodyNode;

/// <summary>A clause of a structured instruction: its marker (<c>else</c>, <c>catch x</c>, <c>catch_all</c>) and body.</summary>
internal sealed record BlockClause(Instruction Marker, List<BodyNode> Body);

/// <summary>
/// Rebuilds the nesting of a flat instruction sequence (binary order, explicit <c>else</c>/<c>end</c>,
/// final <c>end</c> implicit) for the folded layout.
/// </summary>
internal static class BodyTree
{
    /// <summary>Nesting deeper than this is printed flat: the folded layout recurses once per level.</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// The nodes of <paramref name="instrs"/>, or <c>null</c> when the sequence is not well nested
    /// (an <c>end</c>, <c>else</c>, <c>catch</c> or <c>delegate</c> out of place, a block left open,
    /// or nesting deeper than <see cref="MaxDepth"/>).
    /// </summary>
    public static List<BodyNode>? Build(EquatableArray<Instruction> instrs)
    {
        var top = new List<BodyNode>();
        var open = new Stack<(Instruction Opener, List<BodyNode> Body, List<BlockClause> Clauses, List<BodyNode> Outer)>();
        var current = top;
        foreach (var instr in instrs)
        {
            var op = instr.Op;
            if (IsOpener(op))
            {
                if (open.Count == MaxDepth) return null;
                var body = new List<BodyNode>();
                open.Push((instr, body, [], current));
                current = body;
                continue;
            }
            if (op is not (Opcode.Else or Opcode.Catch or Opcode.CatchAll or Opcode.End or Opcode.Delegate))
            {
                current.Add(new PlainNode(instr));
                continue;
            }
            if (open.Count == 0 || !Fits(open.Peek().Opener.Op, open.Peek().Clauses, op)) return null;
            if (op is Opcode.Else or Opcode.Catch or Opcode.CatchAll)
            {
                var clause = new BlockClause(instr, []);
                open.Peek().Clauses.Add(clause);
                current = clause.Body;
                continue;
            }
            var (opener, blockBody, clauses, outer) = open.Pop();
            outer.Add(new BlockNode(opener, blockBody, clauses, op == Opcode.Delegate ? instr : null));
            current = outer;
        }
        return open.Count == 0 ? top : null;
    }

    /// <summary>Whether <paramref name="op"/> opens a block that a later <c>end</c> (or <c>delegate</c>) closes.</summary>
    public static bool IsOpener(Opcode op) => op is Opcode.Block or Opcode.Loop or Opcode.If or Opcode.TryTable or Opcode.Try;

    // Which markers may follow the clauses seen so far of an open block (legacy exception handling:
    // catch* catch_all? end, or delegate right after the body).
    private static bool Fits(Opcode opener, List<BlockClause> clauses, Opcode marker)
    {
        var last = clauses.Count > 0 ? clauses[^1].Marker.Op : (Opcode?)null;
        return marker switch
        {
            Opcode.End => true,
            Opcode.Else => opener == Opcode.If && clauses.Count == 0,
            Opcode.Catch => opener == Opcode.Try && last is null or Opcode.Catch,
            Opcode.CatchAll => opener == Opcode.Try && last is null or Opcode.Catch,
            _ => opener == Opcode.Try && clauses.Count == 0,
        };
    }
}
