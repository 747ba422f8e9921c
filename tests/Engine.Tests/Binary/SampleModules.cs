using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>Hand-built modules for the round-trip and robustness tests.</summary>
internal static class SampleModules
{
    private static readonly EquatableArray<Instruction> Zero = new([new I32ConstInstruction(0)]);

    /// <summary>One instruction of every opcode in <see cref="OpcodeTable"/>, with non-trivial immediates, as a valid-shaped flat body.</summary>
    public static Instruction[] EveryOpcodeBody()
    {
        var body = new List<Instruction>();
        foreach (var row in OpcodeTable.All)
        {
            var op = row.Op;
            switch (op)
            {
                case Opcode.Else or Opcode.End or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate:
                    continue;
                case Opcode.If:
                    body.AddRange([new BlockInstruction(op, BlockType.Of(ValType.I32)), new Instruction(Opcode.Else), new Instruction(Opcode.End)]);
                    continue;
                case Opcode.Try:
                    body.AddRange([new BlockInstruction(op, BlockType.Empty), new IndexInstruction(Opcode.Catch, 1),
                        new Instruction(Opcode.CatchAll), new Instruction(Opcode.End)]);
                    body.AddRange([new BlockInstruction(op, BlockType.Indexed(64)), new IndexInstruction(Opcode.Delegate, 2)]);
                    continue;
            }
            body.AddRange(Samples(row));
            if (row.Immediate is ImmediateKind.BlockType or ImmediateKind.TryTable) body.Add(new Instruction(Opcode.End));
        }
        return [.. body];
    }

    /// <summary>Instructions of one opcode, covering the interesting values of its immediates.</summary>
    public static IEnumerable<Instruction> Samples(OpcodeInfo row)
    {
        var op = row.Op;
        switch (row.Immediate)
        {
            case ImmediateKind.None:
                return [new Instruction(op)];
            case ImmediateKind.BlockType:
                return [new BlockInstruction(op, BlockType.Indexed(300))];
            case ImmediateKind.TryTable:
                return [new TryTableInstruction(BlockType.Of(ValType.ExnRef),
                    [new Catch(CatchKind.Catch, 1, 2), new Catch(CatchKind.CatchRef, 3, 4), new Catch(CatchKind.CatchAll, 0, 5), new Catch(CatchKind.CatchAllRef, 0, 6)])];
            case ImmediateKind.Label or ImmediateKind.Func or ImmediateKind.Type or ImmediateKind.Local or ImmediateKind.Global
                or ImmediateKind.Table or ImmediateKind.Memory or ImmediateKind.Data or ImmediateKind.Elem or ImmediateKind.Tag:
                return [new IndexInstruction(op, 0), new IndexInstruction(op, 300)];
            case ImmediateKind.BrTable:
                return [new BrTableInstruction([], 0), new BrTableInstruction([1, 200, 70000], 5)];
            case ImmediateKind.CallIndirect or ImmediateKind.TablePair or ImmediateKind.TableInit or ImmediateKind.MemoryPair
                or ImmediateKind.MemoryInit or ImmediateKind.TypeField or ImmediateKind.TypeCount or ImmediateKind.TypeData
                or ImmediateKind.TypeElem or ImmediateKind.TypePair:
                return [new IndexPairInstruction(op, 2, 130)];
            case ImmediateKind.MemArg:
                return [new MemoryInstruction(op, new MemArg(0, 0)), new MemoryInstruction(op, new MemArg(63, ulong.MaxValue, 2))];
            case ImmediateKind.MemArgLane:
                return [new MemoryLaneInstruction(op, new MemArg(1, 7, 1), 1)];
            case ImmediateKind.Lane:
                return [new LaneInstruction(op, 3), new LaneInstruction(op, 255)];
            case ImmediateKind.Shuffle:
                return [new ShuffleInstruction(Enumerable.Range(0, 16).Select(i => (byte)(31 - i)).ToArray())];
            case ImmediateKind.I32:
                return [new I32ConstInstruction(int.MinValue), new I32ConstInstruction(-1), new I32ConstInstruction(63), new I32ConstInstruction(64)];
            case ImmediateKind.I64:
                return [new I64ConstInstruction(long.MinValue), new I64ConstInstruction(long.MaxValue)];
            case ImmediateKind.F32:
                return [new F32ConstInstruction(0x7FA00001)];
            case ImmediateKind.F64:
                return [new F64ConstInstruction(0xFFF0000000000001)];
            case ImmediateKind.V128:
                return [new V128ConstInstruction(0x0123456789ABCDEF, 0xFEDCBA9876543210)];
            case ImmediateKind.SelectTypes:
                return [new SelectInstruction([ValType.V128]), new SelectInstruction([]), new SelectInstruction([ValType.I32, ValType.FuncRef])];
            case ImmediateKind.HeapType:
                return [new HeapTypeInstruction(op, HeapType.Concrete(70)), new HeapTypeInstruction(op, new HeapType(HeapKind.NoExn))];
            case ImmediateKind.RefType:
                return [new RefTypeInstruction(op, new RefType(true, HeapType.Any)), new RefTypeInstruction(op, new RefType(false, HeapType.Concrete(1)))];
            case ImmediateKind.BrOnCast:
                return [new BrOnCastInstruction(op, 1, new RefType(true, HeapType.Any), new RefType(false, new HeapType(HeapKind.I31))),
                    new BrOnCastInstruction(op, 0, new RefType(false, HeapType.Concrete(2)), new RefType(true, new HeapType(HeapKind.None)))];
            default:
                throw new InvalidOperationException($"no sample for {row.Immediate}");
        }
    }

    /// <summary>A module with every section, every element and data form, and custom sections in several places.</summary>
    public static Module EverySection()
    {
        var funcType = new FuncType([ValType.I32, new ValType(new RefType(false, HeapType.Concrete(1)))], [ValType.F64]);
        var structType = new StructType([new FieldType(StorageType.Of(PackedType.I8), true), new FieldType(new StorageType(ValType.V128), false)]);
        var refFunc = new EquatableArray<Instruction>([new IndexInstruction(Opcode.RefFunc, 1)]);
        var refNull = new EquatableArray<Instruction>([new HeapTypeInstruction(Opcode.RefNull, HeapType.Func)]);
        var nonNullFunc = new RefType(false, HeapType.Func);
        return new Module
        {
            Types =
            [
                RecType.Single(SubType.Plain(FuncType.Empty)),
                new RecType([new SubType(false, [], structType), new SubType(true, [1], new ArrayType(new FieldType(StorageType.Of(PackedType.I16), true)))]),
                new RecType([]),
                RecType.Single(SubType.Plain(funcType)),
            ],
            Imports =
            [
                new Import("env", "f", new ExternFunc(0)),
                new Import("env", "t", new ExternTable(new TableType(AddrType.I64, new Limits(1, 10), RefType.ExternRef))),
                new Import("env", "m", new ExternMemory(new MemType(AddrType.I32, new Limits(1, 2), Shared: true))),
                new Import("env", "g", new ExternGlobal(new GlobalType(ValType.F32, true))),
                new Import("énv", "tag", new ExternTag(new TagType(0))),
            ],
            Functions =
            [
                new Function(0, [], []),
                new Function(3, [ValType.I32, ValType.I32, ValType.I64, ValType.I32, ValType.ExnRef], EveryOpcodeBody()),
            ],
            Tables =
            [
                new Table(new TableType(AddrType.I32, new Limits(0), RefType.FuncRef)),
                new Table(new TableType(AddrType.I32, new Limits(1, 1), nonNullFunc), refFunc),
            ],
            Memories =
            [
                new Memory(new MemType(AddrType.I64, new Limits(1UL << 40, ulong.MaxValue))),
                new Memory(new MemType(AddrType.I32, new Limits(0), PageSizeLog2: 0)),
            ],
            Tags = [new Tag(new TagType(0))],
            Globals = [new Global(new GlobalType(ValType.I32, false), [new I32ConstInstruction(1), new I32ConstInstruction(2), new Instruction(Opcode.I32Add)])],
            Exports = [new Export("run", ExternKind.Func, 1), new Export("mem", ExternKind.Memory, 0), new Export("", ExternKind.Tag, 1)],
            Start = 0,
            Elements =
            [
                new ElementSegment(nonNullFunc, [refFunc, refFunc], SegmentMode.Active(0, Zero)),
                new ElementSegment(nonNullFunc, [refFunc], SegmentMode.Passive),
                new ElementSegment(nonNullFunc, [refFunc], SegmentMode.Active(1, Zero)),
                new ElementSegment(nonNullFunc, [refFunc], SegmentMode.Declarative),
                new ElementSegment(RefType.FuncRef, [refNull, refFunc], SegmentMode.Active(0, Zero)),
                new ElementSegment(RefType.FuncRef, [refNull], SegmentMode.Passive),
                new ElementSegment(RefType.ExternRef, [[new HeapTypeInstruction(Opcode.RefNull, HeapType.Extern)]], SegmentMode.Active(0, Zero)),
                new ElementSegment(new RefType(false, HeapType.Concrete(0)), [refFunc], SegmentMode.Declarative),
                new ElementSegment(RefType.FuncRef, [], SegmentMode.Active(1, Zero)),
            ],
            DataCount = 3,
            Datas =
            [
                new DataSegment(new byte[] { 1, 2, 3 }, SegmentMode.Active(0, Zero)),
                new DataSegment(EquatableArray<byte>.Empty, SegmentMode.Passive),
                new DataSegment(new byte[] { 0xFF }, SegmentMode.Active(1, [new I64ConstInstruction(8)])),
            ],
            Customs =
            [
                new CustomSection("first", new byte[] { 0 }, SectionId.Custom),
                new CustomSection("after types", EquatableArray<byte>.Empty, SectionId.Type),
                new CustomSection("after tags", new byte[] { 1, 2 }, SectionId.Tag),
                new CustomSection("after data count", new byte[] { 3 }, SectionId.DataCount),
                new CustomSection("name", new byte[] { 0, 4, 3, (byte)'m', (byte)'o', (byte)'d' }, SectionId.Data),
            ],
            Names = new NameSection("mod", [], []),
        };
    }
}
