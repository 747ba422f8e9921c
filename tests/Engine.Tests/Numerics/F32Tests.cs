using WasmConform.Engine.Execution.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>
/// Pins the f32 operations (§4.3.3) on known bit patterns; cases partly mirror the suite's
/// f32.wast, f32_bitwise.wast and float_misc.wast. NaN results are covered in <see cref="FloatNaNTests"/>.
/// </summary>
public class F32Tests
{
    private static uint H(string text) => HexFloat.F32(text);

    public static TheoryData<string, string, string, string> Arithmetic => new()
    {
        { "add", "0x1p-149", "0x1p-149", "0x1p-148" },
        { "add", "0x1p+0", "0x1p-24", "0x1p+0" }, // tie, to even
        { "add", "0x1p+0", "0x1.000002p-24", "0x1.000002p+0" }, // just above the tie
        { "add", "0x1p-149", "0x1.fffffcp-127", "0x1p-126" }, // subnormal + subnormal = least normal
        { "add", "0x1.000002p+23", "0x1p-1", "0x1.000004p+23" }, // tie, to even (up)
        { "add", "0x1.fffffep+127", "0x1.fffffep+102", "0x1.fffffep+127" },
        { "add", "0x1.fffffep+127", "0x1p+103", "inf" }, // overflow at the tie
        { "add", "-0x0p+0", "-0x0p+0", "-0x0p+0" },
        { "add", "-0x0p+0", "0x0p+0", "0x0p+0" },
        { "add", "-inf", "0x1p+0", "-inf" },
        { "sub", "0x1p+0", "0x1p+0", "0x0p+0" }, // exact zero difference is +0
        { "sub", "0x1p+0", "0x1.000002p-25", "0x1.fffffep-1" },
        { "sub", "0x1p-126", "0x1.fffffcp-127", "0x1p-149" },
        { "sub", "0x1.fffffep+127", "0x1p+103", "0x1.fffffcp+127" },
        { "sub", "-0x0p+0", "0x0p+0", "-0x0p+0" },
        { "mul", "0x1p-149", "0x1p-1", "0x0p+0" }, // half the least subnormal: tie, to even
        { "mul", "0x1.8p-148", "0x1p-1", "0x1p-148" }, // 1.5 least subnormals: tie, to even (up)
        { "mul", "-0x1p-149", "0x1p-1", "-0x0p+0" },
        { "mul", "-0x0p+0", "0x1p+0", "-0x0p+0" },
        { "mul", "0x1.fffffep+127", "0x1p+1", "inf" },
        { "mul", "-0x1.14df2ep+61", "0x1.748878p-36", "-0x1.92e7e8p+25" },
        { "div", "0x1p+0", "0x0p+0", "inf" },
        { "div", "0x1p+0", "-0x0p+0", "-inf" },
        { "div", "-0x1p+0", "inf", "-0x0p+0" },
        { "div", "0x1p-126", "0x1.fffffcp-127", "0x1.000002p+0" },
        { "div", "0x1p-22", "0x1.fffffep+127", "0x1p-149" },
        { "div", "0x1p+0", "0x1.000008p-128", "0x1.fffffp+127" },
        { "div", "0x1p+0", "0x1p-128", "inf" },
        { "div", "0x1p+0", "0x1.8p+1", "0x1.555556p-2" },
        { "div", "0x1.6a6c5ap-48", "0x1.fa0b7p+127", "0x0p+0" },
    };

    [Theory]
    [MemberData(nameof(Arithmetic))]
    public void F32_arithmetic_rounds_to_nearest_even(string op, string a, string b, string expected)
    {
        Func<uint, uint, uint> f = op switch { "add" => F32.Add, "sub" => F32.Sub, "mul" => F32.Mul, _ => F32.Div };
        Assert.Equal(H(expected), f(H(a), H(b)));
    }

    [Theory]
    [InlineData("0x1.56p+7", "0x1.a2744cp+3")]
    [InlineData("0x1.594dfcp-23", "0x1.a4789cp-12")]
    [InlineData("0x1p-148", "0x1p-74")]
    [InlineData("-0x0p+0", "-0x0p+0")]
    [InlineData("inf", "inf")]
    public void F32Sqrt_is_correctly_rounded(string a, string expected) => Assert.Equal(H(expected), F32.Sqrt(H(a)));

    [Theory]
    [InlineData("0x0p+0", "-0x0p+0", "-0x0p+0", "0x0p+0")]
    [InlineData("-0x0p+0", "0x0p+0", "-0x0p+0", "0x0p+0")]
    [InlineData("0x1p+0", "0x1p+1", "0x1p+0", "0x1p+1")]
    [InlineData("-inf", "0x1p-149", "-inf", "0x1p-149")]
    [InlineData("-0x1p-149", "-0x0p+0", "-0x1p-149", "-0x0p+0")]
    public void F32Min_and_Max_order_negative_zero_below_positive_zero(string a, string b, string min, string max) =>
        Assert.Equal((H(min), H(max)), (F32.Min(H(a), H(b)), F32.Max(H(a), H(b))));

    [Theory]
    [InlineData("0x1p-1", "0x1p+0", "0x0p+0", "0x0p+0", "0x0p+0")]
    [InlineData("-0x1p-1", "-0x0p+0", "-0x1p+0", "-0x0p+0", "-0x0p+0")]
    [InlineData("0x1.8p+0", "0x1p+1", "0x1p+0", "0x1p+0", "0x1p+1")]
    [InlineData("0x1.4p+1", "0x1.8p+1", "0x1p+1", "0x1p+1", "0x1p+1")] // 2.5 → 2
    [InlineData("0x1.cp+1", "0x1p+2", "0x1.8p+1", "0x1.8p+1", "0x1p+2")] // 3.5 → 4
    [InlineData("-0x1.8p+0", "-0x1p+0", "-0x1p+1", "-0x1p+0", "-0x1p+1")]
    [InlineData("-0x1.2p+2", "-0x1p+2", "-0x1.4p+2", "-0x1p+2", "-0x1p+2")] // -4.5 → -4
    [InlineData("0x1.fffffep-2", "0x1p+0", "0x0p+0", "0x0p+0", "0x0p+0")] // just below 0.5
    [InlineData("0x1.fffffep+22", "0x1p+23", "0x1.fffffcp+22", "0x1.fffffcp+22", "0x1p+23")]
    [InlineData("-0x1.fffffep+22", "-0x1.fffffcp+22", "-0x1p+23", "-0x1.fffffcp+22", "-0x1p+23")]
    [InlineData("0x1.000002p+23", "0x1.000002p+23", "0x1.000002p+23", "0x1.000002p+23", "0x1.000002p+23")]
    [InlineData("0x1p-149", "0x1p+0", "0x0p+0", "0x0p+0", "0x0p+0")]
    [InlineData("-0x1p-149", "-0x0p+0", "-0x1p+0", "-0x0p+0", "-0x0p+0")]
    [InlineData("-0x0p+0", "-0x0p+0", "-0x0p+0", "-0x0p+0", "-0x0p+0")]
    [InlineData("-inf", "-inf", "-inf", "-inf", "-inf")]
    public void F32_rounding_to_integers_keeps_the_sign_of_zero(string a, string ceil, string floor, string trunc, string nearest) =>
        Assert.Equal((H(ceil), H(floor), H(trunc), H(nearest)), (F32.Ceil(H(a)), F32.Floor(H(a)), F32.Trunc(H(a)), F32.Nearest(H(a))));

    [Theory]
    [InlineData(0x7FA0_0000u, 0x7FA0_0000u, 0xFFA0_0000u)] // a signaling NaN stays signaling
    [InlineData(0xFFC0_0001u, 0x7FC0_0001u, 0x7FC0_0001u)]
    [InlineData(0x8000_0000u, 0x0000_0000u, 0x0000_0000u)]
    [InlineData(0x7F80_0000u, 0x7F80_0000u, 0xFF80_0000u)]
    public void F32Abs_and_Neg_change_only_the_sign_bit(uint a, uint abs, uint neg) =>
        Assert.Equal((abs, neg), (F32.Abs(a), F32.Neg(a)));

    [Theory]
    [InlineData(0x7FA0_0001u, 0x8000_0000u, 0xFFA0_0001u)]
    [InlineData(0xFF80_0000u, 0x7FC0_0000u, 0x7F80_0000u)]
    [InlineData(0x3F80_0000u, 0xFFFF_FFFFu, 0xBF80_0000u)]
    [InlineData(0x8000_0001u, 0x0000_0000u, 0x0000_0001u)]
    public void F32Copysign_takes_the_sign_bit_of_the_second_operand(uint a, uint b, uint expected) =>
        Assert.Equal(expected, F32.Copysign(a, b));

    [Fact]
    public void F32_comparisons_treat_the_zeros_as_equal()
    {
        uint plus = 0x0000_0000, minus = 0x8000_0000;
        Assert.Equal([1, 0, 0, 0, 1, 1], [F32.Eq(minus, plus), F32.Ne(minus, plus), F32.Lt(minus, plus), F32.Gt(minus, plus), F32.Le(minus, plus), F32.Ge(minus, plus)]);
    }

    [Fact]
    public void F32_comparisons_order_infinities_and_subnormals()
    {
        uint negInf = 0xFF80_0000, least = 0x0000_0001, one = 0x3F80_0000;
        Assert.Equal([1, 1, 0, 1, 0], [F32.Lt(negInf, least), F32.Lt(least, one), F32.Gt(least, one), F32.Ge(one, one), F32.Ne(one, one)]);
    }
}
