using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Reducer;

/// <summary>
/// Edits of a flat function body (§2.4: structured instructions followed by their body, an
/// optional <c>else</c> and <c>end</c>) that keep its structure: unwrapping a block, keeping one
/// arm of an <c>if</c>, turning a loop into a block, simplifying a block type, removing unused locals.
/// </summary>
public static class BodyEdits
{
    /// <summary>Whether <paramref name="op"/> opens a structured instruction that <c>end</c> (or <c>delegate</c>) closes.</summary>
    public static bool Opens(Opcode op) => op is Opcode.Block or Opcode.Loop or Opcode.If or Opcode.TryTable or Opcode.Try;

    /// <summary>The <c>else</c> (or -1) and the <c>end</c> of the structured instruction at <paramref name="open"/>; null when it is not closed by an <c>end</c>.</summary>
    public static (int Else, int End)? Extent(IReadOnlyList<Instruction> body, int open)
    {
        int depth = 0, @else = -1;
        for (int i = open; i < body.Count; i++)
        {
            var op = body[i].Op;
            if (Opens(op)) depth++;
            else if (op == Opcode.Delegate && --depth == 0) return null;
            else if (op == Opcode.Else && depth == 1) @else = i;
            else if (op == Opcode.End && --depth == 0) return (@else, i);
        }
        return null;
    }

    /// <summary>
    /// The body without the <c>block</c>, <c>loop</c> or <c>try_table</c> at <paramref name="open"/> and its
    /// <c>end</c>, its contents kept, branches out of it renumbered; null when something branches to it.
    /// </summary>
    public static Instruction[]? Unwrap(IReadOnlyList<Instruction> body, int open)
    {
        if (body[open].Op is not (Opcode.Block or Opcode.Loop or Opcode.TryTable) || Extent(body, open) is not { } extent) return null;
        var inner = new List<Instruction>();
        int depth = 0;
        for (int i = open + 1; i < extent.End; i++)
        {
            var instruction = body[i];
            if (instruction.Op == Opcode.Delegate) depth--;
            if (Relabel(instruction, depth) is not { } relabelled) return null;
            inner.Add(relabelled);
            if (Opens(instruction.Op)) depth++;
            else if (instruction.Op == Opcode.End) depth--;
        }
        return [.. body.Take(open), .. inner, .. body.Skip(extent.End + 1)];
    }

    /// <summary>
    /// The body with the <c>if</c> at <paramref name="open"/> replaced by one of its arms: its
    /// condition dropped, the arm in a <c>block</c> of the same type (so no label changes); null
    /// when it is no <c>if</c>, or the else arm is asked for and there is none.
    /// </summary>
    public static Instruction[]? IfArm(IReadOnlyList<Instruction> body, int open, bool then)
    {
        if (body[open] is not BlockInstruction { Op: Opcode.If } branch || Extent(body, open) is not { } extent) return null;
        if (!then && extent.Else < 0) return null;
        var (from, to) = then ? (open + 1, extent.Else < 0 ? extent.End : extent.Else) : (extent.Else + 1, extent.End);
        return
        [
            .. body.Take(open), new Instruction(Opcode.Drop), new BlockInstruction(Opcode.Block, branch.Type),
            .. body.Skip(from).Take(to - from), new Instruction(Opcode.End), .. body.Skip(extent.End + 1),
        ];
    }

    /// <summary>The body with the <c>loop</c> or <c>try_table</c> at <paramref name="open"/> made a <c>block</c> of the same type; null for other instructions.</summary>
    public static Instruction[]? ToBlock(IReadOnlyList<Instruction> body, int open)
    {
        BlockType? type = body[open] switch
        {
            BlockInstruction { Op: Opcode.Loop } loop => loop.Type,
            TryTableInstruction tryTable => tryTable.Type,
            _ => null,
        };
        return type is { } t ? [.. body.Take(open), new BlockInstruction(Opcode.Block, t), .. body.Skip(open + 1)] : null;
    }

    /// <summary>
    /// The body with the block type at <paramref name="open"/>, when it is a type index of a function
    /// type with no parameters and at most one result, written as that result or as empty; null otherwise.
    /// </summary>
    public static Instruction[]? SimpleBlockType(IReadOnlyList<Instruction> body, int open, Module module)
    {
        if (body[open] is not BlockInstruction { Type.Kind: BlockTypeKind.TypeIndex } block) return null;
        if (module.SubTypes.ElementAtOrDefault((int)block.Type.TypeIndex)?.Comp is not FuncType { Params.Count: 0, Results.Count: <= 1 } f) return null;
        var simple = f.Results.Count == 0 ? BlockType.Empty : BlockType.Of(f.Results[0]);
        return [.. body.Take(open), block with { Type = simple }, .. body.Skip(open + 1)];
    }

    /// <summary><paramref name="f"/> without its declared locals that no instruction uses; null when every one is used.</summary>
    /// <param name="f">The function.</param>
    /// <param name="parameters">How many parameters it has (local indices below are parameters).</param>
    public static Function? WithoutUnusedLocals(Function f, int parameters)
    {
        var used = f.Body.OfType<IndexInstruction>().Where(i => OpcodeTable.Info(i.Op).Immediate == ImmediateKind.Local).Select(i => i.Index).ToHashSet();
        var map = new uint?[parameters + f.Locals.Count];
        var kept = new List<ValType>();
        for (int i = 0; i < map.Length; i++)
        {
            if (i < parameters) map[i] = (uint)i;
            else if (used.Contains((uint)i))
            {
                map[i] = (uint)(parameters + kept.Count);
                kept.Add(f.Locals[i - parameters]);
            }
        }
        if (kept.Count == f.Locals.Count) return null;
        var body = f.Body.Select(i => i is IndexInstruction x && OpcodeTable.Info(x.Op).Immediate == ImmediateKind.Local && x.Index < map.Length
            ? x with { Index = map[x.Index]!.Value }
            : i);
        return new Function(f.TypeIndex, [.. kept], [.. body]);
    }

    /// <summary>
    /// <paramref name="instruction"/>, found <paramref name="depth"/> blocks deep inside a block being
    /// removed, with its labels past that block one lower; null when one names the block itself.
    /// </summary>
    private static Instruction? Relabel(Instruction instruction, int depth)
    {
        bool targetsIt = false;
        uint Label(uint l)
        {
            if (l == depth) targetsIt = true;
            return l > depth ? l - 1 : l;
        }
        Instruction result = instruction switch
        {
            IndexInstruction x when OpcodeTable.Info(x.Op).Immediate == ImmediateKind.Label => x with { Index = Label(x.Index) },
            BrTableInstruction t => new BrTableInstruction([.. t.Labels.Select(Label)], Label(t.Default)),
            BrOnCastInstruction c => c with { Label = Label(c.Label) },
            TryTableInstruction t => t with { Catches = [.. t.Catches.Select(c => c with { Label = Label(c.Label) })] },
            _ => instruction,
        };
        return targetsIt ? null : result;
    }
}
