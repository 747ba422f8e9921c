using System.Numerics;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Execution.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>Pins the i64 operations (§4.3.2); cases partly mirror the suite's i64.wast.</summary>
public class I64Tests
{
    [Fact]
    public void I64DivS_of_min_by_minus_one_traps_with_integer_overflow() =>
        TrapAssert.Traps(TrapKind.IntegerOverflow, () => I64.DivS(long.MinValue, -1));

    [Theory]
    [InlineData(1UL)]
    [InlineData(0UL)]
    [InlineData(0x8000_0000_0000_0000UL)]
    public void I64DivS_by_zero_traps_with_integer_divide_by_zero(ulong a) =>
        TrapAssert.Traps(TrapKind.IntegerDivideByZero, () => I64.DivS((long)a, 0));

    [Fact]
    public void I64DivU_by_zero_traps_with_integer_divide_by_zero() =>
        TrapAssert.Traps(TrapKind.IntegerDivideByZero, () => I64.DivU(-1, 0));

    [Fact]
    public void I64RemS_by_zero_traps_with_integer_divide_by_zero() =>
        TrapAssert.Traps(TrapKind.IntegerDivideByZero, () => I64.RemS(long.MinValue, 0));

    [Fact]
    public void I64RemU_by_zero_traps_with_integer_divide_by_zero() =>
        TrapAssert.Traps(TrapKind.IntegerDivideByZero, () => I64.RemU(1, 0));

    [Fact]
    public void I64RemS_of_min_by_minus_one_is_zero() => Assert.Equal(0L, I64.RemS(long.MinValue, -1));

    [Fact]
    public void I64RemS_of_max_by_minus_one_is_zero() => Assert.Equal(0L, I64.RemS(long.MaxValue, -1));

    [Theory]
    [InlineData(0x8000_0000_0000_0000UL, 2UL, 0xC000_0000_0000_0000UL)]
    [InlineData(0x8000_0000_0000_0001UL, 1000UL, 0xFFDF_3B64_5A1C_AC09UL)]
    [InlineData(0xFFFF_FFFF_FFFF_FFF9UL, 3UL, 0xFFFF_FFFF_FFFF_FFFEUL)]
    public void I64DivS_truncates_toward_zero(ulong a, ulong b, ulong expected) =>
        Assert.Equal((long)expected, I64.DivS((long)a, (long)b));

    [Theory]
    [InlineData(0x8000_0000_0000_0000UL, 0xFFFF_FFFF_FFFF_FFFFUL, 0UL)]
    [InlineData(0x8FF0_0FF0_0FF0_0FF0UL, 0x1_0000_0001UL, 0x8FF0_0FEFUL)]
    [InlineData(0x8000_0000_0000_0001UL, 1000UL, 0x20_C49B_A5E3_53F7UL)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFBUL, 2UL, 0x7FFF_FFFF_FFFF_FFFDUL)]
    public void I64DivU_divides_unsigned(ulong a, ulong b, ulong expected) =>
        Assert.Equal((long)expected, I64.DivU((long)a, (long)b));

    [Theory]
    [InlineData(0x8000_0000_0000_0001UL, 1000UL, 0xFFFF_FFFF_FFFF_FCD9UL)] // -807
    [InlineData(0xFFFF_FFFF_FFFF_FFF9UL, 3UL, 0xFFFF_FFFF_FFFF_FFFFUL)]
    [InlineData(7UL, 0xFFFF_FFFF_FFFF_FFFDUL, 1UL)]
    public void I64RemS_takes_the_sign_of_the_dividend(ulong a, ulong b, ulong expected) =>
        Assert.Equal((long)expected, I64.RemS((long)a, (long)b));

    [Theory]
    [InlineData(0x8000_0000_0000_0000UL, 0xFFFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL)]
    [InlineData(0x8FF0_0FF0_0FF0_0FF0UL, 0x1_0000_0001UL, 0x8000_0001UL)]
    [InlineData(0x8000_0000_0000_0001UL, 1000UL, 809UL)]
    public void I64RemU_takes_the_unsigned_remainder(ulong a, ulong b, ulong expected) =>
        Assert.Equal((long)expected, I64.RemU((long)a, (long)b));

    [Theory]
    [InlineData(0x0123_4567_89AB_CDEFUL, 0xFEDC_BA98_7654_3210UL, 0x2236_D88F_E561_8CF0UL)]
    [InlineData(0x7FFF_FFFF_FFFF_FFFFUL, 0x7FFF_FFFF_FFFF_FFFFUL, 1UL)]
    [InlineData(0x8000_0000_0000_0000UL, 0xFFFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL)]
    public void I64Mul_wraps_modulo_2_to_the_64(ulong a, ulong b, ulong expected) =>
        Assert.Equal((long)expected, I64.Mul((long)a, (long)b));

    [Theory]
    [InlineData(1UL, 63UL, 0x8000_0000_0000_0000UL)]
    [InlineData(1UL, 64UL, 1UL)]
    [InlineData(1UL, 65UL, 2UL)]
    [InlineData(1UL, 0xFFFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL)]
    [InlineData(1UL, 0x7FFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL)]
    [InlineData(1UL, 0x1_0000_0020UL, 0x1_0000_0000UL)]
    public void I64Shl_masks_the_count_by_the_width(ulong a, ulong count, ulong expected) =>
        Assert.Equal((long)expected, I64.Shl((long)a, (long)count));

    [Theory]
    [InlineData(0x8000_0000_0000_0000UL, 63UL, 0xFFFF_FFFF_FFFF_FFFFUL)]
    [InlineData(1UL, 0x8000_0000_0000_0000UL, 1UL)]
    [InlineData(0x8000_0000_0000_0000UL, 65UL, 0xC000_0000_0000_0000UL)]
    public void I64ShrS_shifts_in_the_sign_and_masks_the_count(ulong a, ulong count, ulong expected) =>
        Assert.Equal((long)expected, I64.ShrS((long)a, (long)count));

    [Theory]
    [InlineData(0x8000_0000_0000_0000UL, 63UL, 1UL)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, 65UL, 0x7FFF_FFFF_FFFF_FFFFUL)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL, 0xFFFF_FFFF_FFFF_FFFFUL)]
    public void I64ShrU_shifts_in_zeros_and_masks_the_count(ulong a, ulong count, ulong expected) =>
        Assert.Equal((long)expected, I64.ShrU((long)a, (long)count));

    [Theory]
    [InlineData(0xABCD_9876_0246_8ACEUL, 1UL, 0x579B_30EC_048D_159DUL)]
    [InlineData(0xABCD_1234_EF56_7809UL, 53UL, 0x0135_79A2_469D_EACFUL)]
    [InlineData(0xABCD_1234_EF56_7809UL, 0xF5UL, 0x0135_79A2_469D_EACFUL)]
    [InlineData(0xABCD_7294_EF56_7809UL, 0xFFFF_FFFF_FFFF_FFEDUL, 0xCF01_3579_AE52_9DEAUL)]
    [InlineData(0xABD1_234E_F567_809CUL, 0x8000_0000_0000_003FUL, 0x55E8_91A7_7AB3_C04EUL)]
    public void I64Rotl_rotates_by_the_count_mod_64(ulong a, ulong count, ulong expected) =>
        Assert.Equal((long)expected, I64.Rotl((long)a, (long)count));

    [Theory]
    [InlineData(0xABCD_9876_0246_8ACEUL, 1UL, 0x55E6_CC3B_0123_4567UL)]
    [InlineData(0xABCD_1234_EF56_7809UL, 53UL, 0x6891_A77A_B3C0_4D5EUL)]
    [InlineData(0xABCD_7294_EF56_7809UL, 0xFFFF_FFFF_FFFF_FFEDUL, 0x94A7_7AB3_C04D_5E6BUL)]
    [InlineData(0xABD1_234E_F567_809CUL, 0x8000_0000_0000_003FUL, 0x57A2_469D_EACF_0139UL)]
    public void I64Rotr_rotates_by_the_count_mod_64(ulong a, ulong count, ulong expected) =>
        Assert.Equal((long)expected, I64.Rotr((long)a, (long)count));

    [Theory]
    [InlineData(0UL, 64L, 64L, 0L)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, 0L, 0L, 64L)]
    [InlineData(0x8000UL, 48L, 15L, 1L)]
    [InlineData(0x8000_0000_0000_0000UL, 0L, 63L, 1L)]
    [InlineData(0x1_0000_0000UL, 31L, 32L, 1L)]
    [InlineData(0xDEAD_BEEF_DEAD_BEEFUL, 0L, 0L, 48L)]
    public void I64_bit_counts(ulong a, long clz, long ctz, long popcnt) =>
        Assert.Equal((clz, ctz, popcnt), (I64.Clz((long)a), I64.Ctz((long)a), I64.Popcnt((long)a)));

    [Theory]
    [InlineData(0x0123_4567_89AB_CD80UL, 0xFFFF_FFFF_FFFF_FF80UL, 0xFFFF_FFFF_FFFF_CD80UL, 0xFFFF_FFFF_89AB_CD80UL)]
    [InlineData(0xFFFF_FFFF_7FFF_7F7FUL, 0x7FUL, 0x7F7FUL, 0x7FFF_7F7FUL)]
    public void I64_extend_ops_sign_extend_the_low_bits(ulong a, ulong extend8, ulong extend16, ulong extend32) =>
        Assert.Equal(((long)extend8, (long)extend16, (long)extend32),
            (I64.Extend8S((long)a), I64.Extend16S((long)a), I64.Extend32S((long)a)));

    [Fact]
    public void I64_comparisons_read_operands_signed_or_unsigned()
    {
        long min = long.MinValue, minusOne = -1, one = 1;
        Assert.Equal(
            [1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0],
            [I64.LtS(min, one), I64.LtU(min, one), I64.LeS(minusOne, one), I64.LeU(minusOne, one),
             I64.GtS(min, one), I64.GtU(min, one), I64.GeS(minusOne, one), I64.GeU(minusOne, one),
             I64.Eq(min, min), I64.Ne(min, min), I64.Eqz(0), I64.Eqz(1L << 32)]);
    }

    [Fact]
    public void I64_operations_match_a_big_integer_model_on_random_operands()
    {
        var random = new Random(64);
        for (int i = 0; i < 20_000; i++)
        {
            long a = IntegerSamples.Int64(random), b = IntegerSamples.Int64(random);
            BigInteger sa = a, sb = b, ua = (ulong)a, ub = (ulong)b;
            Assert.Equal(Wrap(sa + sb), I64.Add(a, b));
            Assert.Equal(Wrap(sa - sb), I64.Sub(a, b));
            Assert.Equal(Wrap(sa * sb), I64.Mul(a, b));
            if (b != 0)
            {
                Assert.Equal(Wrap(ua / ub), I64.DivU(a, b));
                Assert.Equal(Wrap(ua % ub), I64.RemU(a, b));
                Assert.Equal(Wrap(sa % sb), I64.RemS(a, b));
                if (!(a == long.MinValue && b == -1))
                    Assert.Equal(Wrap(sa / sb), I64.DivS(a, b));
            }
            int count = (int)(ub % 64);
            Assert.Equal(Wrap(ua << count), I64.Shl(a, b));
            Assert.Equal(Wrap(ua >> count), I64.ShrU(a, b));
            Assert.Equal(Wrap(sa >> count), I64.ShrS(a, b));
            Assert.Equal(Wrap((ua << count) | (ua >> (64 - count))), I64.Rotl(a, b));
            Assert.Equal(Wrap((ua >> count) | (ua << (64 - count))), I64.Rotr(a, b));
        }
    }

    [Fact]
    public void I64_bit_counts_match_a_bit_by_bit_count_on_random_operands()
    {
        var random = new Random(65);
        for (int i = 0; i < 20_000; i++)
        {
            long a = IntegerSamples.Int64(random);
            var bits = Enumerable.Range(0, 64).Select(k => ((ulong)a >> k & 1) == 1).ToArray();
            long leading = bits.Reverse().TakeWhile(bit => !bit).Count();
            long trailing = bits.TakeWhile(bit => !bit).Count();
            Assert.Equal((leading, trailing, (long)bits.Count(bit => bit)), (I64.Clz(a), I64.Ctz(a), I64.Popcnt(a)));
        }
    }

    private static long Wrap(BigInteger value) => (long)(ulong)(value & ulong.MaxValue);
}
