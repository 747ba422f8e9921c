using System.Runtime.InteropServices;

namespace WasmConform.Engine.Execution;

/// <summary>
/// One cell of the interpreter's value stack, locals and globals: 64 bits of number plus a
/// reference. i32/f32 use the low 32 bits (the upper bits are not significant), i64/f64 all 64,
/// a v128 takes two consecutive cells (low half first); references live in <see cref="Ref"/>
/// (<c>null</c> is the null reference).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct Slot
{
    [FieldOffset(0)] public int I32;
    [FieldOffset(0)] public uint U32;
    [FieldOffset(0)] public long I64;
    [FieldOffset(0)] public ulong U64;
    [FieldOffset(0)] public float F32;
    [FieldOffset(0)] public double F64;
    [FieldOffset(8)] public object? Ref;
}
