using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

internal sealed unsafe partial class Interpreter
{
    /// <summary>Table instructions (§4.4.6) and memory size/bulk instructions (§4.4.7).</summary>
    private static Slot* ExecuteTableOrMemory(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        switch ((Opcode)ins.Aux)
        {
            case Opcode.TableGet:
            {
                var t = inst.Tables[ins.A];
                ulong i = Address(sp - 1, t.Type.AddrType);
                if (i >= (ulong)t.Size) Trap(TrapKind.OutOfBoundsTableAccess);
                sp[-1].Ref = t.Elements[i];
                return sp;
            }
            case Opcode.TableSet:
            {
                var t = inst.Tables[ins.A];
                sp -= 2;
                ulong i = Address(sp, t.Type.AddrType);
                if (i >= (ulong)t.Size) Trap(TrapKind.OutOfBoundsTableAccess);
                t.Elements[i] = sp[1].Ref;
                return sp;
            }
            case Opcode.TableSize:
            {
                var t = inst.Tables[ins.A];
                (sp++)->I64 = t.Size;
                return sp;
            }
            case Opcode.TableGrow:
            {
                var t = inst.Tables[ins.A];
                sp--;
                long old = t.Grow(Address(sp, t.Type.AddrType), sp[-1].Ref);
                sp[-1] = default;
                sp[-1].I64 = t.Type.AddrType == AddrType.I64 ? old : (int)old;
                return sp;
            }
            case Opcode.TableFill:
            {
                var t = inst.Tables[ins.A];
                sp -= 3;
                ulong d = Address(sp, t.Type.AddrType), n = Address(sp + 2, t.Type.AddrType);
                CheckRange(d, n, (ulong)t.Size, TrapKind.OutOfBoundsTableAccess);
                Array.Fill(t.Elements, sp[1].Ref, (int)d, (int)n);
                return sp;
            }
            case Opcode.TableCopy:
            {
                TableInstance dst = inst.Tables[ins.A], src = inst.Tables[(int)ins.B];
                sp -= 3;
                var countType = dst.Type.AddrType == AddrType.I64 && src.Type.AddrType == AddrType.I64 ? AddrType.I64 : AddrType.I32;
                ulong d = Address(sp, dst.Type.AddrType), s = Address(sp + 1, src.Type.AddrType), n = Address(sp + 2, countType);
                CheckRange(s, n, (ulong)src.Size, TrapKind.OutOfBoundsTableAccess);
                CheckRange(d, n, (ulong)dst.Size, TrapKind.OutOfBoundsTableAccess);
                Array.Copy(src.Elements, (long)s, dst.Elements, (long)d, (long)n);
                return sp;
            }
            case Opcode.TableInit:
            {
                var t = inst.Tables[ins.A];
                var elements = inst.Elements[(int)ins.B].Elements;
                sp -= 3;
                ulong d = Address(sp, t.Type.AddrType), s = sp[1].U32, n = sp[2].U32;
                CheckRange(s, n, (ulong)elements.Length, TrapKind.OutOfBoundsTableAccess);
                CheckRange(d, n, (ulong)t.Size, TrapKind.OutOfBoundsTableAccess);
                Array.Copy(elements, (long)s, t.Elements, (long)d, (long)n);
                return sp;
            }
            case Opcode.ElemDrop:
                inst.Elements[ins.A].Drop();
                return sp;
            default:
                return ExecuteMemoryBulk(ref ins, inst, sp);
        }
    }

    private static Slot* ExecuteMemoryBulk(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        switch ((Opcode)ins.Aux)
        {
            case Opcode.MemorySize:
            {
                var m = inst.Memories[ins.A];
                (sp++)->I64 = (long)m.Pages;
                return sp;
            }
            case Opcode.MemoryGrow:
            {
                var m = inst.Memories[ins.A];
                long old = m.Grow(Address(sp - 1, m.Type.AddrType));
                sp[-1].I64 = m.Type.AddrType == AddrType.I64 ? old : (int)old;
                return sp;
            }
            case Opcode.MemoryFill:
            {
                var m = inst.Memories[ins.A];
                sp -= 3;
                ulong d = Address(sp, m.Type.AddrType), n = Address(sp + 2, m.Type.AddrType);
                CheckRange(d, n, (ulong)m.Data.LongLength, TrapKind.OutOfBoundsMemoryAccess);
                m.Data.AsSpan((int)d, (int)n).Fill((byte)sp[1].I32);
                return sp;
            }
            case Opcode.MemoryCopy:
            {
                MemoryInstance dst = inst.Memories[ins.A], src = inst.Memories[(int)ins.B];
                sp -= 3;
                var countType = dst.Type.AddrType == AddrType.I64 && src.Type.AddrType == AddrType.I64 ? AddrType.I64 : AddrType.I32;
                ulong d = Address(sp, dst.Type.AddrType), s = Address(sp + 1, src.Type.AddrType), n = Address(sp + 2, countType);
                CheckRange(s, n, (ulong)src.Data.LongLength, TrapKind.OutOfBoundsMemoryAccess);
                CheckRange(d, n, (ulong)dst.Data.LongLength, TrapKind.OutOfBoundsMemoryAccess);
                src.Data.AsSpan((int)s, (int)n).CopyTo(dst.Data.AsSpan((int)d, (int)n));
                return sp;
            }
            case Opcode.MemoryInit:
            {
                var m = inst.Memories[ins.A];
                var bytes = inst.Datas[(int)ins.B].Bytes;
                sp -= 3;
                ulong d = Address(sp, m.Type.AddrType), s = sp[1].U32, n = sp[2].U32;
                CheckRange(s, n, (ulong)bytes.Length, TrapKind.OutOfBoundsMemoryAccess);
                CheckRange(d, n, (ulong)m.Data.LongLength, TrapKind.OutOfBoundsMemoryAccess);
                bytes.AsSpan((int)s, (int)n).CopyTo(m.Data.AsSpan((int)d, (int)n));
                return sp;
            }
            case Opcode.DataDrop:
                inst.Datas[ins.A].Drop();
                return sp;
            default:
                throw new UnsupportedFeatureException($"execution of {OpcodeTable.Info((Opcode)ins.Aux).Name}");
        }
    }

    /// <summary>An address or count operand: u32, or u64 for 64-bit memories and tables.</summary>
    private static ulong Address(Slot* slot, AddrType type) => type == AddrType.I64 ? slot->U64 : slot->U32;

    /// <summary>Traps unless <c>[start, start + count)</c> lies within <c>[0, length)</c> (bulk operations check before touching anything).</summary>
    private static void CheckRange(ulong start, ulong count, ulong length, TrapKind kind)
    {
        if (start > length || count > length - start) Trap(kind);
    }
}
