using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    /// <summary>
    /// With GC: <c>ref.test</c>, <c>ref.cast</c> (guarded: only to the operand's own type, which
    /// cannot fail), <c>any.convert_extern</c>, <c>extern.convert_any</c> (§3.4.5).
    /// </summary>
    private void CastStep()
    {
        var top = _u.Pick(CastHierarchies);
        var operand = ValueTypes.Abstract(top);
        switch (_u.Int(0, 3))
        {
            case 0:
                Supply([operand]);
                Pop(1);
                Emit(new RefTypeInstruction(Opcode.RefTest, RandomSubtypeOf(operand)));
                Push(ValType.I32);
                break;
            case 1:
                Supply([operand]);
                var actual = _stack[^1];
                var target = Guarded() ? Declarable(actual).Ref : RandomSubtypeOf(operand);
                Pop(1);
                Emit(new RefTypeInstruction(Opcode.RefCast, target));
                Push(new ValType(target));
                break;
            case 2:
                Supply([ValType.ExternRef]);
                bool nullable = _stack[^1].Ref.Nullable;
                Pop(1);
                Emit(Opcode.AnyConvertExtern);
                Push(new ValType(new RefType(nullable, HeapType.Any)));
                break;
            default:
                Supply([ValueTypes.Abstract(HeapKind.Any)]);
                bool any = _stack[^1].Ref.Nullable;
                Pop(1);
                Emit(Opcode.ExternConvertAny);
                Push(new ValType(new RefType(any, HeapType.Extern)));
                break;
        }
    }

    private static readonly HeapKind[] CastHierarchies = [HeapKind.Any, HeapKind.Any, HeapKind.Func, HeapKind.Extern];

    /// <summary>
    /// A reference type that matches <paramref name="r"/>: itself, its non-null form, or one of
    /// the heap types below it (i31, struct, array, concrete types and their declared subtypes,
    /// the bottom types none, nofunc, noextern), nullable only if <paramref name="r"/> is.
    /// </summary>
    private RefType RandomSubtypeOf(ValType r)
    {
        var heap = r.Ref.Heap;
        var below = new List<HeapType> { heap, new(TypeTable.Bottom(_m.Types.Top(heap))) };
        var kind = heap.IsConcrete ? HeapKind.Concrete : heap.Kind;
        if (kind is HeapKind.Any) below.AddRange([new HeapType(HeapKind.Eq), new HeapType(HeapKind.I31)]);
        if (kind is HeapKind.Any or HeapKind.Eq) below.AddRange([new HeapType(HeapKind.Struct), new HeapType(HeapKind.Array), new HeapType(HeapKind.I31)]);
        foreach (uint g in _m.GcTypes)
            if (_m.Types.HeapMatches(HeapType.Concrete(g), heap)) below.Add(HeapType.Concrete(g));
        if (kind == HeapKind.Func)
            foreach (uint f in _m.FuncTypes.Skip((int)GeneratedModule.ImportedFunctions).Distinct()) below.Add(HeapType.Concrete(f));
        return new RefType(r.Ref.Nullable && _u.Bool(), _u.Pick(below));
    }

    /// <summary>
    /// <c>br_on_cast</c> or <c>br_on_cast_fail</c> (§3.4.11) to a label whose last type is a
    /// reference outside the exception hierarchy: cast from that hierarchy's top (or the
    /// label's type) to a subtype of the label's type.
    /// </summary>
    private void BrOnCast(List<int> labels)
    {
        int label = _u.Pick(labels);
        var types = _frames[label].LabelTypes;
        var last = types[^1];
        var rt2 = RandomSubtypeOf(last);
        bool fail = _u.Bool();
        var rt1 = fail || _u.Bool() ? last.Ref : new RefType(true, new HeapType(_m.Types.Top(last.Ref.Heap)));
        if (fail && !last.Ref.Nullable) rt2 = rt2 with { Nullable = false };
        var rest = types[..^1];
        Supply([.. rest, new ValType(rt1)]);
        Pop(types.Length);
        Emit(new BrOnCastInstruction(fail ? Opcode.BrOnCastFail : Opcode.BrOnCast, Depth(label), rt1, rt2));
        Push(rest);
        Push(fail ? new ValType(rt2) : new ValType(rt1 with { Nullable = rt1.Nullable && !rt2.Nullable }));
    }

    /// <summary>Labels a cast branch can target: their last type is a reference, not an exception one.</summary>
    private List<int> CastLabels() => !_m.Features.Gc ? [] : Enumerable.Range(1, _frames.Count - 1)
        .Where(l => _frames[l].LabelTypes is [.., { IsRef: true } t] && _m.Types.Top(t.Ref.Heap) != HeapKind.Exn).ToList();
}
