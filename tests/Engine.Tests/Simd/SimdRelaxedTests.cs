using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Simd.SimdRun;

namespace WasmConform.Engine.Tests.Simd;

/// <summary>
/// The behaviour chosen for each relaxed instruction: the deterministic profile's, where every
/// relaxed choice is the first the spec lists.
/// </summary>
public class SimdRelaxedTests
{
    private const uint FltMax = 0x7F7F_FFFF, MinusFltMax = 0xFF7F_FFFF, Two = 0x4000_0000, Inf = 0x7F80_0000;

    [Fact]
    public void Relaxed_swizzle_selects_zero_for_indices_of_16_and_more()
    {
        var a = V.I8(0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F);
        var indices = V.I8(16, 17, 0x7F, 0x80, 0xFF, 15, 0, 31, 32, 1, 2, 3, 4, 5, 6, 7);
        var expected = V.I8(0, 0, 0, 0, 0, 0x1F, 0x10, 0, 0, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17);
        Assert.Equal(expected, Op(Opcode.I8x16RelaxedSwizzle, a, indices));
    }

    [Fact]
    public void Relaxed_trunc_saturates_and_maps_NaN_to_zero()
    {
        Assert.Equal(V.I32(0, int.MaxValue, int.MinValue, -1), Op(Opcode.I32x4RelaxedTruncF32x4S, V.F32(0x7FC0_0000, 0x4F00_0000, 0xFF80_0000, 0xBFF3_3333)));
        Assert.Equal(V.I32(0, 0, 0xFFFF_FFFF, 0), Op(Opcode.I32x4RelaxedTruncF32x4U, V.F32(0x7FC0_0000, 0xBF80_0000, 0x4F80_0000, 0)));
        Assert.Equal(V.I32(0, int.MinValue, 0, 0), Op(Opcode.I32x4RelaxedTruncF64x2SZero, V.F64(0x7FF8_0000_0000_0000, 0xFFF0_0000_0000_0000)));
        Assert.Equal(V.I32(0, 0xFFFF_FFFF, 0, 0), Op(Opcode.I32x4RelaxedTruncF64x2UZero, V.F64(0xBFF0_0000_0000_0000, 0x7FF0_0000_0000_0000)));
    }

    [Fact]
    public void Relaxed_madd_rounds_twice()
    {
        // FLT_MAX·2 overflows to inf before -FLT_MAX is added (fused would give FLT_MAX).
        Assert.Equal(V.F32(Inf, Inf, Inf, Inf), Op(Opcode.F32x4RelaxedMadd, V.F32(FltMax, FltMax, FltMax, FltMax), V.F32(Two, Two, Two, Two), V.F32(MinusFltMax, MinusFltMax, MinusFltMax, MinusFltMax)));
        // (1 + 2^-22)(1 + 2^-15) rounds to 1 + 2^-15 + 2^-22, cancelled exactly by c (fused would give 2^-37).
        uint x = 0x3F80_0002, y = 0x3F80_0100, z = 0xBF80_0102;
        Assert.Equal(V.F32(0, 0, 0, 0), Op(Opcode.F32x4RelaxedMadd, V.F32(x, x, x, x), V.F32(y, y, y, y), V.F32(z, z, z, z)));
    }

    [Fact]
    public void Relaxed_nmadd_negates_the_first_operand_and_rounds_twice()
    {
        uint x = 0xBF80_0002, y = 0x3F80_0100, z = 0xBF80_0102;
        Assert.Equal(V.F32(0, 0, 0, 0), Op(Opcode.F32x4RelaxedNmadd, V.F32(x, x, x, x), V.F32(y, y, y, y), V.F32(z, z, z, z)));
        ulong max = 0x7FEF_FFFF_FFFF_FFFF, two = 0x4000_0000_0000_0000;
        Assert.Equal(V.F64(0xFFF0_0000_0000_0000, 0xFFF0_0000_0000_0000),
            Op(Opcode.F64x2RelaxedNmadd, V.F64(max, max), V.F64(two, two), V.F64(max, max)));
    }

    [Fact]
    public void Relaxed_laneselect_selects_bit_by_bit_like_bitselect()
    {
        // A mask lane with mixed bits: a top-bit lane select would take all of b.
        Assert.Equal(V.I8Splat(0x5A), Op(Opcode.I8x16RelaxedLaneselect, V.I8Splat(0xAA), V.I8Splat(0x55), V.I8Splat(0x0F)));
        Assert.Equal(V.I64(unchecked((long)0x8000_0000_0000_0001), 1),
            Op(Opcode.I64x2RelaxedLaneselect, V.I64(-1, -1), V.I64(1, 1), V.I64(long.MinValue, 0)));
    }

    [Fact]
    public void Relaxed_min_and_max_are_min_and_max_for_zeros_and_NaNs()
    {
        var a = V.F32(0, 0x8000_0000, 0x7F80_0001, 0x3F80_0000);
        var b = V.F32(0x8000_0000, 0, 0x3F80_0000, 0x7FA0_0000);
        Assert.Equal(V.F32(0x8000_0000, 0x8000_0000, 0x7FC0_0001, 0x7FE0_0000), Op(Opcode.F32x4RelaxedMin, a, b));
        Assert.Equal(V.F32(0, 0, 0x7FC0_0001, 0x7FE0_0000), Op(Opcode.F32x4RelaxedMax, a, b));
        Assert.Equal(V.F64(0x8000_0000_0000_0000, 0x7FF8_0000_0000_0001), Op(Opcode.F64x2RelaxedMin, V.F64(0, 0x7FF0_0000_0000_0001), V.F64(0x8000_0000_0000_0000, 0)));
    }

    [Fact]
    public void Relaxed_q15mulr_saturates_min_times_min()
    {
        Assert.Equal(V.I16(32767, -32767, 8192, 0, 0, 0, 0, 0),
            Op(Opcode.I16x8RelaxedQ15mulrS, V.I16(-32768, -32768, 16384, 0, 0, 0, 0, 0), V.I16(-32768, 32767, 16384, 0, 0, 0, 0, 0)));
    }

    [Fact]
    public void Relaxed_dot_reads_both_operands_signed_and_saturates_the_pair_sum()
    {
        // (-128)·(-128)·2 = 32768 saturates; (-128)·(-127)·2 = 32512; -3·5 + 4·(-6) = -39.
        Assert.Equal(V.I16Splat(32767), Op(Opcode.I16x8RelaxedDotI8x16I7x16S, V.I8Splat(-128), V.I8Splat(-128)));
        Assert.Equal(V.I16(32512, -39, 0, 0, 0, 0, 0, 0),
            Op(Opcode.I16x8RelaxedDotI8x16I7x16S, V.I8(-128, -128, -3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), V.I8(-127, -127, 5, -6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    [Fact]
    public void Relaxed_dot_add_sums_the_saturated_pairs_and_wraps_the_accumulation()
    {
        // Each i16 pair sum saturates to 32767; two of them make 65534 per i32 lane.
        Assert.Equal(V.I32(65535, 65536, 65537, int.MinValue + 65533),
            Op(Opcode.I32x4RelaxedDotI8x16I7x16AddS, V.I8Splat(-128), V.I8Splat(-128), V.I32(1, 2, 3, int.MaxValue)));
    }
}
