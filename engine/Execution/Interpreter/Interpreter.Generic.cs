using System.Runtime.CompilerServices;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// A load or store on a memory other than an i32-addressed memory 0 (multi-memory,
    /// memory64): the effective address is checked for overflow as well as bounds (§4.4.7).
    /// </summary>
    private static Slot* AccessMemory(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        var memory = inst.Memories[ins.A];
        var data = memory.Data;
        var op = (Opcode)ins.Aux;
        bool store = OpcodeTable.Info(op).Signature!.Results.Count == 0;
        Slot* at = store ? sp - 2 : sp - 1;
        ulong address = memory.Type.AddrType == AddrType.I64 ? at->U64 : at->U32;
        ulong ea = LinearMemory.EffectiveAddress(address, (ulong)ins.B, 0, (ulong)data.LongLength);
        switch (op)
        {
            case Opcode.I32Load: at->I32 = LinearMemory.Read<int>(data, ea); return at + 1;
            case Opcode.I64Load: at->I64 = LinearMemory.Read<long>(data, ea); return at + 1;
            case Opcode.F32Load: at->U32 = LinearMemory.Read<uint>(data, ea); return at + 1;
            case Opcode.F64Load: at->U64 = LinearMemory.Read<ulong>(data, ea); return at + 1;
            case Opcode.I32Load8S: at->I32 = LinearMemory.Read<sbyte>(data, ea); return at + 1;
            case Opcode.I32Load8U: at->I32 = LinearMemory.Read<byte>(data, ea); return at + 1;
            case Opcode.I32Load16S: at->I32 = LinearMemory.Read<short>(data, ea); return at + 1;
            case Opcode.I32Load16U: at->I32 = LinearMemory.Read<ushort>(data, ea); return at + 1;
            case Opcode.I64Load8S: at->I64 = LinearMemory.Read<sbyte>(data, ea); return at + 1;
            case Opcode.I64Load8U: at->I64 = LinearMemory.Read<byte>(data, ea); return at + 1;
            case Opcode.I64Load16S: at->I64 = LinearMemory.Read<short>(data, ea); return at + 1;
            case Opcode.I64Load16U: at->I64 = LinearMemory.Read<ushort>(data, ea); return at + 1;
            case Opcode.I64Load32S: at->I64 = LinearMemory.Read<int>(data, ea); return at + 1;
            case Opcode.I64Load32U: at->I64 = LinearMemory.Read<uint>(data, ea); return at + 1;
            case Opcode.I32Store: LinearMemory.Write(data, ea, at[1].I32); return at;
            case Opcode.I64Store: LinearMemory.Write(data, ea, at[1].I64); return at;
            case Opcode.F32Store: LinearMemory.Write(data, ea, at[1].U32); return at;
            case Opcode.F64Store: LinearMemory.Write(data, ea, at[1].U64); return at;
            case Opcode.I32Store8: LinearMemory.Write(data, ea, (byte)at[1].I32); return at;
            case Opcode.I32Store16: LinearMemory.Write(data, ea, (ushort)at[1].I32); return at;
            case Opcode.I64Store8: LinearMemory.Write(data, ea, (byte)at[1].I64); return at;
            case Opcode.I64Store16: LinearMemory.Write(data, ea, (ushort)at[1].I64); return at;
            case Opcode.I64Store32: LinearMemory.Write(data, ea, (uint)at[1].I64); return at;
            default:
                throw new UnsupportedFeatureException($"execution of {OpcodeTable.Info(op).Name} on this memory");
        }
    }

    /// <summary>call_indirect (§4.4.8): the function at the popped index of table <paramref name="table"/>, checked against <paramref name="expectedType"/>.</summary>
    private static FunctionInstance TableCallee(ModuleInstance inst, int table, uint expectedType, ref Slot* sp)
    {
        var t = inst.Tables[table];
        sp--;
        ulong index = t.Type.AddrType == AddrType.I64 ? sp->U64 : sp->U32;
        var elements = t.Elements;
        if (index >= (ulong)elements.Length) throw new TrapException(TrapKind.UndefinedElement, $"undefined element {index}");
        if (elements[index] is not FunctionInstance f) throw new TrapException(TrapKind.UninitializedElement, $"uninitialized element {index}");
        if (f.TypeId != expectedType && !CanonicalTypes.IsSubtype(f.TypeId, expectedType))
            Trap(TrapKind.IndirectCallTypeMismatch);
        return f;
    }

    private static UInt128 Wide(ulong low, ulong high) => new(high, low);

    /// <summary>throw x: a new exception of tag <paramref name="tag"/> with the tag's parameters popped as payload.</summary>
    private static ExceptionInstance NewException(TagInstance tag, ref Slot* sp)
    {
        int cells = CodeContext.Cells(tag.Type.Params);
        var payload = new Slot[cells];
        sp -= cells;
        for (int i = 0; i < cells; i++) payload[i] = sp[i];
        return new ExceptionInstance(tag, payload);
    }

    /// <summary>
    /// Looks for a catch clause of <paramref name="fn"/> that takes <paramref name="exception"/>
    /// thrown at <paramref name="at"/>; when one does, puts what it delivers (payload and/or the
    /// exception reference) at its label's height and points <paramref name="pc"/> at its target.
    /// </summary>
    private static bool TryCatch(CompiledFunction fn, ModuleInstance inst, ExceptionInstance exception, int at, Slot* fp, ref Slot* sp, ref int pc)
    {
        var handlers = fn.Handlers;
        for (int h = 0; h < handlers.Length; h++)
        {
            var handler = handlers[h];
            if (at < handler.Start || at >= handler.End) continue;
            if (handler.IsDelegate)
            {
                // Legacy delegate: the search goes on at the target block's handler, or in the caller.
                if (handler.DelegateIndex < 0) return false;
                h = handler.DelegateIndex - 1;
                continue;
            }
            foreach (ref readonly var c in handler.Catches.AsSpan())
            {
                bool tagged = c.Kind is CatchKind.Catch or CatchKind.CatchRef;
                if (tagged && inst.Tags[c.Tag] != exception.Tag) continue;
                if (c.ExceptionSlot >= 0) fp[c.ExceptionSlot] = new Slot { Ref = exception };
                Slot* dest = fp + c.Dest;
                if (tagged)
                    foreach (var cell in exception.Payload) *dest++ = cell;
                if (c.Kind is CatchKind.CatchRef or CatchKind.CatchAllRef) *dest++ = new Slot { Ref = exception };
                sp = dest;
                pc = c.Target;
                return true;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ExceptionInstance NullException() => throw new TrapException(TrapKind.NullExceptionReference);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FunctionInstance NullFunction() => throw new TrapException(TrapKind.NullFunctionReference);

    /// <summary>The rarer instructions, run out of line: references, tables, memory size and bulk operations.</summary>
    private static Slot* ExecuteGeneric(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        switch ((Opcode)ins.Aux)
        {
            // §4.4.2 reference instructions.
            case Opcode.RefFunc:
                (sp++)->Ref = inst.Functions[ins.A];
                return sp;
            case Opcode.RefIsNull:
                sp[-1] = new Slot { I32 = sp[-1].Ref is null ? 1 : 0 };
                return sp;
            case Opcode.RefAsNonNull:
                if (sp[-1].Ref is null) Trap(TrapKind.NullReference);
                return sp;
            case Opcode.RefEq:
                sp--;
                sp[-1] = new Slot { I32 = RuntimeReferences.Equal(sp[-1].Ref, sp[0].Ref) ? 1 : 0 };
                return sp;
            // Wide-arithmetic proposal: 128-bit results as two i64 halves (low first).
            case Opcode.I64Add128:
            {
                sp -= 2;
                UInt128 sum = Wide(sp[-2].U64, sp[-1].U64) + Wide(sp[0].U64, sp[1].U64);
                sp[-2].U64 = (ulong)sum;
                sp[-1].U64 = (ulong)(sum >> 64);
                return sp;
            }
            case Opcode.I64Sub128:
            {
                sp -= 2;
                UInt128 difference = Wide(sp[-2].U64, sp[-1].U64) - Wide(sp[0].U64, sp[1].U64);
                sp[-2].U64 = (ulong)difference;
                sp[-1].U64 = (ulong)(difference >> 64);
                return sp;
            }
            case Opcode.I64MulWideS:
            {
                Int128 product = (Int128)sp[-2].I64 * sp[-1].I64;
                sp[-2].U64 = (ulong)product;
                sp[-1].U64 = (ulong)(product >> 64);
                return sp;
            }
            case Opcode.I64MulWideU:
            {
                UInt128 product = (UInt128)sp[-2].U64 * sp[-1].U64;
                sp[-2].U64 = (ulong)product;
                sp[-1].U64 = (ulong)(product >> 64);
                return sp;
            }
            // Threads proposal: atomic memory instructions, contiguous in Opcode.
            case >= Opcode.MemoryAtomicNotify and <= Opcode.I64AtomicRmw32CmpxchgU:
                return ExecuteAtomic(ref ins, inst, sp);
            // Custom descriptors: allocation with descriptors and descriptor casts, contiguous in Opcode.
            case >= Opcode.StructNewDesc and <= Opcode.BrOnCastDescEqFail:
                return DescriptorInstructions.Execute(ref ins, inst, sp);
            // GC instructions (struct.*, array.*, casts, i31): contiguous in Opcode.
            case >= Opcode.StructNew and <= Opcode.I31GetU:
                return GcInstructions.Execute(ref ins, inst, sp);
            default:
                return ExecuteTableOrMemory(ref ins, inst, sp);
        }
    }
}
