using System.Numerics;
using WasmConform.Engine.Execution.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>
/// Checks the f32 and f64 operations on many random finite operands against
/// <see cref="ExactFloat"/>, a model in exact rational arithmetic (no hardware floats involved).
/// </summary>
public class FloatModelTests
{
    private const int Count = 20_000;
    private static readonly FloatFormat B32 = FloatFormat.Binary32;
    private static readonly FloatFormat B64 = FloatFormat.Binary64;

    public static TheoryData<string, string> BinaryCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var width in new[] { "f32", "f64" })
            foreach (var op in new[] { "add", "sub", "mul", "div", "min", "max" })
                data.Add(width, op);
        return data;
    }

    public static TheoryData<string, string> UnaryCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var width in new[] { "f32", "f64" })
            foreach (var op in new[] { "sqrt", "ceil", "floor", "trunc", "nearest" })
                data.Add(width, op);
        return data;
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_operation_matches_the_exact_model(string width, string op)
    {
        var f = width == "f32" ? B32 : B64;
        var actual = Binary(width, op);
        var random = new Random(Seed(width, op));
        for (int i = 0; i < Count; i++)
        {
            ulong a = FloatSamples.Finite(f, random), b = FloatSamples.Finite(f, random);
            if (op == "div" && IsZero(b, f))
                continue;
            ulong expected = ExpectedBinary(op, a, b, f);
            Assert.True(expected == actual(a, b), $"{width}.{op}({a:X}, {b:X}): expected {expected:X}, got {actual(a, b):X}");
        }
    }

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void Unary_operation_matches_the_exact_model(string width, string op)
    {
        var f = width == "f32" ? B32 : B64;
        var actual = Unary(width, op);
        foreach (ulong a in FloatSamples.Finite(f, Seed(width, op), Count))
        {
            ulong expected = ExpectedUnary(op, a, f);
            Assert.True(expected == actual(a), $"{width}.{op}({a:X}): expected {expected:X}, got {actual(a):X}");
        }
    }

    [Theory]
    [InlineData("f32")]
    [InlineData("f64")]
    public void Comparisons_match_the_exact_order(string width)
    {
        var f = width == "f32" ? B32 : B64;
        var random = new Random(width == "f32" ? 320 : 640);
        for (int i = 0; i < Count; i++)
        {
            ulong a = FloatSamples.Finite(f, random);
            ulong b = random.Next(8) == 0 ? a ^ f.SignBit : FloatSamples.Finite(f, random);
            int order = Compare(a, b, f);
            int[] expected = [order == 0 ? 1 : 0, order != 0 ? 1 : 0, order < 0 ? 1 : 0, order > 0 ? 1 : 0, order <= 0 ? 1 : 0, order >= 0 ? 1 : 0];
            int[] actual = width == "f32"
                ? [F32.Eq((uint)a, (uint)b), F32.Ne((uint)a, (uint)b), F32.Lt((uint)a, (uint)b), F32.Gt((uint)a, (uint)b), F32.Le((uint)a, (uint)b), F32.Ge((uint)a, (uint)b)]
                : [F64.Eq(a, b), F64.Ne(a, b), F64.Lt(a, b), F64.Gt(a, b), F64.Le(a, b), F64.Ge(a, b)];
            Assert.True(expected.SequenceEqual(actual), $"{width} compare({a:X}, {b:X})");
        }
    }

    private static ulong ExpectedBinary(string op, ulong a, ulong b, FloatFormat f)
    {
        var (an, ad) = ExactFloat.Rational(a, f);
        var (bn, bd) = ExactFloat.Rational(b, f);
        bool aNeg = f.IsNegative(a), bNeg = f.IsNegative(b);
        switch (op)
        {
            case "add":
                return ExactFloat.Round(an * bd + bn * ad, ad * bd, f, negativeZero: aNeg && bNeg);
            case "sub":
                return ExactFloat.Round(an * bd - bn * ad, ad * bd, f, negativeZero: aNeg && !bNeg);
            case "mul":
                return ExactFloat.Round(an * bn, ad * bd, f, negativeZero: aNeg != bNeg);
            case "div":
                return ExactFloat.Round(an * bd, ad * bn, f, negativeZero: aNeg != bNeg);
            case "min":
            case "max":
                int order = Compare(a, b, f);
                if (order == 0 && IsZero(a, f))
                    return (op == "min" ? aNeg || bNeg : aNeg && bNeg) ? f.SignBit : 0;
                if (order == 0)
                    return a;
                return (order < 0) == (op == "min") ? a : b;
            default:
                throw new ArgumentException(op);
        }
    }

    private static ulong ExpectedUnary(string op, ulong a, FloatFormat f)
    {
        bool negative = f.IsNegative(a);
        if (op == "sqrt")
            return negative && !IsZero(a, f) ? (f.Infinity | f.QuietBit) : ExactFloat.Sqrt(a, f);
        BigInteger integer = op switch
        {
            "ceil" => ExactFloat.Ceiling(a, f),
            "floor" => ExactFloat.Floor(a, f),
            "trunc" => ExactFloat.Truncate(a, f),
            _ => ExactFloat.RoundToEven(a, f),
        };
        return ExactFloat.Round(integer, BigInteger.One, f, negativeZero: negative);
    }

    private static int Compare(ulong a, ulong b, FloatFormat f)
    {
        var (an, ad) = ExactFloat.Rational(a, f);
        var (bn, bd) = ExactFloat.Rational(b, f);
        return (an * bd).CompareTo(bn * ad);
    }

    /// <summary>A fixed seed per case, so a failure reproduces.</summary>
    private static int Seed(string width, string op) => (width == "f32" ? 32_000 : 64_000) + op.Sum(c => c);

    private static bool IsZero(ulong bits, FloatFormat f) => (bits & ~f.SignBit) == 0;

    private static Func<ulong, ulong, ulong> Binary(string width, string op) => (width, op) switch
    {
        ("f32", "add") => (a, b) => F32.Add((uint)a, (uint)b),
        ("f32", "sub") => (a, b) => F32.Sub((uint)a, (uint)b),
        ("f32", "mul") => (a, b) => F32.Mul((uint)a, (uint)b),
        ("f32", "div") => (a, b) => F32.Div((uint)a, (uint)b),
        ("f32", "min") => (a, b) => F32.Min((uint)a, (uint)b),
        ("f32", "max") => (a, b) => F32.Max((uint)a, (uint)b),
        ("f64", "add") => F64.Add,
        ("f64", "sub") => F64.Sub,
        ("f64", "mul") => F64.Mul,
        ("f64", "div") => F64.Div,
        ("f64", "min") => F64.Min,
        ("f64", "max") => F64.Max,
        _ => throw new ArgumentException(op),
    };

    private static Func<ulong, ulong> Unary(string width, string op) => (width, op) switch
    {
        ("f32", "sqrt") => a => F32.Sqrt((uint)a),
        ("f32", "ceil") => a => F32.Ceil((uint)a),
        ("f32", "floor") => a => F32.Floor((uint)a),
        ("f32", "trunc") => a => F32.Trunc((uint)a),
        ("f32", "nearest") => a => F32.Nearest((uint)a),
        ("f64", "sqrt") => F64.Sqrt,
        ("f64", "ceil") => F64.Ceil,
        ("f64", "floor") => F64.Floor,
        ("f64", "trunc") => F64.Trunc,
        ("f64", "nearest") => F64.Nearest,
        _ => throw new ArgumentException(op),
    };
}
