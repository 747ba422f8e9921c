using System.Numerics;
using WasmConform.Engine.Execution.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>
/// Pins wrap, extend, convert, demote, promote and reinterpret (§4.3.4); cases partly mirror the
/// suite's conversions.wast. Truncations are in <see cref="TruncationTests"/>.
/// </summary>
public class ConversionTests
{
    private static readonly FloatFormat B32 = FloatFormat.Binary32;
    private static readonly FloatFormat B64 = FloatFormat.Binary64;

    [Theory]
    [InlineData(0xFFFF_FFFF_7FFF_FFFFUL, 0x7FFF_FFFFu)]
    [InlineData(0xFFFF_FFFF_0000_0000UL, 0u)]
    [InlineData(0x1234_5678_9ABC_DEF0UL, 0x9ABC_DEF0u)]
    public void I32WrapI64_keeps_the_low_32_bits(ulong a, uint expected) =>
        Assert.Equal((int)expected, Conversions.I32WrapI64((long)a));

    [Theory]
    [InlineData(0x8000_0000u, 0xFFFF_FFFF_8000_0000UL, 0x0000_0000_8000_0000UL)]
    [InlineData(0x7FFF_FFFFu, 0x0000_0000_7FFF_FFFFUL, 0x0000_0000_7FFF_FFFFUL)]
    [InlineData(0xFFFF_D8F0u, 0xFFFF_FFFF_FFFF_D8F0UL, 0x0000_0000_FFFF_D8F0UL)]
    public void I64ExtendI32_extends_with_the_sign_or_with_zeros(uint a, ulong signed, ulong unsigned) =>
        Assert.Equal(((long)signed, (long)unsigned), (Conversions.I64ExtendI32S((int)a), Conversions.I64ExtendI32U((int)a)));

    [Theory]
    [InlineData(0x0100_0001u, 0x4B80_0000u)] // 2^24 + 1: tie, to even (down)
    [InlineData(0x0100_0003u, 0x4B80_0002u)] // 2^24 + 3: tie, to even (up)
    [InlineData(0x7FFF_FFFFu, 0x4F00_0000u)]
    [InlineData(0x8000_0000u, 0xCF00_0000u)]
    [InlineData(0xFEFF_FFFFu, 0xCB80_0000u)] // -(2^24 + 1)
    public void F32ConvertI32S_rounds_to_nearest_even(uint a, uint expected) =>
        Assert.Equal(expected, Conversions.F32ConvertI32S((int)a));

    [Theory]
    [InlineData(0x8000_0000u, 0x4F00_0000u)]
    [InlineData(0xFFFF_FF7Fu, 0x4F7F_FFFFu)] // just below the tie
    [InlineData(0xFFFF_FF80u, 0x4F80_0000u)] // 2^32 - 128: tie, to even (up, to 2^32)
    [InlineData(0xFFFF_FFFFu, 0x4F80_0000u)]
    [InlineData(0x8000_0080u, 0x4F00_0000u)] // 2^31 + 128: tie, to even (down)
    [InlineData(0x8000_0081u, 0x4F00_0001u)]
    public void F32ConvertI32U_rounds_to_nearest_even(uint a, uint expected) =>
        Assert.Equal(expected, Conversions.F32ConvertI32U((int)a));

    [Theory]
    [InlineData(0x0020_0000_2000_0001UL, 0x5A00_0001u)] // 2^53 + 2^29 + 1: rounding through f64 first would give 0x5A000000
    [InlineData(0xFFDF_FFFF_DFFF_FFFFUL, 0xDA00_0001u)] // its negation
    [InlineData(0x7FFF_FF40_0000_0000UL, 0x5EFF_FFFEu)] // tie, to even (down)
    [InlineData(0x7FFF_FF40_0000_0001UL, 0x5EFF_FFFFu)] // above the tie by the lowest bit only
    [InlineData(0x8000_0000_0000_0000UL, 0xDF00_0000u)]
    [InlineData(0x7FFF_FFFF_FFFF_FFFFUL, 0x5F00_0000u)]
    public void F32ConvertI64S_rounds_once(ulong a, uint expected) =>
        Assert.Equal(expected, Conversions.F32ConvertI64S((long)a));

    [Theory]
    [InlineData(0xFFFF_FF7F_FFFF_FFFFUL, 0x5F7F_FFFFu)] // just below a tie that rounding through f64 would create
    [InlineData(0xFFFF_FF80_0000_0000UL, 0x5F80_0000u)] // the tie itself: to even (2^64)
    [InlineData(0x8000_0080_0000_0001UL, 0x5F00_0001u)] // just above a tie, by the lowest bit only
    [InlineData(0x8000_0080_0000_0000UL, 0x5F00_0000u)]
    [InlineData(0x0020_0000_2000_0001UL, 0x5A00_0001u)]
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, 0x5F80_0000u)]
    public void F32ConvertI64U_rounds_once(ulong a, uint expected) =>
        Assert.Equal(expected, Conversions.F32ConvertI64U((long)a));

    [Theory]
    [InlineData(0x8000_0000u, 0xC1E0_0000_0000_0000UL, 0x41E0_0000_0000_0000UL)]
    [InlineData(0xFFFF_FFFFu, 0xBFF0_0000_0000_0000UL, 0x41EF_FFFF_FFE0_0000UL)]
    [InlineData(0x0000_0001u, 0x3FF0_0000_0000_0000UL, 0x3FF0_0000_0000_0000UL)]
    public void F64ConvertI32_is_exact(uint a, ulong signed, ulong unsigned) =>
        Assert.Equal((signed, unsigned), (Conversions.F64ConvertI32S((int)a), Conversions.F64ConvertI32U((int)a)));

    [Theory]
    [InlineData(0x0020_0000_0000_0001UL, 0x4340_0000_0000_0000UL)] // 2^53 + 1: tie, to even (down)
    [InlineData(0x0020_0000_0000_0003UL, 0x4340_0000_0000_0002UL)] // tie, to even (up)
    [InlineData(0xFFDF_FFFF_FFFF_FFFFUL, 0xC340_0000_0000_0000UL)]
    [InlineData(0x8000_0000_0000_0000UL, 0xC3E0_0000_0000_0000UL)]
    public void F64ConvertI64S_rounds_to_nearest_even(ulong a, ulong expected) =>
        Assert.Equal(expected, Conversions.F64ConvertI64S((long)a));

    [Theory]
    [InlineData(0xFFFF_FFFF_FFFF_FBFFUL, 0x43EF_FFFF_FFFF_FFFFUL)]
    [InlineData(0xFFFF_FFFF_FFFF_FC00UL, 0x43F0_0000_0000_0000UL)] // 2^64 - 1024: tie, to even (2^64)
    [InlineData(0x8000_0000_0000_0400UL, 0x43E0_0000_0000_0000UL)] // 2^63 + 1024: tie, to even (down)
    [InlineData(0x8000_0000_0000_0401UL, 0x43E0_0000_0000_0001UL)] // just above, by the lowest bit only
    [InlineData(0x0020_0000_0000_0001UL, 0x4340_0000_0000_0000UL)]
    public void F64ConvertI64U_rounds_once(ulong a, ulong expected) =>
        Assert.Equal(expected, Conversions.F64ConvertI64U((long)a));

    public static TheoryData<string> ConvertOps => new()
    {
        "f32.convert_i32_s", "f32.convert_i32_u", "f32.convert_i64_s", "f32.convert_i64_u",
        "f64.convert_i32_s", "f64.convert_i32_u", "f64.convert_i64_s", "f64.convert_i64_u",
    };

    [Theory]
    [MemberData(nameof(ConvertOps))]
    public void Convert_matches_exact_rounding_on_random_integers(string op)
    {
        var random = new Random(1957 + op.Sum(c => c));
        bool toF32 = op.StartsWith("f32"), from32 = op.Contains("i32"), signed = op.EndsWith("_s");
        for (int i = 0; i < 20_000; i++)
        {
            long raw = StickyPattern(random);
            BigInteger value = (from32, signed) switch
            {
                (true, true) => (int)raw,
                (true, false) => (uint)raw,
                (false, true) => raw,
                _ => (ulong)raw,
            };
            ulong expected = ExactFloat.Round(value, BigInteger.One, toF32 ? B32 : B64);
            Assert.True(expected == Convert(op, raw), $"{op}(0x{raw:X}): expected {expected:X}, got {Convert(op, raw):X}");
        }
    }

    [Theory]
    [InlineData(0x7FF8_0000_0000_0000UL, 0x7FC0_0000u)] // canonical stays canonical
    [InlineData(0xFFF8_0000_0000_0000UL, 0xFFC0_0000u)]
    [InlineData(0x7FF4_0000_0000_0000UL, 0x7FE0_0000u)] // signaling: quieted, leading payload bits kept
    [InlineData(0xFFFF_FFFF_FFFF_FFFFUL, 0xFFFF_FFFFu)]
    [InlineData(0x7FF0_0000_0000_0001UL, 0x7FC0_0000u)] // payload only in the dropped bits
    [InlineData(0x7FF0_0000_2000_0000UL, 0x7FC0_0001u)] // lowest payload bit that survives
    public void F32DemoteF64_of_a_nan_is_quiet_with_the_leading_payload_bits(ulong a, uint expected) =>
        Assert.Equal(expected, Conversions.F32DemoteF64(a));

    [Theory]
    [InlineData(0x36A0_0000_0000_0000UL, 0x0000_0001u)] // 2^-149
    [InlineData(0x3690_0000_0000_0000UL, 0x0000_0000u)] // 2^-150: tie, to even (zero)
    [InlineData(0x3690_0000_0000_0001UL, 0x0000_0001u)] // just above 2^-150
    [InlineData(0x36A8_0000_0000_0000UL, 0x0000_0002u)] // 1.5 × 2^-149: tie, to even (up)
    [InlineData(0xB690_0000_0000_0000UL, 0x8000_0000u)] // -2^-150: negative zero
    [InlineData(0x380F_FFFF_C000_0000UL, 0x007F_FFFFu)] // the largest subnormal, exact
    [InlineData(0x380F_FFFF_E000_0000UL, 0x0080_0000u)] // above it by half an ulp: tie, to even (the least normal)
    [InlineData(0x380F_FFFF_DFFF_FFFFUL, 0x007F_FFFFu)] // just below that tie
    [InlineData(0x0000_0000_0000_0001UL, 0x0000_0000u)]
    [InlineData(0x8000_0000_0000_0001UL, 0x8000_0000u)]
    public void F32DemoteF64_rounds_into_the_subnormals(ulong a, uint expected) =>
        Assert.Equal(expected, Conversions.F32DemoteF64(a));

    [Theory]
    [InlineData(0x47EF_FFFF_E000_0000UL, 0x7F7F_FFFFu)] // the largest f32
    [InlineData(0x47EF_FFFF_EFFF_FFFFUL, 0x7F7F_FFFFu)] // just below the tie with 2^128
    [InlineData(0x47EF_FFFF_F000_0000UL, 0x7F80_0000u)] // the tie: to even (infinity)
    [InlineData(0xC7F0_0000_0000_0000UL, 0xFF80_0000u)]
    [InlineData(0x7FF0_0000_0000_0000UL, 0x7F80_0000u)]
    [InlineData(0x3FF0_0000_1000_0000UL, 0x3F80_0000u)] // 1 + 2^-24: tie, to even
    [InlineData(0x3FF0_0000_1000_0001UL, 0x3F80_0001u)]
    [InlineData(0x8000_0000_0000_0000UL, 0x8000_0000u)]
    public void F32DemoteF64_rounds_to_nearest_even_and_overflows_to_infinity(ulong a, uint expected) =>
        Assert.Equal(expected, Conversions.F32DemoteF64(a));

    [Fact]
    public void F32DemoteF64_matches_exact_rounding_on_random_operands()
    {
        foreach (ulong a in FloatSamples.Finite(B64, 1932, 20_000).Concat(NearF32Range(20_000)))
        {
            ulong expected = ExactFloat.Round(Numerator(a, B64), Denominator(a, B64), B32, B64.IsNegative(a));
            Assert.True(expected == Conversions.F32DemoteF64(a), $"demote(0x{a:X}): expected {expected:X}, got {Conversions.F32DemoteF64(a):X}");
        }
    }

    [Theory]
    [InlineData(0x7FC0_0000u, 0x7FF8_0000_0000_0000UL)] // canonical stays canonical
    [InlineData(0xFFC0_0000u, 0xFFF8_0000_0000_0000UL)]
    [InlineData(0x7FA0_0000u, 0x7FFC_0000_0000_0000UL)] // signaling: quieted, payload shifted to the top
    [InlineData(0x7F80_0001u, 0x7FF8_0000_2000_0000UL)]
    [InlineData(0xFFFF_FFFFu, 0xFFFF_FFFF_E000_0000UL)]
    public void F64PromoteF32_of_a_nan_is_quiet_with_the_payload_in_the_leading_bits(uint a, ulong expected) =>
        Assert.Equal(expected, Conversions.F64PromoteF32(a));

    [Theory]
    [InlineData(0x0000_0001u, 0x36A0_0000_0000_0000UL)] // the least subnormal becomes a normal f64
    [InlineData(0x807F_FFFFu, 0xB80F_FFFF_C000_0000UL)]
    [InlineData(0x7F7F_FFFFu, 0x47EF_FFFF_E000_0000UL)]
    [InlineData(0xFF80_0000u, 0xFFF0_0000_0000_0000UL)]
    [InlineData(0x8000_0000u, 0x8000_0000_0000_0000UL)]
    public void F64PromoteF32_is_exact(uint a, ulong expected) => Assert.Equal(expected, Conversions.F64PromoteF32(a));

    [Fact]
    public void F64PromoteF32_matches_the_exact_value_on_random_operands()
    {
        foreach (ulong a in FloatSamples.Finite(B32, 1913, 20_000))
        {
            ulong expected = ExactFloat.Round(Numerator(a, B32), Denominator(a, B32), B64, B32.IsNegative(a));
            Assert.Equal(expected, Conversions.F64PromoteF32((uint)a));
        }
    }

    [Theory]
    [InlineData(0x7FA0_0000u)]
    [InlineData(0xFF80_0001u)]
    [InlineData(0x8000_0000u)]
    public void Reinterpret_between_i32_and_f32_keeps_every_bit(uint bits) =>
        Assert.Equal((bits, (int)bits), (Conversions.F32ReinterpretI32((int)bits), Conversions.I32ReinterpretF32(bits)));

    [Theory]
    [InlineData(0x7FF4_0000_0000_0000UL)]
    [InlineData(0xFFF0_0000_0000_0001UL)]
    [InlineData(0x8000_0000_0000_0000UL)]
    public void Reinterpret_between_i64_and_f64_keeps_every_bit(ulong bits) =>
        Assert.Equal((bits, (long)bits), (Conversions.F64ReinterpretI64((long)bits), Conversions.I64ReinterpretF64(bits)));

    /// <summary>Integers that stress single rounding: a high bit, a run near the rounding position, a low sticky bit.</summary>
    private static long StickyPattern(Random random)
    {
        if (random.Next(3) == 0)
            return IntegerSamples.Int64(random);
        int top = random.Next(20, 64);
        int round = random.Next(0, top);
        ulong value = 1UL << top;
        value |= (ulong)random.Next(0, 4) << Math.Max(0, round - 1);
        if (random.Next(2) == 0)
            value |= 1UL << random.Next(0, Math.Max(1, round - 1));
        if (random.Next(4) == 0)
            value = ~value + 1;
        return (long)value;
    }

    /// <summary>f64 values in and around the f32 range, with payload bits exactly at and below f32 precision.</summary>
    private static IEnumerable<ulong> NearF32Range(int count)
    {
        var random = new Random(1933);
        for (int i = 0; i < count; i++)
        {
            ulong sign = random.Next(2) == 0 ? 0 : B64.SignBit;
            ulong biased = (ulong)(1023 + random.Next(-152, 130));
            ulong fraction = (ulong)random.NextInt64() & ((1UL << 52) - 1);
            if (random.Next(2) == 0)
                fraction = (fraction & ~((1UL << 29) - 1)) | (random.Next(2) == 0 ? 1UL << 28 : 0);
            yield return sign | (biased << 52) | fraction;
        }
    }

    private static BigInteger Numerator(ulong bits, FloatFormat f) => ExactFloat.Rational(bits, f).Numerator;

    private static BigInteger Denominator(ulong bits, FloatFormat f) => ExactFloat.Rational(bits, f).Denominator;

    private static ulong Convert(string op, long a) => op switch
    {
        "f32.convert_i32_s" => Conversions.F32ConvertI32S((int)a),
        "f32.convert_i32_u" => Conversions.F32ConvertI32U((int)a),
        "f32.convert_i64_s" => Conversions.F32ConvertI64S(a),
        "f32.convert_i64_u" => Conversions.F32ConvertI64U(a),
        "f64.convert_i32_s" => Conversions.F64ConvertI32S((int)a),
        "f64.convert_i32_u" => Conversions.F64ConvertI32U((int)a),
        "f64.convert_i64_s" => Conversions.F64ConvertI64S(a),
        "f64.convert_i64_u" => Conversions.F64ConvertI64U(a),
        _ => throw new ArgumentException(op),
    };
}
