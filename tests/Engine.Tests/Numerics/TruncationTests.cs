using System.Numerics;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Execution.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>
/// Pins the eight trapping truncations and their saturating forms (§4.3.4 trunc, trunc_sat) on
/// both sides of every limit, and checks them on random operands against exact integer truncation.
/// </summary>
public class TruncationTests
{
    private const string Overflow = "overflow";
    private const string Invalid = "invalid";

    private static readonly string[] Ops =
    [
        "i32.trunc_f32_s", "i32.trunc_f32_u", "i32.trunc_f64_s", "i32.trunc_f64_u",
        "i64.trunc_f32_s", "i64.trunc_f32_u", "i64.trunc_f64_s", "i64.trunc_f64_u",
    ];

    /// <summary>Operand bits, then the result as a hex integer, or "overflow" / "invalid" for a trap.</summary>
    public static TheoryData<string, ulong, string> Limits => new()
    {
        { "i32.trunc_f32_s", 0xCF00_0000, "80000000" }, // -2^31
        { "i32.trunc_f32_s", 0xCF00_0001, Overflow }, // the next float below: -2^31 - 256
        { "i32.trunc_f32_s", 0x4EFF_FFFF, "7FFFFF80" }, // the largest float below 2^31
        { "i32.trunc_f32_s", 0x4F00_0000, Overflow }, // 2^31
        { "i32.trunc_f32_s", 0xBF7F_FFFF, "0" }, // -0.99999994
        { "i32.trunc_f32_s", 0xBFC0_0000, "FFFFFFFF" }, // -1.5
        { "i32.trunc_f32_s", 0x8000_0000, "0" },
        { "i32.trunc_f32_u", 0xBF7F_FFFF, "0" }, // -0.99999994
        { "i32.trunc_f32_u", 0xBF80_0000, Overflow }, // -1
        { "i32.trunc_f32_u", 0x4F7F_FFFF, "FFFFFF00" }, // the largest float below 2^32
        { "i32.trunc_f32_u", 0x4F80_0000, Overflow }, // 2^32
        { "i32.trunc_f32_u", 0x4F00_0000, "80000000" }, // 2^31
        { "i32.trunc_f64_s", 0xC1E0_0000_0020_0000, Overflow }, // -2^31 - 1
        { "i32.trunc_f64_s", 0xC1E0_0000_001F_FFFF, "80000000" }, // just above -2^31 - 1
        { "i32.trunc_f64_s", 0x41DF_FFFF_FFFF_FFFF, "7FFFFFFF" }, // just below 2^31
        { "i32.trunc_f64_s", 0x41E0_0000_0000_0000, Overflow }, // 2^31
        { "i32.trunc_f64_u", 0xBFEF_FFFF_FFFF_FFFF, "0" }, // -0.9999999999999999
        { "i32.trunc_f64_u", 0xBFF0_0000_0000_0000, Overflow }, // -1
        { "i32.trunc_f64_u", 0x41EF_FFFF_FFFF_FFFF, "FFFFFFFF" }, // just below 2^32
        { "i32.trunc_f64_u", 0x41F0_0000_0000_0000, Overflow }, // 2^32
        { "i64.trunc_f32_s", 0xDF00_0000, "8000000000000000" }, // -2^63
        { "i64.trunc_f32_s", 0xDF00_0001, Overflow },
        { "i64.trunc_f32_s", 0x5EFF_FFFF, "7FFFFF8000000000" },
        { "i64.trunc_f32_s", 0x5F00_0000, Overflow }, // 2^63
        { "i64.trunc_f32_u", 0xBF7F_FFFF, "0" },
        { "i64.trunc_f32_u", 0xBF80_0000, Overflow },
        { "i64.trunc_f32_u", 0x5F00_0000, "8000000000000000" }, // 2^63
        { "i64.trunc_f32_u", 0x5F7F_FFFF, "FFFFFF0000000000" },
        { "i64.trunc_f32_u", 0x5F80_0000, Overflow }, // 2^64
        { "i64.trunc_f64_s", 0xC3E0_0000_0000_0000, "8000000000000000" }, // -2^63
        { "i64.trunc_f64_s", 0xC3E0_0000_0000_0001, Overflow }, // -2^63 - 2048
        { "i64.trunc_f64_s", 0x43DF_FFFF_FFFF_FFFF, "7FFFFFFFFFFFFC00" },
        { "i64.trunc_f64_s", 0x43E0_0000_0000_0000, Overflow }, // 2^63
        { "i64.trunc_f64_u", 0xBFEF_FFFF_FFFF_FFFF, "0" },
        { "i64.trunc_f64_u", 0xBFF0_0000_0000_0000, Overflow },
        { "i64.trunc_f64_u", 0x43E0_0000_0000_0000, "8000000000000000" }, // 2^63
        { "i64.trunc_f64_u", 0x43EF_FFFF_FFFF_FFFF, "FFFFFFFFFFFFF800" },
        { "i64.trunc_f64_u", 0x43F0_0000_0000_0000, Overflow }, // 2^64
        { "i32.trunc_f32_s", 0x7FC0_0000, Invalid },
        { "i32.trunc_f32_u", 0xFF80_0001, Invalid },
        { "i32.trunc_f64_s", 0x7FF0_0000_0000_0001, Invalid },
        { "i32.trunc_f64_u", 0xFFF8_0000_0000_0000, Invalid },
        { "i64.trunc_f32_s", 0xFFC0_0000, Invalid },
        { "i64.trunc_f32_u", 0x7FA0_0000, Invalid },
        { "i64.trunc_f64_s", 0x7FF8_0000_0000_0000, Invalid },
        { "i64.trunc_f64_u", 0x7FF4_0000_0000_0000, Invalid },
        { "i32.trunc_f32_s", 0x7F80_0000, Overflow }, // inf
        { "i32.trunc_f64_u", 0xFFF0_0000_0000_0000, Overflow }, // -inf
        { "i64.trunc_f32_u", 0x7F80_0000, Overflow },
        { "i64.trunc_f64_s", 0xFFF0_0000_0000_0000, Overflow },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Trunc_accepts_exactly_the_operands_whose_truncation_fits(string op, ulong operand, string expected)
    {
        if (expected == Overflow)
            TrapAssert.Traps(TrapKind.IntegerOverflow, () => Trunc(op, operand));
        else if (expected == Invalid)
            TrapAssert.Traps(TrapKind.InvalidConversionToInteger, () => Trunc(op, operand));
        else
            Assert.Equal(Convert.ToUInt64(expected, 16), Trunc(op, operand));
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void TruncSat_saturates_where_trunc_traps(string op, ulong operand, string expected)
    {
        ulong saturated = expected switch
        {
            Invalid => 0,
            Overflow => Saturate(op, IsNegative(op, operand)),
            _ => Convert.ToUInt64(expected, 16),
        };
        Assert.Equal(saturated, TruncSat(op, operand));
    }

    public static TheoryData<string> OpNames => new(Ops);

    [Theory]
    [MemberData(nameof(OpNames))]
    public void Trunc_and_TruncSat_match_exact_truncation_on_random_operands(string op)
    {
        var random = new Random(434 + Array.IndexOf(Ops, op));
        var f = op.Contains("f32") ? FloatFormat.Binary32 : FloatFormat.Binary64;
        var (min, max) = Range(op);
        for (int i = 0; i < 10_000; i++)
        {
            ulong operand = NearLimits(op, f, random);
            var truncated = ExactFloat.Truncate(operand, f);
            if (truncated >= min && truncated <= max)
            {
                ulong expected = (ulong)(truncated & ulong.MaxValue) & Mask(op);
                Assert.Equal(expected, Trunc(op, operand));
                Assert.Equal(expected, TruncSat(op, operand));
            }
            else
            {
                TrapAssert.Traps(TrapKind.IntegerOverflow, () => Trunc(op, operand));
                Assert.Equal(Saturate(op, truncated.Sign < 0), TruncSat(op, operand));
            }
        }
    }

    /// <summary>Finite operands, half of them within a few units of the last place of a limit of the op.</summary>
    private static ulong NearLimits(string op, FloatFormat f, Random random)
    {
        if (random.Next(2) == 0)
            return FloatSamples.Finite(f, random);
        var (min, max) = Range(op);
        BigInteger limit = random.Next(4) switch { 0 => min, 1 => max + 1, 2 => min - 1, _ => BigInteger.Zero - 1 };
        ulong bits = ExactFloat.Round(limit, BigInteger.One, f);
        ulong magnitude = bits & ~f.SignBit;
        long step = random.Next(-3, 4);
        magnitude = (ulong)Math.Max(0, (long)magnitude + step);
        return (bits & f.SignBit) | magnitude;
    }

    private static (BigInteger Min, BigInteger Max) Range(string op) => op switch
    {
        _ when op.StartsWith("i32") && op.EndsWith("_s") => (int.MinValue, int.MaxValue),
        _ when op.StartsWith("i32") => (0, uint.MaxValue),
        _ when op.EndsWith("_s") => (long.MinValue, long.MaxValue),
        _ => (0, ulong.MaxValue),
    };

    private static ulong Mask(string op) => op.StartsWith("i32") ? uint.MaxValue : ulong.MaxValue;

    private static ulong Saturate(string op, bool negative)
    {
        var (min, max) = Range(op);
        return (ulong)((negative ? min : max) & ulong.MaxValue) & Mask(op);
    }

    private static bool IsNegative(string op, ulong bits) =>
        op.Contains("f32") ? (bits & 0x8000_0000) != 0 : (bits & 0x8000_0000_0000_0000) != 0;

    private static ulong Trunc(string op, ulong a) => op switch
    {
        "i32.trunc_f32_s" => (uint)Conversions.I32TruncF32S((uint)a),
        "i32.trunc_f32_u" => (uint)Conversions.I32TruncF32U((uint)a),
        "i32.trunc_f64_s" => (uint)Conversions.I32TruncF64S(a),
        "i32.trunc_f64_u" => (uint)Conversions.I32TruncF64U(a),
        "i64.trunc_f32_s" => (ulong)Conversions.I64TruncF32S((uint)a),
        "i64.trunc_f32_u" => (ulong)Conversions.I64TruncF32U((uint)a),
        "i64.trunc_f64_s" => (ulong)Conversions.I64TruncF64S(a),
        "i64.trunc_f64_u" => (ulong)Conversions.I64TruncF64U(a),
        _ => throw new ArgumentException(op),
    };

    private static ulong TruncSat(string op, ulong a) => op switch
    {
        "i32.trunc_f32_s" => (uint)Conversions.I32TruncSatF32S((uint)a),
        "i32.trunc_f32_u" => (uint)Conversions.I32TruncSatF32U((uint)a),
        "i32.trunc_f64_s" => (uint)Conversions.I32TruncSatF64S(a),
        "i32.trunc_f64_u" => (uint)Conversions.I32TruncSatF64U(a),
        "i64.trunc_f32_s" => (ulong)Conversions.I64TruncSatF32S((uint)a),
        "i64.trunc_f32_u" => (ulong)Conversions.I64TruncSatF32U((uint)a),
        "i64.trunc_f64_s" => (ulong)Conversions.I64TruncSatF64S(a),
        "i64.trunc_f64_u" => (ulong)Conversions.I64TruncSatF64U(a),
        _ => throw new ArgumentException(op),
    };
}
