using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    /// <summary>
    /// <c>call</c>, <c>call_indirect</c>, <c>call_ref</c> (function references) and their tail-call
    /// forms (§3.4.11). A guarded indirect call goes through the function table at the index of a
    /// function of the called type; an unguarded one may name any table and type (and trap with
    /// "indirect call type mismatch", "undefined element" or "uninitialized element").
    /// </summary>
    private void CallStep()
    {
        var f = _m.Features;
        int tail = f.TailCall ? 1 : 0;
        switch (_u.Weighted([5, 3, f.FunctionReferences ? 2 : 0, tail, tail, f.FunctionReferences ? tail : 0]))
        {
            case 0: DirectCall(false); break;
            case 1: IndirectCall(false); break;
            case 2: RefCall(false); break;
            case 3: DirectCall(true); break;
            case 4: IndirectCall(true); break;
            default: RefCall(true); break;
        }
    }

    /// <summary>A defined function to call; for a tail call one whose results the caller can return, or -1 if none.</summary>
    private int Callee(bool tail)
    {
        if (!tail) return _m.RandomDefinedFunction();
        var fitting = Enumerable.Range((int)GeneratedModule.ImportedFunctions, _m.DefinedFunctions)
            .Where(g => _m.Types.Match(_m.FuncType((uint)g).Results.AsSpan(), _type.Results.AsSpan())).ToList();
        return fitting.Count == 0 ? -1 : _u.Pick(fitting);
    }

    private void DirectCall(bool tail)
    {
        int callee = Callee(tail);
        if (callee < 0)
        {
            DirectCall(false);
            return;
        }
        var type = _m.FuncType((uint)callee);
        Supply(type.Params.AsSpan());
        Pop(type.Params.Count);
        FinishCall(new IndexInstruction(tail ? Opcode.ReturnCall : Opcode.Call, (uint)callee), type, tail);
    }

    private void IndirectCall(bool tail)
    {
        var op = tail ? Opcode.ReturnCallIndirect : Opcode.CallIndirect;
        if (NoTraps || ShouldGuard())
        {
            int callee = Callee(tail);
            if (callee < 0)
            {
                IndirectCall(false);
                return;
            }
            uint typeIndex = _m.FuncTypes[callee];
            var type = _m.Types.Func(typeIndex);
            Supply(type.Params.AsSpan());
            Pop(type.Params.Count);
            Emit(I32Const(callee - (int)GeneratedModule.ImportedFunctions));
            FinishCall(new IndexPairInstruction(op, 0, typeIndex), type, tail);
            return;
        }
        var tables = Enumerable.Range(0, _m.Tables.Count).Where(t => _m.Types.Matches(_m.Tables[t].Elem, ValType.FuncRef)).ToList();
        var types = Enumerable.Range(0, _m.Types.Count)
            .Where(t => _m.Types.IsFunc((uint)t) && (!tail || _m.Types.Match(_m.Types.Func((uint)t).Results.AsSpan(), _type.Results.AsSpan()))).ToList();
        if (types.Count == 0)
        {
            IndirectCall(false);
            return;
        }
        uint table = (uint)_u.Pick(tables);
        uint index = (uint)_u.Pick(types);
        var called = _m.Types.Func(index);
        Supply([.. called.Params, _m.Tables[(int)table].Addr]);
        Pop(called.Params.Count + 1);
        FinishCall(new IndexPairInstruction(op, table, index), called, tail);
    }

    /// <summary><c>call_ref $t</c>: guarded, the reference is a fresh <c>ref.func</c> (never null).</summary>
    private void RefCall(bool tail)
    {
        int callee = Callee(tail);
        if (callee < 0)
        {
            DirectCall(false);
            return;
        }
        uint typeIndex = _m.FuncTypes[callee];
        var type = _m.Types.Func(typeIndex);
        var reference = new ValType(new RefType(true, HeapType.Concrete(typeIndex)));
        Supply([.. type.Params, reference]);
        if (_stack[^1].Ref.Nullable && (NoTraps || ShouldGuard()))
        {
            Drop();
            Emit(new IndexInstruction(Opcode.RefFunc, (uint)callee));
            Push(reference with { Ref = reference.Ref with { Nullable = false } });
        }
        Pop(type.Params.Count + 1);
        FinishCall(new IndexInstruction(tail ? Opcode.ReturnCallRef : Opcode.CallRef, typeIndex), type, tail);
    }

    /// <summary>Emits the call; a tail call first gives back its depth and leaves the rest of the frame dead.</summary>
    private void FinishCall(Instruction call, FuncType type, bool tail)
    {
        if (tail)
        {
            EmitDepthDecrement();
            Emit(call);
            MarkUnreachable();
            return;
        }
        Emit(call);
        Push(type.Results.AsSpan());
    }
}
