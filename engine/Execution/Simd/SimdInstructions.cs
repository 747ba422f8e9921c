using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Execution.Simd;
using WasmConform.Engine.Syntax;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution;

/// <summary>
/// Vector instructions (§4.4.3 and the v128 loads and stores of §4.4.7), run out of line from
/// the interpreter loop. A v128 operand takes two stack cells: low 64 bits (lanes 0..) first.
/// </summary>
/// <remarks>
/// <see cref="Execute"/> moves operands between the stack and <see cref="Vector128{T}"/> values
/// once per operand shape (<see cref="SimdShape"/>); the per-instruction switches in the other
/// parts of this class (<c>Lanes</c>, <c>Unary</c>, <c>Binary</c>, <c>Memory</c>) map each opcode
/// onto the lane numerics of <see cref="V128Lanes"/>, <see cref="V128Compare"/>,
/// <see cref="V128Integer"/>, <see cref="V128Float"/>, <see cref="V128Conversions"/> and
/// <see cref="V128Relaxed"/> (which documents the behaviour chosen for each relaxed instruction).
/// Nothing here allocates or boxes.
/// </remarks>
internal static unsafe partial class SimdInstructions
{
    /// <summary>
    /// Runs the non-memory vector instruction <c>(Opcode)ins.Aux</c> on the operands below
    /// <paramref name="sp"/>; returns the new stack pointer. <c>ins.A</c> is the lane index, or
    /// for <c>i8x16.shuffle</c> the index of its 16 lane bytes in <paramref name="pool"/>.
    /// </summary>
    /// <exception cref="UnsupportedFeatureException">The opcode is not a non-memory vector instruction.</exception>
    public static Slot* Execute(ref Inst ins, ulong[] pool, Slot* sp)
    {
        var op = (Opcode)ins.Aux;
        switch (SimdShapes.Of(op))
        {
            case SimdShape.Unary:
                Set(sp - 2, Unary(op, Get(sp - 2)));
                return sp;
            case SimdShape.Binary:
                Set(sp - 4, Binary(op, Get(sp - 4), Get(sp - 2)));
                return sp - 2;
            case SimdShape.Ternary:
                Set(sp - 6, Ternary(op, Get(sp - 6), Get(sp - 4), Get(sp - 2)));
                return sp - 4;
            case SimdShape.Shift:
                Set(sp - 3, Shift(op, Get(sp - 3), sp[-1].I32));
                return sp - 1;
            case SimdShape.Test:
                sp[-2].I32 = Test(op, Get(sp - 2));
                return sp - 1;
            case SimdShape.Splat:
                Set(sp - 1, Splat(op, sp[-1].U64));
                return sp + 1;
            case SimdShape.ExtractLane:
                sp[-2].U64 = ExtractLane(op, Get(sp - 2), ins.A);
                return sp - 1;
            case SimdShape.ReplaceLane:
                Set(sp - 3, ReplaceLane(op, Get(sp - 3), ins.A, sp[-1].U64));
                return sp - 1;
            case SimdShape.Shuffle:
                Set(sp - 4, V128Lanes.Shuffle(Get(sp - 4), Get(sp - 2), Vector128.Create(pool[ins.A], pool[ins.A + 1]).AsByte()));
                return sp - 2;
            default:
                throw Unsupported(op);
        }
    }

    /// <summary>The v128 held in the two cells at <paramref name="at"/> (low half first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V128 Get(Slot* at) => Vector128.Create(at[0].U64, at[1].U64).AsByte();

    /// <summary>Stores <paramref name="v"/> into the two cells at <paramref name="at"/> (low half first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Set(Slot* at, V128 v)
    {
        var halves = v.AsUInt64();
        at[0].U64 = halves.GetElement(0);
        at[1].U64 = halves.GetElement(1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static UnsupportedFeatureException Unsupported(Opcode op) =>
        new($"execution of {OpcodeTable.Info(op).Name}");
}
