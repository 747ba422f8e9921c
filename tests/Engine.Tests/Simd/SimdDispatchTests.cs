using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Execution.Simd;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;
using V128 = System.Runtime.Intrinsics.Vector128<byte>;

namespace WasmConform.Engine.Tests.Simd;

/// <summary>Every vector instruction of the opcode table reaches an implementation.</summary>
public class SimdDispatchTests
{
    private static IEnumerable<OpcodeInfo> VectorRows() =>
        OpcodeTable.All.Where(r => r.Prefix == 0xFD && r.Signature is not null && r.Op != Opcode.V128Const);

    private static bool IsMemoryAccess(OpcodeInfo row) => row.Immediate is ImmediateKind.MemArg or ImmediateKind.MemArgLane;

    [Fact]
    public void Every_vector_instruction_without_memory_access_has_an_operand_shape()
    {
        var missing = VectorRows().Where(r => !IsMemoryAccess(r) && SimdShapes.Of(r.Op) == SimdShape.None).Select(r => r.Name);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_vector_instruction_without_memory_access_is_handled_by_its_shape()
    {
        var unhandled = new List<string>();
        foreach (var row in VectorRows().Where(r => !IsMemoryAccess(r)))
        {
            try
            {
                Run(row.Op);
            }
            catch (UnsupportedFeatureException)
            {
                unhandled.Add(row.Name);
            }
        }
        Assert.Empty(unhandled);
    }

    [Fact]
    public void Every_vector_load_and_store_runs_at_address_zero()
    {
        var unhandled = new List<string>();
        foreach (var row in VectorRows().Where(IsMemoryAccess))
        {
            var sig = row.Signature!;
            var parameters = sig.Params.AsSpan().ToArray().Select(t => t == SigType.V128 ? ValType.V128 : ValType.I32).ToArray();
            Instruction access = row.Immediate == ImmediateKind.MemArgLane ? MemoryLane(row.Op, 0) : Load(row.Op);
            var body = Enumerable.Range(0, parameters.Length).Select(i => LocalGet((uint)i)).Append(access).ToArray();
            var results = sig.Results.Count == 0 ? Array.Empty<ValType>() : [ValType.V128];
            var instance = Instantiate(Module([Type(parameters, results)], [("f", 0, [], body)],
                memories: [new Memory(new MemType(AddrType.I32, new Limits(1)))]));
            var args = parameters.Select(p => p == ValType.V128 ? Value.V128(0, 0) : Value.I32(0)).ToArray();
            try
            {
                instance.Invoke("f", args);
            }
            catch (UnsupportedFeatureException)
            {
                unhandled.Add(row.Name);
            }
        }
        Assert.Empty(unhandled);
    }

    private static void Run(Opcode op)
    {
        var zero = V128.Zero;
        switch (SimdShapes.Of(op))
        {
            case SimdShape.Unary: SimdInstructions.Unary(op, zero); break;
            case SimdShape.Binary: SimdInstructions.Binary(op, zero, zero); break;
            case SimdShape.Ternary: SimdInstructions.Ternary(op, zero, zero, zero); break;
            case SimdShape.Shift: SimdInstructions.Shift(op, zero, 0); break;
            case SimdShape.Test: SimdInstructions.Test(op, zero); break;
            case SimdShape.Splat: SimdInstructions.Splat(op, 0); break;
            case SimdShape.ExtractLane: SimdInstructions.ExtractLane(op, zero, 0); break;
            case SimdShape.ReplaceLane: SimdInstructions.ReplaceLane(op, zero, 0, 0); break;
            case SimdShape.Shuffle: V128Lanes.Shuffle(zero, zero, zero); break;
            default: throw new UnsupportedFeatureException(op.ToString());
        }
    }
}
