namespace WasmConform.Wast.Text;

/// <summary>The lane shapes of <c>v128.const</c> (§6.5.8).</summary>
public enum V128Shape : byte { I8x16, I16x8, I32x4, I64x2, F32x4, F64x2 }

/// <summary>Lanes of <c>v128.const</c> literals: counts, widths and their 128-bit assembly (lane 0 in the low bytes).</summary>
public static class V128Literal
{
    /// <summary>Number of lanes: 16, 8, 4, 2, 4, 2.</summary>
    public static int LaneCount(V128Shape shape) => 128 / LaneBits(shape);

    /// <summary>Width of a lane in bits.</summary>
    public static int LaneBits(V128Shape shape) => shape switch
    {
        V128Shape.I8x16 => 8,
        V128Shape.I16x8 => 16,
        V128Shape.I32x4 or V128Shape.F32x4 => 32,
        _ => 64,
    };

    /// <summary>Whether the lanes are floats.</summary>
    public static bool IsFloat(V128Shape shape) => shape is V128Shape.F32x4 or V128Shape.F64x2;

    /// <summary>The shape a keyword names, if any.</summary>
    public static V128Shape? ShapeOf(Kw kw) => kw switch
    {
        Kw.I8x16 => V128Shape.I8x16,
        Kw.I16x8 => V128Shape.I16x8,
        Kw.I32x4 => V128Shape.I32x4,
        Kw.I64x2 => V128Shape.I64x2,
        Kw.F32x4 => V128Shape.F32x4,
        Kw.F64x2 => V128Shape.F64x2,
        _ => null,
    };

    /// <summary>One lane literal as its bits (integers: signed or unsigned in the lane's range).</summary>
    public static bool TryParseLane(V128Shape shape, ReadOnlySpan<byte> text, out ulong bits)
    {
        switch (shape)
        {
            case V128Shape.F32x4:
                bool ok = FloatLiteral.TryParse32(text, out uint f);
                bits = f;
                return ok;
            case V128Shape.F64x2:
                return FloatLiteral.TryParse64(text, out bits);
            default:
                return IntLiteral.TryParse(text, LaneBits(shape), out bits);
        }
    }

    /// <summary>Packs lane bit patterns (lane 0 first) into the two little-endian halves of a v128.</summary>
    public static (ulong Low, ulong High) Assemble(V128Shape shape, ReadOnlySpan<ulong> lanes)
    {
        int bits = LaneBits(shape);
        ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        ulong low = 0, high = 0;
        for (int i = 0; i < lanes.Length; i++)
        {
            int at = i * bits;
            ulong lane = lanes[i] & mask;
            if (at < 64) low |= lane << at;
            else high |= lane << (at - 64);
        }
        return (low, high);
    }
}
