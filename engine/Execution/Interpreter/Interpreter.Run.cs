using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Execution.Numerics;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

internal sealed unsafe partial class Interpreter
{
    /// <summary>
    /// Runs <paramref name="entry"/> of <paramref name="entryInstance"/>, whose arguments are at cell <paramref name="entryFp"/>,
    /// until it returns to the boundary frame below it. Returns the stack pointer (cell index)
    /// just above its results.
    /// </summary>
    /// <remarks>
    /// One case per operation of the internal code, each a few lines reading like its rule in
    /// §4.4; numerics are in <c>Numerics/</c>. Calls and returns switch frames in place.
    /// </remarks>
    private int Run(ModuleInstance entryInstance, CompiledFunction entry, int entryFp)
    {
        fixed (Slot* stackBase = _stack)
        {
            Slot* stackLimit = stackBase + _stack.Length;
            CompiledFunction fn = entry;
            Slot* fp = stackBase + entryFp;
            Slot* sp = Enter(fn, fp, stackLimit);
            ModuleInstance inst = entryInstance;
            byte[] mem = Memory0(inst);
            GlobalInstance[] globals = inst.Globals;
            Inst[] code = fn.Code;
            int pc = 0;
            FunctionInstance callee;
            bool tail;
            ExceptionInstance? exception = null;
            while (true)
            {
                ref Inst ins = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(code), pc++);
                switch (ins.Op)
                {
                    // §4.4.8 control instructions, with targets resolved at compile time.
                    case Op.Fuel:
                        if ((_fuelSlice -= ins.A) < 0) RefillFuel();
                        break;
                    case Op.Br:
                        pc = ins.A;
                        break;
                    case Op.BrCopy:
                        sp = Move(sp, fp, ins.B);
                        pc = ins.A;
                        break;
                    case Op.BrIf:
                        if ((--sp)->I32 != 0) pc = ins.A;
                        break;
                    case Op.BrIfCopy:
                        if ((--sp)->I32 != 0)
                        {
                            sp = Move(sp, fp, ins.B);
                            pc = ins.A;
                        }
                        break;
                    case Op.BrUnless:
                        if ((--sp)->I32 == 0) pc = ins.A;
                        break;
                    case Op.BrTable:
                    {
                        uint last = (uint)ins.B - 1;
                        uint i = Math.Min((--sp)->U32, last);
                        ref BrTableEntry target = ref fn.BrTables[ins.A + (int)i];
                        sp = Move(sp, fp + target.Dest, target.Count);
                        pc = target.Target;
                        break;
                    }
                    case Op.BrOnNull:
                        if (sp[-1].Ref is null)
                        {
                            sp--;
                            if (ins.B >= 0) sp = Move(sp, fp, ins.B);
                            pc = ins.A;
                        }
                        break;
                    case Op.BrOnNonNull:
                        if (sp[-1].Ref is not null)
                        {
                            if (ins.B >= 0) sp = Move(sp, fp, ins.B);
                            pc = ins.A;
                        }
                        else
                        {
                            sp--;
                        }
                        break;
                    case (Op)Opcode.Unreachable:
                        Trap(TrapKind.Unreachable);
                        break;
                    case Op.Return:
                        goto @return;
                    case Op.Call:
                        callee = inst.Functions[ins.A];
                        tail = false;
                        goto call;
                    case Op.ReturnCall:
                        callee = inst.Functions[ins.A];
                        tail = true;
                        goto call;
                    case Op.CallIndirect or Op.ReturnCallIndirect:
                        callee = TableCallee(inst, ins.A, inst.TypeIds[ins.B], ref sp);
                        tail = ins.Op == Op.ReturnCallIndirect;
                        goto call;
                    case Op.CallRef or Op.ReturnCallRef:
                        callee = (--sp)->Ref as FunctionInstance ?? NullFunction();
                        tail = ins.Op == Op.ReturnCallRef;
                        goto call;

                    case Op.Throw:
                        exception = NewException(inst.Tags[ins.A], ref sp);
                        goto @throw;
                    case Op.ThrowRef:
                        exception = (--sp)->Ref as ExceptionInstance ?? NullException();
                        goto @throw;
                    case Op.Rethrow:
                        exception = (ExceptionInstance)fp[ins.A].Ref!;
                        goto @throw;

                    // §4.4.4 parametric instructions.
                    case Op.Drop:
                        sp -= ins.A;
                        break;
                    case Op.Select:
                    {
                        int condition = (--sp)->I32;
                        sp -= ins.A;
                        if (condition == 0)
                        {
                            sp[-ins.A] = sp[0];
                            if (ins.A == 2) sp[-1] = sp[1];
                        }
                        break;
                    }

                    // §4.4.5 variable instructions.
                    case Op.LocalGet:
                        *sp++ = fp[ins.A];
                        break;
                    case Op.LocalSet:
                        fp[ins.A] = *--sp;
                        break;
                    case Op.LocalTee:
                        fp[ins.A] = sp[-1];
                        break;
                    case Op.LocalGet2:
                        sp[0] = fp[ins.A];
                        sp[1] = fp[ins.A + 1];
                        sp += 2;
                        break;
                    case Op.LocalSet2:
                        sp -= 2;
                        fp[ins.A] = sp[0];
                        fp[ins.A + 1] = sp[1];
                        break;
                    case Op.LocalTee2:
                        fp[ins.A] = sp[-2];
                        fp[ins.A + 1] = sp[-1];
                        break;
                    case Op.LocalGetGet:
                        sp[0] = fp[ins.A];
                        sp[1] = fp[(int)ins.B];
                        sp += 2;
                        break;
                    case Op.LocalSetGet:
                        fp[ins.A] = sp[-1];
                        sp[-1] = fp[(int)ins.B];
                        break;
                    case Op.LocalGetI32AddImm:
                        (sp++)->I32 = fp[ins.A].I32 + (int)ins.B;
                        break;
                    case Op.I32AddImm: sp[-1].I32 += (int)ins.B; break;
                    case Op.I32SubImm: sp[-1].I32 -= (int)ins.B; break;
                    case Op.I32MulImm: sp[-1].I32 *= (int)ins.B; break;
                    case Op.I32AndImm: sp[-1].I32 &= (int)ins.B; break;
                    case Op.I32OrImm: sp[-1].I32 |= (int)ins.B; break;
                    case Op.I32XorImm: sp[-1].I32 ^= (int)ins.B; break;
                    case Op.I32ShlImm: sp[-1].I32 = I32.Shl(sp[-1].I32, (int)ins.B); break;
                    case Op.I32ShrSImm: sp[-1].I32 = I32.ShrS(sp[-1].I32, (int)ins.B); break;
                    case Op.I32ShrUImm: sp[-1].I32 = I32.ShrU(sp[-1].I32, (int)ins.B); break;
                    case Op.I32RotlImm: sp[-1].I32 = I32.Rotl(sp[-1].I32, (int)ins.B); break;
                    case Op.I32EqImm: sp[-1].I32 = I32.Eq(sp[-1].I32, (int)ins.B); break;
                    case Op.I32NeImm: sp[-1].I32 = I32.Ne(sp[-1].I32, (int)ins.B); break;
                    case Op.I32LtSImm: sp[-1].I32 = I32.LtS(sp[-1].I32, (int)ins.B); break;
                    case Op.I32LtUImm: sp[-1].I32 = I32.LtU(sp[-1].I32, (int)ins.B); break;
                    case Op.I32GtSImm: sp[-1].I32 = I32.GtS(sp[-1].I32, (int)ins.B); break;
                    case Op.I32GtUImm: sp[-1].I32 = I32.GtU(sp[-1].I32, (int)ins.B); break;
                    case Op.I32LeSImm: sp[-1].I32 = I32.LeS(sp[-1].I32, (int)ins.B); break;
                    case Op.I32LeUImm: sp[-1].I32 = I32.LeU(sp[-1].I32, (int)ins.B); break;
                    case Op.I32GeSImm: sp[-1].I32 = I32.GeS(sp[-1].I32, (int)ins.B); break;
                    case Op.I32GeUImm: sp[-1].I32 = I32.GeU(sp[-1].I32, (int)ins.B); break;
                    case Op.BrIfI32Eq: sp -= 2; if (sp[0].I32 == sp[1].I32) pc = ins.A; break;
                    case Op.BrIfI32Ne: sp -= 2; if (sp[0].I32 != sp[1].I32) pc = ins.A; break;
                    case Op.BrIfI32LtS: sp -= 2; if (sp[0].I32 < sp[1].I32) pc = ins.A; break;
                    case Op.BrIfI32LtU: sp -= 2; if (sp[0].U32 < sp[1].U32) pc = ins.A; break;
                    case Op.BrIfI32GtS: sp -= 2; if (sp[0].I32 > sp[1].I32) pc = ins.A; break;
                    case Op.BrIfI32GtU: sp -= 2; if (sp[0].U32 > sp[1].U32) pc = ins.A; break;
                    case Op.BrIfI32LeS: sp -= 2; if (sp[0].I32 <= sp[1].I32) pc = ins.A; break;
                    case Op.BrIfI32LeU: sp -= 2; if (sp[0].U32 <= sp[1].U32) pc = ins.A; break;
                    case Op.BrIfI32GeS: sp -= 2; if (sp[0].I32 >= sp[1].I32) pc = ins.A; break;
                    case Op.BrIfI32GeU: sp -= 2; if (sp[0].U32 >= sp[1].U32) pc = ins.A; break;
                    case Op.BrIfI32EqImm: if ((--sp)->I32 == (int)ins.B) pc = ins.A; break;
                    case Op.BrIfI32NeImm: if ((--sp)->I32 != (int)ins.B) pc = ins.A; break;
                    case Op.BrIfI32LtSImm: if ((--sp)->I32 < (int)ins.B) pc = ins.A; break;
                    case Op.BrIfI32LtUImm: if ((--sp)->U32 < (uint)ins.B) pc = ins.A; break;
                    case Op.BrIfI32GtSImm: if ((--sp)->I32 > (int)ins.B) pc = ins.A; break;
                    case Op.BrIfI32GtUImm: if ((--sp)->U32 > (uint)ins.B) pc = ins.A; break;
                    case Op.BrIfI32LeSImm: if ((--sp)->I32 <= (int)ins.B) pc = ins.A; break;
                    case Op.BrIfI32LeUImm: if ((--sp)->U32 <= (uint)ins.B) pc = ins.A; break;
                    case Op.BrIfI32GeSImm: if ((--sp)->I32 >= (int)ins.B) pc = ins.A; break;
                    case Op.BrIfI32GeUImm: if ((--sp)->U32 >= (uint)ins.B) pc = ins.A; break;
                    case Op.GlobalGet:
                        *sp++ = globals[ins.A].Low;
                        break;
                    case Op.GlobalSet:
                        globals[ins.A].Low = *--sp;
                        break;
                    case Op.GlobalGet2:
                    {
                        var g = globals[ins.A];
                        sp[0] = g.Low;
                        sp[1].U64 = g.High;
                        sp += 2;
                        break;
                    }
                    case Op.GlobalSet2:
                    {
                        var g = globals[ins.A];
                        sp -= 2;
                        g.Low = sp[0];
                        g.High = sp[1].U64;
                        break;
                    }

                    // Constants.
                    case Op.Const:
                        (sp++)->I64 = ins.B;
                        break;
                    case Op.ConstV128:
                        sp[0].U64 = fn.V128Pool[ins.A];
                        sp[1].U64 = fn.V128Pool[ins.A + 1];
                        sp += 2;
                        break;
                    case Op.RefNull:
                        (sp++)->Ref = null;
                        break;

                    // §4.4.7 memory instructions on an i32-addressed memory 0.
                case (Op)Opcode.I32Load: sp[-1].I32 = LinearMemory.Read<int>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I64Load: sp[-1].I64 = LinearMemory.Read<long>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.F32Load: sp[-1].U32 = LinearMemory.Read<uint>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.F64Load: sp[-1].U64 = LinearMemory.Read<ulong>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I32Load8S: sp[-1].I32 = LinearMemory.Read<sbyte>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I32Load8U: sp[-1].I32 = LinearMemory.Read<byte>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I32Load16S: sp[-1].I32 = LinearMemory.Read<short>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I32Load16U: sp[-1].I32 = LinearMemory.Read<ushort>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I64Load8S: sp[-1].I64 = LinearMemory.Read<sbyte>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I64Load8U: sp[-1].I64 = LinearMemory.Read<byte>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I64Load16S: sp[-1].I64 = LinearMemory.Read<short>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I64Load16U: sp[-1].I64 = LinearMemory.Read<ushort>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I64Load32S: sp[-1].I64 = LinearMemory.Read<int>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I64Load32U: sp[-1].I64 = LinearMemory.Read<uint>(mem, (ulong)sp[-1].U32 + (ulong)ins.B); break;
                case (Op)Opcode.I32Store: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, sp[1].I32); break;
                case (Op)Opcode.I64Store: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, sp[1].I64); break;
                case (Op)Opcode.F32Store: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, sp[1].U32); break;
                case (Op)Opcode.F64Store: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, sp[1].U64); break;
                case (Op)Opcode.I32Store8: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, (byte)sp[1].I32); break;
                case (Op)Opcode.I32Store16: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, (ushort)sp[1].I32); break;
                case (Op)Opcode.I64Store8: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, (byte)sp[1].I64); break;
                case (Op)Opcode.I64Store16: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, (ushort)sp[1].I64); break;
                case (Op)Opcode.I64Store32: sp -= 2; LinearMemory.Write(mem, (ulong)sp[0].U32 + (ulong)ins.B, (uint)sp[1].I64); break;

                    case Op.MemoryAccess:
                        sp = AccessMemory(ref ins, inst, sp);
                        break;

                    // §4.4.1 numeric instructions.
                case (Op)Opcode.I32Eqz: sp[-1].I32 = I32.Eqz(sp[-1].I32); break;
                case (Op)Opcode.I32Eq: sp--; sp[-1].I32 = I32.Eq(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32Ne: sp--; sp[-1].I32 = I32.Ne(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32LtS: sp--; sp[-1].I32 = I32.LtS(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32LtU: sp--; sp[-1].I32 = I32.LtU(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32GtS: sp--; sp[-1].I32 = I32.GtS(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32GtU: sp--; sp[-1].I32 = I32.GtU(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32LeS: sp--; sp[-1].I32 = I32.LeS(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32LeU: sp--; sp[-1].I32 = I32.LeU(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32GeS: sp--; sp[-1].I32 = I32.GeS(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32GeU: sp--; sp[-1].I32 = I32.GeU(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I64Eqz: sp[-1].I32 = I64.Eqz(sp[-1].I64); break;
                case (Op)Opcode.I64Eq: sp--; sp[-1].I32 = I64.Eq(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64Ne: sp--; sp[-1].I32 = I64.Ne(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64LtS: sp--; sp[-1].I32 = I64.LtS(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64LtU: sp--; sp[-1].I32 = I64.LtU(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64GtS: sp--; sp[-1].I32 = I64.GtS(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64GtU: sp--; sp[-1].I32 = I64.GtU(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64LeS: sp--; sp[-1].I32 = I64.LeS(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64LeU: sp--; sp[-1].I32 = I64.LeU(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64GeS: sp--; sp[-1].I32 = I64.GeS(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64GeU: sp--; sp[-1].I32 = I64.GeU(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.F32Eq: sp--; sp[-1].I32 = F32.Eq(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Ne: sp--; sp[-1].I32 = F32.Ne(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Lt: sp--; sp[-1].I32 = F32.Lt(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Gt: sp--; sp[-1].I32 = F32.Gt(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Le: sp--; sp[-1].I32 = F32.Le(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Ge: sp--; sp[-1].I32 = F32.Ge(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F64Eq: sp--; sp[-1].I32 = F64.Eq(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Ne: sp--; sp[-1].I32 = F64.Ne(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Lt: sp--; sp[-1].I32 = F64.Lt(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Gt: sp--; sp[-1].I32 = F64.Gt(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Le: sp--; sp[-1].I32 = F64.Le(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Ge: sp--; sp[-1].I32 = F64.Ge(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.I32Clz: sp[-1].I32 = I32.Clz(sp[-1].I32); break;
                case (Op)Opcode.I32Ctz: sp[-1].I32 = I32.Ctz(sp[-1].I32); break;
                case (Op)Opcode.I32Popcnt: sp[-1].I32 = I32.Popcnt(sp[-1].I32); break;
                case (Op)Opcode.I32Add: sp--; sp[-1].I32 = I32.Add(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32Sub: sp--; sp[-1].I32 = I32.Sub(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32Mul: sp--; sp[-1].I32 = I32.Mul(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32DivS: sp--; sp[-1].I32 = I32.DivS(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32DivU: sp--; sp[-1].I32 = I32.DivU(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32RemS: sp--; sp[-1].I32 = I32.RemS(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32RemU: sp--; sp[-1].I32 = I32.RemU(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32And: sp--; sp[-1].I32 = I32.And(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32Or: sp--; sp[-1].I32 = I32.Or(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32Xor: sp--; sp[-1].I32 = I32.Xor(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32Shl: sp--; sp[-1].I32 = I32.Shl(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32ShrS: sp--; sp[-1].I32 = I32.ShrS(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32ShrU: sp--; sp[-1].I32 = I32.ShrU(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32Rotl: sp--; sp[-1].I32 = I32.Rotl(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I32Rotr: sp--; sp[-1].I32 = I32.Rotr(sp[-1].I32, sp[0].I32); break;
                case (Op)Opcode.I64Clz: sp[-1].I64 = I64.Clz(sp[-1].I64); break;
                case (Op)Opcode.I64Ctz: sp[-1].I64 = I64.Ctz(sp[-1].I64); break;
                case (Op)Opcode.I64Popcnt: sp[-1].I64 = I64.Popcnt(sp[-1].I64); break;
                case (Op)Opcode.I64Add: sp--; sp[-1].I64 = I64.Add(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64Sub: sp--; sp[-1].I64 = I64.Sub(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64Mul: sp--; sp[-1].I64 = I64.Mul(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64DivS: sp--; sp[-1].I64 = I64.DivS(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64DivU: sp--; sp[-1].I64 = I64.DivU(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64RemS: sp--; sp[-1].I64 = I64.RemS(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64RemU: sp--; sp[-1].I64 = I64.RemU(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64And: sp--; sp[-1].I64 = I64.And(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64Or: sp--; sp[-1].I64 = I64.Or(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64Xor: sp--; sp[-1].I64 = I64.Xor(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64Shl: sp--; sp[-1].I64 = I64.Shl(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64ShrS: sp--; sp[-1].I64 = I64.ShrS(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64ShrU: sp--; sp[-1].I64 = I64.ShrU(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64Rotl: sp--; sp[-1].I64 = I64.Rotl(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.I64Rotr: sp--; sp[-1].I64 = I64.Rotr(sp[-1].I64, sp[0].I64); break;
                case (Op)Opcode.F32Abs: sp[-1].U32 = F32.Abs(sp[-1].U32); break;
                case (Op)Opcode.F32Neg: sp[-1].U32 = F32.Neg(sp[-1].U32); break;
                case (Op)Opcode.F32Ceil: sp[-1].U32 = F32.Ceil(sp[-1].U32); break;
                case (Op)Opcode.F32Floor: sp[-1].U32 = F32.Floor(sp[-1].U32); break;
                case (Op)Opcode.F32Trunc: sp[-1].U32 = F32.Trunc(sp[-1].U32); break;
                case (Op)Opcode.F32Nearest: sp[-1].U32 = F32.Nearest(sp[-1].U32); break;
                case (Op)Opcode.F32Sqrt: sp[-1].U32 = F32.Sqrt(sp[-1].U32); break;
                case (Op)Opcode.F32Add: sp--; sp[-1].U32 = F32.Add(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Sub: sp--; sp[-1].U32 = F32.Sub(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Mul: sp--; sp[-1].U32 = F32.Mul(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Div: sp--; sp[-1].U32 = F32.Div(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Min: sp--; sp[-1].U32 = F32.Min(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Max: sp--; sp[-1].U32 = F32.Max(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F32Copysign: sp--; sp[-1].U32 = F32.Copysign(sp[-1].U32, sp[0].U32); break;
                case (Op)Opcode.F64Abs: sp[-1].U64 = F64.Abs(sp[-1].U64); break;
                case (Op)Opcode.F64Neg: sp[-1].U64 = F64.Neg(sp[-1].U64); break;
                case (Op)Opcode.F64Ceil: sp[-1].U64 = F64.Ceil(sp[-1].U64); break;
                case (Op)Opcode.F64Floor: sp[-1].U64 = F64.Floor(sp[-1].U64); break;
                case (Op)Opcode.F64Trunc: sp[-1].U64 = F64.Trunc(sp[-1].U64); break;
                case (Op)Opcode.F64Nearest: sp[-1].U64 = F64.Nearest(sp[-1].U64); break;
                case (Op)Opcode.F64Sqrt: sp[-1].U64 = F64.Sqrt(sp[-1].U64); break;
                case (Op)Opcode.F64Add: sp--; sp[-1].U64 = F64.Add(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Sub: sp--; sp[-1].U64 = F64.Sub(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Mul: sp--; sp[-1].U64 = F64.Mul(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Div: sp--; sp[-1].U64 = F64.Div(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Min: sp--; sp[-1].U64 = F64.Min(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Max: sp--; sp[-1].U64 = F64.Max(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.F64Copysign: sp--; sp[-1].U64 = F64.Copysign(sp[-1].U64, sp[0].U64); break;
                case (Op)Opcode.I32WrapI64: sp[-1].I32 = Conversions.I32WrapI64(sp[-1].I64); break;
                case (Op)Opcode.I32TruncF32S: sp[-1].I32 = Conversions.I32TruncF32S(sp[-1].U32); break;
                case (Op)Opcode.I32TruncF32U: sp[-1].I32 = Conversions.I32TruncF32U(sp[-1].U32); break;
                case (Op)Opcode.I32TruncF64S: sp[-1].I32 = Conversions.I32TruncF64S(sp[-1].U64); break;
                case (Op)Opcode.I32TruncF64U: sp[-1].I32 = Conversions.I32TruncF64U(sp[-1].U64); break;
                case (Op)Opcode.I64ExtendI32S: sp[-1].I64 = Conversions.I64ExtendI32S(sp[-1].I32); break;
                case (Op)Opcode.I64ExtendI32U: sp[-1].I64 = Conversions.I64ExtendI32U(sp[-1].I32); break;
                case (Op)Opcode.I64TruncF32S: sp[-1].I64 = Conversions.I64TruncF32S(sp[-1].U32); break;
                case (Op)Opcode.I64TruncF32U: sp[-1].I64 = Conversions.I64TruncF32U(sp[-1].U32); break;
                case (Op)Opcode.I64TruncF64S: sp[-1].I64 = Conversions.I64TruncF64S(sp[-1].U64); break;
                case (Op)Opcode.I64TruncF64U: sp[-1].I64 = Conversions.I64TruncF64U(sp[-1].U64); break;
                case (Op)Opcode.F32ConvertI32S: sp[-1].U32 = Conversions.F32ConvertI32S(sp[-1].I32); break;
                case (Op)Opcode.F32ConvertI32U: sp[-1].U32 = Conversions.F32ConvertI32U(sp[-1].I32); break;
                case (Op)Opcode.F32ConvertI64S: sp[-1].U32 = Conversions.F32ConvertI64S(sp[-1].I64); break;
                case (Op)Opcode.F32ConvertI64U: sp[-1].U32 = Conversions.F32ConvertI64U(sp[-1].I64); break;
                case (Op)Opcode.F32DemoteF64: sp[-1].U32 = Conversions.F32DemoteF64(sp[-1].U64); break;
                case (Op)Opcode.F64ConvertI32S: sp[-1].U64 = Conversions.F64ConvertI32S(sp[-1].I32); break;
                case (Op)Opcode.F64ConvertI32U: sp[-1].U64 = Conversions.F64ConvertI32U(sp[-1].I32); break;
                case (Op)Opcode.F64ConvertI64S: sp[-1].U64 = Conversions.F64ConvertI64S(sp[-1].I64); break;
                case (Op)Opcode.F64ConvertI64U: sp[-1].U64 = Conversions.F64ConvertI64U(sp[-1].I64); break;
                case (Op)Opcode.F64PromoteF32: sp[-1].U64 = Conversions.F64PromoteF32(sp[-1].U32); break;
                case (Op)Opcode.I32ReinterpretF32: sp[-1].I32 = Conversions.I32ReinterpretF32(sp[-1].U32); break;
                case (Op)Opcode.I64ReinterpretF64: sp[-1].I64 = Conversions.I64ReinterpretF64(sp[-1].U64); break;
                case (Op)Opcode.F32ReinterpretI32: sp[-1].U32 = Conversions.F32ReinterpretI32(sp[-1].I32); break;
                case (Op)Opcode.F64ReinterpretI64: sp[-1].U64 = Conversions.F64ReinterpretI64(sp[-1].I64); break;
                case (Op)Opcode.I32Extend8S: sp[-1].I32 = I32.Extend8S(sp[-1].I32); break;
                case (Op)Opcode.I32Extend16S: sp[-1].I32 = I32.Extend16S(sp[-1].I32); break;
                case (Op)Opcode.I64Extend8S: sp[-1].I64 = I64.Extend8S(sp[-1].I64); break;
                case (Op)Opcode.I64Extend16S: sp[-1].I64 = I64.Extend16S(sp[-1].I64); break;
                case (Op)Opcode.I64Extend32S: sp[-1].I64 = I64.Extend32S(sp[-1].I64); break;
                case (Op)Opcode.I32TruncSatF32S: sp[-1].I32 = Conversions.I32TruncSatF32S(sp[-1].U32); break;
                case (Op)Opcode.I32TruncSatF32U: sp[-1].I32 = Conversions.I32TruncSatF32U(sp[-1].U32); break;
                case (Op)Opcode.I32TruncSatF64S: sp[-1].I32 = Conversions.I32TruncSatF64S(sp[-1].U64); break;
                case (Op)Opcode.I32TruncSatF64U: sp[-1].I32 = Conversions.I32TruncSatF64U(sp[-1].U64); break;
                case (Op)Opcode.I64TruncSatF32S: sp[-1].I64 = Conversions.I64TruncSatF32S(sp[-1].U32); break;
                case (Op)Opcode.I64TruncSatF32U: sp[-1].I64 = Conversions.I64TruncSatF32U(sp[-1].U32); break;
                case (Op)Opcode.I64TruncSatF64S: sp[-1].I64 = Conversions.I64TruncSatF64S(sp[-1].U64); break;
                case (Op)Opcode.I64TruncSatF64U: sp[-1].I64 = Conversions.I64TruncSatF64U(sp[-1].U64); break;

                    case Op.Simd:
                        sp = SimdInstructions.Execute(ref ins, fn.V128Pool, sp);
                        break;
                    case Op.SimdMemory:
                        sp = SimdInstructions.ExecuteMemory(ref ins, inst, sp);
                        break;
                    case Op.Generic:
                        sp = ExecuteGeneric(ref ins, inst, sp);
                        mem = Memory0(inst);
                        break;
                    default:
                        throw new InvalidOperationException($"internal code has no case for {ins}");
                }
                continue;

            call:
                if (tail) sp = Move(sp, fp, callee.ParamCells);
                if (callee is WasmFunction wasm)
                {
                    if (!tail)
                    {
                        if (_depth >= _frames.Length - 1) CallStackExhausted();
                        _frames[_depth++] = new Frame { Code = fn, Instance = inst, Pc = pc, Fp = (int)(fp - stackBase) };
                        fp = sp - callee.ParamCells;
                    }
                    fn = wasm.Code(_metered);
                    sp = Enter(fn, fp, stackLimit);
                    code = fn.Code;
                    pc = 0;
                    if (wasm.Module != inst)
                    {
                        inst = wasm.Module;
                        globals = inst.Globals;
                    }
                    mem = Memory0(inst);
                    continue;
                }
                sp = CallHost((HostFunction)callee, sp, stackBase);
                mem = Memory0(inst);
                if (!tail) continue;
                goto @return;

            @throw:
            {
                // §4.4.8 throw: unwind to the innermost try_table whose catch clause matches.
                int at = pc - 1;
                while (!TryCatch(fn, inst, exception!, at, fp, ref sp, ref pc))
                {
                    ref Frame unwound = ref _frames[--_depth];
                    if (unwound.Code is null) throw new UncaughtException(exception!);
                    fn = unwound.Code;
                    pc = unwound.Pc;
                    fp = stackBase + unwound.Fp;
                    if (unwound.Instance != inst)
                    {
                        inst = unwound.Instance!;
                        globals = inst.Globals;
                    }
                    at = pc - 1;
                }
                code = fn.Code;
                mem = Memory0(inst);
                continue;
            }

            @return:
            {
                int n = fn.ResultCells;
                Slot* results = sp - n;
                for (int i = 0; i < n; i++) fp[i] = results[i];
                sp = fp + n;
                ref Frame frame = ref _frames[--_depth];
                if (frame.Code is null) return (int)(sp - stackBase);
                fn = frame.Code;
                pc = frame.Pc;
                fp = stackBase + frame.Fp;
                code = fn.Code;
                if (frame.Instance != inst)
                {
                    inst = frame.Instance!;
                    globals = inst.Globals;
                }
                mem = Memory0(inst);
            }
            }
        }
    }

    /// <summary>Enters a frame: checks stack room, zeroes the declared locals (§4.5.5 default values). Returns the operand stack base.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Slot* Enter(CompiledFunction fn, Slot* fp, Slot* stackLimit)
    {
        if (fp + fn.LocalCells + fn.MaxStackCells > stackLimit) CallStackExhausted();
        for (int i = fn.ParamCells; i < fn.LocalCells; i++) fp[i] = default;
        return fp + fn.LocalCells;
    }

    /// <summary>Moves the top cells as a branch spec <c>(dest &lt;&lt; 32) | count</c> says (relative to <paramref name="fp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Slot* Move(Slot* sp, Slot* fp, long spec) => Move(sp, fp + (int)(spec >> 32), (int)(uint)spec);

    /// <summary>Moves the top <paramref name="count"/> cells down to <paramref name="dest"/>; returns the new stack pointer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Slot* Move(Slot* sp, Slot* dest, int count)
    {
        Slot* source = sp - count;
        if (source != dest)
            for (int i = 0; i < count; i++) dest[i] = source[i];
        return dest + count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte[] Memory0(ModuleInstance inst) => inst.Memories.Length > 0 ? inst.Memories[0].Data : [];
}
