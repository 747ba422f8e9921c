using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

internal sealed partial class CodeValidator
{
    // ---- §3.4.1 select ---------------------------------------------------------------

    private void Select()
    {
        var t = Peek(1);
        uint shown = PeekShown(1);
        if (t.Kind is ValTypeKind.Ref)
            throw Fail("type mismatch: instruction requires numeric or vector type but stack has " + TypeText.Of(t, shown));
        Pop([t, t, ValType.I32], default, [shown]);
        Push(t, shown);
    }

    private void SelectT()
    {
        var types = Imm<SelectInstruction>().Types;
        if (types.Count != 1) throw Fail("invalid result arity other than 1 is not (yet) allowed");
        var t = _c.Canon(types[0], this);
        uint shown = TypeText.ShownOf(types[0]);
        Pop([t, t, ValType.I32], default, [shown]);
        Push(t, shown);
    }

    // ---- §3.4.11 blocks ---------------------------------------------------------------

    /// <summary>§3.4.11 block types: <c>[] -> []</c>, <c>[] -> [t]</c>, or a function type.</summary>
    private (EquatableArray<ValType> In, EquatableArray<ValType> Out, uint Shown) BlockSignature(BlockType bt)
    {
        switch (bt.Kind)
        {
            case BlockTypeKind.Empty:
                return (default, default, Structural);
            case BlockTypeKind.Value:
                var t = _c.Canon(bt.Value, this);
                return (default, t.Kind <= ValTypeKind.V128 ? SingleResults[(int)t.Kind] : new[] { t }, TypeText.ShownOf(bt.Value));
            default:
                var ft = _c.FuncType(bt.TypeIndex, this);
                return (ft.Params, ft.Results, Structural);
        }
    }

    private void Block(FrameKind kind)
    {
        var (@in, @out, shown) = BlockSignature(Imm<BlockInstruction>().Type);
        PushFrame(kind, @in, @in, @out, shown);
    }

    private void TryTable()
    {
        var tt = Imm<TryTableInstruction>();
        var (@in, @out, shown) = BlockSignature(tt.Type);
        foreach (var handler in tt.Catches) CheckCatch(handler);
        PushFrame(FrameKind.TryTable, @in, @in, @out, shown);
    }

    /// <summary>§3.4.11 a try_table handler: what it passes must match its label (outside the try_table).</summary>
    private void CheckCatch(Catch handler)
    {
        ReadOnlySpan<ValType> exnRef = [Ref(false, HeapKind.Exn)];
        ReadOnlySpan<ValType> passed = handler.Kind switch
        {
            CatchKind.Catch or CatchKind.CatchRef => _c.Tag(handler.Tag, this).Func!.Params.AsSpan(),
            _ => default,
        };
        var label = LabelTypes(handler.Label, out uint labelShown);
        bool withRef = handler.Kind is CatchKind.CatchRef or CatchKind.CatchAllRef;
        bool ok = label.Length == passed.Length + (withRef ? 1 : 0)
            && Subtyping.Matches(passed, label[..passed.Length])
            && (!withRef || Subtyping.Matches(exnRef[0], label[^1]));
        if (ok) return;
        var all = new ValType[passed.Length + (withRef ? 1 : 0)];
        passed.CopyTo(all);
        if (withRef) all[^1] = exnRef[0];
        throw Fail("type mismatch: catch handler requires " + TypeText.Of(label, [labelShown]) + " but label has " + TypeText.Of(all, default));
    }

    private void Else()
    {
        ref var f = ref Top;
        if (f.Kind != FrameKind.If) throw Fail("unexpected else");
        CheckFrameEnd(ref f);
        Restart(ref f, FrameKind.Else, f.In.AsSpan(), f.Shown);
    }

    /// <summary>Legacy <c>catch x</c> / <c>catch_all</c>: ends the try body or the previous handler.</summary>
    private void Catch(bool all)
    {
        ref var f = ref Top;
        if (f.Kind is not (FrameKind.Try or FrameKind.Catch))
            throw Fail(all ? "unexpected catch_all" : "unexpected catch");
        CheckFrameEnd(ref f);
        if (all)
        {
            Restart(ref f, FrameKind.CatchAll, default, Structural);
            return;
        }
        var tag = _c.Tag(Index(), this);
        Restart(ref f, FrameKind.Catch, tag.Func!.Params.AsSpan(), Structural);
    }

    private void End()
    {
        ref var f = ref Top;
        if (f.Kind is FrameKind.Function or FrameKind.Const) throw Fail("unexpected end");
        CheckFrameEnd(ref f);
        if (f.Kind == FrameKind.If)
        {
            // An if without else has an empty else branch, which must turn the operands into the results.
            Restart(ref f, FrameKind.Else, f.In.AsSpan(), f.Shown);
            CheckFrameEnd(ref f);
        }
        ResetLocals(f.InitHeight);
        Close(f.Kind is FrameKind.If or FrameKind.Else);
    }

    /// <summary>Legacy <c>delegate l</c>: ends a try body; <c>l</c> counts from outside the try.</summary>
    private void Delegate()
    {
        ref var f = ref Top;
        if (f.Kind != FrameKind.Try) throw Fail("unexpected delegate");
        CheckFrameEnd(ref f);
        ResetLocals(f.InitHeight);
        var @in = f.In;
        var @out = f.Out;
        uint shown = f.Shown;
        _frameCount--;
        Label(Index());
        Pop(@in.AsSpan(), default, [shown]);
        Push(@out.AsSpan(), shown);
    }

    /// <summary>Pops the finished frame, then takes the block's operands from the enclosing stack and pushes its results.</summary>
    private void Close(bool condition)
    {
        ref var f = ref _frames[_frameCount - 1];
        var @in = f.In;
        var @out = f.Out;
        uint shown = f.Shown;
        _frameCount--;
        if (condition) Pop(@in.AsSpan(), [ValType.I32], [shown]);
        else Pop(@in.AsSpan(), default, [shown]);
        Push(@out.AsSpan(), shown);
    }

    private void Rethrow()
    {
        ref var f = ref Label(Index());
        if (f.Kind is not (FrameKind.Catch or FrameKind.CatchAll)) throw Fail("invalid rethrow label");
        SetUnreachable();
    }

    // ---- §3.4.11 branches ---------------------------------------------------------------

    private void Br()
    {
        var label = LabelTypes(Index(), out uint shown);
        Pop(label, default, [shown]);
        SetUnreachable();
    }

    private void BrIf()
    {
        var label = LabelTypes(Index(), out uint shown);
        Pop(label, [ValType.I32], [shown]);
        Push(label, shown);
    }

    private void BrTable()
    {
        var bt = Imm<BrTableInstruction>();
        var deflt = LabelTypes(bt.Default, out uint deflShown);
        int n = deflt.Length;
        if (_scratch.Length < n)
        {
            _scratch = new ValType[n];
            _scratchShown = new uint[n];
        }
        for (int i = 0; i < n; i++)
        {
            _scratch[i] = Peek(n - i);
            _scratchShown[i] = PeekShown(n - i);
        }
        var ts = _scratch.AsSpan(0, n);
        var tsShown = _scratchShown.AsSpan(0, n);
        CheckBranchOperands(ts, tsShown, deflt, deflShown);
        foreach (uint l in bt.Labels)
        {
            var label = LabelTypes(l, out uint shown);
            CheckBranchOperands(ts, tsShown, label, shown);
        }
        Pop(ts, [ValType.I32], tsShown);
        SetUnreachable();
    }

    private void CheckBranchOperands(ReadOnlySpan<ValType> have, ReadOnlySpan<uint> haveShown, ReadOnlySpan<ValType> label, uint labelShown)
    {
        if (!Subtyping.Matches(have, label))
        {
            throw Fail("type mismatch: instruction requires " + TypeText.Of(label, [labelShown])
                + " but stack has " + TypeText.Of(have, haveShown));
        }
    }

    private void BrOnNull()
    {
        var heap = PeekRef(0).Heap;
        uint refShown = PeekShown(0);
        var label = LabelTypes(Index(), out uint shown);
        Pop(label, [Ref(true, heap)], [shown], [refShown]);
        Push(label, shown);
        Push(Ref(false, heap), refShown);
    }

    private void BrOnNonNull()
    {
        var label = LabelTypes(Index(), out uint shown);
        if (label.IsEmpty)
            throw Fail("type mismatch: instruction requires reference type but label has " + TypeText.Of(label, [shown]));
        var last = label[^1];
        if (last.Kind is not (ValTypeKind.Ref or ValTypeKind.Bot))
            throw Fail("type mismatch: instruction requires reference type but label has " + TypeText.Of(last, shown));
        var rest = label[..^1];
        Pop(rest, [Ref(true, last.Ref.Heap)], [shown], [shown]);
        Push(rest, shown);
    }

    /// <summary>§3.4.11 br_on_cast / br_on_cast_fail: rt2 within rt1; the branch passes rt2 (or rt1 \ rt2).</summary>
    private void BrOnCast(bool fail)
    {
        var bc = Imm<BrOnCastInstruction>();
        var rt1 = _c.Canon(bc.From, this);
        var rt2 = _c.Canon(bc.To, this);
        uint shown1 = TypeText.ShownOf(bc.From), shown2 = TypeText.ShownOf(bc.To);
        var diff = new RefType(!rt2.Nullable && rt1.Nullable, rt1.Heap);
        if (_c.Has(Features.CustomDescriptors))
            RequireSameHierarchy(rt1, rt2, bc.From, bc.To);
        else if (!Subtyping.Matches(rt2, rt1))
            throw Fail("type mismatch on cast: type " + TypeText.Of(rt2, shown2) + " does not match " + TypeText.Of(rt1, shown1));
        var label = LabelTypes(bc.Label, out uint shown);
        var passed = fail ? diff : rt2;
        uint passedShown = fail ? shown1 : shown2;
        if (label.IsEmpty || !Subtyping.Matches(new ValType(passed), label[^1]))
        {
            throw Fail("type mismatch: instruction requires type " + TypeText.Of(passed, passedShown)
                + " but label has " + TypeText.Of(label, [shown]));
        }
        var rest = label[..^1];
        Pop(rest, [new ValType(rt1)], [shown], [shown1]);
        Push(rest, shown);
        Push(new ValType(fail ? rt2 : diff), fail ? shown2 : shown1);
    }

    // ---- §3.4.11 calls ------------------------------------------------------------------

    private void Call(bool tail)
    {
        var ft = _c.Func(Index(), this).Func!;
        if (tail) CheckTailResults(ft);
        Pop(ft.Params.AsSpan());
        Finish(ft, tail);
    }

    private void CallRef(bool tail)
    {
        uint x = Index();
        var ft = _c.FuncType(x, this);
        if (tail) CheckTailResults(ft);
        Pop(ft.Params.AsSpan(), [Ref(true, _c.Types[x])]);
        Finish(ft, tail);
    }

    private void CallIndirect(bool tail)
    {
        var ci = Imm<IndexPairInstruction>();
        var table = _c.Table(ci.X, this);
        var ft = _c.FuncType(ci.Y, this);
        if (!Subtyping.Matches(table.ElemType, RefType.FuncRef))
        {
            throw Fail("type mismatch: instruction requires table of function type but table has element type "
                + TypeText.Of(table.ElemType, _c.TableShown[ci.X]));
        }
        if (tail) CheckTailResults(ft);
        Pop(ft.Params.AsSpan(), [AddrVal(table.AddrType)]);
        Finish(ft, tail);
    }

    private void Finish(FuncType ft, bool tail)
    {
        if (tail) SetUnreachable();
        else Push(ft.Results.AsSpan());
    }

    /// <summary>§3.4.11 return_call*: the callee's results must match the caller's.</summary>
    private void CheckTailResults(FuncType callee)
    {
        if (!Subtyping.Matches(callee.Results.AsSpan(), _results.AsSpan()))
        {
            throw Fail("type mismatch: current function requires result type " + TypeText.Of(_results.AsSpan(), default)
                + " but callee returns " + TypeText.Of(callee.Results.AsSpan(), default));
        }
    }
}
