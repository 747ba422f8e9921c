using WasmConform.Engine.Execution.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>
/// Pins the NaN rule of <see cref="F32"/> and <see cref="F64"/>: a NaN result is the first NaN
/// operand with its quiet bit set (sign and payload kept), or the positive canonical NaN when no
/// operand is a NaN. Expected patterns are written out by hand from that rule.
/// </summary>
public class FloatNaNTests
{
    private const uint One32 = 0x3F80_0000;
    private const ulong One64 = 0x3FF0_0000_0000_0000;

    private static readonly Dictionary<string, Func<uint, uint, uint>> Binary32 = new()
    {
        ["add"] = F32.Add, ["sub"] = F32.Sub, ["mul"] = F32.Mul, ["div"] = F32.Div, ["min"] = F32.Min, ["max"] = F32.Max,
    };

    private static readonly Dictionary<string, Func<ulong, ulong, ulong>> Binary64 = new()
    {
        ["add"] = F64.Add, ["sub"] = F64.Sub, ["mul"] = F64.Mul, ["div"] = F64.Div, ["min"] = F64.Min, ["max"] = F64.Max,
    };

    private static readonly Dictionary<string, Func<uint, uint>> Unary32 = new()
    {
        ["sqrt"] = F32.Sqrt, ["ceil"] = F32.Ceil, ["floor"] = F32.Floor, ["trunc"] = F32.Trunc, ["nearest"] = F32.Nearest,
    };

    private static readonly Dictionary<string, Func<ulong, ulong>> Unary64 = new()
    {
        ["sqrt"] = F64.Sqrt, ["ceil"] = F64.Ceil, ["floor"] = F64.Floor, ["trunc"] = F64.Trunc, ["nearest"] = F64.Nearest,
    };

    public static TheoryData<string> BinaryOps => new() { "add", "sub", "mul", "div", "min", "max" };

    public static TheoryData<string> UnaryOps => new() { "sqrt", "ceil", "floor", "trunc", "nearest" };

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void F32_binary_op_quiets_a_signaling_first_operand_and_keeps_its_payload(string op) =>
        Assert.Equal(0x7FE0_0000u, Binary32[op](0x7FA0_0000, One32));

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void F32_binary_op_propagates_a_second_operand_nan_with_its_sign(string op) =>
        Assert.Equal(0xFFC0_0001u, Binary32[op](One32, 0xFF80_0001));

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void F32_binary_op_with_two_nans_answers_the_first(string op) =>
        Assert.Equal(0xFFC0_1234u, Binary32[op](0xFF80_1234, 0x7FC0_4321));

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void F32_binary_op_keeps_a_canonical_nan_canonical(string op) =>
        Assert.Equal(0x7FC0_0000u, Binary32[op](0x7FC0_0000, 0x0000_0000));

    [Theory]
    [InlineData("add", 0x7F80_0000u, 0xFF80_0000u)] // inf + -inf
    [InlineData("sub", 0xFF80_0000u, 0xFF80_0000u)] // -inf - -inf
    [InlineData("mul", 0x8000_0000u, 0x7F80_0000u)] // -0 * inf
    [InlineData("div", 0x8000_0000u, 0x0000_0000u)] // -0 / 0
    [InlineData("div", 0xFF80_0000u, 0x7F80_0000u)] // -inf / inf
    public void F32_nan_made_from_numbers_is_the_positive_canonical_nan(string op, uint a, uint b) =>
        Assert.Equal(0x7FC0_0000u, Binary32[op](a, b));

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void F32_unary_op_quiets_a_nan_operand_and_keeps_sign_and_payload(string op) =>
        Assert.Equal(0xFFC0_0005u, Unary32[op](0xFF80_0005));

    [Theory]
    [InlineData(0xBF80_0000u)] // -1
    [InlineData(0x8000_0001u)] // least negative subnormal
    [InlineData(0xFF80_0000u)] // -inf
    public void F32Sqrt_of_a_negative_number_is_the_positive_canonical_nan(uint a) =>
        Assert.Equal(0x7FC0_0000u, F32.Sqrt(a));

    [Theory]
    [InlineData(0x7FC0_0000u, 0x7FC0_0000u)]
    [InlineData(0x7FA0_0000u, One32)]
    [InlineData(One32, 0xFF80_0001u)]
    public void F32_comparisons_with_a_nan_are_unordered(uint a, uint b) =>
        Assert.Equal([0, 1, 0, 0, 0, 0], [F32.Eq(a, b), F32.Ne(a, b), F32.Lt(a, b), F32.Gt(a, b), F32.Le(a, b), F32.Ge(a, b)]);

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void F64_binary_op_quiets_a_signaling_first_operand_and_keeps_its_payload(string op) =>
        Assert.Equal(0x7FFC_0000_0000_0001UL, Binary64[op](0x7FF4_0000_0000_0001, One64));

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void F64_binary_op_propagates_a_second_operand_nan_with_its_sign(string op) =>
        Assert.Equal(0xFFF8_0000_0000_0001UL, Binary64[op](One64, 0xFFF0_0000_0000_0001));

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void F64_binary_op_with_two_nans_answers_the_first(string op) =>
        Assert.Equal(0xFFF8_0000_0000_1234UL, Binary64[op](0xFFF0_0000_0000_1234, 0x7FF8_0000_0000_4321));

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void F64_binary_op_keeps_a_canonical_nan_canonical(string op) =>
        Assert.Equal(0x7FF8_0000_0000_0000UL, Binary64[op](0x8000_0000_0000_0000, 0x7FF8_0000_0000_0000));

    [Theory]
    [InlineData("add", 0xFFF0_0000_0000_0000UL, 0x7FF0_0000_0000_0000UL)]
    [InlineData("sub", 0x7FF0_0000_0000_0000UL, 0x7FF0_0000_0000_0000UL)]
    [InlineData("mul", 0xFFF0_0000_0000_0000UL, 0x0000_0000_0000_0000UL)]
    [InlineData("div", 0x0000_0000_0000_0000UL, 0x8000_0000_0000_0000UL)]
    [InlineData("div", 0x7FF0_0000_0000_0000UL, 0xFFF0_0000_0000_0000UL)]
    public void F64_nan_made_from_numbers_is_the_positive_canonical_nan(string op, ulong a, ulong b) =>
        Assert.Equal(0x7FF8_0000_0000_0000UL, Binary64[op](a, b));

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void F64_unary_op_quiets_a_nan_operand_and_keeps_sign_and_payload(string op) =>
        Assert.Equal(0xFFF8_0000_0000_0005UL, Unary64[op](0xFFF0_0000_0000_0005));

    [Theory]
    [InlineData(0xBFF0_0000_0000_0000UL)]
    [InlineData(0x8000_0000_0000_0001UL)]
    [InlineData(0xFFF0_0000_0000_0000UL)]
    public void F64Sqrt_of_a_negative_number_is_the_positive_canonical_nan(ulong a) =>
        Assert.Equal(0x7FF8_0000_0000_0000UL, F64.Sqrt(a));

    [Theory]
    [InlineData(0x7FF8_0000_0000_0000UL, 0x7FF8_0000_0000_0000UL)]
    [InlineData(0x7FF4_0000_0000_0000UL, One64)]
    [InlineData(One64, 0xFFF0_0000_0000_0001UL)]
    public void F64_comparisons_with_a_nan_are_unordered(ulong a, ulong b) =>
        Assert.Equal([0, 1, 0, 0, 0, 0], [F64.Eq(a, b), F64.Ne(a, b), F64.Lt(a, b), F64.Gt(a, b), F64.Le(a, b), F64.Ge(a, b)]);

    [Fact]
    public void IsNaN_recognises_exactly_the_nan_patterns()
    {
        Assert.Equal(
            [false, true, true, true, false],
            [F32.IsNaN(0x7F80_0000), F32.IsNaN(0x7F80_0001), F32.IsNaN(0xFFFF_FFFF), F32.IsNaN(0xFFC0_0000), F32.IsNaN(0x7F7F_FFFF)]);
        Assert.Equal(
            [false, true, true, false],
            [F64.IsNaN(0xFFF0_0000_0000_0000), F64.IsNaN(0x7FF0_0000_0000_0001), F64.IsNaN(0xFFF8_0000_0000_0000), F64.IsNaN(0x7FEF_FFFF_FFFF_FFFF)]);
    }
}
