using WasmConform.Engine;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Reducer;

/// <summary>The steps inside function bodies and segments.</summary>
public sealed partial class CaseReducer
{
    /// <summary>One round of the code steps over every defined function, then the segments; true when one was kept.</summary>
    private bool CodeRound()
    {
        bool progress = false;
        for (int f = 0; f < _current.Functions.Count && !Spent(); f++)
        {
            int function = f;
            progress |= ChunkSearch.Run(_current.Functions[f].Body.Count, (start, length) =>
                Try(WithBody(function, [.. Body(function).Where((_, i) => i < start || i >= start + length)]), "instructions"), Spent);
            progress |= Consumed(function);
            progress |= Constants(function);
            progress |= Blocks(function);
            if (BodyEdits.WithoutUnusedLocals(_current.Functions[f], ParamsOf(f)) is { } trimmed)
                progress |= Try(_current with { Functions = [.. _current.Functions.Select((g, i) => i == function ? trimmed : g)] }, "locals");
        }
        for (int d = 0; d < _current.Datas.Count && !Spent(); d++)
        {
            int data = d;
            progress |= ChunkSearch.Run(_current.Datas[d].Init.Count, (start, length) => Try(_current with
            {
                Datas = [.. _current.Datas.Select((s, i) => i != data ? s : s with { Init = [.. s.Init.Where((_, k) => k < start || k >= start + length)] })],
            }, "data bytes"), Spent);
        }
        for (int e = 0; e < _current.Elements.Count && !Spent(); e++)
        {
            int element = e;
            progress |= ChunkSearch.Run(_current.Elements[e].Init.Count, (start, length) => Try(_current with
            {
                Elements = [.. _current.Elements.Select((s, i) => i != element ? s : s with { Init = [.. s.Init.Where((_, k) => k < start || k >= start + length)] })],
            }, "element items"), Spent);
        }
        return progress;
    }

    /// <summary>
    /// Replaces subexpressions of function <paramref name="f"/> by zeros of their type, the last
    /// first (so that an accepted replacement leaves the positions of those before it as they
    /// were), and the largest first among those ending at the same place.
    /// </summary>
    private bool Constants(int f)
    {
        if (Types() is not { } types) return false;
        bool progress = false;
        int frontier = int.MaxValue;
        foreach (var sub in types.Subexpressions(f).OrderByDescending(s => s.End).ThenByDescending(s => s.Length))
        {
            if (Spent()) break;
            if (sub.End >= frontier) continue;
            var body = Body(f);
            var replaced = body.Skip(sub.Start).Take(sub.Length).ToArray();
            foreach (var value in (Instruction[]?[])[ZeroValues.Of(sub.Type, _current), InitialValue(replaced)])
            {
                if (value is null || replaced.SequenceEqual(value)) continue;
                var candidate = WithBody(f, [.. body.Take(sub.Start), .. value, .. body.Skip(sub.End + 1)]);
                if (!Try(WithoutUnusedGlobal(candidate, replaced) ?? candidate, "constants")) continue;
                progress = true;
                frontier = sub.Start;
                break;
            }
        }
        return progress;
    }

    /// <summary>
    /// <paramref name="candidate"/> without the global that <paramref name="replaced"/> read when it
    /// was a lone <c>global.get</c> and nothing else uses it (its value inlined, it only costs bytes); else null.
    /// </summary>
    private static Module? WithoutUnusedGlobal(Module candidate, Instruction[] replaced) =>
        replaced is [IndexInstruction { Op: Opcode.GlobalGet } get] ? ModuleIndices.Remove(candidate, IndexSpace.Global, (int)get.Index, 1) : null;

    /// <summary>For a lone <c>global.get</c> of a global defined here, the global's initial value; else null.</summary>
    private Instruction[]? InitialValue(Instruction[] expression)
    {
        if (expression is not [IndexInstruction { Op: Opcode.GlobalGet } get]) return null;
        long defined = get.Index - (long)ModuleIndices.Imported(_current, ExternKind.Global);
        return defined >= 0 && defined < _current.Globals.Count ? _current.Globals[(int)defined].Init.AsSpan().ToArray() : null;
    }

    /// <summary>
    /// Removes values that are only dropped or stored (<see cref="BodyTypes.Consumed"/>) together
    /// with the instruction that consumes them, the last first.
    /// </summary>
    private bool Consumed(int f)
    {
        if (Types() is not { } types) return false;
        bool progress = false;
        int frontier = int.MaxValue;
        foreach (var (producer, consumer) in types.Consumed(f, Body(f)).OrderByDescending(p => p.Consumer))
        {
            if (Spent()) break;
            if (consumer >= frontier) continue;
            var body = Body(f);
            var without = body.Where((_, i) => i != consumer && (i < producer.Start || i > producer.End)).ToArray();
            if (!Try(WithBody(f, without), "consumed values")) continue;
            progress = true;
            frontier = producer.Start;
        }
        return progress;
    }

    /// <summary>The body types of the current module; null when it does not validate (it always should).</summary>
    private BodyTypes? Types()
    {
        try
        {
            return BodyTypes.Of(_current, Features);
        }
        catch (WasmException)
        {
            return null;
        }
    }

    /// <summary>
    /// Simplifies the structured instructions of function <paramref name="f"/>, the last first:
    /// unwraps a block, keeps one arm of an <c>if</c>, makes a loop or <c>try_table</c> a block,
    /// writes a block type by its value type.
    /// </summary>
    private bool Blocks(int f)
    {
        bool progress = false;
        for (int open = Body(f).Count - 1; open >= 0 && !Spent(); open--)
        {
            if (open >= Body(f).Count || !BodyEdits.Opens(Body(f)[open].Op)) continue;
            foreach (var edit in (Func<IReadOnlyList<Instruction>, Instruction[]?>[])
                [
                    b => BodyEdits.Unwrap(b, open),
                    b => BodyEdits.IfArm(b, open, then: true) is { } arm ? BodyEdits.Unwrap(arm, open + 1) : null,
                    b => BodyEdits.IfArm(b, open, then: false) is { } arm ? BodyEdits.Unwrap(arm, open + 1) : null,
                    b => BodyEdits.IfArm(b, open, then: true),
                    b => BodyEdits.IfArm(b, open, then: false),
                    b => BodyEdits.ToBlock(b, open),
                    b => BodyEdits.SimpleBlockType(b, open, _current),
                ])
            {
                if (open < Body(f).Count && edit(Body(f)) is { } edited && Try(WithBody(f, edited), "blocks")) progress = true;
            }
        }
        return progress;
    }

    private IReadOnlyList<Instruction> Body(int f) => _current.Functions[f].Body.AsSpan().ToArray();

    private Module WithBody(int f, Instruction[] body) =>
        _current with { Functions = [.. _current.Functions.Select((g, i) => i == f ? g with { Body = [.. body] } : g)] };

    private int ParamsOf(int f) =>
        _current.SubTypes.ElementAtOrDefault((int)_current.Functions[f].TypeIndex)?.Comp is FuncType type ? type.Params.Count : 0;
}
