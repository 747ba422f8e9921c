using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

// §5.4 Instructions. Bodies and constant expressions are decoded into a flat list in binary
// order (see Syntax/Instructions.cs); a stack of open blocks tells where `else`, the legacy
// `catch`/`catch_all`/`delegate`, and the final `end` may stand.
public static partial class Decoder
{
    /// <summary>One shared instance per instruction without immediates (records are immutable values, not identities).</summary>
    private static readonly Instruction[] PlainInstructions = BuildPlainInstructions();

    /// <summary>Shared instances of the most frequent index instructions (locals, globals, labels) with small indices.</summary>
    private static readonly IndexInstruction[]?[] SmallIndexInstructions = BuildSmallIndexInstructions();

    private const int SmallIndexCount = 64;

    private static IndexInstruction[]?[] BuildSmallIndexInstructions()
    {
        var cache = new IndexInstruction[]?[OpcodeTable.All.Count];
        foreach (var row in OpcodeTable.All)
        {
            if (row.Immediate is not (ImmediateKind.Local or ImmediateKind.Global or ImmediateKind.Label)) continue;
            var instances = new IndexInstruction[SmallIndexCount];
            for (uint i = 0; i < instances.Length; i++) instances[i] = new IndexInstruction(row.Op, i);
            cache[(int)row.Op] = instances;
        }
        return cache;
    }

    private static IndexInstruction ReadIndexInstruction(ref WasmReader r, Opcode op)
    {
        uint index = r.ReadU32();
        return index < SmallIndexCount && SmallIndexInstructions[(int)op] is { } cached ? cached[index] : new IndexInstruction(op, index);
    }

    private static Instruction[] BuildPlainInstructions()
    {
        var plain = new Instruction[OpcodeTable.All.Count];
        foreach (var row in OpcodeTable.All)
            if (row.Immediate == ImmediateKind.None) plain[(int)row.Op] = new Instruction(row.Op);
        return plain;
    }

    /// <summary>What kind of block is open, for the placement of <c>else</c>, <c>catch</c>, <c>delegate</c>.</summary>
    private enum Frame : byte { Block, If, Else, TryTable, Try, TryCatch, TryCatchAll }

    /// <summary>Per-module decoding state: the features, and buffers reused across bodies.</summary>
    private sealed class Context(Features features)
    {
        public readonly Features Features = features;
        public readonly List<Instruction> Instructions = new(256);
        public readonly List<Frame> Frames = new(16);
        /// <summary>When set, <see cref="ReadExpr"/> adds the reader's position at each instruction (the final <c>end</c> included).</summary>
        public List<int>? Positions;
        /// <summary>Whether a function body so far names a data segment (§5.5.13: the data count section is then required).</summary>
        public bool UsesDataIndex;
    }

    /// <summary>§5.4.9 expr: instructions up to the matching final <c>end</c> (consumed, not stored).</summary>
    private static EquatableArray<Instruction> ReadExpr(ref WasmReader r, Context cx)
    {
        var list = cx.Instructions;
        var frames = cx.Frames;
        list.Clear();
        frames.Clear();
        bool legacy = (cx.Features & Features.LegacyExceptions) != 0;
        while (true)
        {
            int pos = r.Position;
            cx.Positions?.Add(pos);
            byte b = r.ReadByte();
            switch (b)
            {
                case 0x0B:
                    if (frames.Count == 0) return list.Count == 0 ? EquatableArray<Instruction>.Empty : list.ToArray();
                    frames.RemoveAt(frames.Count - 1);
                    list.Add(PlainInstructions[(int)Opcode.End]);
                    continue;
                case 0x05:
                    if (Top(frames) == Frame.Try && legacy) throw Illegal(b, pos);
                    Require(Top(frames) == Frame.If, pos);
                    frames[^1] = Frame.Else;
                    list.Add(PlainInstructions[(int)Opcode.Else]);
                    continue;
                case 0x07 or 0x18 or 0x19 when legacy:
                    list.Add(ReadLegacyHandler(ref r, b, pos, frames));
                    continue;
            }
            list.Add(ReadInstruction(ref r, b, pos, cx));
        }
    }

    private static Frame? Top(List<Frame> frames) => frames.Count == 0 ? null : frames[^1];

    private static void Require(bool ok, int pos)
    {
        if (!ok) throw new MalformedException("END opcode expected", pos);
    }

    private static MalformedException Illegal(byte b, int pos) => new($"illegal opcode {b:x2}", pos);

    /// <summary>Legacy exception handling: <c>catch x</c>, <c>catch_all</c>, <c>delegate l</c> inside <c>try</c>.</summary>
    private static Instruction ReadLegacyHandler(ref WasmReader r, byte b, int pos, List<Frame> frames)
    {
        var top = Top(frames);
        switch (b)
        {
            case 0x07:
                Require(top is Frame.Try or Frame.TryCatch, pos);
                frames[^1] = Frame.TryCatch;
                return new IndexInstruction(Opcode.Catch, r.ReadU32());
            case 0x19:
                Require(top is Frame.Try or Frame.TryCatch, pos);
                frames[^1] = Frame.TryCatchAll;
                return PlainInstructions[(int)Opcode.CatchAll];
            default:
                Require(top is Frame.Try, pos);
                frames.RemoveAt(frames.Count - 1);
                return new IndexInstruction(Opcode.Delegate, r.ReadU32());
        }
    }

    /// <summary>Reads the opcode (with its prefix's sub-opcode) starting with byte <paramref name="b"/>, then its immediates.</summary>
    private static Instruction ReadInstruction(ref WasmReader r, byte b, int pos, Context cx)
    {
        Opcode op;
        bool nullable = false;
        if (b is >= 0xFB and <= 0xFD || (b == 0xFE && (cx.Features & Features.Threads) != 0))
        {
            uint code = r.ReadU32();
            // ref.test / ref.cast (and the descriptor casts) with a nullable target type share
            // the row of the plain form, whose sub-opcode is one less.
            if (b == 0xFB && !OpcodeTable.TryDecode(b, code, out _) && code > 0
                && OpcodeTable.TryDecode(b, code - 1, out var plain) && OpcodeTable.Info(plain).Immediate == ImmediateKind.RefType)
                nullable = true;
            if (!OpcodeTable.TryDecode(b, nullable ? code - 1 : code, out op) || !OpcodeFeatures.IsEnabled(op, cx.Features))
                throw b == 0xFD
                    ? new MalformedException($"illegal opcode {code:x2}", pos)
                    : new MalformedException($"illegal opcode {b:x2} {code:x2}", pos);
        }
        else if (!OpcodeTable.TryDecode(0, b, out op) || !OpcodeFeatures.IsEnabled(op, cx.Features)
                 || op is Opcode.Else or Opcode.End or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate)
        {
            throw Illegal(b, pos);
        }

        var immediate = OpcodeTable.Info(op).Immediate;
        // Threads proposal: atomic.fence has a reserved zero byte.
        if (op == Opcode.AtomicFence && r.ReadByte() != 0) throw new MalformedException("zero byte expected", r.Position - 1);
        if (immediate == ImmediateKind.None) return PlainInstructions[(int)op];
        var instr = ReadImmediates(ref r, op, immediate, nullable, cx);
        if (op is Opcode.Block or Opcode.Loop) cx.Frames.Add(Frame.Block);
        else if (op == Opcode.If) cx.Frames.Add(Frame.If);
        else if (op == Opcode.TryTable) cx.Frames.Add(Frame.TryTable);
        else if (op == Opcode.Try) cx.Frames.Add(Frame.Try);
        return instr;
    }

    /// <summary>The immediates of <paramref name="op"/> (§5.4), in binary order, as the record its <see cref="ImmediateKind"/> names.</summary>
    private static Instruction ReadImmediates(ref WasmReader r, Opcode op, ImmediateKind immediate, bool nullable, Context cx)
    {
        switch (immediate)
        {
            case ImmediateKind.BlockType:
                return new BlockInstruction(op, ReadBlockType(ref r));
            case ImmediateKind.TryTable:
                var type = ReadBlockType(ref r);
                return new TryTableInstruction(type, ReadCatches(ref r));
            case ImmediateKind.Label or ImmediateKind.Func or ImmediateKind.Type or ImmediateKind.Local
                or ImmediateKind.Global or ImmediateKind.Table or ImmediateKind.Memory or ImmediateKind.Elem
                or ImmediateKind.Tag:
                return ReadIndexInstruction(ref r, op);
            case ImmediateKind.Data:
                cx.UsesDataIndex = true;
                return new IndexInstruction(op, r.ReadU32());
            case ImmediateKind.BrTable:
                return ReadBrTable(ref r);
            case ImmediateKind.CallIndirect or ImmediateKind.TableInit or ImmediateKind.MemoryInit:
            {
                // Binary order is the reverse of the record's: typeidx/elemidx/dataidx first.
                if (immediate == ImmediateKind.MemoryInit) cx.UsesDataIndex = true;
                uint y = r.ReadU32();
                return new IndexPairInstruction(op, r.ReadU32(), y);
            }
            case ImmediateKind.TablePair or ImmediateKind.MemoryPair or ImmediateKind.TypeField
                or ImmediateKind.TypeCount or ImmediateKind.TypeData or ImmediateKind.TypeElem or ImmediateKind.TypePair:
            {
                if (immediate == ImmediateKind.TypeData) cx.UsesDataIndex = true;
                uint x = r.ReadU32();
                return new IndexPairInstruction(op, x, r.ReadU32());
            }
            case ImmediateKind.MemArg:
                return new MemoryInstruction(op, ReadMemArg(ref r));
            // §5.4.9 vector instructions: laneidx ::= l:byte (a plain byte, not LEB128)
            case ImmediateKind.MemArgLane:
                var memArg = ReadMemArg(ref r);
                return new MemoryLaneInstruction(op, memArg, r.ReadByte());
            case ImmediateKind.Lane:
                return new LaneInstruction(op, r.ReadByte());
            case ImmediateKind.Shuffle:
                var lanes = new byte[16];
                for (int i = 0; i < lanes.Length; i++) lanes[i] = r.ReadByte();
                return new ShuffleInstruction(lanes);
            case ImmediateKind.I32:
                return new I32ConstInstruction(r.ReadS32());
            case ImmediateKind.I64:
                return new I64ConstInstruction(r.ReadS64());
            case ImmediateKind.F32:
                return new F32ConstInstruction(r.ReadWord32());
            case ImmediateKind.F64:
                return new F64ConstInstruction(r.ReadWord64());
            case ImmediateKind.V128:
                ulong low = r.ReadWord64();
                return new V128ConstInstruction(low, r.ReadWord64());
            case ImmediateKind.SelectTypes:
                return new SelectInstruction(ReadResultType(ref r));
            case ImmediateKind.HeapType:
                return new HeapTypeInstruction(op, ReadHeapType(ref r));
            case ImmediateKind.RefType:
                return new RefTypeInstruction(op, new RefType(nullable, ReadHeapType(ref r)));
            case ImmediateKind.BrOnCast:
                return ReadBrOnCast(ref r, op);
            default:
                throw new InvalidOperationException($"no decoder for immediate kind {immediate}");
        }
    }

    /// <summary>
    /// §5.4.1 blocktype: a non-negative s33 type index, 0x40 for the empty type, or a value type
    /// (the value type's error is reported when none fits).
    /// </summary>
    private static BlockType ReadBlockType(ref WasmReader r)
    {
        if (TryReadNonNegativeS33(ref r, out uint index)) return BlockType.Indexed(index);
        if (r.Peek() == 0x40)
        {
            r.Position++;
            return BlockType.Empty;
        }
        return BlockType.Of(ReadValType(ref r));
    }

    /// <summary>The catch clauses of <c>try_table</c> ("malformed catch clause").</summary>
    private static EquatableArray<Catch> ReadCatches(ref WasmReader r)
    {
        int n = r.ReadLength();
        if (n == 0) return EquatableArray<Catch>.Empty;
        var catches = new Catch[n];
        for (int i = 0; i < n; i++)
        {
            byte kind = r.ReadByte();
            catches[i] = kind switch
            {
                0 or 1 => new Catch((CatchKind)kind, r.ReadU32(), r.ReadU32()),
                2 or 3 => new Catch((CatchKind)kind, 0, r.ReadU32()),
                _ => throw new MalformedException("malformed catch clause", r.Position - 1),
            };
        }
        return catches;
    }

    private static BrTableInstruction ReadBrTable(ref WasmReader r)
    {
        int n = r.ReadLength();
        var labels = n == 0 ? [] : new uint[n];
        for (int i = 0; i < n; i++) labels[i] = r.ReadU32();
        return new BrTableInstruction(labels, r.ReadU32());
    }

    /// <summary>
    /// §5.4.7 memarg: flags (alignment exponent in bits 0-5, bit 6 = a memidx follows; anything
    /// at 0x80 or above is "malformed memop flags"), memidx, u64 offset. Alignment and offset
    /// ranges are validation's concern.
    /// </summary>
    private static MemArg ReadMemArg(ref WasmReader r)
    {
        int pos = r.Position;
        uint flags = r.ReadU32();
        if (flags >= 0x80) throw new MalformedException("malformed memop flags", pos);
        uint memory = (flags & 0x40) != 0 ? r.ReadU32() : 0;
        return new MemArg(flags & 0x3F, r.ReadU64(), memory);
    }

    /// <summary><c>br_on_cast</c>/<c>br_on_cast_fail</c>: flags (bit 0 / bit 1 = source / target nullable), label, two heap types.</summary>
    private static BrOnCastInstruction ReadBrOnCast(ref WasmReader r, Opcode op)
    {
        byte flags = r.ReadByte();
        if ((flags & 0xFC) != 0) throw new MalformedException("malformed br_on_cast flags", r.Position - 1);
        uint label = r.ReadU32();
        var from = new RefType((flags & 1) != 0, ReadHeapType(ref r));
        var to = new RefType((flags & 2) != 0, ReadHeapType(ref r));
        return new BrOnCastInstruction(op, label, from, to);
    }
}
