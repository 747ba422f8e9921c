using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;
using static WasmConform.Engine.Tests.Simd.SimdRun;

namespace WasmConform.Engine.Tests.Simd;

/// <summary>Lane access, shuffles, swizzles and the reductions to i32.</summary>
public class SimdLaneTests
{
    private static readonly Value Bytes10To1F = V.I8(0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F);

    [Fact]
    public void I8x16_swizzle_selects_zero_for_indices_of_16_and_more()
    {
        var indices = V.I8(0, 15, 16, 17, 0x7F, 0x80, 0xFF, 31, 1, 2, 3, 4, 5, 6, 7, 8);
        var expected = V.I8(0x10, 0x1F, 0, 0, 0, 0, 0, 0, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18);
        Assert.Equal(expected, Op(Opcode.I8x16Swizzle, Bytes10To1F, indices));
    }

    [Fact]
    public void I8x16_shuffle_indexes_the_concatenation_of_both_operands()
    {
        var a = V.I8(0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F);
        var b = V.I8(0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F);
        var shuffle = Shuffle(0, 16, 31, 15, 1, 17, 30, 14, 2, 18, 29, 13, 3, 19, 28, 12);
        var expected = V.I8(0x00, 0x20, 0x2F, 0x0F, 0x01, 0x21, 0x2E, 0x0E, 0x02, 0x22, 0x2D, 0x0D, 0x03, 0x23, 0x2C, 0x0C);
        Assert.Equal(expected, Op(shuffle, a, b));
    }

    [Fact]
    public void Bitmask_collects_the_sign_bit_of_each_lane()
    {
        // Negative lanes 0, 2, 5, 15 -> 1 + 4 + 32 + 32768.
        Assert.Equal(Value.I32(32805), Op(Opcode.I8x16Bitmask, V.I8(-1, 0, -128, 127, 1, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1)));
        Assert.Equal(Value.I32(1 + 4 + 128), Op(Opcode.I16x8Bitmask, V.I16(0x8000, 0x7FFF, -1, 0, 0, 0, 0, 0x8001)));
        Assert.Equal(Value.I32(5), Op(Opcode.I32x4Bitmask, V.I32(-1, 1, int.MinValue, 0)));
        Assert.Equal(Value.I32(2), Op(Opcode.I64x2Bitmask, V.I64(0, long.MinValue)));
    }

    [Fact]
    public void All_true_looks_at_whole_lanes_of_the_instruction_shape()
    {
        var input = V.I32(1, 0x100, 0x1_0000, 0x100_0000);
        Assert.Equal(Value.I32(1), Op(Opcode.I32x4AllTrue, input));
        Assert.Equal(Value.I32(0), Op(Opcode.I8x16AllTrue, input));
        Assert.Equal(Value.I32(0), Op(Opcode.I16x8AllTrue, input));
        Assert.Equal(Value.I32(1), Op(Opcode.I64x2AllTrue, input));
    }

    [Fact]
    public void Any_true_is_1_when_any_bit_is_set()
    {
        Assert.Equal(Value.I32(1), Op(Opcode.V128AnyTrue, V.I64(0, long.MinValue)));
        Assert.Equal(Value.I32(0), Op(Opcode.V128AnyTrue, V.I64(0, 0)));
    }

    [Fact]
    public void Extract_lane_of_i8_and_i16_lanes_sign_or_zero_extends()
    {
        var bytes = V.I8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80);
        Assert.Equal(Value.I32(-128), Op(Lane(Opcode.I8x16ExtractLaneS, 15), bytes));
        Assert.Equal(Value.I32(128), Op(Lane(Opcode.I8x16ExtractLaneU, 15), bytes));
        var halves = V.I16(0, 0, 0, 0x8000, 0, 0, 0, 0);
        Assert.Equal(Value.I32(-32768), Op(Lane(Opcode.I16x8ExtractLaneS, 3), halves));
        Assert.Equal(Value.I32(32768), Op(Lane(Opcode.I16x8ExtractLaneU, 3), halves));
    }

    [Fact]
    public void Float_lanes_keep_signaling_NaN_bits_through_extract_replace_and_splat()
    {
        Assert.Equal(Value.F32Bits(0x7F80_0001), Op(Lane(Opcode.F32x4ExtractLane, 2), V.F32(0, 0, 0x7F80_0001, 0)));
        Assert.Equal(V.F64(0x3FF0_0000_0000_0000, 0x7FF0_0000_0000_0001),
            Op(Lane(Opcode.F64x2ReplaceLane, 1), V.F64(0x3FF0_0000_0000_0000, 0), Value.F64Bits(0x7FF0_0000_0000_0001)));
        Assert.Equal(V.F32(0xFF80_0001, 0xFF80_0001, 0xFF80_0001, 0xFF80_0001), Op(Opcode.F32x4Splat, Value.F32Bits(0xFF80_0001)));
    }

    [Fact]
    public void Replace_lane_changes_only_its_lane_and_takes_the_low_bits_of_an_i32()
    {
        Assert.Equal(V.I8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0x34),
            Op(Lane(Opcode.I8x16ReplaceLane, 15), V.I8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Value.I32(0x1234)));
        Assert.Equal(V.I64(-7, 2), Op(Lane(Opcode.I64x2ReplaceLane, 0), V.I64(1, 2), Value.I64(-7)));
        Assert.Equal(Value.I64(long.MinValue), Op(Lane(Opcode.I64x2ExtractLane, 1), V.I64(1, long.MinValue)));
    }

    [Fact]
    public void Splat_of_an_i32_uses_its_low_bits()
    {
        Assert.Equal(V.I8Splat(0xFF), Op(Opcode.I8x16Splat, Value.I32(0x1FF)));
        Assert.Equal(V.I16Splat(0x2345), Op(Opcode.I16x8Splat, Value.I32(0x12345)));
        Assert.Equal(V.I64(long.MinValue, long.MinValue), Op(Opcode.I64x2Splat, Value.I64(long.MinValue)));
    }

    [Fact]
    public void Bitselect_takes_bits_of_the_first_operand_where_the_mask_is_set()
    {
        Assert.Equal(V.I8Splat(0x5A), Op(Opcode.V128Bitselect, V.I8Splat(0xAA), V.I8Splat(0x55), V.I8Splat(0x0F)));
    }
}
