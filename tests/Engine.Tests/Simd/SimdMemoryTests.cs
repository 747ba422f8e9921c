using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Simd;

/// <summary>v128 loads and stores: bounds at the last byte, lane forms, extension and zero/splat forms, memory64 and multi-memory.</summary>
public class SimdMemoryTests
{
    private const int PageBytes = 65536;
    private static readonly ValType I32T = ValType.I32, V128T = ValType.V128;

    /// <summary>A module with one page of memory (of <paramref name="addr"/> addressing) and one function "f".</summary>
    private static ModuleInstance Instance(FuncType type, Instruction[] body, AddrType addr = AddrType.I32, int memories = 1) =>
        Instantiate(Module([type], [("f", 0, [], body)],
            memories: Enumerable.Range(0, memories).Select(_ => new Memory(new MemType(addr, new Limits(1)))).ToArray()));

    /// <summary><c>(func (param i32) (result v128) local.get 0 load)</c>.</summary>
    private static ModuleInstance Loader(Instruction load) => Instance(Type([I32T], [V128T]), [LocalGet(0), load]);

    /// <summary><c>(func (param i32 v128) (result v128?) local.get 0 local.get 1 access)</c>.</summary>
    private static ModuleInstance WithVector(Instruction access, bool returnsVector) =>
        Instance(Type([I32T, V128T], returnsVector ? [V128T] : []), [LocalGet(0), LocalGet(1), access]);

    private static void AssertOutOfBounds(Action action) =>
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, Assert.Throws<TrapException>(action).Kind);

    [Fact]
    public void V128_load_of_the_last_16_bytes_succeeds_and_one_byte_further_traps()
    {
        var instance = Loader(Load(Opcode.V128Load));
        var data = instance.Memories[0].Data;
        for (int k = 0; k < 16; k++) data[PageBytes - 16 + k] = (byte)(k + 1);
        Assert.Equal(V.I8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), instance.Invoke("f", Value.I32(PageBytes - 16))[0]);
        AssertOutOfBounds(() => instance.Invoke("f", Value.I32(PageBytes - 15)));
    }

    [Fact]
    public void Address_plus_offset_past_4_GiB_traps_instead_of_wrapping()
    {
        var instance = Loader(Load(Opcode.V128Load, offset: 1));
        AssertOutOfBounds(() => instance.Invoke("f", Value.I32(-1)));
    }

    [Fact]
    public void Load8_lane_at_the_last_byte_replaces_only_its_lane()
    {
        var instance = WithVector(MemoryLane(Opcode.V128Load8Lane, 15), returnsVector: true);
        instance.Memories[0].Data[PageBytes - 1] = 0xAB;
        var result = instance.Invoke("f", Value.I32(PageBytes - 1), V.I8Splat(0x11))[0];
        Assert.Equal(V.I8(0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0xAB), result);
    }

    [Fact]
    public void Load16_lane_reaching_past_the_last_byte_traps()
    {
        var instance = WithVector(MemoryLane(Opcode.V128Load16Lane, 0), returnsVector: true);
        AssertOutOfBounds(() => instance.Invoke("f", Value.I32(PageBytes - 1), V.I8Splat(0)));
    }

    [Fact]
    public void Load64_lane_fits_at_the_last_8_bytes_only()
    {
        var instance = WithVector(MemoryLane(Opcode.V128Load64Lane, 1), returnsVector: true);
        instance.Memories[0].Data[PageBytes - 1] = 0x80;
        Assert.Equal(V.I64(7, long.MinValue), instance.Invoke("f", Value.I32(PageBytes - 8), V.I64(7, 9))[0]);
        AssertOutOfBounds(() => instance.Invoke("f", Value.I32(PageBytes - 7), V.I64(7, 9)));
    }

    [Fact]
    public void Store8_lane_at_the_last_byte_writes_that_lane_only()
    {
        var instance = WithVector(MemoryLane(Opcode.V128Store8Lane, 3), returnsVector: false);
        instance.Invoke("f", Value.I32(PageBytes - 1), V.I8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
        var data = instance.Memories[0].Data;
        Assert.Equal(3, data[PageBytes - 1]);
        Assert.Equal(0, data[PageBytes - 2]);
    }

    [Fact]
    public void Store32_lane_reaching_past_the_end_traps_and_writes_nothing()
    {
        var instance = WithVector(MemoryLane(Opcode.V128Store32Lane, 0), returnsVector: false);
        AssertOutOfBounds(() => instance.Invoke("f", Value.I32(PageBytes - 3), V.I32(-1, -1, -1, -1)));
        Assert.All(instance.Memories[0].Data[(PageBytes - 3)..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void V128_store_writes_16_little_endian_bytes_at_the_end_and_traps_one_byte_further()
    {
        var instance = WithVector(Store(Opcode.V128Store), returnsVector: false);
        instance.Invoke("f", Value.I32(PageBytes - 16), V.I64(0x0807_0605_0403_0201, 0x100F_0E0D_0C0B_0A09));
        Assert.Equal(Enumerable.Range(1, 16).Select(b => (byte)b), instance.Memories[0].Data[(PageBytes - 16)..]);
        AssertOutOfBounds(() => instance.Invoke("f", Value.I32(PageBytes - 15), V.I64(0, 0)));
        Assert.Equal(1, instance.Memories[0].Data[PageBytes - 16]);
    }

    [Fact]
    public void Load32_zero_and_load64_zero_clear_the_upper_lanes()
    {
        var zero32 = Loader(Load(Opcode.V128Load32Zero));
        var data = zero32.Memories[0].Data;
        for (int k = 0; k < 16; k++) data[k] = (byte)(k + 1);
        Assert.Equal(V.I32(0x0403_0201, 0, 0, 0), zero32.Invoke("f", Value.I32(0))[0]);
        var zero64 = Loader(Load(Opcode.V128Load64Zero));
        zero64.Memories[0].Data[7] = 0xFF;
        zero64.Memories[0].Data[8] = 0xFF;
        Assert.Equal(V.I64(unchecked((long)0xFF00_0000_0000_0000), 0), zero64.Invoke("f", Value.I32(0))[0]);
    }

    [Fact]
    public void Load_splat_repeats_the_value_in_every_lane()
    {
        var instance = Loader(Load(Opcode.V128Load16Splat));
        instance.Memories[0].Data[2] = 0x34;
        instance.Memories[0].Data[3] = 0x12;
        Assert.Equal(V.I16Splat(0x1234), instance.Invoke("f", Value.I32(2))[0]);
    }

    [Fact]
    public void Load8x8_extends_each_byte_signed_or_unsigned()
    {
        byte[] bytes = [0x80, 0x7F, 0xFF, 0x01, 0, 2, 0xFE, 3];
        var signed = Loader(Load(Opcode.V128Load8x8S));
        var unsigned = Loader(Load(Opcode.V128Load8x8U));
        bytes.CopyTo(signed.Memories[0].Data, 0);
        bytes.CopyTo(unsigned.Memories[0].Data, 0);
        Assert.Equal(V.I16(-128, 127, -1, 1, 0, 2, -2, 3), signed.Invoke("f", Value.I32(0))[0]);
        Assert.Equal(V.I16(128, 127, 255, 1, 0, 2, 254, 3), unsigned.Invoke("f", Value.I32(0))[0]);
    }

    [Fact]
    public void Load32x2_s_sign_extends_each_word()
    {
        var instance = Loader(Load(Opcode.V128Load32x2S));
        BitConverter.GetBytes(int.MinValue).CopyTo(instance.Memories[0].Data, 0);
        BitConverter.GetBytes(5).CopyTo(instance.Memories[0].Data, 4);
        Assert.Equal(V.I64(int.MinValue, 5), instance.Invoke("f", Value.I32(0))[0]);
    }

    [Fact]
    public void V128_load_on_a_64_bit_memory_takes_an_i64_address()
    {
        var instance = Instance(Type([ValType.I64], [V128T]), [LocalGet(0), Load(Opcode.V128Load)], AddrType.I64);
        instance.Memories[0].Data[16] = 0x2A;
        Assert.Equal(V.I64(0x2A, 0), instance.Invoke("f", Value.I64(16))[0]);
        AssertOutOfBounds(() => instance.Invoke("f", Value.I64(1L << 32)));
        AssertOutOfBounds(() => instance.Invoke("f", Value.I64(-16)));
    }

    [Fact]
    public void Vector_accesses_use_the_memory_named_by_their_memarg()
    {
        var store = new MemoryInstruction(Opcode.V128Store, new MemArg(0, 0, 1));
        var lane = new MemoryLaneInstruction(Opcode.V128Load8Lane, new MemArg(0, 1, 1), 0);
        var instance = Instance(Type([I32T, V128T], [V128T]), [LocalGet(0), LocalGet(1), store, LocalGet(0), LocalGet(1), lane], memories: 2);
        var result = instance.Invoke("f", Value.I32(0), V.I8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))[0];
        Assert.Equal(V.I8(2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), result);
        Assert.Equal(1, instance.Memories[1].Data[0]);
        Assert.All(instance.Memories[0].Data, b => Assert.Equal(0, b));
    }
}
