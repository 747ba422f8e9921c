using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

internal sealed unsafe partial class Interpreter
{
    /// <summary>What an atomic instruction does with the cell it accesses.</summary>
    private enum AtomicOperation : byte { Load, Store, Add, Sub, And, Or, Xor, Xchg, Cmpxchg, Wait, Notify }

    /// <summary>
    /// Threads proposal, atomic memory instructions (<c>A</c> = memory index, <c>B</c> = offset),
    /// with the semantics of a single thread: every access is sequentially consistent by
    /// itself. In the order of the proposal's prose: the effective address must be a multiple
    /// of the access size ("unaligned atomic memory access"), then <c>wait</c> needs a shared
    /// memory ("expected shared memory"), then the access must be in bounds. Narrow forms
    /// zero-extend what they read and keep the low bits of what they write.
    /// </summary>
    private static Slot* ExecuteAtomic(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        var op = (Opcode)ins.Aux;
        var sig = Signatures.Of(op)!;
        var memory = inst.Memories[ins.A];
        int size = 1 << sig.SizeLog2;
        Slot* at = sp - sig.In32.Length;
        ulong address = Address(at, memory.Type.AddrType), offset = (ulong)ins.B;
        // The low bits of the wrapped sum are those of i + offset, even when the sum passes 2^64.
        if (((address + offset) & (ulong)(size - 1)) != 0)
            throw new TrapException(TrapKind.UnalignedAtomic, "unaligned atomic memory access");
        var operation = OperationOf(op);
        if (operation == AtomicOperation.Wait && !memory.Type.Shared) Trap(TrapKind.ExpectedSharedMemory);
        var data = memory.Data;
        ulong ea = LinearMemory.EffectiveAddress(address, offset, (ulong)size, (ulong)data.LongLength);
        ulong mask = size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1;
        switch (operation)
        {
            case AtomicOperation.Store:
                WriteCell(data, ea, size, at[1].U64);
                return at;
            case AtomicOperation.Notify:
                // No thread waits: nobody is woken.
                *at = new Slot { U64 = 0 };
                return at + 1;
            case AtomicOperation.Wait:
                *at = new Slot { U64 = Wait(ReadCell(data, ea, size), at[1].U64 & mask, at[2].I64) };
                return at + 1;
            case AtomicOperation.Cmpxchg:
            {
                ulong read = ReadCell(data, ea, size);
                if (read == (at[1].U64 & mask)) WriteCell(data, ea, size, at[2].U64);
                *at = new Slot { U64 = read };
                return at + 1;
            }
            default:
            {
                ulong read = ReadCell(data, ea, size);
                if (operation != AtomicOperation.Load) WriteCell(data, ea, size, Modify(operation, read, at[1].U64));
                *at = new Slot { U64 = read };
                return at + 1;
            }
        }
    }

    /// <summary>
    /// <c>memory.atomic.wait</c> on a shared memory: 1 ("not-equal") when the cell does not hold
    /// <paramref name="expected"/>; else the thread is suspended until notified or until
    /// <paramref name="timeout"/> nanoseconds pass. No other thread exists to notify it, so a
    /// finite timeout can only end in 2 ("timed-out"), which is answered at once (only a clock
    /// could tell the difference); a negative timeout suspends the thread forever, which no
    /// run can finish: it is reported as time exhaustion.
    /// </summary>
    private static ulong Wait(ulong read, ulong expected, long timeout)
    {
        if (read != expected) return 1;
        if (timeout < 0) throw new ExhaustionException(ExhaustionKind.Time);
        return 2;
    }

    /// <summary>The new value of a read-modify-write cell (only its low bits are written back).</summary>
    private static ulong Modify(AtomicOperation operation, ulong read, ulong operand) => operation switch
    {
        AtomicOperation.Add => read + operand,
        AtomicOperation.Sub => read - operand,
        AtomicOperation.And => read & operand,
        AtomicOperation.Or => read | operand,
        AtomicOperation.Xor => read ^ operand,
        _ => operand,
    };

    private static AtomicOperation OperationOf(Opcode op) => op switch
    {
        Opcode.MemoryAtomicNotify => AtomicOperation.Notify,
        Opcode.MemoryAtomicWait32 or Opcode.MemoryAtomicWait64 => AtomicOperation.Wait,
        >= Opcode.I32AtomicLoad and <= Opcode.I64AtomicLoad32U => AtomicOperation.Load,
        >= Opcode.I32AtomicStore and <= Opcode.I64AtomicStore32 => AtomicOperation.Store,
        >= Opcode.I32AtomicRmwAdd and <= Opcode.I64AtomicRmw32AddU => AtomicOperation.Add,
        >= Opcode.I32AtomicRmwSub and <= Opcode.I64AtomicRmw32SubU => AtomicOperation.Sub,
        >= Opcode.I32AtomicRmwAnd and <= Opcode.I64AtomicRmw32AndU => AtomicOperation.And,
        >= Opcode.I32AtomicRmwOr and <= Opcode.I64AtomicRmw32OrU => AtomicOperation.Or,
        >= Opcode.I32AtomicRmwXor and <= Opcode.I64AtomicRmw32XorU => AtomicOperation.Xor,
        >= Opcode.I32AtomicRmwXchg and <= Opcode.I64AtomicRmw32XchgU => AtomicOperation.Xchg,
        _ => AtomicOperation.Cmpxchg,
    };

    /// <summary>The <paramref name="size"/> bytes at <paramref name="ea"/>, zero-extended.</summary>
    private static ulong ReadCell(byte[] data, ulong ea, int size) => size switch
    {
        1 => LinearMemory.Read<byte>(data, ea),
        2 => LinearMemory.Read<ushort>(data, ea),
        4 => LinearMemory.Read<uint>(data, ea),
        _ => LinearMemory.Read<ulong>(data, ea),
    };

    /// <summary>Writes the low <paramref name="size"/> bytes of <paramref name="value"/> at <paramref name="ea"/>.</summary>
    private static void WriteCell(byte[] data, ulong ea, int size, ulong value)
    {
        switch (size)
        {
            case 1: LinearMemory.Write(data, ea, (byte)value); break;
            case 2: LinearMemory.Write(data, ea, (ushort)value); break;
            case 4: LinearMemory.Write(data, ea, (uint)value); break;
            default: LinearMemory.Write(data, ea, value); break;
        }
    }
}
