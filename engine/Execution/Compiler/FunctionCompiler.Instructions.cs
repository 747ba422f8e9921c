using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Compiler;

internal sealed partial class FunctionCompiler
{
    private void CompileInstruction(Instruction ins)
    {
        if (Current.Unreachable && SkipDead(ins.Op)) return;
        CountFuel();
        switch (ins.Op)
        {
            case Opcode.Nop:
                break;
            case Opcode.Block or Opcode.Loop or Opcode.If:
                CompileBlock((BlockInstruction)ins);
                break;
            case Opcode.TryTable:
                CompileTryTable((TryTableInstruction)ins);
                break;
            case Opcode.Try:
                CompileBlock((BlockInstruction)ins);
                break;
            case Opcode.Catch or Opcode.CatchAll:
                CompileLegacyCatch(ins);
                break;
            case Opcode.Delegate:
                CompileDelegate((IndexInstruction)ins);
                break;
            case Opcode.Else:
                CompileElse();
                break;
            case Opcode.End:
                CompileEnd();
                break;
            case Opcode.Unreachable:
                Emit((Op)Opcode.Unreachable);
                MarkUnreachable();
                break;
            default:
                if (!CompileControl(ins) && !CompileVariable(ins) && !CompileReference(ins) && !CompileVector(ins)
                    && !CompileAtomic(ins) && !CompileMemory(ins) && !CompileGc(ins))
                    CompileSimple(ins);
                break;
        }
    }

    /// <summary>
    /// In unreachable code nothing is emitted; nested blocks are only counted so that the
    /// <c>else</c>/<c>end</c> of the current block is found. Returns whether to skip <paramref name="op"/>.
    /// </summary>
    private bool SkipDead(Opcode op)
    {
        switch (op)
        {
            case Opcode.Block or Opcode.Loop or Opcode.If or Opcode.TryTable or Opcode.Try:
                _deadDepth++;
                return true;
            case Opcode.End:
                if (_deadDepth == 0) return false;
                _deadDepth--;
                return true;
            case Opcode.Delegate:
                // delegate closes its try like end does.
                if (_deadDepth == 0) return false;
                _deadDepth--;
                return true;
            case Opcode.Else or Opcode.Catch or Opcode.CatchAll:
                return _deadDepth > 0;
            default:
                return true;
        }
    }

    private bool CompileControl(Instruction ins)
    {
        switch (ins)
        {
            case IndexInstruction { Op: Opcode.Br } br:
                var target = Label(br.Index);
                if (target == _controls[0]) Emit(Op.Return);
                else EmitBranch(target, Op.Br, Op.BrCopy);
                MarkUnreachable();
                return true;
            case IndexInstruction { Op: Opcode.BrIf } brIf:
                Pop();
                EmitBranch(Label(brIf.Index), Op.BrIf, Op.BrIfCopy);
                StartBlock();
                return true;
            case BrTableInstruction table:
                Pop();
                int first = _brTables.Count;
                foreach (var label in table.Labels.AsSpan()) _brTables.Add(TableEntry(Label(label), _brTables.Count));
                _brTables.Add(TableEntry(Label(table.Default), _brTables.Count));
                Emit(Op.BrTable, first, table.Labels.Count + 1);
                MarkUnreachable();
                return true;
            case { Op: Opcode.Return }:
                Emit(Op.Return);
                MarkUnreachable();
                return true;
            case IndexInstruction { Op: Opcode.Call or Opcode.ReturnCall } call:
                CompileCall(call.Op == Opcode.Call ? Op.Call : Op.ReturnCall, (int)call.Index, 0, _ctx.FuncTypes[call.Index], 0);
                return true;
            case IndexPairInstruction { Op: Opcode.CallIndirect or Opcode.ReturnCallIndirect } indirect:
                CompileCall(indirect.Op == Opcode.CallIndirect ? Op.CallIndirect : Op.ReturnCallIndirect,
                    (int)indirect.X, indirect.Y, _ctx.FuncTypeAt(indirect.Y), 1);
                return true;
            case IndexInstruction { Op: Opcode.CallRef or Opcode.ReturnCallRef } callRef:
                CompileCall(callRef.Op == Opcode.CallRef ? Op.CallRef : Op.ReturnCallRef,
                    (int)callRef.Index, 0, _ctx.FuncTypeAt(callRef.Index), 1);
                return true;
            case IndexInstruction { Op: Opcode.Throw } t:
                Pop(_ctx.Tags[t.Index].Params.Count);
                Emit(Op.Throw, (int)t.Index);
                MarkUnreachable();
                return true;
            case { Op: Opcode.ThrowRef }:
                Pop();
                Emit(Op.ThrowRef);
                MarkUnreachable();
                return true;
            case IndexInstruction { Op: Opcode.Rethrow } rethrow:
                Emit(Op.Rethrow, Label(rethrow.Index).ExceptionSlot);
                MarkUnreachable();
                return true;
            case { Op: Opcode.Drop }:
                Emit(Op.Drop, Pop());
                return true;
            case { Op: Opcode.Select or Opcode.SelectT }:
                Pop();
                Pop();
                Emit(Op.Select, _operands[^1]);
                return true;
            case IndexInstruction { Op: Opcode.BrOnNull or Opcode.BrOnNonNull } brOn:
                CompileBrOnNull(brOn);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A call pops the callee operand (if any) and the arguments, and pushes the results.</summary>
    private void CompileCall(Op op, int a, long b, FuncType type, int calleeOperands)
    {
        Pop(calleeOperands);
        Pop(type.Params.Count);
        Emit(op, a, b);
        if (op is Op.ReturnCall or Op.ReturnCallIndirect or Op.ReturnCallRef)
        {
            MarkUnreachable();
            return;
        }
        Push(type.Results);
        StartBlock();
    }

    /// <summary>
    /// br_on_null: on a null reference, drop it and branch; else keep it.
    /// br_on_non_null: on a non-null reference, branch with it; else drop it (§4.4.8).
    /// </summary>
    private void CompileBrOnNull(IndexInstruction ins)
    {
        var target = Label(ins.Index);
        if (ins.Op == Opcode.BrOnNull)
        {
            Pop();
            EmitConditionalBranch(target, Op.BrOnNull);
            Push(1);
        }
        else
        {
            EmitConditionalBranch(target, Op.BrOnNonNull);
            Pop();
        }
        StartBlock();
    }

    private bool CompileVariable(Instruction ins)
    {
        if (ins is not IndexInstruction { Index: var index }) return false;
        switch (ins.Op)
        {
            case Opcode.LocalGet:
                if (_localCells[index] == 1) EmitLocalGet(_localOffset[index]);
                else Emit(Op.LocalGet2, _localOffset[index]);
                Push(_localCells[index]);
                return true;
            case Opcode.LocalSet:
                Emit(_localCells[index] == 1 ? Op.LocalSet : Op.LocalSet2, _localOffset[index]);
                Pop();
                return true;
            case Opcode.LocalTee:
                Emit(_localCells[index] == 1 ? Op.LocalTee : Op.LocalTee2, _localOffset[index]);
                return true;
            case Opcode.GlobalGet:
                bool wideGet = _ctx.Globals[index].Type.IsVec;
                Emit(wideGet ? Op.GlobalGet2 : Op.GlobalGet, (int)index);
                Push((byte)(wideGet ? 2 : 1));
                return true;
            case Opcode.GlobalSet:
                Emit(_ctx.Globals[index].Type.IsVec ? Op.GlobalSet2 : Op.GlobalSet, (int)index);
                Pop();
                return true;
            default:
                return false;
        }
    }

    private bool CompileReference(Instruction ins)
    {
        switch (ins)
        {
            case HeapTypeInstruction { Op: Opcode.RefNull }:
                Emit(Op.RefNull);
                Push(1);
                return true;
            case IndexInstruction { Op: Opcode.RefFunc } refFunc:
                Generic(refFunc.Op, (int)refFunc.Index, 0, 0, 1);
                return true;
            case { Op: Opcode.RefIsNull or Opcode.RefAsNonNull }:
                Generic(ins.Op, 0, 0, 1, 1);
                return true;
            case { Op: Opcode.RefEq }:
                Generic(ins.Op, 0, 0, 2, 1);
                return true;
            case IndexInstruction { Op: Opcode.TableGet } get:
                Generic(get.Op, (int)get.Index, 0, 1, 1);
                return true;
            case IndexInstruction { Op: Opcode.TableSet } set:
                Generic(set.Op, (int)set.Index, 0, 2, 0);
                return true;
            case IndexInstruction { Op: Opcode.TableSize } size:
                Generic(size.Op, (int)size.Index, 0, 0, 1);
                return true;
            case IndexInstruction { Op: Opcode.TableGrow } grow:
                Generic(grow.Op, (int)grow.Index, 0, 2, 1);
                return true;
            case IndexInstruction { Op: Opcode.TableFill } fill:
                Generic(fill.Op, (int)fill.Index, 0, 3, 0);
                return true;
            case IndexPairInstruction { Op: Opcode.TableCopy or Opcode.TableInit } pair:
                Generic(pair.Op, (int)pair.X, pair.Y, 3, 0);
                return true;
            case IndexInstruction { Op: Opcode.ElemDrop } drop:
                Generic(drop.Op, (int)drop.Index, 0, 0, 0);
                return true;
            default:
                return false;
        }
    }

    private bool CompileMemory(Instruction ins)
    {
        switch (ins)
        {
            case MemoryInstruction { MemArg: var arg } access when OpcodeTable.Info(ins.Op).Signature is { } sig:
                if (arg.Memory == 0 && _ctx.Memories[0].AddrType == AddrType.I32 && !IsVector(sig))
                    Emit((Op)ins.Op, 0, (long)arg.Offset);
                else
                    Emit(Op.MemoryAccess, (int)arg.Memory, (long)arg.Offset, access.Op);
                ApplySignature(sig);
                return true;
            case IndexInstruction { Op: Opcode.MemorySize } size:
                Generic(size.Op, (int)size.Index, 0, 0, 1);
                return true;
            case IndexInstruction { Op: Opcode.MemoryGrow } grow:
                Generic(grow.Op, (int)grow.Index, 0, 1, 1);
                return true;
            case IndexInstruction { Op: Opcode.MemoryFill } fill:
                Generic(fill.Op, (int)fill.Index, 0, 3, 0);
                return true;
            case IndexPairInstruction { Op: Opcode.MemoryCopy or Opcode.MemoryInit } pair:
                Generic(pair.Op, (int)pair.X, pair.Y, 3, 0);
                return true;
            case IndexInstruction { Op: Opcode.DataDrop } drop:
                Generic(drop.Op, (int)drop.Index, 0, 0, 0);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Vector instructions (prefix 0xFD): run out of line by <see cref="SimdInstructions"/>;
    /// constants and shuffle masks go to the v128 pool.
    /// </summary>
    private bool CompileVector(Instruction ins)
    {
        var info = OpcodeTable.Info(ins.Op);
        if (info.Prefix != 0xFD || info.Signature is not { } sig) return false;
        switch (ins)
        {
            case V128ConstInstruction c:
                Emit(Op.ConstV128, AddV128(c.Low, c.High));
                break;
            case ShuffleInstruction shuffle:
                var lanes = shuffle.Lanes.AsSpan();
                Emit(Op.Simd, AddV128(BitConverter.ToUInt64(lanes[..8]), BitConverter.ToUInt64(lanes[8..])), 0, ins.Op);
                break;
            case LaneInstruction lane:
                Emit(Op.Simd, lane.Lane, 0, ins.Op);
                break;
            case MemoryInstruction access:
                Emit(Op.SimdMemory, (int)(access.MemArg.Memory << 8), (long)access.MemArg.Offset, ins.Op);
                break;
            case MemoryLaneInstruction access:
                Emit(Op.SimdMemory, (int)(access.MemArg.Memory << 8) | access.Lane, (long)access.MemArg.Offset, ins.Op);
                break;
            default:
                Emit(Op.Simd, 0, 0, ins.Op);
                break;
        }
        ApplySignature(sig);
        return true;
    }

    private int AddV128(ulong low, ulong high)
    {
        _v128.Add(low);
        _v128.Add(high);
        return _v128.Count - 2;
    }

    private static bool IsVector(InstrSignature sig) =>
        sig.Params.AsSpan().Contains(SigType.V128) || sig.Results.AsSpan().Contains(SigType.V128);

    private void Generic(Opcode op, int a, long b, int pops, int pushes)
    {
        Emit(Op.Generic, a, b, op);
        Effect(pops, pushes);
    }

    /// <summary>Constants and every instruction with a fixed signature in the opcode table.</summary>
    private void CompileSimple(Instruction ins)
    {
        switch (ins)
        {
            case I32ConstInstruction c:
                Emit(Op.Const, 0, (uint)c.Value, Opcode.I32Const);
                Push(1);
                return;
            case I64ConstInstruction c:
                Emit(Op.Const, 0, c.Value);
                Push(1);
                return;
            case F32ConstInstruction c:
                Emit(Op.Const, 0, c.Bits);
                Push(1);
                return;
            case F64ConstInstruction c:
                Emit(Op.Const, 0, (long)c.Bits);
                Push(1);
                return;
        }
        // Every other instruction of the syntax has a case above; one that arrives here is named as unsupported.
        var info = OpcodeTable.Info(ins.Op);
        if (info.Signature is not { } sig || IsVector(sig) || info.Immediate != ImmediateKind.None)
            throw new UnsupportedFeatureException($"execution of {info.Name}");
        // The interpreter loop has a case for every core numeric instruction (single-byte
        // opcodes and the 0xFC trunc_sat group); the rest of the table runs out of line.
        bool inLoop = info.Prefix == 0 || (info.Prefix == 0xFC && info.Code <= 7);
        if (!inLoop) Emit(Op.Generic, 0, 0, ins.Op);
        else if (!TryFuseConstOperand(ins.Op)) Emit((Op)ins.Op);
        ApplySignature(sig);
    }

    private void ApplySignature(InstrSignature sig)
    {
        Pop(sig.Params.Count);
        foreach (var t in sig.Results.AsSpan()) Push((byte)(t == SigType.V128 ? 2 : 1));
    }
}
