using WasmConform.Engine.Execution.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>
/// Pins the f64 operations (§4.3.3) on known bit patterns; cases partly mirror the suite's
/// f64.wast, f64_bitwise.wast and float_misc.wast. NaN results are covered in <see cref="FloatNaNTests"/>.
/// </summary>
public class F64Tests
{
    private static ulong H(string text) => HexFloat.F64(text);

    public static TheoryData<string, string, string, string> Arithmetic => new()
    {
        { "add", "0x0.0000000000001p-1022", "0x0.0000000000001p-1022", "0x0.0000000000002p-1022" },
        { "add", "0x1p+0", "0x1p-53", "0x1p+0" }, // tie, to even
        { "add", "0x1p+0", "0x1.0000000000001p-53", "0x1.0000000000001p+0" },
        { "add", "0x0.0000000000001p-1022", "0x0.fffffffffffffp-1022", "0x1p-1022" },
        { "add", "0x1.0000000000001p+52", "0x1p-1", "0x1.0000000000002p+52" },
        { "add", "0x1.fffffffffffffp+1023", "0x1.fffffffffffffp+969", "0x1.fffffffffffffp+1023" },
        { "add", "0x1.fffffffffffffp+1023", "0x1p+970", "inf" },
        { "add", "-0x1p-1008", "0x0.0000000001716p-1022", "-0x1.fffffffffffffp-1009" },
        { "add", "-0x0p+0", "-0x0p+0", "-0x0p+0" },
        { "add", "0x0p+0", "-0x0p+0", "0x0p+0" },
        { "sub", "0x1p+0", "0x1.0000000000001p-54", "0x1.fffffffffffffp-1" },
        { "sub", "0x1.724046eb0933ap+4", "0x1.921fb54442d18p+1", "0x1.3ffc504280d97p+4" },
        { "sub", "0x1p+16", "0x1p-37", "0x1.fffffffffffffp+15" },
        { "sub", "-0x1p+0", "-0x1p+0", "0x0p+0" },
        { "mul", "0x0.0000000000001p-1022", "0x1p-1", "0x0p+0" }, // tie, to even
        { "mul", "0x0.0000000000003p-1022", "0x1p-1", "0x0.0000000000002p-1022" }, // tie, to even (up)
        { "mul", "-0x1.cc1ae79fffc5bp-986", "-0x1.c36ccc2861ca6p-219", "0x0p+0" },
        { "mul", "0x1.db3bd2a286944p-599", "0x1.ce910af1d55cap-425", "0x0.d6accdd538a39p-1022" },
        { "mul", "-0x1.c6a56169e9cep-772", "0x1.517d55a474122p-255", "-0x0.12baf260afb77p-1022" },
        { "mul", "-0x1.25c293f6f37e4p+425", "0x1.f5fd4fa41c6d8p+945", "-inf" },
        { "div", "0x1p+0", "0x1.8p+1", "0x1.5555555555555p-2" },
        { "div", "-0x1p+0", "0x0p+0", "-inf" },
        { "div", "0x0p+0", "-0x1p+0", "-0x0p+0" },
        { "div", "0x1p-1022", "0x0.fffffffffffffp-1022", "0x1.0000000000001p+0" },
        { "div", "0x1p-51", "0x1.fffffffffffffp+1023", "0x0.0000000000001p-1022" }, // just above half the least subnormal
    };

    [Theory]
    [MemberData(nameof(Arithmetic))]
    public void F64_arithmetic_rounds_to_nearest_even(string op, string a, string b, string expected)
    {
        Func<ulong, ulong, ulong> f = op switch { "add" => F64.Add, "sub" => F64.Sub, "mul" => F64.Mul, _ => F64.Div };
        Assert.Equal(H(expected), f(H(a), H(b)));
    }

    [Theory]
    [InlineData("0x1p+2", "0x1p+1")]
    [InlineData("0x1p+1", "0x1.6a09e667f3bcdp+0")]
    [InlineData("0x0.0000000000001p-1022", "0x1p-537")]
    [InlineData("-0x0p+0", "-0x0p+0")]
    [InlineData("inf", "inf")]
    public void F64Sqrt_is_correctly_rounded(string a, string expected) => Assert.Equal(H(expected), F64.Sqrt(H(a)));

    [Theory]
    [InlineData("0x0p+0", "-0x0p+0", "-0x0p+0", "0x0p+0")]
    [InlineData("-0x0p+0", "0x0p+0", "-0x0p+0", "0x0p+0")]
    [InlineData("inf", "0x1.fffffffffffffp+1023", "0x1.fffffffffffffp+1023", "inf")]
    [InlineData("-0x0.0000000000001p-1022", "0x0p+0", "-0x0.0000000000001p-1022", "0x0p+0")]
    public void F64Min_and_Max_order_negative_zero_below_positive_zero(string a, string b, string min, string max) =>
        Assert.Equal((H(min), H(max)), (F64.Min(H(a), H(b)), F64.Max(H(a), H(b))));

    [Theory]
    [InlineData("0x1p-1", "0x1p+0", "0x0p+0", "0x0p+0", "0x0p+0")]
    [InlineData("-0x1p-1", "-0x0p+0", "-0x1p+0", "-0x0p+0", "-0x0p+0")]
    [InlineData("0x1.8p+0", "0x1p+1", "0x1p+0", "0x1p+0", "0x1p+1")]
    [InlineData("0x1.4p+1", "0x1.8p+1", "0x1p+1", "0x1p+1", "0x1p+1")] // 2.5 → 2
    [InlineData("-0x1.cp+1", "-0x1.8p+1", "-0x1p+2", "-0x1.8p+1", "-0x1p+2")] // -3.5 → -4
    [InlineData("0x1.fffffffffffffp-2", "0x1p+0", "0x0p+0", "0x0p+0", "0x0p+0")]
    [InlineData("0x1.fffffffffffffp+51", "0x1p+52", "0x1.ffffffffffffep+51", "0x1.ffffffffffffep+51", "0x1p+52")]
    [InlineData("-0x1.fffffffffffffp+51", "-0x1.ffffffffffffep+51", "-0x1p+52", "-0x1.ffffffffffffep+51", "-0x1p+52")]
    [InlineData("0x1.0000000000001p+52", "0x1.0000000000001p+52", "0x1.0000000000001p+52", "0x1.0000000000001p+52", "0x1.0000000000001p+52")]
    [InlineData("-0x0.0000000000001p-1022", "-0x0p+0", "-0x1p+0", "-0x0p+0", "-0x0p+0")]
    [InlineData("inf", "inf", "inf", "inf", "inf")]
    public void F64_rounding_to_integers_keeps_the_sign_of_zero(string a, string ceil, string floor, string trunc, string nearest) =>
        Assert.Equal((H(ceil), H(floor), H(trunc), H(nearest)), (F64.Ceil(H(a)), F64.Floor(H(a)), F64.Trunc(H(a)), F64.Nearest(H(a))));

    [Theory]
    [InlineData(0x7FF4_0000_0000_0000UL, 0x7FF4_0000_0000_0000UL, 0xFFF4_0000_0000_0000UL)]
    [InlineData(0xFFF8_0000_0000_0001UL, 0x7FF8_0000_0000_0001UL, 0x7FF8_0000_0000_0001UL)]
    [InlineData(0x8000_0000_0000_0000UL, 0x0000_0000_0000_0000UL, 0x0000_0000_0000_0000UL)]
    public void F64Abs_and_Neg_change_only_the_sign_bit(ulong a, ulong abs, ulong neg) =>
        Assert.Equal((abs, neg), (F64.Abs(a), F64.Neg(a)));

    [Theory]
    [InlineData(0x7FF4_0000_0000_0001UL, 0x8000_0000_0000_0000UL, 0xFFF4_0000_0000_0001UL)]
    [InlineData(0xFFF0_0000_0000_0000UL, 0x7FF8_0000_0000_0000UL, 0x7FF0_0000_0000_0000UL)]
    [InlineData(0x3FF0_0000_0000_0000UL, 0x8000_0000_0000_0001UL, 0xBFF0_0000_0000_0000UL)]
    public void F64Copysign_takes_the_sign_bit_of_the_second_operand(ulong a, ulong b, ulong expected) =>
        Assert.Equal(expected, F64.Copysign(a, b));

    [Fact]
    public void F64_comparisons_treat_the_zeros_as_equal()
    {
        ulong plus = 0, minus = 0x8000_0000_0000_0000;
        Assert.Equal([1, 0, 0, 0, 1, 1], [F64.Eq(minus, plus), F64.Ne(minus, plus), F64.Lt(minus, plus), F64.Gt(minus, plus), F64.Le(minus, plus), F64.Ge(minus, plus)]);
    }

    [Fact]
    public void F64_comparisons_order_infinities_and_subnormals()
    {
        ulong negInf = 0xFFF0_0000_0000_0000, least = 1, one = 0x3FF0_0000_0000_0000;
        Assert.Equal([1, 1, 0, 1, 0], [F64.Lt(negInf, least), F64.Lt(least, one), F64.Gt(least, one), F64.Ge(one, one), F64.Ne(one, one)]);
    }
}
