namespace WasmConform.Engine.Tests.Numerics;

/// <summary>Checks the independent models the numeric tests derive their expectations from.</summary>
public class TestSupportTests
{
    [Theory]
    [InlineData("0x1p+0", 0x3F80_0000u)]
    [InlineData("-0x1.8p+1", 0xC040_0000u)]
    [InlineData("0x1p-149", 0x0000_0001u)]
    [InlineData("0x1p-126", 0x0080_0000u)]
    [InlineData("0x1.fffffep+127", 0x7F7F_FFFFu)]
    [InlineData("-0x0p+0", 0x8000_0000u)]
    [InlineData("-inf", 0xFF80_0000u)]
    [InlineData("nan", 0x7FC0_0000u)]
    [InlineData("-nan:0x200000", 0xFFA0_0000u)]
    public void HexFloat_reads_binary32_bit_patterns(string text, uint bits) => Assert.Equal(bits, HexFloat.F32(text));

    [Theory]
    [InlineData("0x1p+0", 0x3FF0_0000_0000_0000UL)]
    [InlineData("0x0.0000000000001p-1022", 0x0000_0000_0000_0001UL)]
    [InlineData("0x1.fffffffffffffp+1023", 0x7FEF_FFFF_FFFF_FFFFUL)]
    [InlineData("-0x1.921fb54442d18p+1", 0xC009_21FB_5444_2D18UL)]
    [InlineData("nan:0x4000000000000", 0x7FF4_0000_0000_0000UL)]
    public void HexFloat_reads_binary64_bit_patterns(string text, ulong bits) => Assert.Equal(bits, HexFloat.F64(text));

    [Theory]
    [InlineData("0x1.000001p+0", 0x3F80_0000u)] // tie, to even (down)
    [InlineData("0x1.000003p+0", 0x3F80_0002u)] // tie, to even (up)
    [InlineData("0x1.0000011p+0", 0x3F80_0001u)] // above the tie
    [InlineData("0x1.ffffffp+127", 0x7F80_0000u)] // overflow to infinity
    [InlineData("0x1p-150", 0x0000_0000u)] // half the least subnormal: tie, to even (zero)
    [InlineData("0x1.8p-149", 0x0000_0002u)]
    [InlineData("0x1.fffffep-127", 0x0080_0000u)] // rounds up into the normal range
    public void ExactFloat_rounds_to_nearest_even(string text, uint bits) => Assert.Equal(bits, HexFloat.F32(text));

    [Fact]
    public void ExactFloat_square_root_is_correctly_rounded_for_known_roots()
    {
        Assert.Equal(0x4000_0000u, (uint)ExactFloat.Sqrt(0x4080_0000u, FloatFormat.Binary32)); // sqrt 4 = 2
        Assert.Equal(0x3FB5_04F3u, (uint)ExactFloat.Sqrt(0x4000_0000u, FloatFormat.Binary32)); // sqrt 2
        Assert.Equal(0x3FF6_A09E_667F_3BCDUL, ExactFloat.Sqrt(0x4000_0000_0000_0000UL, FloatFormat.Binary64));
    }
}
