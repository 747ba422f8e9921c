using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

// The immediates of plain instructions (§6.5), chosen by each opcode's ImmediateKind.
internal sealed partial class InstructionParser
{
    private Instruction Immediates(Opcode op, in Token opToken)
    {
        if (op == Opcode.Select) return Select();
        var kind = OpcodeTable.Info(op).Immediate;
        return kind switch
        {
            ImmediateKind.None => Plain[(int)op],
            ImmediateKind.Label or ImmediateKind.Func or ImmediateKind.Type or ImmediateKind.Local or ImmediateKind.Global
                or ImmediateKind.Table or ImmediateKind.Memory or ImmediateKind.Data or ImmediateKind.Elem or ImmediateKind.Tag
                => new IndexInstruction(op, SingleIndex(kind)),
            ImmediateKind.CallIndirect or ImmediateKind.TablePair or ImmediateKind.MemoryPair or ImmediateKind.TableInit
                or ImmediateKind.MemoryInit or ImmediateKind.TypeField or ImmediateKind.TypeCount or ImmediateKind.TypeData
                or ImmediateKind.TypeElem or ImmediateKind.TypePair
                => IndexPair(op, kind),
            ImmediateKind.BrTable => BrTable(),
            ImmediateKind.MemArg => new MemoryInstruction(op, MemArg(op, c.AtIndex ? c.Index(c.Memories) : 0)),
            ImmediateKind.MemArgLane => MemArgLane(op),
            ImmediateKind.Lane => new LaneInstruction(op, LaneIndex()),
            ImmediateKind.Shuffle => Shuffle(opToken),
            ImmediateKind.I32 => new I32ConstInstruction((int)(uint)IntConst(32)),
            ImmediateKind.I64 => new I64ConstInstruction((long)IntConst(64)),
            ImmediateKind.F32 => new F32ConstInstruction((uint)FloatConst(32)),
            ImmediateKind.F64 => new F64ConstInstruction(FloatConst(64)),
            ImmediateKind.V128 => V128Const(opToken),
            ImmediateKind.HeapType => new HeapTypeInstruction(op, types.HeapType()),
            ImmediateKind.RefType => new RefTypeInstruction(op, types.RefType()),
            ImmediateKind.BrOnCast => BrOnCast(op),
            _ => throw R.Unexpected(opToken),
        };
    }

    // One index: a label, or an index in the space the kind names (tables and memories default to 0).
    private uint SingleIndex(ImmediateKind kind) => kind switch
    {
        ImmediateKind.Label => Label(),
        ImmediateKind.Func => c.Index(c.Funcs),
        ImmediateKind.Type => c.Index(c.Types),
        ImmediateKind.Local => c.Index(_locals),
        ImmediateKind.Global => c.Index(c.Globals),
        ImmediateKind.Table => c.AtIndex ? c.Index(c.Tables) : 0,
        ImmediateKind.Memory => c.AtIndex ? c.Index(c.Memories) : 0,
        ImmediateKind.Data => c.Index(c.Datas),
        ImmediateKind.Elem => c.Index(c.Elems),
        _ => c.Index(c.Tags),
    };

    // Two indices, in the order of IndexPairInstruction.
    private IndexPairInstruction IndexPair(Opcode op, ImmediateKind kind)
    {
        switch (kind)
        {
            case ImmediateKind.CallIndirect:
                uint table = c.AtIndex ? c.Index(c.Tables) : 0;
                return new IndexPairInstruction(op, table, TypeUse.Parse(c, types, namedParams: false).Resolve(c));
            case ImmediateKind.TablePair: return OptionalPair(op, c.Tables, c.Tables);
            case ImmediateKind.MemoryPair: return OptionalPair(op, c.Memories, c.Memories);
            case ImmediateKind.TableInit: return InitPair(op, c.Tables, c.Elems);
            case ImmediateKind.MemoryInit: return InitPair(op, c.Memories, c.Datas);
            case ImmediateKind.TypeData: return Pair(op, c.Types, c.Datas);
            case ImmediateKind.TypeElem: return Pair(op, c.Types, c.Elems);
            case ImmediateKind.TypePair: return Pair(op, c.Types, c.Types);
        }
        uint type = c.Index(c.Types);
        uint second = kind == ImmediateKind.TypeField ? Field(type) : c.Nat32(R.Expect(TokenKind.Nat));
        return new IndexPairInstruction(op, type, second);
    }

    private BrOnCastInstruction BrOnCast(Opcode op)
    {
        uint label = Label();
        var from = types.RefType();
        return new BrOnCastInstruction(op, label, from, types.RefType());
    }

    // select (result t*)*: the typed form as soon as one result clause is written.
    private Instruction Select()
    {
        if (!R.AtField(Kw.Result)) return Plain[(int)Opcode.Select];
        var results = new List<ValType>();
        types.Results(results);
        return new SelectInstruction(results.ToArray());
    }

    private BrTableInstruction BrTable()
    {
        var labels = new List<uint> { Label() };
        while (c.AtIndex) labels.Add(Label());
        uint last = labels[^1];
        labels.RemoveAt(labels.Count - 1);
        return new BrTableInstruction(labels.ToArray(), last);
    }

    // Two indices or none (both 0): table.copy, memory.copy.
    private IndexPairInstruction OptionalPair(Opcode op, IndexSpace x, IndexSpace y)
    {
        if (!c.AtIndex) return new IndexPairInstruction(op, 0, 0);
        uint first = c.Index(x);
        return new IndexPairInstruction(op, first, c.Index(y));
    }

    private IndexPairInstruction Pair(Opcode op, IndexSpace x, IndexSpace y)
    {
        uint first = c.Index(x);
        return new IndexPairInstruction(op, first, c.Index(y));
    }

    // table.init x? y, memory.init x? y: one index is the segment, in table/memory 0.
    private IndexPairInstruction InitPair(Opcode op, IndexSpace target, IndexSpace segments)
    {
        if (!c.AtIndex) throw R.Unexpected();
        bool two = R.Peek(1).Kind is TokenKind.Nat or TokenKind.Id;
        uint first = two ? c.Index(target) : 0;
        return new IndexPairInstruction(op, first, c.Index(segments));
    }

    // A fieldidx of the struct type at typeIndex: a nat or a field identifier of that type.
    private uint Field(uint typeIndex)
    {
        if (!c.AtIndex) throw R.Unexpected();
        var t = R.Advance();
        if (t.Kind == TokenKind.Nat) return c.Nat32(t);
        string name = R.IdName(t);
        if (c.FieldNames(typeIndex).TryLookup(name, out uint index)) return index;
        c.Defer(t, "unknown field  " + IndexSpace.Show(name));
        return 0;
    }

    // §6.5.7 memarg: offset=n? align=n?, align defaulting to the natural alignment.
    private MemArg MemArg(Opcode op, uint memory)
    {
        ulong offset = 0;
        if (R.At(TokenKind.OffsetEq))
        {
            var t = R.Advance();
            offset = types.Nat64Of(t, "offset=".Length);
        }
        uint align = NaturalAlignment.Of(op);
        if (R.At(TokenKind.AlignEq))
        {
            var t = R.Advance();
            ulong n = types.Nat64Of(t, "align=".Length);
            if (n == 0 || (n & (n - 1)) != 0) throw R.Error(t, "alignment must be a power of two");
            align = (uint)System.Numerics.BitOperations.Log2(n);
        }
        return new MemArg(align, offset, memory);
    }

    // v128.loadN_lane / storeN_lane: memidx? memarg laneidx; a leading nat is a memidx only when more follows.
    private MemoryLaneInstruction MemArgLane(Opcode op)
    {
        uint memory = 0;
        if (R.At(TokenKind.Id) || (R.At(TokenKind.Nat) && R.Peek(1).Kind is TokenKind.Nat or TokenKind.OffsetEq or TokenKind.AlignEq))
            memory = c.Index(c.Memories);
        var memArg = MemArg(op, memory);
        return new MemoryLaneInstruction(op, memArg, LaneIndex());
    }

    private byte LaneIndex()
    {
        var t = R.Expect(TokenKind.Nat);
        if (!IntLiteral.TryParseNat(R.Bytes(t), 8, out ulong lane)) throw R.Error(t, "i8 constant out of range");
        return (byte)lane;
    }

    private ShuffleInstruction Shuffle(in Token opToken)
    {
        var lanes = new List<byte>(16);
        while (R.Current.IsNumber)
        {
            var t = R.Advance();
            if (!IntLiteral.TryParseNat(R.Bytes(t), 8, out ulong lane)) c.Defer(t, "i8 constant out of range");
            lanes.Add((byte)lane);
        }
        if (lanes.Count != 16)
        {
            c.Defer(opToken, "invalid lane length");
            lanes.Clear();
            lanes.AddRange(new byte[16]);
        }
        return new ShuffleInstruction(lanes.ToArray());
    }

    private ulong IntConst(int bits)
    {
        if (!R.Current.IsNumber) throw R.Unexpected();
        var t = R.Advance();
        if (IntLiteral.TryParse(R.Bytes(t), bits, out ulong value)) return value;
        c.Defer(t, "constant out of range");
        return 0;
    }

    private ulong FloatConst(int bits)
    {
        if (!R.Current.IsNumber) throw R.Unexpected();
        var t = R.Advance();
        ulong value;
        bool ok;
        if (bits == 32)
        {
            ok = FloatLiteral.TryParse32(R.Bytes(t), out uint narrow);
            value = narrow;
        }
        else
        {
            ok = FloatLiteral.TryParse64(R.Bytes(t), out value);
        }
        if (ok) return value;
        c.Defer(t, "constant out of range");
        return 0;
    }

    // v128.const shape lane*: as many number tokens as follow, which must be the shape's lane count.
    private V128ConstInstruction V128Const(in Token opToken)
    {
        var shape = V128Literal.ShapeOf(R.Current.Kw) ?? throw R.Unexpected();
        R.Advance();
        int first = R.Position;
        while (R.Current.IsNumber) R.Advance();
        int count = R.Position - first;
        if (count != V128Literal.LaneCount(shape))
        {
            c.Defer(opToken, "wrong number of lane literals");
            return new V128ConstInstruction(0, 0);
        }
        Span<ulong> lanes = stackalloc ulong[count];
        for (int i = 0; i < count; i++)
        {
            ref readonly var t = ref R.Tokens[first + i];
            if (!V128Literal.TryParseLane(shape, R.Bytes(t), out lanes[i])) c.Defer(t, "constant out of range");
        }
        var (low, high) = V128Literal.Assemble(shape, lanes);
        return new V128ConstInstruction(low, high);
    }
}
