using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>
/// Vector instructions (§4.4.3 and the v128 loads and stores of §4.4.7), run out of line from
/// the interpreter loop. A v128 operand takes two stack cells: low 64 bits (lanes 0..) first.
/// </summary>
internal static unsafe class SimdInstructions
{
    /// <summary>
    /// Runs the non-memory vector instruction <c>(Opcode)ins.Aux</c> on the operands below
    /// <paramref name="sp"/>; returns the new stack pointer. <c>ins.A</c> is the lane index, or
    /// for <c>i8x16.shuffle</c> the index of its 16 lane bytes in <paramref name="pool"/>.
    /// </summary>
    public static Slot* Execute(ref Inst ins, ulong[] pool, Slot* sp) =>
        throw new UnsupportedFeatureException("SIMD execution");

    /// <summary>
    /// Runs the vector load or store <c>(Opcode)ins.Aux</c> on memory <c>ins.A &gt;&gt; 8</c>
    /// of <paramref name="inst"/> at offset <c>ins.B</c> (lane index <c>ins.A &amp; 0xFF</c> for lane forms).
    /// </summary>
    public static Slot* ExecuteMemory(ref Inst ins, ModuleInstance inst, Slot* sp) =>
        throw new UnsupportedFeatureException("SIMD execution");
}
