using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>
/// Modules shaped like the benchmark kernels (one memory, a mutable stack-pointer global, an
/// active data segment, MVP instructions), written out by hand; they must validate under
/// WebAssembly 1.0.
/// </summary>
public class BenchShapeTests
{
    private static readonly ValType[] I32s = [ValType.I32];

    /// <summary>Recursive Fibonacci with a loop, as a C compiler emits it (run, fib, bench).</summary>
    private static Module Fib() => new()
    {
        Types = [FuncRec(I32s, I32s), FuncRec([], I32s)],
        Functions =
        [
            new Function(0, [], [LocalGet(0), I32(0), LocalGet(0), I32(0), Op(Opcode.I32GtS), Op(Opcode.Select), Call(1)]),
            new Function(0, I32s,
            [
                I32(0), LocalSet(1),
                Block(),
                    LocalGet(0), I32(2), Op(Opcode.I32LtU), BrIf(0),
                    I32(0), LocalSet(1),
                    Loop(),
                        LocalGet(0), I32(-1), Op(Opcode.I32Add), Call(1), LocalGet(1), Op(Opcode.I32Add), LocalSet(1),
                        LocalGet(0), I32(-2), Op(Opcode.I32Add), LocalTee(0), I32(1), Op(Opcode.I32GtU), BrIf(0),
                    End,
                End,
                LocalGet(0), LocalGet(1), Op(Opcode.I32Add),
            ]),
            new Function(1, [], [I32(0), Load(Opcode.I32Load, align: 2, offset: 1024), Call(0)]),
        ],
        Memories = [Memory(2)],
        Globals = [new Global(new GlobalType(ValType.I32, true), [I32(66576)])],
        Exports = [new Export("memory", ExternKind.Memory, 0), new Export("run", ExternKind.Func, 0), new Export("bench", ExternKind.Func, 2)],
        Datas = [new DataSegment(new byte[] { 33, 0, 0, 0 }, SegmentMode.Active(0, [I32(1024)]))],
    };

    /// <summary>A bytecode dispatch loop over <c>br_table</c>, with stack-frame stores through the global.</summary>
    private static Module Dispatch() => new()
    {
        Types = [FuncRec(I32s, I32s)],
        Functions =
        [
            new Function(0, [ValType.I32, ValType.I32],
            [
                GlobalGet(0), I32(64), Op(Opcode.I32Sub), LocalTee(1), I64(0), Load(Opcode.I64Store, align: 3, offset: 8),
                Block(),
                    Loop(),
                        Block(), Block(), Block(),
                            LocalGet(2), Load(Opcode.I32Load8U, offset: 1024), BrTable([0, 1, 2], 3),
                        End,
                            LocalGet(2), I32(1), Op(Opcode.I32Add), LocalSet(2), Br(2),
                        End,
                            LocalGet(1), LocalGet(0), Load(Opcode.I32Store, align: 2), Br(1),
                        End,
                        LocalGet(2), LocalGet(0), Op(Opcode.I32LtU), BrIf(0),
                    End,
                End,
                LocalGet(1), Load(Opcode.I32Load, align: 2), GlobalGet(0), Op(Opcode.I32Xor),
            ]),
        ],
        Memories = [Memory(2)],
        Globals = [new Global(new GlobalType(ValType.I32, true), [I32(66576)])],
        Exports = [new Export("memory", ExternKind.Memory, 0), new Export("run", ExternKind.Func, 0)],
        Datas = [new DataSegment(new byte[] { 0, 1, 2, 3 }, SegmentMode.Active(0, [I32(1024)]))],
    };

    [Fact]
    public void Fib_shape_validates_under_wasm1()
    {
        var v = Valid(Fib(), FeatureSets.Wasm1);
        Assert.Equal(3, v.Code.Count);
    }

    [Fact]
    public void Dispatch_loop_shape_validates_under_wasm1()
    {
        Valid(Dispatch(), FeatureSets.Wasm1);
    }

    [Fact]
    public void Fib_locals_and_stack_bounds_are_reported()
    {
        var fib = Valid(Fib()).Code[1];
        Assert.Equal([ValType.I32], fib.Locals.ToArray());
        Assert.InRange(fib.MaxOperandHeight, 2, 8);
    }
}
