using WasmConform.Engine.Execution.Numerics;
using WasmConform.Engine.Execution.Simd;
using WasmConform.Engine.Syntax;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution;

internal static unsafe partial class SimdInstructions
{
    /// <summary>The <c>v128 -&gt; v128</c> instructions.</summary>
    internal static V128 Unary(Opcode op, V128 a) => op switch
    {
        Opcode.V128Not => ~a,

        // Integer lanes.
        Opcode.I8x16Abs => V128Integer.Abs<sbyte>(a),
        Opcode.I8x16Neg => V128Integer.Neg<byte>(a),
        Opcode.I8x16Popcnt => V128Integer.Popcnt8(a),
        Opcode.I16x8Abs => V128Integer.Abs<short>(a),
        Opcode.I16x8Neg => V128Integer.Neg<ushort>(a),
        Opcode.I32x4Abs => V128Integer.Abs<int>(a),
        Opcode.I32x4Neg => V128Integer.Neg<uint>(a),
        Opcode.I64x2Abs => V128Integer.Abs<long>(a),
        Opcode.I64x2Neg => V128Integer.Neg<ulong>(a),
        Opcode.I16x8ExtaddPairwiseI8x16S => V128Integer.ExtaddPairwiseS8(a),
        Opcode.I16x8ExtaddPairwiseI8x16U => V128Integer.ExtaddPairwiseU8(a),
        Opcode.I32x4ExtaddPairwiseI16x8S => V128Integer.ExtaddPairwiseS16(a),
        Opcode.I32x4ExtaddPairwiseI16x8U => V128Integer.ExtaddPairwiseU16(a),

        // Float lanes.
        Opcode.F32x4Abs => V128Float.Abs32(a),
        Opcode.F32x4Neg => V128Float.Neg32(a),
        Opcode.F32x4Sqrt => V128Float.Lanes32(a, &F32.Sqrt),
        Opcode.F32x4Ceil => V128Float.Lanes32(a, &F32.Ceil),
        Opcode.F32x4Floor => V128Float.Lanes32(a, &F32.Floor),
        Opcode.F32x4Trunc => V128Float.Lanes32(a, &F32.Trunc),
        Opcode.F32x4Nearest => V128Float.Lanes32(a, &F32.Nearest),
        Opcode.F64x2Abs => V128Float.Abs64(a),
        Opcode.F64x2Neg => V128Float.Neg64(a),
        Opcode.F64x2Sqrt => V128Float.Lanes64(a, &F64.Sqrt),
        Opcode.F64x2Ceil => V128Float.Lanes64(a, &F64.Ceil),
        Opcode.F64x2Floor => V128Float.Lanes64(a, &F64.Floor),
        Opcode.F64x2Trunc => V128Float.Lanes64(a, &F64.Trunc),
        Opcode.F64x2Nearest => V128Float.Lanes64(a, &F64.Nearest),

        // Conversions.
        Opcode.I16x8ExtendLowI8x16S => V128Conversions.ExtendLowS8(a),
        Opcode.I16x8ExtendHighI8x16S => V128Conversions.ExtendHighS8(a),
        Opcode.I16x8ExtendLowI8x16U => V128Conversions.ExtendLowU8(a),
        Opcode.I16x8ExtendHighI8x16U => V128Conversions.ExtendHighU8(a),
        Opcode.I32x4ExtendLowI16x8S => V128Conversions.ExtendLowS16(a),
        Opcode.I32x4ExtendHighI16x8S => V128Conversions.ExtendHighS16(a),
        Opcode.I32x4ExtendLowI16x8U => V128Conversions.ExtendLowU16(a),
        Opcode.I32x4ExtendHighI16x8U => V128Conversions.ExtendHighU16(a),
        Opcode.I64x2ExtendLowI32x4S => V128Conversions.ExtendLowS32(a),
        Opcode.I64x2ExtendHighI32x4S => V128Conversions.ExtendHighS32(a),
        Opcode.I64x2ExtendLowI32x4U => V128Conversions.ExtendLowU32(a),
        Opcode.I64x2ExtendHighI32x4U => V128Conversions.ExtendHighU32(a),
        Opcode.I32x4TruncSatF32x4S => V128Conversions.TruncSatF32S(a),
        Opcode.I32x4TruncSatF32x4U => V128Conversions.TruncSatF32U(a),
        Opcode.I32x4TruncSatF64x2SZero => V128Conversions.TruncSatF64SZero(a),
        Opcode.I32x4TruncSatF64x2UZero => V128Conversions.TruncSatF64UZero(a),
        Opcode.F32x4ConvertI32x4S => V128Conversions.ConvertS32ToF32(a),
        Opcode.F32x4ConvertI32x4U => V128Conversions.ConvertU32ToF32(a),
        Opcode.F64x2ConvertLowI32x4S => V128Conversions.ConvertLowS32ToF64(a),
        Opcode.F64x2ConvertLowI32x4U => V128Conversions.ConvertLowU32ToF64(a),
        Opcode.F32x4DemoteF64x2Zero => V128Conversions.DemoteF64Zero(a),
        Opcode.F64x2PromoteLowF32x4 => V128Conversions.PromoteLowF32(a),

        // Relaxed (V128Relaxed documents the choices): the trunc_sat results.
        Opcode.I32x4RelaxedTruncF32x4S => V128Conversions.TruncSatF32S(a),
        Opcode.I32x4RelaxedTruncF32x4U => V128Conversions.TruncSatF32U(a),
        Opcode.I32x4RelaxedTruncF64x2SZero => V128Conversions.TruncSatF64SZero(a),
        Opcode.I32x4RelaxedTruncF64x2UZero => V128Conversions.TruncSatF64UZero(a),
        _ => throw Unsupported(op),
    };

    /// <summary>The <c>v128 v128 v128 -&gt; v128</c> instructions.</summary>
    internal static V128 Ternary(Opcode op, V128 a, V128 b, V128 c) => op switch
    {
        Opcode.V128Bitselect => V128Lanes.Bitselect(a, b, c),
        Opcode.F32x4RelaxedMadd => V128Relaxed.Madd32(a, b, c),
        Opcode.F32x4RelaxedNmadd => V128Relaxed.Nmadd32(a, b, c),
        Opcode.F64x2RelaxedMadd => V128Relaxed.Madd64(a, b, c),
        Opcode.F64x2RelaxedNmadd => V128Relaxed.Nmadd64(a, b, c),
        Opcode.I8x16RelaxedLaneselect or Opcode.I16x8RelaxedLaneselect
            or Opcode.I32x4RelaxedLaneselect or Opcode.I64x2RelaxedLaneselect => V128Lanes.Bitselect(a, b, c),
        Opcode.I32x4RelaxedDotI8x16I7x16AddS => V128Relaxed.DotAddS8(a, b, c),
        _ => throw Unsupported(op),
    };
}
