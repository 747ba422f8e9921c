using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Simd.SimdRun;

namespace WasmConform.Engine.Tests.Simd;

/// <summary>Saturating truncation, rounding conversions, demotion/promotion of NaNs, narrowing and extension.</summary>
public class SimdConversionTests
{
    private const uint NaN32 = 0x7FC0_0000;
    private const ulong NaN64 = 0x7FF8_0000_0000_0000;

    [Fact]
    public void I32x4_trunc_sat_f32x4_s_maps_NaN_to_zero_and_saturates_out_of_range_lanes()
    {
        // NaN, 2^31, -(2^31 + 256), -1.9
        var result = Op(Opcode.I32x4TruncSatF32x4S, V.F32(NaN32, 0x4F00_0000, 0xCF00_0001, 0xBFF3_3333));
        Assert.Equal(V.I32(0, int.MaxValue, int.MinValue, -1), result);
    }

    [Fact]
    public void I32x4_trunc_sat_f32x4_s_is_exact_at_the_largest_floats_in_range()
    {
        // 2^31 - 128 (largest f32 below 2^31), -2^31, -inf, +inf
        var result = Op(Opcode.I32x4TruncSatF32x4S, V.F32(0x4EFF_FFFF, 0xCF00_0000, 0xFF80_0000, 0x7F80_0000));
        Assert.Equal(V.I32(2147483520, int.MinValue, int.MinValue, int.MaxValue), result);
    }

    [Fact]
    public void I32x4_trunc_sat_f32x4_u_clamps_negative_lanes_to_zero_and_large_lanes_to_max()
    {
        // NaN, -0.9, 2^32, 2^32 - 256
        var result = Op(Opcode.I32x4TruncSatF32x4U, V.F32(NaN32, 0xBF66_6666, 0x4F80_0000, 0x4F7F_FFFF));
        Assert.Equal(V.I32(0, 0, 0xFFFF_FFFF, 4294967040), result);
    }

    [Fact]
    public void I32x4_trunc_sat_f64x2_s_zero_saturates_and_zeroes_the_upper_lanes()
    {
        // 2^31 -> max, -(2^31 + 1) -> min
        Assert.Equal(V.I32(int.MaxValue, int.MinValue, 0, 0), Op(Opcode.I32x4TruncSatF64x2SZero, V.F64(0x41E0_0000_0000_0000, 0xC1E0_0000_0020_0000)));
        // NaN -> 0, -0.5 -> 0
        Assert.Equal(V.I32(0, 0, 0, 0), Op(Opcode.I32x4TruncSatF64x2SZero, V.F64(NaN64, 0xBFE0_0000_0000_0000)));
    }

    [Fact]
    public void I32x4_trunc_sat_f64x2_u_zero_saturates_and_zeroes_the_upper_lanes()
    {
        // 2^32 -> max, -1 -> 0
        Assert.Equal(V.I32(0xFFFF_FFFF, 0, 0, 0), Op(Opcode.I32x4TruncSatF64x2UZero, V.F64(0x41F0_0000_0000_0000, 0xBFF0_0000_0000_0000)));
        // NaN -> 0, 2^32 - 1 exactly
        Assert.Equal(V.I32(0, 0xFFFF_FFFF, 0, 0), Op(Opcode.I32x4TruncSatF64x2UZero, V.F64(NaN64, 0x41EF_FFFF_FFE0_0000)));
    }

    [Fact]
    public void F32x4_convert_i32x4_u_reads_lanes_unsigned_and_rounds_to_nearest_even()
    {
        // 2^32 - 1 -> 2^32; 2^31 + 1 -> 2^31; 2^24 + 1 -> 2^24 (tie to even)
        var result = Op(Opcode.F32x4ConvertI32x4U, V.I32(-1, 0x8000_0001, 16777217, 0));
        Assert.Equal(V.F32(0x4F80_0000, 0x4F00_0000, 0x4B80_0000, 0), result);
    }

    [Fact]
    public void F32x4_convert_i32x4_s_rounds_to_nearest_even()
    {
        // -1; 2^24 + 1 -> 2^24; 2^24 + 3 -> 2^24 + 4; -2^31
        var result = Op(Opcode.F32x4ConvertI32x4S, V.I32(-1, 16777217, 16777219, int.MinValue));
        Assert.Equal(V.F32(0xBF80_0000, 0x4B80_0000, 0x4B80_0002, 0xCF00_0000), result);
    }

    [Fact]
    public void F64x2_convert_low_i32x4_converts_lanes_0_and_1_exactly()
    {
        var input = V.I32(-1, int.MinValue, 5, 6);
        Assert.Equal(V.F64(0xBFF0_0000_0000_0000, 0xC1E0_0000_0000_0000), Op(Opcode.F64x2ConvertLowI32x4S, input));
        Assert.Equal(V.F64(0x41EF_FFFF_FFE0_0000, 0x41E0_0000_0000_0000), Op(Opcode.F64x2ConvertLowI32x4U, input));
    }

    [Fact]
    public void F32x4_demote_f64x2_zero_keeps_NaN_payload_leading_bits_and_overflows_to_infinity()
    {
        // A signaling NaN with payload bit 50 set keeps it as f32 payload bit 21, quieted; DBL_MAX becomes +inf.
        Assert.Equal(V.F32(0x7FE0_0000, 0x7F80_0000, 0, 0), Op(Opcode.F32x4DemoteF64x2Zero, V.F64(0x7FF4_0000_0000_0000, 0x7FEF_FFFF_FFFF_FFFF)));
        // The smallest subnormals underflow to zeros of their sign.
        Assert.Equal(V.F32(0, 0x8000_0000, 0, 0), Op(Opcode.F32x4DemoteF64x2Zero, V.F64(1, 0x8000_0000_0000_0001)));
    }

    [Fact]
    public void F64x2_promote_low_f32x4_keeps_the_sign_of_zero_and_of_a_NaN()
    {
        var result = Op(Opcode.F64x2PromoteLowF32x4, V.F32(0x8000_0000, 0xFFC0_0001, 0x3F80_0000, 0x3F80_0000));
        Assert.Equal(V.F64(0x8000_0000_0000_0000, 0xFFF8_0000_2000_0000), result);
    }

    [Fact]
    public void I8x16_narrow_i16x8_s_saturates_each_lane_to_the_signed_byte_range()
    {
        var result = Op(Opcode.I8x16NarrowI16x8S, V.I16(32767, -32768, 128, -129, 127, -128, 1, -1), V.I16(0, 300, -300, 5, 6, 7, 8, 9));
        Assert.Equal(V.I8(127, -128, 127, -128, 127, -128, 1, -1, 0, 127, -128, 5, 6, 7, 8, 9), result);
    }

    [Fact]
    public void I8x16_narrow_i16x8_u_reads_lanes_signed_and_clamps_to_0_255()
    {
        var result = Op(Opcode.I8x16NarrowI16x8U, V.I16(-1, 256, 255, -32768, 32767, 0, 1, 128), V.I16(0, 0, 0, 0, 0, 0, 0, -129));
        Assert.Equal(V.I8(0, 255, 255, 0, 255, 0, 1, 128, 0, 0, 0, 0, 0, 0, 0, 0), result);
    }

    [Fact]
    public void I16x8_narrow_i32x4_saturates_to_the_signed_and_unsigned_ranges()
    {
        Assert.Equal(V.I16(32767, -32768, 32767, -1, 32767, -32768, 0, 1),
            Op(Opcode.I16x8NarrowI32x4S, V.I32(32768, -32769, 65535, -1), V.I32(32767, -32768, 0, 1)));
        Assert.Equal(V.I16(65535, 0, 65535, 32768, 0, 65535, 0, 1),
            Op(Opcode.I16x8NarrowI32x4U, V.I32(65536, -1, 65535, 32768), V.I32(int.MinValue, int.MaxValue, 0, 1)));
    }

    [Fact]
    public void I16x8_extend_high_i8x16_takes_lanes_8_to_15_signed_or_unsigned()
    {
        var input = V.I8(9, 9, 9, 9, 9, 9, 9, 9, 0x80, 0x7F, 0xFF, 1, 0, 2, 3, 4);
        Assert.Equal(V.I16(-128, 127, -1, 1, 0, 2, 3, 4), Op(Opcode.I16x8ExtendHighI8x16S, input));
        Assert.Equal(V.I16(128, 127, 255, 1, 0, 2, 3, 4), Op(Opcode.I16x8ExtendHighI8x16U, input));
    }

    [Fact]
    public void I64x2_extend_low_i32x4_takes_lanes_0_and_1_signed_or_unsigned()
    {
        var input = V.I32(int.MinValue, -1, 7, 7);
        Assert.Equal(V.I64(int.MinValue, -1), Op(Opcode.I64x2ExtendLowI32x4S, input));
        Assert.Equal(V.I64(0x8000_0000, 0xFFFF_FFFF), Op(Opcode.I64x2ExtendLowI32x4U, input));
    }
}
