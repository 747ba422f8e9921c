using System.Runtime.Intrinsics;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Execution.Simd;
using WasmConform.Engine.Syntax;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Execution;

internal static unsafe partial class SimdInstructions
{
    /// <summary>
    /// Runs the vector load or store <c>(Opcode)ins.Aux</c> on memory <c>ins.A &gt;&gt; 8</c>
    /// of <paramref name="inst"/> at offset <c>ins.B</c> (lane index <c>ins.A &amp; 0xFF</c> for lane forms).
    /// </summary>
    /// <remarks>
    /// §4.4.7: the effective address is the operand (i32, or i64 for a 64-bit memory) plus the
    /// offset; the access traps with "out of bounds memory access" when it overflows or when any
    /// of its bytes lies past the end of memory. Memory is little-endian, so the bytes of a lane
    /// are the bytes of the value in memory order.
    /// </remarks>
    /// <exception cref="TrapException">Out of bounds.</exception>
    public static Slot* ExecuteMemory(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        var memory = inst.Memories[ins.A >> 8];
        var op = (Opcode)ins.Aux;
        int lane = ins.A & 0xFF;
        // Loads take only the address; lane loads and all stores take the address and a v128.
        Slot* at = OpcodeTable.Info(op).Signature!.Params.Count == 1 ? sp - 1 : sp - 3;
        ulong address = memory.Type.AddrType == AddrType.I64 ? at->U64 : at->U32;
        var data = memory.Data;
        ulong ea = LinearMemory.EffectiveAddress(address, (ulong)ins.B, 0, (ulong)data.LongLength);
        switch (op)
        {
            case Opcode.V128Load: Set(at, LinearMemory.Read<V128>(data, ea)); return at + 2;

            // Eight bytes, extended lane-wise to twice their width.
            case Opcode.V128Load8x8S: Set(at, V128Conversions.ExtendLowS8(Low64(data, ea))); return at + 2;
            case Opcode.V128Load8x8U: Set(at, V128Conversions.ExtendLowU8(Low64(data, ea))); return at + 2;
            case Opcode.V128Load16x4S: Set(at, V128Conversions.ExtendLowS16(Low64(data, ea))); return at + 2;
            case Opcode.V128Load16x4U: Set(at, V128Conversions.ExtendLowU16(Low64(data, ea))); return at + 2;
            case Opcode.V128Load32x2S: Set(at, V128Conversions.ExtendLowS32(Low64(data, ea))); return at + 2;
            case Opcode.V128Load32x2U: Set(at, V128Conversions.ExtendLowU32(Low64(data, ea))); return at + 2;

            // One value, repeated in every lane.
            case Opcode.V128Load8Splat: Set(at, Vector128.Create(LinearMemory.Read<byte>(data, ea))); return at + 2;
            case Opcode.V128Load16Splat: Set(at, Vector128.Create(LinearMemory.Read<ushort>(data, ea)).AsByte()); return at + 2;
            case Opcode.V128Load32Splat: Set(at, Vector128.Create(LinearMemory.Read<uint>(data, ea)).AsByte()); return at + 2;
            case Opcode.V128Load64Splat: Set(at, Vector128.Create(LinearMemory.Read<ulong>(data, ea)).AsByte()); return at + 2;

            // One value in lane 0, zeros above.
            case Opcode.V128Load32Zero: Set(at, Vector128.CreateScalar(LinearMemory.Read<uint>(data, ea)).AsByte()); return at + 2;
            case Opcode.V128Load64Zero: Set(at, Low64(data, ea)); return at + 2;

            // One lane of the v128 operand replaced by a value from memory.
            case Opcode.V128Load8Lane: Set(at, Get(at + 1).WithElement(lane, LinearMemory.Read<byte>(data, ea))); return at + 2;
            case Opcode.V128Load16Lane: Set(at, Get(at + 1).AsUInt16().WithElement(lane, LinearMemory.Read<ushort>(data, ea)).AsByte()); return at + 2;
            case Opcode.V128Load32Lane: Set(at, Get(at + 1).AsUInt32().WithElement(lane, LinearMemory.Read<uint>(data, ea)).AsByte()); return at + 2;
            case Opcode.V128Load64Lane: Set(at, Get(at + 1).AsUInt64().WithElement(lane, LinearMemory.Read<ulong>(data, ea)).AsByte()); return at + 2;

            case Opcode.V128Store: LinearMemory.Write(data, ea, Get(at + 1)); return at;
            case Opcode.V128Store8Lane: LinearMemory.Write(data, ea, Get(at + 1).GetElement(lane)); return at;
            case Opcode.V128Store16Lane: LinearMemory.Write(data, ea, Get(at + 1).AsUInt16().GetElement(lane)); return at;
            case Opcode.V128Store32Lane: LinearMemory.Write(data, ea, Get(at + 1).AsUInt32().GetElement(lane)); return at;
            case Opcode.V128Store64Lane: LinearMemory.Write(data, ea, Get(at + 1).AsUInt64().GetElement(lane)); return at;
            default:
                throw Unsupported(op);
        }
    }

    /// <summary>Eight bytes of memory as the low half of a v128 whose high half is zero.</summary>
    private static V128 Low64(byte[] data, ulong ea) => Vector128.CreateScalar(LinearMemory.Read<ulong>(data, ea)).AsByte();
}
