using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Simd.SimdRun;

namespace WasmConform.Engine.Tests.Simd;

/// <summary>Integer lanes at their edges: saturation, shift counts, widening products, wrap-around.</summary>
public class SimdIntegerTests
{
    [Fact]
    public void I16x8_q15mulr_sat_s_rounds_shifts_and_saturates_only_min_times_min()
    {
        // (a·b + 2^14) >> 15 (arithmetic): 2^30 + 2^14 -> 32768 -> 32767; -32768·32767 -> -32766.5 -> -32767;
        // 2^28 -> 8192; -1 -> 0; 32767² -> 32766; 1 -> 0; 0 -> 0; -32768 -> -1.
        var result = Op(Opcode.I16x8Q15mulrSatS,
            V.I16(-32768, -32768, 16384, -1, 32767, 1, 0, -16384),
            V.I16(-32768, 32767, 16384, 1, 32767, 1, 5, 2));
        Assert.Equal(V.I16(32767, -32767, 8192, 0, 32766, 0, 0, -1), result);
    }

    [Fact]
    public void I8x16_shl_takes_the_count_modulo_8()
    {
        Assert.Equal(V.I8Splat(0x81), Op(Opcode.I8x16Shl, V.I8Splat(0x81), Value.I32(8)));
        Assert.Equal(V.I8Splat(0x02), Op(Opcode.I8x16Shl, V.I8Splat(0x81), Value.I32(9)));
    }

    [Fact]
    public void I8x16_shifts_do_not_carry_bits_between_neighbouring_lanes()
    {
        var input = V.I8(0x80, 0x01, 0x80, 0x01, 0x80, 0x01, 0x80, 0x01, 0x80, 0x01, 0x80, 0x01, 0x80, 0x01, 0x80, 0x01);
        Assert.Equal(V.I8(0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2), Op(Opcode.I8x16Shl, input, Value.I32(1)));
        Assert.Equal(V.I8(0x40, 0, 0x40, 0, 0x40, 0, 0x40, 0, 0x40, 0, 0x40, 0, 0x40, 0, 0x40, 0), Op(Opcode.I8x16ShrU, input, Value.I32(1)));
        Assert.Equal(V.I8(0xC0, 0, 0xC0, 0, 0xC0, 0, 0xC0, 0, 0xC0, 0, 0xC0, 0, 0xC0, 0, 0xC0, 0), Op(Opcode.I8x16ShrS, input, Value.I32(1)));
    }

    [Fact]
    public void I8x16_shr_s_by_15_shifts_by_7()
    {
        var input = V.I8(0x80, 0x7F, 0xFF, 0x40, 0x80, 0x7F, 0xFF, 0x40, 0x80, 0x7F, 0xFF, 0x40, 0x80, 0x7F, 0xFF, 0x40);
        var expected = V.I8(-1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0);
        Assert.Equal(expected, Op(Opcode.I8x16ShrS, input, Value.I32(15)));
    }

    [Fact]
    public void I16x8_shr_u_by_17_shifts_by_1()
    {
        Assert.Equal(V.I16Splat(0x4000), Op(Opcode.I16x8ShrU, V.I16Splat(0x8000), Value.I32(17)));
    }

    [Fact]
    public void I32x4_shl_by_minus_1_shifts_by_31_and_by_32_not_at_all()
    {
        Assert.Equal(V.I32(0x8000_0000, 0x8000_0000, 0, 0x8000_0000), Op(Opcode.I32x4Shl, V.I32(1, 3, 0, -1), Value.I32(-1)));
        Assert.Equal(V.I32(1, 3, 0, -1), Op(Opcode.I32x4Shl, V.I32(1, 3, 0, -1), Value.I32(32)));
    }

    [Fact]
    public void I64x2_shifts_take_the_count_modulo_64()
    {
        Assert.Equal(V.I64(-1, 0), Op(Opcode.I64x2ShrS, V.I64(long.MinValue, long.MaxValue), Value.I32(127)));
        Assert.Equal(V.I64(long.MinValue, 1), Op(Opcode.I64x2ShrU, V.I64(long.MinValue, 1), Value.I32(64)));
        Assert.Equal(V.I64(1, 0), Op(Opcode.I64x2ShrU, V.I64(long.MinValue, 1), Value.I32(63)));
    }

    [Fact]
    public void I8x16_abs_and_i64x2_abs_leave_the_minimum_unchanged()
    {
        Assert.Equal(V.I8(-128, 1, 127, 0, -128, 1, 127, 0, -128, 1, 127, 0, -128, 1, 127, 0),
            Op(Opcode.I8x16Abs, V.I8(-128, -1, 127, 0, -128, -1, 127, 0, -128, -1, 127, 0, -128, -1, 127, 0)));
        Assert.Equal(V.I64(long.MinValue, 5), Op(Opcode.I64x2Abs, V.I64(long.MinValue, -5)));
    }

    [Fact]
    public void I8x16_saturating_add_and_sub_clamp_to_the_lane_range()
    {
        var a = V.I8(127, -128, 100, -100, 255, 200, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0);
        var b = V.I8(1, -1, 100, -100, 1, 100, 1, 10, 0, 0, 0, 0, 0, 0, 0, 0);
        // Signed: 127+1, -128-1, 100+100, -100-100 saturate; 255 is -1 and 200 is -56 as signed bytes.
        Assert.Equal(V.I8(127, -128, 127, -128, 0, 44, 1, 15, 0, 0, 0, 0, 0, 0, 0, 0), Op(Opcode.I8x16AddSatS, a, b));
        // Unsigned: 255 is -1 and -128 is 128, etc.
        Assert.Equal(V.I8(128, 255, 200, 255, 255, 255, 1, 15, 0, 0, 0, 0, 0, 0, 0, 0), Op(Opcode.I8x16AddSatU, a, b));
        Assert.Equal(V.I8(126, 0, 0, 0, 254, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), Op(Opcode.I8x16SubSatU, a, b));
    }

    [Fact]
    public void I16x8_sub_sat_s_clamps_at_both_ends()
    {
        Assert.Equal(V.I16(-32768, 32767, 0, 0, 0, 0, 0, 0), Op(Opcode.I16x8SubSatS, V.I16(-32768, 32767, 0, 0, 0, 0, 0, 0), V.I16(1, -1, 0, 0, 0, 0, 0, 0)));
    }

    [Fact]
    public void I8x16_min_and_max_follow_the_signedness_of_the_instruction()
    {
        Assert.Equal(V.I8Splat(0x7F), Op(Opcode.I8x16MinU, V.I8Splat(0x80), V.I8Splat(0x7F)));
        Assert.Equal(V.I8Splat(0x80), Op(Opcode.I8x16MinS, V.I8Splat(0x80), V.I8Splat(0x7F)));
        Assert.Equal(V.I32(-1, -1, -1, -1), Op(Opcode.I32x4MaxU, V.I32(-1, -1, -1, -1), V.I32(1, 1, 1, 1)));
    }

    [Fact]
    public void Avgr_u_rounds_up_without_overflowing_the_lane()
    {
        Assert.Equal(V.I8(255, 1, 2, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            Op(Opcode.I8x16AvgrU, V.I8(255, 0, 1, 254, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), V.I8(255, 1, 2, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        Assert.Equal(V.I16(32768, 65535, 0, 0, 0, 0, 0, 0),
            Op(Opcode.I16x8AvgrU, V.I16(65535, 65535, 0, 0, 0, 0, 0, 0), V.I16(0, 65535, 0, 0, 0, 0, 0, 0)));
    }

    [Fact]
    public void I8x16_popcnt_counts_the_bits_of_each_byte()
    {
        var input = V.I8(0xFF, 0x80, 0x55, 0, 0x0F, 0xF0, 1, 0x7F, 0xAA, 3, 0xFE, 0x11, 0, 0, 0, 0);
        Assert.Equal(V.I8(8, 1, 4, 0, 4, 4, 1, 7, 4, 2, 7, 2, 0, 0, 0, 0), Op(Opcode.I8x16Popcnt, input));
    }

    [Fact]
    public void I64x2_mul_and_neg_wrap_around()
    {
        Assert.Equal(V.I64(-2, 0), Op(Opcode.I64x2Mul, V.I64(long.MaxValue, 1L << 32), V.I64(2, 1L << 32)));
        Assert.Equal(V.I64(long.MinValue, 1), Op(Opcode.I64x2Neg, V.I64(long.MinValue, -1)));
    }

    [Fact]
    public void I64x2_lt_s_compares_the_full_signed_range()
    {
        Assert.Equal(V.I64(-1, 0), Op(Opcode.I64x2LtS, V.I64(long.MinValue, long.MaxValue), V.I64(long.MaxValue, long.MinValue)));
    }

    [Fact]
    public void Extmul_of_the_extreme_lanes_fits_the_wider_lane()
    {
        Assert.Equal(V.I16Splat(16384), Op(Opcode.I16x8ExtmulLowI8x16S, V.I8Splat(-128), V.I8Splat(-128)));
        Assert.Equal(V.I16Splat(65025), Op(Opcode.I16x8ExtmulHighI8x16U, V.I8Splat(255), V.I8Splat(255)));
        Assert.Equal(V.I32(0x4000_0000, 0x4000_0000, 0x4000_0000, 0x4000_0000), Op(Opcode.I32x4ExtmulLowI16x8S, V.I16Splat(-32768), V.I16Splat(-32768)));
        Assert.Equal(V.I32(0xFFFE_0001, 0xFFFE_0001, 0xFFFE_0001, 0xFFFE_0001), Op(Opcode.I32x4ExtmulHighI16x8U, V.I16Splat(65535), V.I16Splat(65535)));
        Assert.Equal(V.I64(1L << 62, 1L << 62), Op(Opcode.I64x2ExtmulLowI32x4S, V.I32(int.MinValue, int.MinValue, 0, 0), V.I32(int.MinValue, int.MinValue, 0, 0)));
        Assert.Equal(V.I64(unchecked((long)0xFFFF_FFFE_0000_0001), unchecked((long)0xFFFF_FFFE_0000_0001)),
            Op(Opcode.I64x2ExtmulHighI32x4U, V.I32(0, 0, -1, -1), V.I32(0, 0, -1, -1)));
    }

    [Fact]
    public void Extmul_high_reads_lanes_8_to_15_and_low_lanes_0_to_7()
    {
        var a = V.I8(1, 1, 1, 1, 1, 1, 1, 1, -128, -128, -128, -128, -128, -128, -128, -128);
        var b = V.I8(2, 2, 2, 2, 2, 2, 2, 2, 127, 127, 127, 127, 127, 127, 127, 127);
        Assert.Equal(V.I16Splat(-16256), Op(Opcode.I16x8ExtmulHighI8x16S, a, b));
        Assert.Equal(V.I16Splat(2), Op(Opcode.I16x8ExtmulLowI8x16S, a, b));
    }

    [Fact]
    public void I32x4_dot_i16x8_s_wraps_the_one_sum_that_overflows()
    {
        Assert.Equal(V.I32(int.MinValue, int.MinValue, int.MinValue, int.MinValue), Op(Opcode.I32x4DotI16x8S, V.I16Splat(-32768), V.I16Splat(-32768)));
        // -32768·32767·2, 1·5 + 2·6, 3·7 + 4·8, 32767²·2
        var result = Op(Opcode.I32x4DotI16x8S, V.I16(-32768, -32768, 1, 2, 3, 4, 32767, 32767), V.I16(32767, 32767, 5, 6, 7, 8, 32767, 32767));
        Assert.Equal(V.I32(-2147418112, 17, 53, 2147352578), result);
    }

    [Fact]
    public void Extadd_pairwise_adds_neighbouring_lanes_after_extension()
    {
        Assert.Equal(V.I16Splat(-256), Op(Opcode.I16x8ExtaddPairwiseI8x16S, V.I8Splat(-128)));
        Assert.Equal(V.I16Splat(510), Op(Opcode.I16x8ExtaddPairwiseI8x16U, V.I8Splat(255)));
        Assert.Equal(V.I32(-65536, -65536, -65536, -65536), Op(Opcode.I32x4ExtaddPairwiseI16x8S, V.I16Splat(-32768)));
        Assert.Equal(V.I32(131070, 131070, 131070, 131070), Op(Opcode.I32x4ExtaddPairwiseI16x8U, V.I16Splat(65535)));
        Assert.Equal(V.I16(3, -7, 0, 0, 0, 0, 0, 254), Op(Opcode.I16x8ExtaddPairwiseI8x16S, V.I8(1, 2, -3, -4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 127, 127)));
    }
}
