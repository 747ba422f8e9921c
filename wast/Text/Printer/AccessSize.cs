using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// log2 of the bytes a memory instruction accesses: its natural alignment, which the text format
/// assumes when <c>align=</c> is omitted (§6.5.7). Read off the mnemonics of <see cref="OpcodeTable"/>:
/// the first width after the type prefix (<c>i64.load16_s</c>: 16 bits; <c>v128.load8x8_u</c>: 8×8;
/// <c>i32.atomic.rmw8.add_u</c>: 8), else the width of the prefix type (<c>f32.store</c>: 32).
/// </summary>
internal static class AccessSize
{
    private static readonly byte[] Log2ByOp = Build();

    /// <summary>log2 of the access size in bytes of <paramref name="op"/> (0 for instructions that do not access memory).</summary>
    public static uint Log2(Opcode op) => (uint)op < (uint)Log2ByOp.Length ? Log2ByOp[(int)op] : 0u;

    private static byte[] Build()
    {
        var rows = OpcodeTable.All;
        var table = new byte[rows.Max(r => (int)r.Op) + 1];
        foreach (var row in rows)
            if (row.Immediate is ImmediateKind.MemArg or ImmediateKind.MemArgLane)
                table[(int)row.Op] = (byte)System.Numerics.BitOperations.Log2((uint)Bits(row.Name) / 8);
        return table;
    }

    private static int Bits(string name)
    {
        int dot = name.IndexOf('.');
        string prefix = name[..dot];
        var rest = name.AsSpan(dot + 1);
        int digit = rest.IndexOfAnyInRange('0', '9');
        if (digit < 0)
            return prefix switch { "i64" or "f64" => 64, "v128" => 128, _ => 32 };
        int bits = Number(rest, ref digit);
        if (digit < rest.Length - 1 && rest[digit] == 'x' && char.IsAsciiDigit(rest[digit + 1]))
        {
            digit++;
            bits *= Number(rest, ref digit);
        }
        return bits;
    }

    private static int Number(ReadOnlySpan<char> text, ref int at)
    {
        int n = 0;
        while (at < text.Length && char.IsAsciiDigit(text[at])) n = 10 * n + (text[at++] - '0');
        return n;
    }
}
