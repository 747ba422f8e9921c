using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Simd;

/// <summary>v128 values from lanes (lane 0 first, little-endian), and lanes from v128 values.</summary>
internal static class V
{
    public static Value I8(params int[] lanes) => FromBytes(Pack(lanes.Select(l => (ulong)l).ToArray(), 1));
    public static Value I16(params int[] lanes) => FromBytes(Pack(lanes.Select(l => (ulong)l).ToArray(), 2));
    public static Value I32(params long[] lanes) => FromBytes(Pack(lanes.Select(l => (ulong)l).ToArray(), 4));
    public static Value I64(params long[] lanes) => FromBytes(Pack(lanes.Select(l => (ulong)l).ToArray(), 8));
    public static Value F32(params uint[] bits) => FromBytes(Pack(bits.Select(b => (ulong)b).ToArray(), 4));
    public static Value F64(params ulong[] bits) => FromBytes(Pack(bits, 8));

    /// <summary>Every i8 lane set to <paramref name="lane"/>.</summary>
    public static Value I8Splat(int lane) => I8(Enumerable.Repeat(lane, 16).ToArray());
    /// <summary>Every i16 lane set to <paramref name="lane"/>.</summary>
    public static Value I16Splat(int lane) => I16(Enumerable.Repeat(lane, 8).ToArray());

    public static byte[] Bytes(Value v) => [.. BitConverter.GetBytes(v.Bits), .. BitConverter.GetBytes(v.High)];

    private static byte[] Pack(ulong[] lanes, int width)
    {
        if (lanes.Length * width != 16) throw new ArgumentException($"{lanes.Length} lanes of {width} bytes");
        var bytes = new byte[16];
        for (int k = 0; k < lanes.Length; k++)
            for (int b = 0; b < width; b++)
                bytes[k * width + b] = (byte)(lanes[k] >> (8 * b));
        return bytes;
    }

    private static Value FromBytes(byte[] b) => Value.V128(BitConverter.ToUInt64(b, 0), BitConverter.ToUInt64(b, 8));
}

/// <summary>Runs one vector instruction in a freshly instantiated module, its operands passed as parameters.</summary>
internal static class SimdRun
{
    /// <summary>
    /// Calls <c>(func (param t*) (result r) local.get 0 … local.get n-1 ins)</c> with
    /// <paramref name="args"/>, the parameter types taken from the arguments and the result type from the opcode table.
    /// </summary>
    public static Value Op(Instruction ins, params Value[] args)
    {
        var sig = OpcodeTable.Info(ins.Op).Signature!;
        var body = Enumerable.Range(0, args.Length).Select(i => LocalGet((uint)i)).Append(ins).ToArray();
        var type = Type(args.Select(a => a.Type).ToArray(), [TypeOf(sig.Results[0])]);
        return Instantiate(Module([type], [("f", 0, [], body)])).Invoke("f", args)[0];
    }

    /// <summary><see cref="Op(Instruction, Value[])"/> for an instruction without immediates.</summary>
    public static Value Op(Opcode op, params Value[] args) => Op(new Instruction(op), args);

    private static ValType TypeOf(SigType t) => t switch
    {
        SigType.I32 => ValType.I32,
        SigType.I64 => ValType.I64,
        SigType.F32 => ValType.F32,
        SigType.F64 => ValType.F64,
        _ => ValType.V128,
    };
}
