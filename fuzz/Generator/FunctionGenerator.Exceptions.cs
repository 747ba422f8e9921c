using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    /// <summary>
    /// Opens a <c>try_table</c> (§3.4.11) whose catch clauses land in enclosing blocks whose
    /// label types take what the clause passes; most of the time a fresh block is opened first
    /// for one clause to land in. Every frame a clause lands in restores the depth global at its end.
    /// </summary>
    private void OpenTryTable()
    {
        var (parameters, results) = RandomBlockType();
        var catches = new List<Catch>();
        if (_frames.Count - 2 + 1 < _config.Limits.MaxBlockDepth && _u.Chance(60))
        {
            var (kind, tag) = RandomCatch();
            var passes = Passes(kind, tag);
            if (passes.Length <= _m.MaxResults)
            {
                OpenWith(FrameKind.Block, [], passes.Select(CanMakeOr).ToArray());
                Current.CatchTarget = true;
                catches.Add(new Catch(kind, tag, 0));
            }
        }
        for (int i = _u.Int(0, 2); i > 0; i--)
        {
            var (kind, tag) = RandomCatch();
            var passes = Passes(kind, tag);
            var targets = Enumerable.Range(1, _frames.Count - 1)
                .Where(j => _frames[j].Kind != FrameKind.Loop && _m.Types.Match(passes, _frames[j].LabelTypes)).ToList();
            if (targets.Count == 0) continue;
            int target = _u.Pick(targets);
            _frames[target].CatchTarget = true;
            catches.Add(new Catch(kind, tag, Depth(target)));
        }
        OpenWith(FrameKind.TryTable, parameters, results, new TryTableInstruction(BlockType.Empty, catches.ToArray()));
    }

    /// <summary>A catch kind and its tag (0 for the catch-all kinds, whose tag is not encoded).</summary>
    private (CatchKind Kind, uint Tag) RandomCatch()
    {
        bool tags = _m.Tags.Count > 0;
        var kind = (CatchKind)_u.Weighted([tags ? 3 : 0, tags ? 2 : 0, 2, 1]);
        return (kind, kind is CatchKind.Catch or CatchKind.CatchRef ? (uint)_u.Int(0, _m.Tags.Count - 1) : 0);
    }

    /// <summary>What a catch clause passes to its label: the tag's parameters, and for the ref kinds an <c>exnref</c>.</summary>
    private ValType[] Passes(CatchKind kind, uint tag)
    {
        var parameters = kind is CatchKind.Catch or CatchKind.CatchRef ? _m.Types.Func(_m.Tags[(int)tag]).Params.ToArray() : [];
        return kind is CatchKind.CatchRef or CatchKind.CatchAllRef ? [.. parameters, ValueTypes.NonNullExn] : parameters;
    }

    /// <summary>
    /// The next part of a legacy <c>try</c>: a <c>catch</c> handler (starting with the tag's
    /// values), a <c>catch_all</c> handler, or, straight after the body, <c>delegate</c> to an
    /// enclosing label (counted from outside the try). Handlers restore the depth global first.
    /// </summary>
    private void NextHandler()
    {
        var f = Current;
        bool tags = _m.Tags.Count > 0;
        int pick = _u.Weighted([tags ? 3 : 0, 2, f.Kind == FrameKind.Try ? 1 : 0]);
        FixStack(f.Results);
        if (pick == 2)
        {
            uint label = (uint)_u.Int(0, _frames.Count - 2);
            Emit(new IndexInstruction(Opcode.Delegate, label));
            _frames.RemoveAt(_frames.Count - 1);
            Pop(_stack.Count - f.Height);
            Push(f.Results);
            if (f.CatchTarget) EmitDepthRestore();
            return;
        }
        Pop(Available);
        f.Unreachable = false;
        if (pick == 0)
        {
            uint tag = (uint)_u.Int(0, _m.Tags.Count - 1);
            Emit(new IndexInstruction(Opcode.Catch, tag));
            Push(_m.Types.Func(_m.Tags[(int)tag]).Params.AsSpan());
            f.Kind = FrameKind.Catch;
        }
        else
        {
            Emit(Opcode.CatchAll);
            f.Kind = FrameKind.CatchAll;
        }
        EmitDepthRestore();
    }

    /// <summary>
    /// <c>throw</c> with a tag's values; <c>throw_ref</c> of an exception reference (guarded:
    /// only of a non-null one on the stack, never of null, which traps); legacy <c>rethrow</c>
    /// from inside a handler.
    /// </summary>
    private void ExceptionStep()
    {
        var handlers = Enumerable.Range(1, _frames.Count - 1).Where(j => _frames[j].Kind is FrameKind.Catch or FrameKind.CatchAll).ToList();
        bool exnOnTop = Top is { IsRef: true } top && top.Ref.Heap.Kind == HeapKind.Exn;
        switch (_u.Weighted([4, _m.Features.Exceptions && (exnOnTop || !NoTraps) ? 2 : 0, handlers.Count > 0 ? 1 : 0]))
        {
            case 0:
                uint tag = (uint)_u.Int(0, _m.Tags.Count - 1);
                var parameters = _m.Types.Func(_m.Tags[(int)tag]).Params;
                Supply(parameters.AsSpan());
                Pop(parameters.Count);
                Emit(new IndexInstruction(Opcode.Throw, tag));
                break;
            case 1:
                bool guarded = NoTraps || ShouldGuard();
                if (guarded && !(exnOnTop && !_stack[^1].Ref.Nullable))
                {
                    if (exnOnTop) Drop();
                    uint t = (uint)_u.Int(0, _m.Tags.Count - 1);
                    var values = _m.Types.Func(_m.Tags[(int)t]).Params;
                    Supply(values.AsSpan());
                    Pop(values.Count);
                    Emit(new IndexInstruction(Opcode.Throw, t));
                    break;
                }
                Supply([ValType.ExnRef]);
                Pop(1);
                Emit(Opcode.ThrowRef);
                break;
            default:
                Emit(new IndexInstruction(Opcode.Rethrow, Depth(_u.Pick(handlers))));
                break;
        }
        MarkUnreachable();
    }
}
