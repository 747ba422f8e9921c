using System.Runtime.Intrinsics;
using WasmConform.Engine.Execution.Simd;
using WasmConform.Engine.Syntax;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution;

internal static partial class SimdInstructions
{
    /// <summary>
    /// §4.4.3 shape.splat: every lane is the scalar operand, given as its cell's bits (only the
    /// low 32 bits of an i32 or f32 cell are significant; floats keep their bits, NaNs included).
    /// </summary>
    internal static V128 Splat(Opcode op, ulong x) => op switch
    {
        Opcode.I8x16Splat => Vector128.Create((byte)x),
        Opcode.I16x8Splat => Vector128.Create((ushort)x).AsByte(),
        Opcode.I32x4Splat or Opcode.F32x4Splat => Vector128.Create((uint)x).AsByte(),
        Opcode.I64x2Splat or Opcode.F64x2Splat => Vector128.Create(x).AsByte(),
        _ => throw Unsupported(op),
    };

    /// <summary>
    /// §4.4.3 shape.extract_lane: lane <paramref name="lane"/> as cell bits; i8 and i16 lanes are
    /// sign- or zero-extended to i32 by the instruction's <c>_s</c>/<c>_u</c>.
    /// </summary>
    internal static ulong ExtractLane(Opcode op, V128 v, int lane) => op switch
    {
        Opcode.I8x16ExtractLaneS => (uint)(int)v.AsSByte().GetElement(lane),
        Opcode.I8x16ExtractLaneU => v.GetElement(lane),
        Opcode.I16x8ExtractLaneS => (uint)(int)v.AsInt16().GetElement(lane),
        Opcode.I16x8ExtractLaneU => v.AsUInt16().GetElement(lane),
        Opcode.I32x4ExtractLane or Opcode.F32x4ExtractLane => v.AsUInt32().GetElement(lane),
        Opcode.I64x2ExtractLane or Opcode.F64x2ExtractLane => v.AsUInt64().GetElement(lane),
        _ => throw Unsupported(op),
    };

    /// <summary>§4.4.3 shape.replace_lane: <paramref name="v"/> with lane <paramref name="lane"/> set to the scalar's low bits.</summary>
    internal static V128 ReplaceLane(Opcode op, V128 v, int lane, ulong x) => op switch
    {
        Opcode.I8x16ReplaceLane => v.WithElement(lane, (byte)x),
        Opcode.I16x8ReplaceLane => v.AsUInt16().WithElement(lane, (ushort)x).AsByte(),
        Opcode.I32x4ReplaceLane or Opcode.F32x4ReplaceLane => v.AsUInt32().WithElement(lane, (uint)x).AsByte(),
        Opcode.I64x2ReplaceLane or Opcode.F64x2ReplaceLane => v.AsUInt64().WithElement(lane, x).AsByte(),
        _ => throw Unsupported(op),
    };

    /// <summary>The vector tests and bitmasks (<c>v128 -&gt; i32</c>).</summary>
    internal static int Test(Opcode op, V128 v) => op switch
    {
        Opcode.V128AnyTrue => V128Lanes.AnyTrue(v),
        Opcode.I8x16AllTrue => V128Lanes.AllTrue<byte>(v),
        Opcode.I16x8AllTrue => V128Lanes.AllTrue<ushort>(v),
        Opcode.I32x4AllTrue => V128Lanes.AllTrue<uint>(v),
        Opcode.I64x2AllTrue => V128Lanes.AllTrue<ulong>(v),
        Opcode.I8x16Bitmask => V128Lanes.Bitmask<sbyte>(v),
        Opcode.I16x8Bitmask => V128Lanes.Bitmask<short>(v),
        Opcode.I32x4Bitmask => V128Lanes.Bitmask<int>(v),
        Opcode.I64x2Bitmask => V128Lanes.Bitmask<long>(v),
        _ => throw Unsupported(op),
    };

    /// <summary>The shifts (<c>v128 i32 -&gt; v128</c>); the count is taken modulo the lane width.</summary>
    internal static V128 Shift(Opcode op, V128 v, int count) => op switch
    {
        Opcode.I8x16Shl => V128Integer.Shl<byte>(v, count),
        Opcode.I8x16ShrS => V128Integer.Shr<sbyte>(v, count),
        Opcode.I8x16ShrU => V128Integer.Shr<byte>(v, count),
        Opcode.I16x8Shl => V128Integer.Shl<ushort>(v, count),
        Opcode.I16x8ShrS => V128Integer.Shr<short>(v, count),
        Opcode.I16x8ShrU => V128Integer.Shr<ushort>(v, count),
        Opcode.I32x4Shl => V128Integer.Shl<uint>(v, count),
        Opcode.I32x4ShrS => V128Integer.Shr<int>(v, count),
        Opcode.I32x4ShrU => V128Integer.Shr<uint>(v, count),
        Opcode.I64x2Shl => V128Integer.Shl<ulong>(v, count),
        Opcode.I64x2ShrS => V128Integer.Shr<long>(v, count),
        Opcode.I64x2ShrU => V128Integer.Shr<ulong>(v, count),
        _ => throw Unsupported(op),
    };
}
