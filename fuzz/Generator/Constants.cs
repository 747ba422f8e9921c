using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>Constant instructions with values that tend to find bugs: small numbers, edges, NaNs, infinities, random bits.</summary>
internal static class Constants
{
    private static readonly int[] I32Edges = [0, 1, -1, 2, int.MinValue, int.MaxValue, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 65536, 31, 32, 63, 64];
    private static readonly long[] I64Edges = [0, 1, -1, 2, long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, 0xFFFFFFFFL, 0x100000000L, 63, 64, 65536];
    private static readonly uint[] F32Edges =
    [
        0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000,
        0x7FA00000, 0x7F800001, 0x00000001, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0x4F000000, 0xCF000000,
        0x4F800000, 0x5F000000, 0xDF000000, 0x5F800000, 0x3F000000, 0x3FC00000, 0x40200000,
    ];
    private static readonly ulong[] F64Edges =
    [
        0x0000000000000000, 0x8000000000000000, 0x3FF0000000000000, 0xBFF0000000000000, 0x7FF0000000000000,
        0xFFF0000000000000, 0x7FF8000000000000, 0xFFF8000000000000, 0x7FF4000000000000, 0x7FF0000000000001,
        0x0000000000000001, 0x000FFFFFFFFFFFFF, 0x0010000000000000, 0x7FEFFFFFFFFFFFFF, 0x41E0000000000000,
        0xC1E0000000000000, 0x41F0000000000000, 0x43E0000000000000, 0xC3E0000000000000, 0x43F0000000000000,
        0x3FE0000000000000, 0x3FF8000000000000, 0x4004000000000000,
    ];

    /// <summary>A constant of numeric or vector type <paramref name="t"/>.</summary>
    public static Instruction Random(ChoiceStream u, ValType t) => t.Kind switch
    {
        ValTypeKind.I32 => new I32ConstInstruction(I32(u)),
        ValTypeKind.I64 => new I64ConstInstruction(u.Int(0, 3) switch
        {
            0 => u.Int(-16, 300),
            1 => u.Pick(I64Edges),
            2 => I32(u),
            _ => (long)u.Bits64(),
        }),
        ValTypeKind.F32 => new F32ConstInstruction(u.Int(0, 3) switch
        {
            0 => BitConverter.SingleToUInt32Bits(u.Int(-100, 100) / 4f),
            1 => u.Pick(F32Edges),
            _ => u.Bits32(),
        }),
        ValTypeKind.F64 => new F64ConstInstruction(u.Int(0, 3) switch
        {
            0 => BitConverter.DoubleToUInt64Bits(u.Int(-100, 100) / 4.0),
            1 => u.Pick(F64Edges),
            _ => u.Bits64(),
        }),
        ValTypeKind.V128 => u.Int(0, 2) switch
        {
            0 => new V128ConstInstruction(0, 0),
            1 => new V128ConstInstruction(Splat(u), Splat(u)),
            _ => new V128ConstInstruction(u.Bits64(), u.Bits64()),
        },
        _ => throw new ArgumentException($"no constant of type {t}", nameof(t)),
    };

    /// <summary>The canonical NaN of a float type (§4.3.3 nan(t)): positive, quiet bit only.</summary>
    public static Instruction CanonicalNan(ValType t) => t.Kind switch
    {
        ValTypeKind.F32 => new F32ConstInstruction(0x7FC00000),
        ValTypeKind.F64 => new F64ConstInstruction(0x7FF8000000000000),
        _ => throw new ArgumentException($"no NaN of type {t}", nameof(t)),
    };

    /// <summary>Canonical NaNs in every lane of a vector of shape f32x4 or f64x2.</summary>
    public static Instruction CanonicalNanLanes(Opcode shapeEq) => shapeEq == Opcode.F32x4Eq
        ? new V128ConstInstruction(0x7FC000007FC00000, 0x7FC000007FC00000)
        : new V128ConstInstruction(0x7FF8000000000000, 0x7FF8000000000000);

    /// <summary>An i32 constant of <paramref name="value"/> or the i64 constant, by type.</summary>
    public static Instruction Of(ValType t, ulong value) =>
        t.Kind == ValTypeKind.I64 ? new I64ConstInstruction((long)value) : new I32ConstInstruction((int)value);

    private static int I32(ChoiceStream u) => u.Int(0, 3) switch
    {
        0 => u.Int(-16, 300),
        1 => u.Pick(I32Edges),
        2 => 1 << u.Int(0, 31),
        _ => (int)u.Bits32(),
    };

    private static ulong Splat(ChoiceStream u)
    {
        ulong b = (ulong)u.Int(0, 255);
        return b * 0x0101010101010101UL;
    }
}
