using System.Text;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// Lays out folded expressions (§6.5.9): an expression that fits goes on one line, a longer one
/// puts each operand on its own indented line; blocks open on one line with their body indented
/// below, <c>if</c> with <c>(then …)</c> and <c>(else …)</c>, legacy <c>try</c> with <c>(do …)</c>
/// and its handlers. Closing parentheses end the last line of what they close. In function
/// bodies labels are numbered by depth in comments (see <see cref="InstructionText"/>).
/// </summary>
/// <param name="ctx">The module.</param>
/// <param name="locals">Identifiers of the function's locals.</param>
/// <param name="w">Where the lines go.</param>
/// <param name="labels">True in a function body, false in a constant expression (no labels).</param>
internal sealed class FoldedWriter(PrintContext ctx, IReadOnlyList<string?> locals, WatWriter w, bool labels)
{
    // Number of the innermost label: 0 is the function's own, −1 when labels are not shown.
    private int _depth = labels ? 0 : -1;

    /// <summary>Writes each expression of <paramref name="exprs"/> as a statement.</summary>
    public void Statements(IReadOnlyList<Expr> exprs)
    {
        foreach (var expr in exprs) Statement(expr);
    }

    /// <summary>The expressions on one line, or <c>null</c> when one contains a block.</summary>
    public string? OneLine(IReadOnlyList<Expr> exprs)
    {
        var parts = new List<string>();
        foreach (var expr in exprs)
        {
            if (Inline(expr, int.MaxValue) is not { } text) return null;
            parts.Add(text);
        }
        return string.Join(" ", parts);
    }

    private void Statement(Expr expr)
    {
        if (Inline(expr, WatWriter.Width - w.Column) is { } line)
        {
            w.Line(line);
            return;
        }
        if (expr.Node is BlockNode block)
        {
            Block(expr, block);
            return;
        }
        w.Line("(" + Text(((PlainNode)expr.Node).Instr));
        Nested(expr.Operands);
    }

    // Writes the lines of a parenthesised group's contents one level deeper, then closes the group.
    private void Nested(IReadOnlyList<Expr> exprs)
    {
        w.Indent();
        Statements(exprs);
        w.Dedent();
        w.Close();
    }

    private void Block(Expr expr, BlockNode block)
    {
        string header = "(" + Text(block.Opener);
        switch (block.Opener.Op)
        {
            case Opcode.If:
                // The condition is evaluated outside the if's label.
                w.Line(header);
                w.Indent();
                Statements(expr.Operands);
                Enter();
                Group("(then", expr.Body);
                foreach (var (marker, body) in expr.Clauses) Group("(" + Text(marker), body);
                Leave();
                w.Dedent();
                w.Close();
                break;
            case Opcode.Try:
                w.Line(header);
                w.Indent();
                Enter();
                Group("(do", expr.Body);
                foreach (var (marker, body) in expr.Clauses) Group("(" + Text(marker), body);
                Leave();
                // delegate's label counts from outside the try.
                if (block.Delegate is { } delegateInstr) w.Line("(" + Text(delegateInstr) + ")");
                w.Dedent();
                w.Close();
                break;
            default:
                Group(header, expr.Body, enter: true);
                break;
        }
    }

    private void Enter()
    {
        if (_depth >= 0) _depth++;
    }

    private void Leave()
    {
        if (_depth >= 0) _depth--;
    }

    // "(head" with the statements of body below it, or "(head)" when body is empty; enter puts
    // the body inside one more label.
    private void Group(string head, IReadOnlyList<Expr> body, bool enter = false)
    {
        if (body.Count == 0)
        {
            w.Line(head + ")");
            return;
        }
        w.Line(head);
        if (enter) Enter();
        Nested(body);
        if (enter) Leave();
    }

    // The expression on one line within budget characters, or null (too long, or it holds a block with a body).
    private string? Inline(Expr expr, int budget)
    {
        string head;
        if (expr.Node is BlockNode block)
        {
            if (block.Opener.Op is Opcode.If or Opcode.Try || expr.Body.Count > 0 || expr.Clauses.Count > 0) return null;
            head = Text(block.Opener);
        }
        else
        {
            head = Text(((PlainNode)expr.Node).Instr);
        }
        var text = new StringBuilder("(").Append(head);
        foreach (var operand in expr.Operands)
        {
            if (text.Length >= budget) return null;
            if (Inline(operand, budget - text.Length - 1) is not { } part) return null;
            text.Append(' ').Append(part);
        }
        text.Append(')');
        return text.Length <= budget ? text.ToString() : null;
    }

    private string Text(Instruction instr) => InstructionText.Format(instr, ctx, locals, _depth);
}
