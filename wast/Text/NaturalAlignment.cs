using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// The natural alignment (log2 of the access size in bytes) of every memory instruction, the
/// default of an omitted <c>align=</c> (§6.5.7), derived from the mnemonics of
/// <see cref="OpcodeTable"/>: the first size in the name after the type prefix
/// (<c>i64.load8_s</c> → 8 bits, <c>v128.load16x4_s</c> → 16×4, <c>i32.atomic.rmw16.add_u</c> → 16),
/// else the size of the prefix type (<c>f64.store</c> → 64, <c>v128.load</c> → 128).
/// </summary>
public static class NaturalAlignment
{
    private static readonly uint[] ByOp = OpcodeTable.All.OrderBy(r => r.Op).Select(r => Compute(r.Name)).ToArray();

    /// <summary>log2 of the access size in bytes of <paramref name="op"/>.</summary>
    public static uint Of(Opcode op) => ByOp[(int)op];

    private static uint Compute(string name)
    {
        int dot = name.IndexOf('.');
        if (dot < 0) return 0;
        string prefix = name[..dot], rest = name[(dot + 1)..];
        if (name == "memory.atomic.notify") return 2;
        int bits = 0;
        int i = 0;
        while (i < rest.Length && !char.IsAsciiDigit(rest[i])) i++;
        if (i < rest.Length)
        {
            bits = ReadNumber(rest, ref i);
            if (i < rest.Length && rest[i] == 'x')
            {
                i++;
                bits *= ReadNumber(rest, ref i);
            }
        }
        else
        {
            bits = prefix switch { "i32" or "f32" => 32, "i64" or "f64" => 64, "v128" => 128, _ => 8 };
        }
        return (uint)System.Numerics.BitOperations.Log2((uint)bits / 8);
    }

    private static int ReadNumber(string s, ref int i)
    {
        int n = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) n = n * 10 + (s[i++] - '0');
        return n;
    }
}
