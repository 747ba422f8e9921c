using System.Text;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Text;

public class IntLiteralTests
{
    private static bool Parse(string text, int bits, out ulong value) => IntLiteral.TryParse(Encoding.ASCII.GetBytes(text), bits, out value);

    [Theory]
    [InlineData("0", 32, 0UL)]
    [InlineData("4294967295", 32, 0xFFFFFFFFUL)]
    [InlineData("0xffff_ffff", 32, 0xFFFFFFFFUL)]
    [InlineData("-2147483648", 32, 0x80000000UL)]
    [InlineData("-0x8000_0000", 32, 0x80000000UL)]
    [InlineData("+2147483647", 32, 0x7FFFFFFFUL)]
    [InlineData("-1", 32, 0xFFFFFFFFUL)]
    [InlineData("18446744073709551615", 64, ulong.MaxValue)]
    [InlineData("-9223372036854775808", 64, 0x8000000000000000UL)]
    [InlineData("255", 8, 0xFFUL)]
    [InlineData("-128", 8, 0x80UL)]
    [InlineData("-32768", 16, 0x8000UL)]
    public void In_range_literals_give_twos_complement_bits(string text, int bits, ulong expected)
    {
        Assert.True(Parse(text, bits, out ulong value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4294967296", 32)]
    [InlineData("-2147483649", 32)]
    [InlineData("0x1_0000_0000", 32)]
    [InlineData("18446744073709551616", 64)]
    [InlineData("0x1_0000_0000_0000_0000", 64)]
    [InlineData("-9223372036854775809", 64)]
    [InlineData("256", 8)]
    [InlineData("-129", 8)]
    [InlineData("1.0", 32)]
    public void Out_of_range_literals_fail(string text, int bits) => Assert.False(Parse(text, bits, out _));

    [Fact]
    public void Nats_have_no_sign() =>
        Assert.False(IntLiteral.TryParseNat("+1"u8, 32, out _));
}
