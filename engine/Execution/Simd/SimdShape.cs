using System.Runtime.CompilerServices;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Simd;

/// <summary>
/// The operand shape of a non-memory vector instruction: which cells it pops and pushes. It
/// follows from the instruction's row in <see cref="OpcodeTable"/> (immediates and signature),
/// the same data the compiler uses for the instruction's stack effect.
/// </summary>
internal enum SimdShape : byte
{
    /// <summary>Not a non-memory vector instruction (memory accesses, <c>v128.const</c>, other prefixes).</summary>
    None,
    /// <summary><c>t -&gt; v128</c>: one scalar cell in, a vector out.</summary>
    Splat,
    /// <summary><c>v128 -&gt; t</c> with a lane immediate.</summary>
    ExtractLane,
    /// <summary><c>v128 t -&gt; v128</c> with a lane immediate.</summary>
    ReplaceLane,
    /// <summary><c>i8x16.shuffle</c>: <c>v128 v128 -&gt; v128</c> with 16 lane indices in the v128 pool.</summary>
    Shuffle,
    /// <summary><c>v128 -&gt; i32</c>: any_true, all_true, bitmask.</summary>
    Test,
    /// <summary><c>v128 i32 -&gt; v128</c>: the shifts.</summary>
    Shift,
    /// <summary><c>v128 -&gt; v128</c>.</summary>
    Unary,
    /// <summary><c>v128 v128 -&gt; v128</c>.</summary>
    Binary,
    /// <summary><c>v128 v128 v128 -&gt; v128</c>.</summary>
    Ternary,
}

/// <summary>The <see cref="SimdShape"/> of every opcode, indexed by <c>(int)Opcode</c>.</summary>
internal static class SimdShapes
{
    private static readonly SimdShape[] ByOp = Build();

    /// <summary>The shape of <paramref name="op"/>; <see cref="SimdShape.None"/> for anything but a non-memory vector instruction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdShape Of(Opcode op) => (uint)op < (uint)ByOp.Length ? ByOp[(int)op] : SimdShape.None;

    private static SimdShape[] Build()
    {
        var rows = OpcodeTable.All;
        var shapes = new SimdShape[rows.Max(r => (int)r.Op) + 1];
        foreach (var row in rows)
            shapes[(int)row.Op] = Classify(row);
        return shapes;
    }

    private static SimdShape Classify(OpcodeInfo row)
    {
        if (row.Prefix != 0xFD || row.Signature is not { } sig) return SimdShape.None;
        var p = sig.Params.AsSpan();
        var r = sig.Results.AsSpan();
        return row.Immediate switch
        {
            ImmediateKind.Shuffle => SimdShape.Shuffle,
            ImmediateKind.Lane => r[0] == SigType.V128 ? SimdShape.ReplaceLane : SimdShape.ExtractLane,
            ImmediateKind.None when p.Length == 1 && p[0] != SigType.V128 => SimdShape.Splat,
            ImmediateKind.None when r.Length == 1 && r[0] == SigType.I32 => SimdShape.Test,
            ImmediateKind.None when p.Length == 2 && p[1] == SigType.I32 => SimdShape.Shift,
            ImmediateKind.None when p.Length == 1 => SimdShape.Unary,
            ImmediateKind.None when p.Length == 2 => SimdShape.Binary,
            ImmediateKind.None when p.Length == 3 => SimdShape.Ternary,
            _ => SimdShape.None,
        };
    }
}
