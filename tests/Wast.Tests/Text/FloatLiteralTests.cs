using System.Text;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Text;

// Expected bit patterns are derived from the IEEE-754 layouts (sign | exponent | fraction) or
// from exactly representable values, never from the parser.
public class FloatLiteralTests
{
    private static uint F32(string text)
    {
        Assert.True(FloatLiteral.TryParse32(Encoding.ASCII.GetBytes(text), out uint bits), text);
        return bits;
    }

    private static ulong F64(string text)
    {
        Assert.True(FloatLiteral.TryParse64(Encoding.ASCII.GetBytes(text), out ulong bits), text);
        return bits;
    }

    private static uint F32Bits(int exponent, uint fraction) => ((uint)(exponent + 127) << 23) | fraction;

    [Theory]
    [InlineData("1", 0, 0u)]
    [InlineData("0x1p0", 0, 0u)]
    [InlineData("1.5", 0, 0x400000u)]
    [InlineData("0x1.8p1", 1, 0x400000u)]
    [InlineData("1_0.2_5", 3, 0x240000u)]
    [InlineData("0x1.fffffep127", 127, 0x7FFFFFu)]
    public void Exact_f32_literals(string text, int exponent, uint fraction) =>
        Assert.Equal(F32Bits(exponent, fraction), F32(text));

    [Fact]
    public void Decimal_f32_halfway_case_rounds_to_even() =>
        Assert.Equal(F32Bits(0, 0), F32("1.000000059604644775390625"));

    [Fact]
    public void Decimal_f32_just_above_halfway_rounds_up_without_double_rounding() =>
        Assert.Equal(F32Bits(0, 1), F32("1.00000005960464477539062500000001"));

    [Theory]
    [InlineData("0x1.000001p0", 0u)]
    [InlineData("0x1.000003p0", 2u)]
    [InlineData("0x1.0000010000000000000000000001p0", 1u)]
    [InlineData("0x1.00000100000000000p0", 0u)]
    [InlineData("0x1.0000017p0", 1u)]
    public void Hex_f32_rounds_to_nearest_even_with_sticky_digits(string text, uint fraction) =>
        Assert.Equal(F32Bits(0, fraction), F32(text));

    [Theory]
    [InlineData("0x1p-149", 1u)]
    [InlineData("0x1p-150", 0u)]
    [InlineData("0x1.8p-150", 1u)]
    [InlineData("0x1.8p-149", 2u)]
    [InlineData("0x1p-126", 0x800000u)]
    [InlineData("0x0.fffffffp-126", 0x800000u)]
    [InlineData("1e-50", 0u)]
    public void Subnormal_f32_literals(string text, uint bits) => Assert.Equal(bits, F32(text));

    [Theory]
    [InlineData("0x1p128")]
    [InlineData("0x1.ffffffp127")]
    [InlineData("1e39")]
    [InlineData("nan:0x0")]
    [InlineData("nan:0x800000")]
    [InlineData("nan:1")]
    public void Out_of_range_f32_literals_fail(string text) =>
        Assert.False(FloatLiteral.TryParse32(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Largest_f32_below_the_rounding_boundary_is_max() =>
        Assert.Equal(F32Bits(127, 0x7FFFFF), F32("0x1.fffffefffffffffp127"));

    [Theory]
    [InlineData("inf", 0x7F800000u)]
    [InlineData("-inf", 0xFF800000u)]
    [InlineData("nan", 0x7FC00000u)]
    [InlineData("-nan", 0xFFC00000u)]
    [InlineData("nan:0x1", 0x7F800001u)]
    [InlineData("-nan:0x7f_ffff", 0xFFFFFFFFu)]
    [InlineData("-0", 0x80000000u)]
    [InlineData("-0x0p+0", 0x80000000u)]
    public void Special_f32_literals(string text, uint bits) => Assert.Equal(bits, F32(text));

    [Theory]
    [InlineData("0x1p-1074", 1UL)]
    [InlineData("0x1p-1075", 0UL)]
    [InlineData("0x1.0000000000001p-1074", 1UL)]
    [InlineData("0x1.8p-1074", 2UL)]
    [InlineData("0x1.fffffffffffffp1023", 0x7FEFFFFFFFFFFFFFUL)]
    [InlineData("0x1.00000000000008p0", 0x3FF0000000000000UL)]
    [InlineData("0x1.00000000000018p0", 0x3FF0000000000002UL)]
    [InlineData("0x1.000000000000080000000001p0", 0x3FF0000000000001UL)]
    [InlineData("nan:0xf_ffff_ffff_ffff", 0x7FFFFFFFFFFFFFFFUL)]
    public void F64_literals(string text, ulong bits) => Assert.Equal(bits, F64(text));

    [Fact]
    public void Decimal_f64_matches_the_exact_binary_value() =>
        Assert.Equal(BitConverter.DoubleToUInt64Bits(Math.ScaleB(1, -1022)), F64("2.2250738585072014e-308"));

    [Theory]
    [InlineData("0x1p1024")]
    [InlineData("1e309")]
    [InlineData("nan:0x10000000000000")]
    public void Out_of_range_f64_literals_fail(string text) =>
        Assert.False(FloatLiteral.TryParse64(Encoding.ASCII.GetBytes(text), out _));
}
