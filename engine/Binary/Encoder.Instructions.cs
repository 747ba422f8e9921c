using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

// §5.4 Instructions: the opcode from OpcodeTable, then the immediates its ImmediateKind names.
public static partial class Encoder
{
    /// <summary>
    /// Writes a flat instruction sequence and the final <c>end</c>; when <paramref name="positions"/>
    /// is given, adds the writer's length before each instruction, the final <c>end</c> included.
    /// </summary>
    private static void WriteExpr(WasmWriter w, EquatableArray<Instruction> instrs, List<int>? positions = null)
    {
        foreach (var instr in instrs)
        {
            positions?.Add(w.Length);
            WriteInstruction(w, instr);
        }
        positions?.Add(w.Length);
        w.WriteByte(0x0B);
    }

    private static void WriteInstruction(WasmWriter w, Instruction instr)
    {
        var info = OpcodeTable.Info(instr.Op);
        uint code = info.Code;
        // ref.test / ref.cast to a nullable type have their own sub-opcodes (0xFB 21 / 23).
        if (instr is RefTypeInstruction { Type.Nullable: true }) code++;
        if (info.Prefix == 0)
        {
            w.WriteByte((byte)code);
        }
        else
        {
            w.WriteByte(info.Prefix);
            w.WriteU32(code);
        }
        if (instr.Op == Opcode.AtomicFence) w.WriteByte(0); // reserved (threads proposal)
        if (info.Immediate != ImmediateKind.None) WriteImmediates(w, instr, info.Immediate);
    }

    private static void WriteImmediates(WasmWriter w, Instruction instr, ImmediateKind immediate)
    {
        switch (immediate)
        {
            case ImmediateKind.BlockType:
                WriteBlockType(w, As<BlockInstruction>(instr).Type);
                break;
            case ImmediateKind.TryTable:
                var tryTable = As<TryTableInstruction>(instr);
                WriteBlockType(w, tryTable.Type);
                WriteCatches(w, tryTable.Catches);
                break;
            case ImmediateKind.Label or ImmediateKind.Func or ImmediateKind.Type or ImmediateKind.Local
                or ImmediateKind.Global or ImmediateKind.Table or ImmediateKind.Memory or ImmediateKind.Data
                or ImmediateKind.Elem or ImmediateKind.Tag:
                w.WriteU32(As<IndexInstruction>(instr).Index);
                break;
            case ImmediateKind.BrTable:
                var brTable = As<BrTableInstruction>(instr);
                w.WriteLength(brTable.Labels.Count);
                foreach (uint label in brTable.Labels) w.WriteU32(label);
                w.WriteU32(brTable.Default);
                break;
            case ImmediateKind.CallIndirect or ImmediateKind.TableInit or ImmediateKind.MemoryInit:
                var reversed = As<IndexPairInstruction>(instr);
                w.WriteU32(reversed.Y);
                w.WriteU32(reversed.X);
                break;
            case ImmediateKind.TablePair or ImmediateKind.MemoryPair or ImmediateKind.TypeField
                or ImmediateKind.TypeCount or ImmediateKind.TypeData or ImmediateKind.TypeElem or ImmediateKind.TypePair:
                var pair = As<IndexPairInstruction>(instr);
                w.WriteU32(pair.X);
                w.WriteU32(pair.Y);
                break;
            case ImmediateKind.MemArg:
                WriteMemArg(w, As<MemoryInstruction>(instr).MemArg);
                break;
            // §5.4.9 vector instructions: laneidx ::= l:byte (a plain byte, not LEB128)
            case ImmediateKind.MemArgLane:
                var memLane = As<MemoryLaneInstruction>(instr);
                WriteMemArg(w, memLane.MemArg);
                w.WriteByte(memLane.Lane);
                break;
            case ImmediateKind.Lane:
                w.WriteByte(As<LaneInstruction>(instr).Lane);
                break;
            case ImmediateKind.Shuffle:
                var lanes = As<ShuffleInstruction>(instr).Lanes;
                if (lanes.Count != 16) throw NotEncodable($"i8x16.shuffle with {lanes.Count} lanes");
                foreach (byte lane in lanes) w.WriteByte(lane);
                break;
            default:
                WriteValueImmediates(w, instr, immediate);
                break;
        }
    }

    /// <summary>Constants, types and casts.</summary>
    private static void WriteValueImmediates(WasmWriter w, Instruction instr, ImmediateKind immediate)
    {
        switch (immediate)
        {
            case ImmediateKind.I32:
                w.WriteS64(As<I32ConstInstruction>(instr).Value);
                break;
            case ImmediateKind.I64:
                w.WriteS64(As<I64ConstInstruction>(instr).Value);
                break;
            case ImmediateKind.F32:
                w.WriteWord32(As<F32ConstInstruction>(instr).Bits);
                break;
            case ImmediateKind.F64:
                w.WriteWord64(As<F64ConstInstruction>(instr).Bits);
                break;
            case ImmediateKind.V128:
                var v = As<V128ConstInstruction>(instr);
                w.WriteWord64(v.Low);
                w.WriteWord64(v.High);
                break;
            case ImmediateKind.SelectTypes:
                WriteResultType(w, As<SelectInstruction>(instr).Types);
                break;
            case ImmediateKind.HeapType:
                WriteHeapType(w, As<HeapTypeInstruction>(instr).Heap);
                break;
            case ImmediateKind.RefType:
                WriteHeapType(w, As<RefTypeInstruction>(instr).Type.Heap);
                break;
            case ImmediateKind.BrOnCast:
                var cast = As<BrOnCastInstruction>(instr);
                w.WriteByte((byte)((cast.From.Nullable ? 1 : 0) | (cast.To.Nullable ? 2 : 0)));
                w.WriteU32(cast.Label);
                WriteHeapType(w, cast.From.Heap);
                WriteHeapType(w, cast.To.Heap);
                break;
            default:
                throw NotEncodable($"immediates of kind {immediate}");
        }
    }

    private static T As<T>(Instruction instr) where T : Instruction =>
        instr as T ?? throw NotEncodable($"{instr.Name} as a {instr.GetType().Name} (its immediates need a {typeof(T).Name})");

    /// <summary>0x40 for the empty type, a value type, or the type index as s33.</summary>
    private static void WriteBlockType(WasmWriter w, BlockType type)
    {
        switch (type.Kind)
        {
            case BlockTypeKind.Empty: w.WriteByte(0x40); break;
            case BlockTypeKind.Value: WriteValType(w, type.Value); break;
            default: w.WriteS64(type.TypeIndex); break;
        }
    }

    private static void WriteCatches(WasmWriter w, EquatableArray<Catch> catches)
    {
        w.WriteLength(catches.Count);
        foreach (var c in catches)
        {
            w.WriteByte((byte)c.Kind);
            if (c.Kind is CatchKind.Catch or CatchKind.CatchRef) w.WriteU32(c.Tag);
            w.WriteU32(c.Label);
        }
    }

    /// <summary>Flags = alignment exponent, plus bit 6 and the memidx when it is not 0; then the offset.</summary>
    private static void WriteMemArg(WasmWriter w, MemArg memArg)
    {
        if (memArg.Align >= 0x40) throw NotEncodable($"alignment exponent {memArg.Align}");
        if (memArg.Memory == 0)
        {
            w.WriteU32(memArg.Align);
        }
        else
        {
            w.WriteU32(memArg.Align | 0x40);
            w.WriteU32(memArg.Memory);
        }
        w.WriteU64(memArg.Offset);
    }
}
