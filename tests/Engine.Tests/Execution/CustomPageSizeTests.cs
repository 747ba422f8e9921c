using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>Custom-page-sizes proposal: sizes, growth and bounds of a memory counted in 1-byte pages.</summary>
public class CustomPageSizeTests
{
    private static readonly ValType I32T = ValType.I32;

    /// <summary>A memory of <paramref name="min"/> one-byte pages (at most <paramref name="max"/>) with size, grow and load exports.</summary>
    private static ModuleInstance OneBytePages(ulong min, ulong? max = null)
    {
        var memory = new Memory(new MemType(AddrType.I32, new Limits(min, max), PageSizeLog2: 0));
        return Instantiate(Module([Type([], [I32T]), Type([I32T], [I32T])], [
                ("size", 0, [], [new IndexInstruction(Opcode.MemorySize, 0)]),
                ("grow", 1, [], [LocalGet(0), new IndexInstruction(Opcode.MemoryGrow, 0)]),
                ("load8", 1, [], [LocalGet(0), Load(Opcode.I32Load8U)]),
                ("load32", 1, [], [LocalGet(0), Load(Opcode.I32Load)]),
            ], memories: [memory]));
    }

    [Fact]
    public void Memory_size_counts_one_byte_pages()
    {
        var instance = OneBytePages(3);
        Assert.Equal(Value.I32(3), instance.Invoke("size")[0]);
        Assert.Equal(3, instance.Memories[0].Data.Length);
    }

    [Fact]
    public void Memory_grow_adds_one_byte_per_page_and_returns_the_old_size()
    {
        var instance = OneBytePages(3);
        Assert.Equal(Value.I32(3), instance.Invoke("grow", Value.I32(5))[0]);
        Assert.Equal(Value.I32(8), instance.Invoke("size")[0]);
        Assert.Equal(8, instance.Memories[0].Data.Length);
    }

    [Fact]
    public void Memory_grow_past_the_maximum_in_pages_fails()
    {
        var instance = OneBytePages(3, 10);
        Assert.Equal(Value.I32(-1), instance.Invoke("grow", Value.I32(8))[0]);
        Assert.Equal(Value.I32(3), instance.Invoke("grow", Value.I32(7))[0]);
        Assert.Equal(Value.I32(10), instance.Invoke("size")[0]);
    }

    [Fact]
    public void Bounds_are_checked_to_the_byte()
    {
        var instance = OneBytePages(3);
        Assert.Equal(Value.I32(0), instance.Invoke("load8", Value.I32(2))[0]);
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, Assert.Throws<TrapException>(() => instance.Invoke("load8", Value.I32(3))).Kind);
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, Assert.Throws<TrapException>(() => instance.Invoke("load32", Value.I32(0))).Kind);
        instance.Invoke("grow", Value.I32(1));
        Assert.Equal(Value.I32(0), instance.Invoke("load32", Value.I32(0))[0]);
    }

    [Fact]
    public void An_empty_memory_of_one_byte_pages_grows_from_zero()
    {
        var instance = OneBytePages(0);
        Assert.Equal(Value.I32(0), instance.Invoke("size")[0]);
        Assert.Equal(Value.I32(0), instance.Invoke("grow", Value.I32(1))[0]);
        Assert.Equal(Value.I32(0), instance.Invoke("load8", Value.I32(0))[0]);
    }
}
