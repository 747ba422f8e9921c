using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>
/// The threads proposal's memory-accessing instructions with the bytes each touches, written
/// out from the proposal's tables. Loads, stores and each read-modify-write operation come in
/// the same seven shapes, in opcode order: i32, i64, i32 8-bit, i32 16-bit, i64 8-bit, i64
/// 16-bit, i64 32-bit.
/// </summary>
internal static class AtomicAccesses
{
    private static readonly int[] Shapes = [4, 8, 1, 2, 1, 2, 4];

    /// <summary>The first (i32) opcode of each group of seven, with the group's operation.</summary>
    public static readonly (Opcode First, string Operation)[] Groups =
    [
        (Opcode.I32AtomicLoad, "load"), (Opcode.I32AtomicStore, "store"), (Opcode.I32AtomicRmwAdd, "add"),
        (Opcode.I32AtomicRmwSub, "sub"), (Opcode.I32AtomicRmwAnd, "and"), (Opcode.I32AtomicRmwOr, "or"),
        (Opcode.I32AtomicRmwXor, "xor"), (Opcode.I32AtomicRmwXchg, "xchg"), (Opcode.I32AtomicRmwCmpxchg, "cmpxchg"),
    ];

    /// <summary>Every atomic access (notify and wait included) with its width in bytes.</summary>
    public static IEnumerable<(Opcode Op, int Bytes)> All()
    {
        yield return (Opcode.MemoryAtomicNotify, 4);
        yield return (Opcode.MemoryAtomicWait32, 4);
        yield return (Opcode.MemoryAtomicWait64, 8);
        foreach (var (first, _) in Groups)
            for (int i = 0; i < Shapes.Length; i++) yield return ((Opcode)((int)first + i), Shapes[i]);
    }

    /// <summary>The accesses of one operation group ("add", "cmpxchg", …) with their widths and whether the value type is i64.</summary>
    public static IEnumerable<(Opcode Op, int Bytes, bool Is64)> Group(string operation)
    {
        var first = Groups.Single(g => g.Operation == operation).First;
        for (int i = 0; i < Shapes.Length; i++) yield return ((Opcode)((int)first + i), Shapes[i], i is 1 or 4 or 5 or 6);
    }

    /// <summary>The width in bytes of <paramref name="op"/>.</summary>
    public static int Width(Opcode op) => All().Single(a => a.Op == op).Bytes;

    /// <summary>The data as xunit theory rows.</summary>
    public static TheoryData<Opcode, int> Rows(IEnumerable<(Opcode Op, int Bytes)> accesses)
    {
        var data = new TheoryData<Opcode, int>();
        foreach (var (op, bytes) in accesses) data.Add(op, bytes);
        return data;
    }
}
