using System.Numerics;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Execution.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>Pins the i32 operations (§4.3.2); cases partly mirror the suite's i32.wast.</summary>
public class I32Tests
{
    [Fact]
    public void I32DivS_of_min_by_minus_one_traps_with_integer_overflow() =>
        TrapAssert.Traps(TrapKind.IntegerOverflow, () => I32.DivS(int.MinValue, -1));

    [Theory]
    [InlineData(1u)]
    [InlineData(0u)]
    [InlineData(0x8000_0000u)]
    public void I32DivS_by_zero_traps_with_integer_divide_by_zero(uint a) =>
        TrapAssert.Traps(TrapKind.IntegerDivideByZero, () => I32.DivS((int)a, 0));

    [Fact]
    public void I32DivU_by_zero_traps_with_integer_divide_by_zero() =>
        TrapAssert.Traps(TrapKind.IntegerDivideByZero, () => I32.DivU(1, 0));

    [Fact]
    public void I32RemS_by_zero_traps_with_integer_divide_by_zero() =>
        TrapAssert.Traps(TrapKind.IntegerDivideByZero, () => I32.RemS(int.MinValue, 0));

    [Fact]
    public void I32RemU_by_zero_traps_with_integer_divide_by_zero() =>
        TrapAssert.Traps(TrapKind.IntegerDivideByZero, () => I32.RemU(0, 0));

    [Theory]
    [InlineData(0x8000_0000u)]
    [InlineData(0x7FFF_FFFFu)]
    [InlineData(0xFFFF_FFFFu)]
    public void I32RemS_by_minus_one_is_zero(uint a) => Assert.Equal(0, I32.RemS((int)a, -1));

    [Theory]
    [InlineData(0x8000_0000u, 2u, 0xC000_0000u)]
    [InlineData(0x8000_0001u, 1000u, 0xFFDF_3B65u)]
    [InlineData(0xFFFF_FFFBu, 2u, 0xFFFF_FFFEu)]
    [InlineData(5u, 0xFFFF_FFFEu, 0xFFFF_FFFEu)]
    [InlineData(0xFFFF_FFF9u, 0xFFFF_FFFDu, 2u)]
    [InlineData(0u, 0xFFFF_FFFFu, 0u)]
    public void I32DivS_truncates_toward_zero(uint a, uint b, uint expected) =>
        Assert.Equal((int)expected, I32.DivS((int)a, (int)b));

    [Theory]
    [InlineData(0x8000_0000u, 0xFFFF_FFFFu, 0u)]
    [InlineData(0x8FF0_0FF0u, 0x1_0001u, 0x8FEFu)]
    [InlineData(0x8000_0001u, 1000u, 0x20_C49Bu)]
    [InlineData(0xFFFF_FFFBu, 2u, 0x7FFF_FFFDu)]
    public void I32DivU_divides_unsigned(uint a, uint b, uint expected) =>
        Assert.Equal((int)expected, I32.DivU((int)a, (int)b));

    [Theory]
    [InlineData(0x8000_0001u, 1000u, 0xFFFF_FD79u)] // -647
    [InlineData(0xFFFF_FFFBu, 2u, 0xFFFF_FFFFu)]
    [InlineData(5u, 0xFFFF_FFFEu, 1u)]
    [InlineData(0xFFFF_FFF9u, 0xFFFF_FFFDu, 0xFFFF_FFFFu)]
    public void I32RemS_takes_the_sign_of_the_dividend(uint a, uint b, uint expected) =>
        Assert.Equal((int)expected, I32.RemS((int)a, (int)b));

    [Theory]
    [InlineData(0x8000_0000u, 0xFFFF_FFFFu, 0x8000_0000u)]
    [InlineData(0x8FF0_0FF0u, 0x1_0001u, 0x8001u)]
    [InlineData(0x8000_0001u, 1000u, 649u)]
    [InlineData(0xFFFF_FFFBu, 0xFFFF_FFFEu, 0xFFFF_FFFBu)]
    public void I32RemU_takes_the_unsigned_remainder(uint a, uint b, uint expected) =>
        Assert.Equal((int)expected, I32.RemU((int)a, (int)b));

    [Theory]
    [InlineData(1u, 31u, 0x8000_0000u)]
    [InlineData(1u, 32u, 1u)]
    [InlineData(1u, 33u, 2u)]
    [InlineData(1u, 0xFFFF_FFFFu, 0x8000_0000u)]
    [InlineData(0x4000_0000u, 1u, 0x8000_0000u)]
    public void I32Shl_masks_the_count_by_the_width(uint a, uint count, uint expected) =>
        Assert.Equal((int)expected, I32.Shl((int)a, (int)count));

    [Theory]
    [InlineData(0x8000_0000u, 1u, 0xC000_0000u)]
    [InlineData(0x8000_0000u, 31u, 0xFFFF_FFFFu)]
    [InlineData(1u, 32u, 1u)]
    [InlineData(1u, 33u, 0u)]
    [InlineData(1u, 0x8000_0000u, 1u)]
    public void I32ShrS_shifts_in_the_sign_and_masks_the_count(uint a, uint count, uint expected) =>
        Assert.Equal((int)expected, I32.ShrS((int)a, (int)count));

    [Theory]
    [InlineData(0x8000_0000u, 1u, 0x4000_0000u)]
    [InlineData(0x8000_0000u, 31u, 1u)]
    [InlineData(0xFFFF_FFFFu, 33u, 0x7FFF_FFFFu)]
    [InlineData(0xFFFF_FFFFu, 0xFFFF_FFFFu, 1u)]
    [InlineData(0xFFFF_FFFFu, 0x8000_0000u, 0xFFFF_FFFFu)]
    public void I32ShrU_shifts_in_zeros_and_masks_the_count(uint a, uint count, uint expected) =>
        Assert.Equal((int)expected, I32.ShrU((int)a, (int)count));

    [Theory]
    [InlineData(0xABCD_9876u, 1u, 0x579B_30EDu)]
    [InlineData(0xFE00_DC00u, 4u, 0xE00D_C00Fu)]
    [InlineData(0x0000_8000u, 37u, 0x0010_0000u)]
    [InlineData(0xB0C1_D2E3u, 0xFF05u, 0x183A_5C76u)]
    [InlineData(0x769A_BCDFu, 0xFFFF_FFEDu, 0x579B_EED3u)]
    [InlineData(0x8000_0000u, 1u, 1u)]
    public void I32Rotl_rotates_by_the_count_mod_32(uint a, uint count, uint expected) =>
        Assert.Equal((int)expected, I32.Rotl((int)a, (int)count));

    [Theory]
    [InlineData(0xFF00_CC00u, 1u, 0x7F80_6600u)]
    [InlineData(0x0000_8000u, 37u, 0x0000_0400u)]
    [InlineData(0xB0C1_D2E3u, 0xFF05u, 0x1D86_0E97u)]
    [InlineData(0x769A_BCDFu, 0x8000_000Du, 0xE6FB_B4D5u)]
    [InlineData(1u, 1u, 0x8000_0000u)]
    public void I32Rotr_rotates_by_the_count_mod_32(uint a, uint count, uint expected) =>
        Assert.Equal((int)expected, I32.Rotr((int)a, (int)count));

    [Theory]
    [InlineData(0u, 32, 32, 0)]
    [InlineData(0xFFFF_FFFFu, 0, 0, 32)]
    [InlineData(0x0000_8000u, 16, 15, 1)]
    [InlineData(0x8000_0000u, 0, 31, 1)]
    [InlineData(1u, 31, 0, 1)]
    [InlineData(0xDEAD_BEEFu, 0, 0, 24)]
    public void I32_bit_counts(uint a, int clz, int ctz, int popcnt)
    {
        Assert.Equal((clz, ctz, popcnt), (I32.Clz((int)a), I32.Ctz((int)a), I32.Popcnt((int)a)));
    }

    [Theory]
    [InlineData(0x7Fu, 0x7Fu, 0x7Fu)]
    [InlineData(0x80u, 0xFFFF_FF80u, 0x80u)]
    [InlineData(0x0123_4580u, 0xFFFF_FF80u, 0x4580u)]
    [InlineData(0xFEDC_8000u, 0u, 0xFFFF_8000u)]
    [InlineData(0xFFFF_7FFFu, 0xFFFF_FFFFu, 0x7FFFu)]
    public void I32Extend8S_and_Extend16S_sign_extend_the_low_bits(uint a, uint extend8, uint extend16)
    {
        Assert.Equal(((int)extend8, (int)extend16), (I32.Extend8S((int)a), I32.Extend16S((int)a)));
    }

    [Fact]
    public void I32_comparisons_read_operands_signed_or_unsigned()
    {
        int min = int.MinValue, minusOne = -1, one = 1;
        Assert.Equal(
            [1, 0, 1, 0, 0, 1, 0, 1, 1, 0],
            [I32.LtS(min, one), I32.LtU(min, one), I32.LeS(minusOne, one), I32.LeU(minusOne, one),
             I32.GtS(min, one), I32.GtU(min, one), I32.GeS(minusOne, one), I32.GeU(minusOne, one),
             I32.Eq(min, min), I32.Ne(min, min)]);
    }

    [Theory]
    [InlineData(0u, 1)]
    [InlineData(1u, 0)]
    [InlineData(0x8000_0000u, 0)]
    public void I32Eqz_is_one_only_for_zero(uint a, int expected) => Assert.Equal(expected, I32.Eqz((int)a));

    [Fact]
    public void I32_arithmetic_wraps_modulo_2_to_the_32()
    {
        Assert.Equal(
            [unchecked((int)0x8000_0000), 0x7FFF_FFFF, 0, 0x358E_7470],
            [I32.Add(0x7FFF_FFFF, 1), I32.Sub(int.MinValue, 1), I32.Mul(0x1_0000, 0x1_0000), I32.Mul(0x0123_4567, 0x7654_3210)]);
    }

    [Fact]
    public void I32_operations_match_a_big_integer_model_on_random_operands()
    {
        var random = new Random(32);
        for (int i = 0; i < 20_000; i++)
        {
            int a = IntegerSamples.Int32(random), b = IntegerSamples.Int32(random);
            BigInteger sa = a, sb = b, ua = (uint)a, ub = (uint)b;
            Assert.Equal(Wrap(sa + sb), I32.Add(a, b));
            Assert.Equal(Wrap(sa - sb), I32.Sub(a, b));
            Assert.Equal(Wrap(sa * sb), I32.Mul(a, b));
            if (b != 0)
            {
                Assert.Equal(Wrap(ua / ub), I32.DivU(a, b));
                Assert.Equal(Wrap(ua % ub), I32.RemU(a, b));
                Assert.Equal(Wrap(sa % sb), I32.RemS(a, b)); // BigInteger: truncated, sign of the dividend
                if (!(a == int.MinValue && b == -1))
                    Assert.Equal(Wrap(sa / sb), I32.DivS(a, b));
            }
            int count = (int)(ub % 32);
            Assert.Equal(Wrap(ua << count), I32.Shl(a, b));
            Assert.Equal(Wrap(ua >> count), I32.ShrU(a, b));
            Assert.Equal(Wrap(sa >> count), I32.ShrS(a, b)); // BigInteger shifts are arithmetic
            Assert.Equal(Wrap((ua << count) | (ua >> (32 - count))), I32.Rotl(a, b));
            Assert.Equal(Wrap((ua >> count) | (ua << (32 - count))), I32.Rotr(a, b));
        }
    }

    [Fact]
    public void I32_bit_counts_match_a_bit_by_bit_count_on_random_operands()
    {
        var random = new Random(33);
        for (int i = 0; i < 20_000; i++)
        {
            int a = IntegerSamples.Int32(random);
            var bits = Enumerable.Range(0, 32).Select(k => ((uint)a >> k & 1) == 1).ToArray();
            int leading = bits.Reverse().TakeWhile(bit => !bit).Count();
            int trailing = bits.TakeWhile(bit => !bit).Count();
            Assert.Equal((leading, trailing, bits.Count(bit => bit)), (I32.Clz(a), I32.Ctz(a), I32.Popcnt(a)));
        }
    }

    private static int Wrap(BigInteger value) => (int)(uint)(value & uint.MaxValue);
}
