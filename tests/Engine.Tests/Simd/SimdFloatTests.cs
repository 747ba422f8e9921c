using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Simd.SimdRun;

namespace WasmConform.Engine.Tests.Simd;

/// <summary>
/// f32x4/f64x2 lanes where vector hardware and the spec part ways: NaN signs and payloads,
/// the order of -0 and +0 in min/max, and pmin/pmax as plain selections.
/// </summary>
public class SimdFloatTests
{
    private const uint PlusZero = 0, MinusZero = 0x8000_0000, One = 0x3F80_0000, Inf = 0x7F80_0000, MinusInf = 0xFF80_0000;
    private const uint CanonicalNaN = 0x7FC0_0000, SignalingNaN = 0x7F80_0001;
    private const ulong One64 = 0x3FF0_0000_0000_0000, Inf64 = 0x7FF0_0000_0000_0000, MinusZero64 = 0x8000_0000_0000_0000;

    [Fact]
    public void F32x4_min_orders_minus_zero_below_plus_zero_in_either_operand_order()
    {
        var result = Op(Opcode.F32x4Min, V.F32(PlusZero, MinusZero, PlusZero, MinusZero), V.F32(MinusZero, PlusZero, PlusZero, MinusZero));
        Assert.Equal(V.F32(MinusZero, MinusZero, PlusZero, MinusZero), result);
    }

    [Fact]
    public void F32x4_max_orders_plus_zero_above_minus_zero_in_either_operand_order()
    {
        var result = Op(Opcode.F32x4Max, V.F32(PlusZero, MinusZero, PlusZero, MinusZero), V.F32(MinusZero, PlusZero, PlusZero, MinusZero));
        Assert.Equal(V.F32(PlusZero, PlusZero, PlusZero, MinusZero), result);
    }

    [Fact]
    public void F64x2_min_and_max_of_opposite_zeros()
    {
        Assert.Equal(V.F64(MinusZero64, MinusZero64), Op(Opcode.F64x2Min, V.F64(0, MinusZero64), V.F64(MinusZero64, 0)));
        Assert.Equal(V.F64(0, 0), Op(Opcode.F64x2Max, V.F64(0, MinusZero64), V.F64(MinusZero64, 0)));
    }

    [Fact]
    public void F32x4_min_with_a_NaN_lane_gives_the_first_NaN_operand_quieted()
    {
        // Lane 0: NaN first; lane 1: NaN second; lane 2: negative signaling NaN; lane 3: two NaNs.
        var result = Op(Opcode.F32x4Min, V.F32(SignalingNaN, One, 0xFFA0_0000, CanonicalNaN), V.F32(One, 0x7F80_0002, One, 0xFFC0_0005));
        Assert.Equal(V.F32(0x7FC0_0001, 0x7FC0_0002, 0xFFE0_0000, CanonicalNaN), result);
    }

    [Fact]
    public void F32x4_add_propagates_the_first_NaN_operand_with_its_sign_and_payload()
    {
        var result = Op(Opcode.F32x4Add, V.F32(0x7FC0_0001, One, 0xFF80_0005, One), V.F32(0xFFC0_0002, 0xFF80_0003, 0x7FC0_0009, One));
        Assert.Equal(V.F32(0x7FC0_0001, 0xFFC0_0003, 0xFFC0_0005, 0x4000_0000), result);
    }

    [Fact]
    public void F32x4_sub_of_equal_infinities_gives_the_positive_canonical_NaN()
    {
        var result = Op(Opcode.F32x4Sub, V.F32(Inf, MinusInf, Inf, PlusZero), V.F32(Inf, MinusInf, One, PlusZero));
        Assert.Equal(V.F32(CanonicalNaN, CanonicalNaN, Inf, PlusZero), result);
    }

    [Fact]
    public void F64x2_mul_of_zero_by_infinity_gives_the_positive_canonical_NaN()
    {
        var result = Op(Opcode.F64x2Mul, V.F64(0, MinusZero64), V.F64(Inf64, Inf64));
        Assert.Equal(V.F64(0x7FF8_0000_0000_0000, 0x7FF8_0000_0000_0000), result);
    }

    [Fact]
    public void F32x4_sqrt_of_negative_lanes_gives_the_positive_canonical_NaN_and_keeps_minus_zero()
    {
        var result = Op(Opcode.F32x4Sqrt, V.F32(0xBF80_0000, MinusZero, 0x4080_0000, MinusInf));
        Assert.Equal(V.F32(CanonicalNaN, MinusZero, 0x4000_0000, CanonicalNaN), result);
    }

    [Fact]
    public void F32x4_pmin_selects_the_first_operand_for_equal_zeros_and_NaNs_unchanged()
    {
        // pmin(a, b) = b < a ? b : a: no lane here has b < a, so every lane is a, bit for bit.
        var result = Op(Opcode.F32x4Pmin, V.F32(PlusZero, MinusZero, SignalingNaN, One), V.F32(MinusZero, PlusZero, One, SignalingNaN));
        Assert.Equal(V.F32(PlusZero, MinusZero, SignalingNaN, One), result);
    }

    [Fact]
    public void F32x4_pmax_selects_the_first_operand_for_equal_zeros_and_NaNs_unchanged()
    {
        var result = Op(Opcode.F32x4Pmax, V.F32(PlusZero, MinusZero, SignalingNaN, One), V.F32(MinusZero, PlusZero, One, SignalingNaN));
        Assert.Equal(V.F32(PlusZero, MinusZero, SignalingNaN, One), result);
    }

    [Fact]
    public void F32x4_pmin_and_pmax_select_the_second_operand_when_strictly_ordered()
    {
        var two = 0x4000_0000u;
        Assert.Equal(V.F32(One, MinusInf, One, One), Op(Opcode.F32x4Pmin, V.F32(two, PlusZero, One, One), V.F32(One, MinusInf, two, One)));
        Assert.Equal(V.F32(two, PlusZero, two, One), Op(Opcode.F32x4Pmax, V.F32(two, PlusZero, One, One), V.F32(One, MinusInf, two, One)));
    }

    [Fact]
    public void F64x2_pmin_and_pmax_keep_the_first_operand_for_zeros_and_NaNs()
    {
        var nan = 0x7FF0_0000_0000_0001UL;
        Assert.Equal(V.F64(0, nan), Op(Opcode.F64x2Pmin, V.F64(0, nan), V.F64(MinusZero64, One64)));
        Assert.Equal(V.F64(MinusZero64, One64), Op(Opcode.F64x2Pmax, V.F64(MinusZero64, One64), V.F64(0, nan)));
    }

    [Fact]
    public void F32x4_neg_and_abs_change_only_the_sign_bit_NaNs_included()
    {
        Assert.Equal(V.F32(0xFF80_0001, 0x7FC0_0000, MinusZero, 0xBF80_0000), Op(Opcode.F32x4Neg, V.F32(SignalingNaN, 0xFFC0_0000, PlusZero, One)));
        Assert.Equal(V.F32(SignalingNaN, CanonicalNaN, PlusZero, One), Op(Opcode.F32x4Abs, V.F32(0xFF80_0001, 0xFFC0_0000, MinusZero, 0xBF80_0000)));
    }

    [Fact]
    public void F64x2_neg_flips_the_sign_of_a_NaN()
    {
        Assert.Equal(V.F64(0xFFF0_0000_0000_0001, MinusZero64), Op(Opcode.F64x2Neg, V.F64(0x7FF0_0000_0000_0001, 0)));
    }

    [Fact]
    public void F32x4_eq_treats_zeros_as_equal_and_NaN_as_unequal_to_itself()
    {
        var a = V.F32(PlusZero, CanonicalNaN, One, MinusZero);
        var b = V.F32(MinusZero, CanonicalNaN, One, PlusZero);
        Assert.Equal(V.I32(-1, 0, -1, -1), Op(Opcode.F32x4Eq, a, b));
        Assert.Equal(V.I32(0, -1, 0, 0), Op(Opcode.F32x4Ne, a, b));
    }

    [Fact]
    public void F64x2_ordered_comparisons_with_a_NaN_are_false()
    {
        var nan = 0x7FF8_0000_0000_0000UL;
        Assert.Equal(V.I64(0, 0), Op(Opcode.F64x2Lt, V.F64(nan, One64), V.F64(One64, nan)));
        Assert.Equal(V.I64(0, 0), Op(Opcode.F64x2Ge, V.F64(nan, One64), V.F64(One64, nan)));
        Assert.Equal(V.I64(-1, -1), Op(Opcode.F64x2Le, V.F64(MinusZero64, One64), V.F64(0, 0x4000_0000_0000_0000)));
    }

    [Fact]
    public void F32x4_nearest_rounds_ties_to_even_and_keeps_the_sign_of_zero()
    {
        // 2.5, -0.5, 3.5, -2.5 -> 2, -0, 4, -2
        var result = Op(Opcode.F32x4Nearest, V.F32(0x4020_0000, 0xBF00_0000, 0x4060_0000, 0xC020_0000));
        Assert.Equal(V.F32(0x4000_0000, MinusZero, 0x4080_0000, 0xC000_0000), result);
    }

    [Fact]
    public void F32x4_ceil_keeps_minus_zero_and_quiets_a_signaling_NaN()
    {
        // -0.5, 0.5, -1.5, sNaN -> -0, 1, -1, qNaN
        var result = Op(Opcode.F32x4Ceil, V.F32(0xBF00_0000, 0x3F00_0000, 0xBFC0_0000, SignalingNaN));
        Assert.Equal(V.F32(MinusZero, One, 0xBF80_0000, 0x7FC0_0001), result);
    }
}
