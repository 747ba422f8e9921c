using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

public class BulkAndTableTests
{
    private static readonly ValType I32T = ValType.I32;
    private static readonly FuncType ThreeI32 = Type([I32T, I32T, I32T], []);
    private static readonly FuncType I32ToI32 = Type([I32T], [I32T]);

    private static Instruction[] Args3(Opcode op, uint x = 0, uint y = 0) =>
    [
        LocalGet(0), LocalGet(1), LocalGet(2),
        OpcodeTable.Info(op).Immediate is ImmediateKind.TablePair or ImmediateKind.MemoryPair
            ? new IndexPairInstruction(op, x, y)
            : new IndexInstruction(op, x),
    ];

    /// <summary>A table of 5 funcref slots holding f0..f4 (each returns its index), with copy and a call-through.</summary>
    private static ModuleInstance TableModule()
    {
        var funcs = Enumerable.Range(0, 5).Select(i => ($"f{i}", 1u, Array.Empty<ValType>(), new[] { I32(i) })).ToList();
        funcs.Add(("copy", 0u, [], Args3(Opcode.TableCopy)));
        funcs.Add(("call", 2u, [], [LocalGet(0), new IndexPairInstruction(Opcode.CallIndirect, 0, 1)]));
        var refs = Enumerable.Range(0, 5).Select(i => (EquatableArray<Instruction>)new[] { new IndexInstruction(Opcode.RefFunc, (uint)i) }).ToArray();
        return Instantiate(Module([ThreeI32, Type([], [I32T]), I32ToI32], [.. funcs],
            tables: [new Table(new TableType(AddrType.I32, new Limits(5), RefType.FuncRef))],
            elements: [new ElementSegment(RefType.FuncRef, refs, SegmentMode.Active(0, [I32(0)]))]));
    }

    private static int[] TableContents(ModuleInstance instance) =>
        Enumerable.Range(0, 5).Select(i => instance.Invoke("call", Value.I32(i))[0].AsI32).ToArray();

    [Fact]
    public void Table_copy_with_overlap_forward_copies_as_if_through_a_buffer()
    {
        var instance = TableModule();
        instance.Invoke("copy", Value.I32(1), Value.I32(0), Value.I32(3));
        Assert.Equal([0, 0, 1, 2, 4], TableContents(instance));
    }

    [Fact]
    public void Table_copy_with_overlap_backward_copies_as_if_through_a_buffer()
    {
        var instance = TableModule();
        instance.Invoke("copy", Value.I32(0), Value.I32(1), Value.I32(4));
        Assert.Equal([1, 2, 3, 4, 4], TableContents(instance));
    }

    [Fact]
    public void Table_copy_out_of_bounds_traps_and_writes_nothing()
    {
        var instance = TableModule();
        var ex = Assert.Throws<TrapException>(() => instance.Invoke("copy", Value.I32(3), Value.I32(0), Value.I32(3)));
        Assert.Equal(TrapKind.OutOfBoundsTableAccess, ex.Kind);
        Assert.Equal([0, 1, 2, 3, 4], TableContents(instance));
    }

    private static ModuleInstance MemoryModule() => Instantiate(Module([ThreeI32, I32ToI32], [
            ("copy", 0, [], Args3(Opcode.MemoryCopy)),
            ("fill", 0, [], Args3(Opcode.MemoryFill)),
            ("load8", 1, [], [LocalGet(0), Load(Opcode.I32Load8U)]),
        ], memories: [new Memory(new MemType(AddrType.I32, new Limits(1)))]));

    [Fact]
    public void Memory_copy_with_overlap_keeps_the_source_bytes()
    {
        var instance = MemoryModule();
        for (int i = 0; i < 4; i++) instance.Invoke("fill", Value.I32(i), Value.I32(i + 1), Value.I32(1));
        instance.Invoke("copy", Value.I32(1), Value.I32(0), Value.I32(4));
        var bytes = Enumerable.Range(0, 5).Select(i => instance.Invoke("load8", Value.I32(i))[0].AsI32).ToArray();
        Assert.Equal([1, 1, 2, 3, 4], bytes);
    }

    [Fact]
    public void Memory_fill_past_the_end_traps_and_writes_nothing()
    {
        var instance = MemoryModule();
        var ex = Assert.Throws<TrapException>(() => instance.Invoke("fill", Value.I32(65530), Value.I32(7), Value.I32(7)));
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, ex.Kind);
        Assert.Equal(Value.I32(0), instance.Invoke("load8", Value.I32(65530))[0]);
    }

    [Fact]
    public void Memory_fill_of_zero_bytes_at_the_end_is_allowed()
    {
        var instance = MemoryModule();
        instance.Invoke("fill", Value.I32(65536), Value.I32(7), Value.I32(0));
        Assert.Throws<TrapException>(() => instance.Invoke("fill", Value.I32(65537), Value.I32(7), Value.I32(0)));
    }
}
