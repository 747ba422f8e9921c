using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// The fixed signatures of <see cref="OpcodeTable"/> as value types, one variant per address
/// type, plus what the immediates of memory and lane instructions are checked against:
/// the natural access size (§3.4.6 memarg alignment) and the number of lanes (§3.4.4).
/// </summary>
internal sealed class Signature
{
    public required ImmediateKind Immediate { get; init; }
    /// <summary>Operands and results with the address type i32.</summary>
    public required ValType[] In32 { get; init; }
    public required ValType[] Out32 { get; init; }
    /// <summary>Operands and results with the address type i64 (same arrays when no "a" occurs).</summary>
    public required ValType[] In64 { get; init; }
    public required ValType[] Out64 { get; init; }
    /// <summary>log2 of the natural access size in bytes, for loads and stores.</summary>
    public byte SizeLog2 { get; init; }
    /// <summary>Threads proposal: an atomic memory access, whose alignment must equal <see cref="SizeLog2"/>.</summary>
    public bool Atomic { get; init; }
    /// <summary>Number of lanes an extract/replace or load/store-lane index must stay below.</summary>
    public byte Lanes { get; init; }
}

/// <summary>Lookup of <see cref="Signature"/>s by opcode.</summary>
internal static class Signatures
{
    private static readonly Signature?[] ByOp = Build();

    /// <summary>The fixed signature of <paramref name="op"/>, or null when typing depends on immediates or context.</summary>
    public static Signature? Of(Opcode op) => (uint)op < (uint)ByOp.Length ? ByOp[(int)op] : null;

    private static Signature?[] Build()
    {
        var all = OpcodeTable.All;
        int max = 0;
        foreach (var row in all) max = Math.Max(max, (int)row.Op);
        var table = new Signature?[max + 1];
        foreach (var row in all)
        {
            if (row.Signature is not { } sig) continue;
            byte size = AccessSizeLog2(row.Op);
            table[(int)row.Op] = new Signature
            {
                Immediate = row.Immediate,
                In32 = Types(sig.Params, ValType.I32),
                Out32 = Types(sig.Results, ValType.I32),
                In64 = Types(sig.Params, ValType.I64),
                Out64 = Types(sig.Results, ValType.I64),
                SizeLog2 = size,
                Atomic = row.Prefix == 0xFE,
                Lanes = row.Immediate switch
                {
                    ImmediateKind.Lane => LaneCount(row.Name),
                    ImmediateKind.MemArgLane => (byte)(16 >> size),
                    _ => 0,
                },
            };
        }
        return table;
    }

    private static ValType[] Types(EquatableArray<SigType> sig, ValType addr)
    {
        var result = new ValType[sig.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = sig[i] switch
            {
                SigType.I32 => ValType.I32,
                SigType.I64 => ValType.I64,
                SigType.F32 => ValType.F32,
                SigType.F64 => ValType.F64,
                SigType.V128 => ValType.V128,
                _ => addr,
            };
        }
        return result;
    }

    /// <summary>Lanes of the shape a lane instruction's name starts with (<c>i8x16.</c> → 16).</summary>
    private static byte LaneCount(string name) => name[..name.IndexOf('.')] switch
    {
        "i8x16" => 16,
        "i16x8" => 8,
        "i32x4" or "f32x4" => 4,
        _ => 2,
    };

    /// <summary>log2 of the bytes a load or store touches in memory (its natural alignment).</summary>
    private static byte AccessSizeLog2(Opcode op) => op switch
    {
        Opcode.I32Load8S or Opcode.I32Load8U or Opcode.I64Load8S or Opcode.I64Load8U
            or Opcode.I32Store8 or Opcode.I64Store8 or Opcode.V128Load8Splat
            or Opcode.V128Load8Lane or Opcode.V128Store8Lane => 0,
        Opcode.I32Load16S or Opcode.I32Load16U or Opcode.I64Load16S or Opcode.I64Load16U
            or Opcode.I32Store16 or Opcode.I64Store16 or Opcode.V128Load16Splat
            or Opcode.V128Load16Lane or Opcode.V128Store16Lane => 1,
        Opcode.I32Load or Opcode.F32Load or Opcode.I64Load32S or Opcode.I64Load32U
            or Opcode.I32Store or Opcode.F32Store or Opcode.I64Store32 or Opcode.V128Load32Splat
            or Opcode.V128Load32Zero or Opcode.V128Load32Lane or Opcode.V128Store32Lane => 2,
        Opcode.I64Load or Opcode.F64Load or Opcode.I64Store or Opcode.F64Store
            or Opcode.V128Load8x8S or Opcode.V128Load8x8U or Opcode.V128Load16x4S or Opcode.V128Load16x4U
            or Opcode.V128Load32x2S or Opcode.V128Load32x2U or Opcode.V128Load64Splat
            or Opcode.V128Load64Zero or Opcode.V128Load64Lane or Opcode.V128Store64Lane => 3,
        Opcode.V128Load or Opcode.V128Store => 4,
        >= Opcode.MemoryAtomicNotify and <= Opcode.I64AtomicRmw32CmpxchgU => AtomicSizeLog2(op),
        _ => 0,
    };

    /// <summary>
    /// Threads proposal: log2 of the bytes an atomic instruction touches. <c>memory.atomic.notify</c>
    /// and <c>wait32</c> work on an i32 cell, <c>wait64</c> on an i64; the narrow forms name their
    /// width (<c>rmw8</c>, <c>load16_u</c>, <c>store32</c>); the rest are as wide as their type.
    /// </summary>
    private static byte AtomicSizeLog2(Opcode op)
    {
        if (op is Opcode.AtomicFence) return 0;
        if (op is Opcode.MemoryAtomicNotify or Opcode.MemoryAtomicWait32) return 2;
        if (op is Opcode.MemoryAtomicWait64) return 3;
        string name = OpcodeTable.Info(op).Name;
        string access = name[(name.IndexOf(".atomic.", StringComparison.Ordinal) + ".atomic.".Length)..];
        int digit = access.IndexOfAny("0123456789".ToCharArray());
        int bits = digit < 0 ? (name.StartsWith("i64", StringComparison.Ordinal) ? 64 : 32)
            : int.Parse(access[digit..].TakeWhile(char.IsAsciiDigit).ToArray());
        return (byte)System.Numerics.BitOperations.Log2((uint)bits / 8);
    }
}
