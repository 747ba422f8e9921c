using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Tests.Printer;

/// <summary>Hand-built modules for the printer tests: every opcode, every immediate kind, every section.</summary>
internal static class PrinterSamples
{
    private static readonly EquatableArray<Instruction> ZeroOffset = new([new I32ConstInstruction(0)]);

    /// <summary>A function body with an instruction of every opcode of <see cref="OpcodeTable"/>, blocks closed.</summary>
    public static Instruction[] EveryOpcodeBody()
    {
        var body = new List<Instruction>();
        foreach (var row in OpcodeTable.All)
        {
            switch (row.Op)
            {
                case Opcode.Else or Opcode.End or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate:
                    continue;
                case Opcode.If:
                    body.AddRange([new BlockInstruction(Opcode.If, BlockType.Of(ValType.I32)), new I32ConstInstruction(1),
                        new Instruction(Opcode.Else), new I32ConstInstruction(2), new Instruction(Opcode.End)]);
                    continue;
                case Opcode.Try:
                    body.AddRange([new BlockInstruction(Opcode.Try, BlockType.Empty), new Instruction(Opcode.Nop),
                        new IndexInstruction(Opcode.Catch, 1), new Instruction(Opcode.Drop),
                        new Instruction(Opcode.CatchAll), new IndexInstruction(Opcode.Rethrow, 0), new Instruction(Opcode.End)]);
                    body.AddRange([new BlockInstruction(Opcode.Try, BlockType.Indexed(0)), new Instruction(Opcode.Nop), new IndexInstruction(Opcode.Delegate, 0)]);
                    continue;
            }
            body.AddRange(Samples(row));
            if (row.Immediate is ImmediateKind.BlockType or ImmediateKind.TryTable) body.Add(new Instruction(Opcode.End));
        }
        return [.. body];
    }

    /// <summary>Instructions of one opcode with immediates that are not all defaults.</summary>
    public static IEnumerable<Instruction> Samples(OpcodeInfo row)
    {
        var op = row.Op;
        return row.Immediate switch
        {
            ImmediateKind.None => [new Instruction(op)],
            ImmediateKind.BlockType => [new BlockInstruction(op, BlockType.Indexed(3))],
            ImmediateKind.TryTable => [new TryTableInstruction(BlockType.Of(ValType.ExnRef),
                [new Catch(CatchKind.Catch, 1, 2), new Catch(CatchKind.CatchRef, 3, 4), new Catch(CatchKind.CatchAll, 0, 5), new Catch(CatchKind.CatchAllRef, 0, 6)])],
            ImmediateKind.Label or ImmediateKind.Func or ImmediateKind.Type or ImmediateKind.Local or ImmediateKind.Global
                or ImmediateKind.Table or ImmediateKind.Memory or ImmediateKind.Data or ImmediateKind.Elem or ImmediateKind.Tag =>
                [new IndexInstruction(op, 0), new IndexInstruction(op, 2)],
            ImmediateKind.BrTable => [new BrTableInstruction([], 0), new BrTableInstruction([1, 0, 2], 3)],
            ImmediateKind.CallIndirect or ImmediateKind.TablePair or ImmediateKind.TableInit or ImmediateKind.MemoryPair
                or ImmediateKind.MemoryInit or ImmediateKind.TypeField or ImmediateKind.TypeCount or ImmediateKind.TypeData
                or ImmediateKind.TypeElem or ImmediateKind.TypePair =>
                [new IndexPairInstruction(op, 0, 1), new IndexPairInstruction(op, 2, 0)],
            ImmediateKind.MemArg => [new MemoryInstruction(op, new MemArg(0, 0)), new MemoryInstruction(op, new MemArg(3, ulong.MaxValue, 1))],
            ImmediateKind.MemArgLane => [new MemoryLaneInstruction(op, new MemArg(0, 0), 1), new MemoryLaneInstruction(op, new MemArg(0, 7, 1), 0)],
            ImmediateKind.Lane => [new LaneInstruction(op, 0), new LaneInstruction(op, 1)],
            ImmediateKind.Shuffle => [new ShuffleInstruction(Enumerable.Range(0, 16).Select(i => (byte)(31 - 2 * i)).ToArray())],
            ImmediateKind.I32 => [new I32ConstInstruction(int.MinValue), new I32ConstInstruction(-1), new I32ConstInstruction(int.MaxValue)],
            ImmediateKind.I64 => [new I64ConstInstruction(long.MinValue), new I64ConstInstruction(long.MaxValue)],
            ImmediateKind.F32 => [new F32ConstInstruction(0x7FA00001), new F32ConstInstruction(0x80000001), new F32ConstInstruction(0xFF800000)],
            ImmediateKind.F64 => [new F64ConstInstruction(0xFFF0000000000001), new F64ConstInstruction(0x000FFFFFFFFFFFFF), new F64ConstInstruction(0x3FB999999999999A)],
            ImmediateKind.V128 => [new V128ConstInstruction(0x0123456789ABCDEF, 0xFEDCBA9876543210)],
            ImmediateKind.SelectTypes => [new SelectInstruction([ValType.V128]), new SelectInstruction([]), new SelectInstruction([ValType.I32, ValType.FuncRef])],
            ImmediateKind.HeapType => [new HeapTypeInstruction(op, HeapType.Concrete(1)), new HeapTypeInstruction(op, new HeapType(HeapKind.NoExn))],
            ImmediateKind.RefType => [new RefTypeInstruction(op, new RefType(true, HeapType.Any)), new RefTypeInstruction(op, new RefType(false, new HeapType(HeapKind.Concrete, 1, Exact: true)))],
            ImmediateKind.BrOnCast =>
            [
                new BrOnCastInstruction(op, 1, new RefType(true, HeapType.Any), new RefType(false, new HeapType(HeapKind.I31))),
                new BrOnCastInstruction(op, 0, new RefType(false, HeapType.Concrete(2)), new RefType(true, new HeapType(HeapKind.None))),
            ],
            _ => throw new InvalidOperationException($"no sample for {row.Immediate}"),
        };
    }

    /// <summary>A module with every kind of definition, type form, segment mode, name and custom section placement.</summary>
    public static Module EverySection()
    {
        var refFunc = new EquatableArray<Instruction>([new IndexInstruction(Opcode.RefFunc, 1)]);
        var nonNullFunc = new RefType(false, HeapType.Func);
        return new Module
        {
            Types =
            [
                RecType.Single(SubType.Plain(FuncType.Empty)),
                new RecType(
                [
                    new SubType(false, [], new StructType([new FieldType(StorageType.Of(PackedType.I8), true), new FieldType(new StorageType(ValType.V128), false)])),
                    new SubType(true, [1], new ArrayType(new FieldType(StorageType.Of(PackedType.I16), true))),
                ]),
                new RecType([]),
                RecType.Single(SubType.Plain(new FuncType([ValType.I32, new ValType(new RefType(false, HeapType.Concrete(1))), ValType.I64], [ValType.F64]))),
                new RecType(
                [
                    new SubType(true, [], new StructType([]), Descriptor: 5),
                    new SubType(false, [], new StructType([new FieldType(new StorageType(new ValType(new RefType(true, new HeapType(HeapKind.Concrete, 4, Exact: true)))), false)]), Describes: 4),
                ]),
            ],
            Imports =
            [
                new Import("env", "f", new ExternFunc(0)),
                new Import("env", "t", new ExternTable(new TableType(AddrType.I64, new Limits(1, 10), RefType.ExternRef))),
                new Import("env", "m", new ExternMemory(new MemType(AddrType.I32, new Limits(1, 2), Shared: true))),
                new Import("env", "g", new ExternGlobal(new GlobalType(ValType.F32, true))),
                new Import("\u00e9nv", "tag", new ExternTag(new TagType(0))),
                new Import("env", "exact", new ExternFunc(0, Exact: true)),
            ],
            Functions =
            [
                new Function(0, [], []),
                new Function(3, [ValType.I32, ValType.I32, ValType.I64, ValType.ExnRef], EveryOpcodeBody()),
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
            Globals =
            [
                new Global(new GlobalType(ValType.I32, false), [new I32ConstInstruction(1), new I32ConstInstruction(2), new Instruction(Opcode.I32Add)]),
                new Global(new GlobalType(new ValType(new RefType(true, new HeapType(HeapKind.NoFunc))), true), [new HeapTypeInstruction(Opcode.RefNull, new HeapType(HeapKind.NoFunc))]),
            ],
            Exports = [new Export("run", ExternKind.Func, 3), new Export("mem", ExternKind.Memory, 0), new Export("", ExternKind.Tag, 1), new Export("t", ExternKind.Table, 1), new Export("g", ExternKind.Global, 2)],
            Start = 2,
            Elements =
            [
                new ElementSegment(nonNullFunc, [refFunc, [new IndexInstruction(Opcode.RefFunc, 3)]], SegmentMode.Active(0, ZeroOffset)),
                new ElementSegment(nonNullFunc, [refFunc], SegmentMode.Passive),
                new ElementSegment(nonNullFunc, [refFunc], SegmentMode.Active(1, [new I32ConstInstruction(1), new I32ConstInstruction(2), new Instruction(Opcode.I32Mul)])),
                new ElementSegment(nonNullFunc, [refFunc], SegmentMode.Declarative),
                new ElementSegment(RefType.FuncRef, [[new HeapTypeInstruction(Opcode.RefNull, HeapType.Func)], refFunc], SegmentMode.Active(0, ZeroOffset)),
                new ElementSegment(RefType.ExternRef, [[new HeapTypeInstruction(Opcode.RefNull, HeapType.Extern)]], SegmentMode.Passive),
                new ElementSegment(RefType.FuncRef, [], SegmentMode.Active(1, [new I64ConstInstruction(0)])),
            ],
            Datas =
            [
                new DataSegment(new byte[] { 0, (byte)'a', (byte)'"', (byte)'\\', 0x7F, 0xFF, (byte)' ' }, SegmentMode.Active(0, [new I64ConstInstruction(16)])),
                new DataSegment(EquatableArray<byte>.Empty, SegmentMode.Passive),
                new DataSegment(Enumerable.Range(0, 100).Select(i => (byte)i).ToArray(), SegmentMode.Active(1, ZeroOffset)),
            ],
            Customs =
            [
                new CustomSection("first", new byte[] { 0 }, SectionId.Custom),
                new CustomSection("after types", EquatableArray<byte>.Empty, SectionId.Type),
                new CustomSection("after tags", new byte[] { 1, 2 }, SectionId.Tag),
                new CustomSection("after code", new byte[] { 3 }, SectionId.Code),
            ],
            Names = new NameSection("sample", [new NameAssoc(0, "imported"), new NameAssoc(3, "run"), new NameAssoc(2, "start")],
                [new IndirectNameAssoc(3, [new NameAssoc(0, "x"), new NameAssoc(4, "count")])]),
        };
    }
}
