using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    /// <summary>
    /// A table instruction (§4.4.6): get, set, size, grow, fill (reference types), copy, init,
    /// elem.drop (bulk memory). With <c>disallow_traps</c>, nothing writes to the function table.
    /// </summary>
    private void TableStep()
    {
        var f = _m.Features;
        var elems = _m.ElementInfo;
        var droppable = Enumerable.Range(0, elems.Count).Where(e => !NoTraps || elems[e].Droppable).ToList();
        int rt = f.ReferenceTypes ? 2 : 0;
        int bulk = f.BulkMemory ? 2 : 0;
        int pick = _u.Weighted([rt, rt, rt, rt / 2, rt, bulk, bulk, droppable.Count > 0 ? bulk / 2 : 0]);
        uint t = (uint)_u.Int(0, _m.Tables.Count - 1);
        var table = _m.Tables[(int)t];
        bool writable = !NoTraps || t != 0;
        ulong min = table.Type.Limits.Min;
        bool indexable = min > 0 || !NoTraps;
        switch (pick)
        {
            case 0 when indexable:
                Supply([table.Addr]);
                if (min > 0 && ShouldGuard()) MaskOperands([LowMask(min - 1)]);
                Pop(1);
                Emit(new IndexInstruction(Opcode.TableGet, t));
                Push(table.Elem);
                break;
            case 1 when writable && indexable:
                Supply([table.Addr, table.Elem]);
                if (min > 0 && ShouldGuard()) MaskOperands([LowMask(min - 1), null]);
                Pop(2);
                Emit(new IndexInstruction(Opcode.TableSet, t));
                break;
            case 2:
                Emit(new IndexInstruction(Opcode.TableSize, t));
                Push(table.Addr);
                break;
            case 3:
                Supply([table.Elem, table.Addr]);
                Pop(2);
                Emit(new IndexInstruction(Opcode.TableGrow, t));
                Push(table.Addr);
                break;
            case 4 when writable:
                BulkOperation(new IndexInstruction(Opcode.TableFill, t), [table.Addr, table.Elem, table.Addr],
                    [LowMask(min / 2), null, LowMask(min / 2)]);
                break;
            case 5 when writable:
                TableCopy(t, table);
                break;
            case 6 when writable && elems.Count > 0:
                TableInit(t, table);
                break;
            case 7:
                Emit(new IndexInstruction(Opcode.ElemDrop, (uint)_u.Pick(droppable)));
                break;
            default:
                TableSizeOrNop(t, table);
                break;
        }
    }

    /// <summary>The fallback when the chosen table instruction does not apply: <c>table.size</c>, or <c>nop</c> without reference types.</summary>
    private void TableSizeOrNop(uint t, TableInfo table)
    {
        if (!_m.Features.ReferenceTypes)
        {
            Emit(Opcode.Nop);
            return;
        }
        Emit(new IndexInstruction(Opcode.TableSize, t));
        Push(table.Addr);
    }

    private void TableCopy(uint dst, TableInfo d)
    {
        var sources = Enumerable.Range(0, _m.Tables.Count).Where(s => _m.Types.Matches(_m.Tables[s].Elem, d.Elem)).ToList();
        uint src = (uint)_u.Pick(sources);
        var s = _m.Tables[(int)src];
        var length = d.Addr.Kind == ValTypeKind.I64 && s.Addr.Kind == ValTypeKind.I64 ? ValType.I64 : ValType.I32;
        ulong dMin = d.Type.Limits.Min, sMin = s.Type.Limits.Min;
        BulkOperation(new IndexPairInstruction(Opcode.TableCopy, dst, src), [d.Addr, s.Addr, length],
            [LowMask(dMin / 2), LowMask(sMin / 2), LowMask(Math.Min(dMin, sMin) / 2)]);
    }

    private void TableInit(uint t, TableInfo table)
    {
        var segments = Enumerable.Range(0, _m.ElementInfo.Count)
            .Where(e => _m.Types.Matches(new ValType(_m.ElementInfo[e].Elem), table.Elem)).ToList();
        if (segments.Count == 0)
        {
            TableSizeOrNop(t, table);
            return;
        }
        int e = _u.Pick(segments);
        ulong safe = (ulong)_m.ElementInfo[e].SafeLength;
        ulong min = table.Type.Limits.Min;
        BulkOperation(new IndexPairInstruction(Opcode.TableInit, t, (uint)e), [table.Addr, ValType.I32, ValType.I32],
            [LowMask(min / 2), LowMask(safe / 2), LowMask(Math.Min(safe, min) / 2)]);
    }

    /// <summary>
    /// <c>ref.null</c>, <c>ref.is_null</c>, <c>ref.func</c>, with function references
    /// <c>ref.as_non_null</c> (only of non-null values with <c>disallow_traps</c>), with GC <c>ref.eq</c>.
    /// </summary>
    private void ReferenceStep()
    {
        bool typed = _m.Features.FunctionReferences;
        var top = Top is { IsRef: true } r ? r : (ValType?)null;
        bool asNonNull = typed && top is { } v && (!NoTraps || !v.Ref.Nullable);
        switch (_u.Weighted([2, 2, 2, asNonNull ? 2 : 0, _m.Features.Gc ? 1 : 0, _m.Features.Gc ? 4 : 0]))
        {
            case 5:
                CastStep();
                break;
            case 0:
                var heap = _m.RandomValType() is { IsRef: true } rt ? rt.Ref.Heap : HeapType.Func;
                Emit(new HeapTypeInstruction(Opcode.RefNull, heap));
                Push(new ValType(new RefType(true, heap)));
                break;
            case 1:
                var operand = top is { } known && _u.Chance(80) ? ValueTypes.Nullable(Declarable(known)) : RandomRefType();
                Supply([operand]);
                Pop(1);
                Emit(Opcode.RefIsNull);
                Push(ValType.I32);
                break;
            case 2:
                uint f = (uint)_m.RandomDefinedFunction();
                Emit(new IndexInstruction(Opcode.RefFunc, f));
                Push(new ValType(new RefType(false, HeapType.Concrete(_m.FuncTypes[(int)f]))));
                break;
            case 4:
                Supply([ValueTypes.EqRef, ValueTypes.EqRef]);
                Pop(2);
                Emit(Opcode.RefEq);
                Push(ValType.I32);
                break;
            default:
                var value = _stack[^1];
                Pop(1);
                Emit(Opcode.RefAsNonNull);
                Push(new ValType(value.Ref with { Nullable = false }));
                break;
        }
    }

    /// <summary>A nullable reference type the configuration allows.</summary>
    private ValType RandomRefType()
    {
        for (int i = 0; i < 4; i++)
            if (_m.RandomValType() is { IsRef: true } t) return t;
        return ValType.FuncRef;
    }
}
