using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// A folded instruction (§6.5.9): a node of the body with the expressions folded into it as operands
/// (the instructions that immediately precede it, in order) and, for a block, its folded bodies.
/// </summary>
internal sealed class Expr(BodyNode node, int results)
{
    public BodyNode Node { get; } = node;

    /// <summary>Number of values it leaves on the stack, −1 when unknown (then it is never an operand).</summary>
    public int Results { get; } = results;

    /// <summary>Folded operands, in evaluation order.</summary>
    public IReadOnlyList<Expr> Operands { get; set; } = [];

    /// <summary>Nesting depth of the expression, block bodies included (1 for a leaf).</summary>
    public int Depth { get; set; } = 1;

    /// <summary>The folded body of a block.</summary>
    public IReadOnlyList<Expr> Body { get; set; } = [];

    /// <summary>The folded clauses of a block (<c>else</c>, legacy <c>catch</c>/<c>catch_all</c>).</summary>
    public IReadOnlyList<(Instruction Marker, IReadOnlyList<Expr> Body)> Clauses { get; set; } = [];
}

/// <summary>
/// Folds a structured body into S-expressions. An instruction of known arity n takes the last n
/// expressions as operands when each leaves exactly one value and none was left behind by an
/// instruction that could not take its own operands; otherwise everything before it stays a
/// separate statement. Folding only regroups neighbouring instructions, so the unfolded text is
/// the original sequence whatever the arities.
/// </summary>
internal sealed class Folder
{
    /// <summary>Operands are not folded into an expression deeper than this.</summary>
    public const int MaxExprDepth = 32;

    private readonly PrintContext _ctx;
    private readonly int _returns;
    private readonly Func<uint, int> _label;

    // Branch arity of each enclosing label, innermost last (−1 unknown).
    private readonly List<int> _labels = [];

    /// <summary>A folder for the bodies of a function with <paramref name="returns"/> results (−1 unknown).</summary>
    public Folder(PrintContext ctx, int returns)
    {
        _ctx = ctx;
        _returns = returns;
        _label = Label;
    }

    /// <summary>Folds a function body, whose label carries the function's results.</summary>
    public List<Expr> FoldBody(List<BodyNode> nodes)
    {
        _labels.Add(_returns);
        var exprs = Fold(nodes);
        _labels.RemoveAt(_labels.Count - 1);
        return exprs;
    }

    /// <summary>Folds one instruction sequence (a body, a branch, or a constant expression).</summary>
    public List<Expr> Fold(List<BodyNode> nodes)
    {
        var pending = new List<Expr>();
        int available = 0;
        foreach (var node in nodes)
        {
            var (expr, consumes) = node is BlockNode block ? Block(block) : Plain((PlainNode)node);
            if (consumes is not { } n || (n > 0 && !TakeOperands(pending, available, expr, n)))
                available = pending.Count;
            pending.Add(expr);
        }
        return pending;
    }

    private (Expr, int?) Plain(PlainNode node)
    {
        var arity = FoldArity.Of(node.Instr, _ctx, _label, _returns);
        return (new Expr(node, arity?.Results ?? -1), arity?.Params);
    }

    // A block takes no operands in folded form except the condition of an if; one with block
    // parameters consumes values of statements before it, which therefore stay unfolded.
    private (Expr, int?) Block(BlockNode block)
    {
        var (parameters, results) = BlockArity(block.Opener);
        var expr = new Expr(block, parameters < 0 ? -1 : results);
        _labels.Add(block.Opener.Op == Opcode.Loop ? parameters : results);
        expr.Body = Fold(block.Body);
        expr.Clauses = block.Clauses.Select(c => (c.Marker, (IReadOnlyList<Expr>)Fold(c.Body))).ToList();
        _labels.RemoveAt(_labels.Count - 1);
        expr.Depth = 1 + expr.Body.Concat(expr.Clauses.SelectMany(c => c.Body)).Select(e => e.Depth).DefaultIfEmpty(0).Max();
        if (parameters != 0) return (expr, null);
        return (expr, block.Opener.Op == Opcode.If ? 1 : 0);
    }

    // Moves the last n pending expressions into expr when they qualify as its operands.
    private static bool TakeOperands(List<Expr> pending, int available, Expr expr, int n)
    {
        int first = pending.Count - n;
        if (first < available) return false;
        int depth = 0;
        for (int i = first; i < pending.Count; i++)
        {
            if (pending[i].Results != 1) return false;
            depth = Math.Max(depth, pending[i].Depth);
        }
        if (depth + 1 > MaxExprDepth) return false;
        expr.Operands = pending.GetRange(first, n);
        pending.RemoveRange(first, n);
        expr.Depth = Math.Max(expr.Depth, depth + 1);
        return true;
    }

    private int Label(uint depth) => depth < (uint)_labels.Count ? _labels[_labels.Count - 1 - (int)depth] : -1;

    // (parameters, results) of a structured instruction's block type; −1 when the type is unknown.
    private (int, int) BlockArity(Instruction opener)
    {
        var type = opener switch
        {
            BlockInstruction b => b.Type,
            TryTableInstruction t => t.Type,
            _ => (BlockType?)null,
        };
        return type switch
        {
            { Kind: BlockTypeKind.Empty } => (0, 0),
            { Kind: BlockTypeKind.Value } => (0, 1),
            { Kind: BlockTypeKind.TypeIndex } bt when _ctx.FuncTypeAt(bt.TypeIndex) is { } f => (f.Params.Count, f.Results.Count),
            _ => (-1, -1),
        };
    }
}
