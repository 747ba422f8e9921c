using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

internal sealed partial class CodeValidator
{
    /// <summary>§3.4 one instruction: the cases whose typing depends on immediates or context; the rest by signature.</summary>
    private void Step(Instruction instr)
    {
        switch (instr.Op)
        {
            // §3.4.1 parametric instructions
            case Opcode.Unreachable: SetUnreachable(); break;
            case Opcode.Drop: Pop1(Peek(0), PeekShown(0)); break;
            case Opcode.Select: Select(); break;
            case Opcode.SelectT: SelectT(); break;

            // §3.4.11 control instructions
            case Opcode.Block: Block(FrameKind.Block); break;
            case Opcode.Loop: Block(FrameKind.Loop); break;
            case Opcode.If: Block(FrameKind.If); break;
            case Opcode.Else: Else(); break;
            case Opcode.End: End(); break;
            case Opcode.Br: Br(); break;
            case Opcode.BrIf: BrIf(); break;
            case Opcode.BrTable: BrTable(); break;
            case Opcode.BrOnNull: BrOnNull(); break;
            case Opcode.BrOnNonNull: BrOnNonNull(); break;
            case Opcode.BrOnCast: BrOnCast(fail: false); break;
            case Opcode.BrOnCastFail: BrOnCast(fail: true); break;
            case Opcode.Return: Pop(_results.AsSpan()); SetUnreachable(); break;
            case Opcode.Call: Call(tail: false); break;
            case Opcode.ReturnCall: Call(tail: true); break;
            case Opcode.CallRef: CallRef(tail: false); break;
            case Opcode.ReturnCallRef: CallRef(tail: true); break;
            case Opcode.CallIndirect: CallIndirect(tail: false); break;
            case Opcode.ReturnCallIndirect: CallIndirect(tail: true); break;

            // §3.4.11 exception handling, and the legacy try/catch/delegate/rethrow
            case Opcode.Throw: Pop(_c.Tag(Index(), this).Func!.Params.AsSpan()); SetUnreachable(); break;
            case Opcode.ThrowRef: Pop1(Ref(true, HeapKind.Exn)); SetUnreachable(); break;
            case Opcode.TryTable: TryTable(); break;
            case Opcode.Try: Block(FrameKind.Try); break;
            case Opcode.Catch: Catch(all: false); break;
            case Opcode.CatchAll: Catch(all: true); break;
            case Opcode.Delegate: Delegate(); break;
            case Opcode.Rethrow: Rethrow(); break;

            // §3.4.7 variable instructions
            case Opcode.LocalGet: LocalGet(); break;
            case Opcode.LocalSet: LocalSet(tee: false); break;
            case Opcode.LocalTee: LocalSet(tee: true); break;
            case Opcode.GlobalGet: GlobalGet(); break;
            case Opcode.GlobalSet: GlobalSet(); break;

            // §3.4.8 table instructions
            case Opcode.TableGet: TableGet(); break;
            case Opcode.TableSet: TableSet(); break;
            case Opcode.TableSize: Push(AddrVal(_c.Table(Index(), this).AddrType)); break;
            case Opcode.TableGrow: TableGrow(); break;
            case Opcode.TableFill: TableFill(); break;
            case Opcode.TableCopy: TableCopy(); break;
            case Opcode.TableInit: TableInit(); break;

            // §3.4.9 memory instructions with context-dependent operands
            case Opcode.MemoryFill: MemoryFill(); break;
            case Opcode.MemoryCopy: MemoryCopy(); break;
            case Opcode.MemoryInit: MemoryInit(); break;

            // §3.4.5 reference instructions
            case Opcode.RefNull: RefNull(); break;
            case Opcode.RefFunc: RefFunc(); break;
            case Opcode.RefIsNull: RefIsNull(); break;
            case Opcode.RefAsNonNull: RefAsNonNull(); break;
            case Opcode.RefEq: Pop([Ref(true, HeapKind.Eq), Ref(true, HeapKind.Eq)]); Push(ValType.I32); break;
            case Opcode.RefTest: RefTest(); break;
            case Opcode.RefCast: RefCast(); break;
            case Opcode.RefI31: Pop1(ValType.I32); Push(Ref(false, HeapKind.I31)); break;
            case Opcode.I31GetS:
            case Opcode.I31GetU: Pop1(Ref(true, HeapKind.I31)); Push(ValType.I32); break;
            case Opcode.AnyConvertExtern: ExternConvert(HeapKind.Extern, HeapKind.Any); break;
            case Opcode.ExternConvertAny: ExternConvert(HeapKind.Any, HeapKind.Extern); break;

            // §3.4.6 aggregate instructions
            case Opcode.StructNew: StructNew(deflt: false); break;
            case Opcode.StructNewDefault: StructNew(deflt: true); break;
            case Opcode.StructGet: StructGet(packed: false); break;
            case Opcode.StructGetS:
            case Opcode.StructGetU: StructGet(packed: true); break;
            case Opcode.StructSet: StructSet(); break;
            case Opcode.ArrayNew: ArrayNew(deflt: false); break;
            case Opcode.ArrayNewDefault: ArrayNew(deflt: true); break;
            case Opcode.ArrayNewFixed: ArrayNewFixed(); break;
            case Opcode.ArrayNewData: ArrayNewData(); break;
            case Opcode.ArrayNewElem: ArrayNewElem(); break;
            case Opcode.ArrayGet: ArrayGet(packed: false); break;
            case Opcode.ArrayGetS:
            case Opcode.ArrayGetU: ArrayGet(packed: true); break;
            case Opcode.ArraySet: ArraySet(); break;
            case Opcode.ArrayLen: Pop1(Ref(true, HeapKind.Array)); Push(ValType.I32); break;
            case Opcode.ArrayFill: ArrayFill(); break;
            case Opcode.ArrayCopy: ArrayCopy(); break;
            case Opcode.ArrayInitData: ArrayInitData(); break;
            case Opcode.ArrayInitElem: ArrayInitElem(); break;

            // Custom-descriptors proposal
            case Opcode.StructNewDesc: StructNewDesc(deflt: false); break;
            case Opcode.StructNewDefaultDesc: StructNewDesc(deflt: true); break;
            case Opcode.RefGetDesc: RefGetDesc(); break;
            case Opcode.RefCastDescEq: RefCastDescEq(); break;
            case Opcode.BrOnCastDescEq: BrOnCastDescEq(fail: false); break;
            case Opcode.BrOnCastDescEqFail: BrOnCastDescEq(fail: true); break;

            default: Fixed(instr.Op); break;
        }
    }

    /// <summary>§3.5.7 whether an instruction may occur in a constant expression.</summary>
    private bool IsConst(Instruction instr)
    {
        switch (instr.Op)
        {
            case Opcode.I32Const:
            case Opcode.I64Const:
            case Opcode.F32Const:
            case Opcode.F64Const:
            case Opcode.V128Const:
            case Opcode.RefNull:
            case Opcode.RefFunc:
                return true;
            case Opcode.I32Add:
            case Opcode.I32Sub:
            case Opcode.I32Mul:
            case Opcode.I64Add:
            case Opcode.I64Sub:
            case Opcode.I64Mul:
                return _c.Has(Features.ExtendedConst);
            case Opcode.RefI31:
            case Opcode.StructNew:
            case Opcode.StructNewDefault:
            case Opcode.ArrayNew:
            case Opcode.ArrayNewDefault:
            case Opcode.ArrayNewFixed:
            case Opcode.AnyConvertExtern:
            case Opcode.ExternConvertAny:
                return _c.Has(Features.Gc);
            case Opcode.StructNewDesc:
            case Opcode.StructNewDefaultDesc:
                return _c.Has(Features.CustomDescriptors);
            case Opcode.GlobalGet:
                return !_c.Global(Index(), this).Mutable;
            default:
                return false;
        }
    }

    /// <summary>
    /// An instruction with a fixed signature in <see cref="OpcodeTable"/>: its immediates
    /// (memory, alignment, offset, lanes, segment indices) are checked, then its operands.
    /// </summary>
    private void Fixed(Opcode op)
    {
        var sig = Signatures.Of(op) ?? throw Fail("unknown operator " + OpcodeName(op));
        var at = AddrType.I32;
        switch (sig.Immediate)
        {
            case ImmediateKind.MemArg:
                at = CheckMemArg(Imm<MemoryInstruction>().MemArg, sig.SizeLog2, sig.Atomic);
                break;
            case ImmediateKind.MemArgLane:
                var ml = Imm<MemoryLaneInstruction>();
                at = CheckMemArg(ml.MemArg, sig.SizeLog2);
                if (ml.Lane >= sig.Lanes) throw Fail("invalid lane index");
                break;
            case ImmediateKind.Lane:
                if (Imm<LaneInstruction>().Lane >= sig.Lanes) throw Fail("invalid lane index");
                break;
            case ImmediateKind.Shuffle:
                var lanes = Imm<ShuffleInstruction>().Lanes;
                if (lanes.Count != 16) throw Fail("invalid lane index");
                foreach (byte lane in lanes)
                    if (lane >= 32) throw Fail("invalid lane index");
                break;
            case ImmediateKind.Memory:
                at = _c.Memory(Index(), this).AddrType;
                break;
            case ImmediateKind.Data:
                _c.Data(Index(), this);
                break;
            case ImmediateKind.Elem:
                _c.Elem(Index(), this);
                break;
        }
        if (at == AddrType.I64)
        {
            Pop(sig.In64);
            Push(sig.Out64);
        }
        else
        {
            Pop(sig.In32);
            Push(sig.Out32);
        }
    }

    /// <summary>
    /// §3.4.9 memarg: the memory exists, alignment at most natural (exactly natural for the
    /// threads proposal's atomic accesses), offset within the address range.
    /// </summary>
    private AddrType CheckMemArg(MemArg m, byte sizeLog2, bool atomic = false)
    {
        var at = _c.Memory(m.Memory, this).AddrType;
        if (atomic && m.Align != sizeLog2) throw Fail("atomic alignment must be natural");
        if (m.Align > sizeLog2) throw Fail("alignment must not be larger than natural");
        if (at == AddrType.I32 && m.Offset > uint.MaxValue) throw Fail("offset out of range");
        return at;
    }
}
