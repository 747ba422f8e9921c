using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

public class InterpreterTests
{
    private static readonly ValType I32T = ValType.I32;
    private static readonly FuncType I32ToI32 = Type([I32T], [I32T]);

    /// <summary>fac(n) = n == 0 ? 1 : n * fac(n - 1), recursive.</summary>
    private static Module Factorial() => Module([I32ToI32], [("fac", 0, [], [
        LocalGet(0), Op(Opcode.I32Eqz),
        If(BlockType.Of(I32T)), I32(1),
        Else, LocalGet(0), LocalGet(0), I32(1), Op(Opcode.I32Sub), Call(0), Op(Opcode.I32Mul),
        End])]);

    [Fact]
    public void Recursive_factorial_of_10_is_3628800()
    {
        var instance = Instantiate(Factorial());
        int expected = Enumerable.Range(1, 10).Aggregate(1, (a, b) => a * b);
        Assert.Equal(Value.I32(expected), instance.Invoke("fac", Value.I32(10))[0]);
    }

    /// <summary>sum(n) = 0 + 1 + ... + n with a loop and br_if.</summary>
    [Fact]
    public void Loop_sums_the_first_n_integers()
    {
        var module = Module([I32ToI32], [("sum", 0, [I32T], [
            Block(BlockType.Empty), Loop(BlockType.Empty),
            LocalGet(0), Op(Opcode.I32Eqz), BrIf(1),
            LocalGet(1), LocalGet(0), Op(Opcode.I32Add), LocalSet(1),
            LocalGet(0), I32(1), Op(Opcode.I32Sub), LocalSet(0),
            Br(0), End, End, LocalGet(1)])]);
        var instance = Instantiate(module);
        Assert.Equal(Value.I32(Enumerable.Range(0, 1001).Sum()), instance.Invoke("sum", Value.I32(1000))[0]);
    }

    [Fact]
    public void Branch_out_of_a_block_carries_its_result_over_leftover_operands()
    {
        // (block (result i32) (i32.const 7) (i32.const 42) (br 0)) drops the 7.
        var module = Module([Type([], [I32T])], [("f", 0, [], [
            Block(BlockType.Of(I32T)), I32(7), I32(42), Br(0), End])]);
        Assert.Equal(Value.I32(42), Instantiate(module).Invoke("f")[0]);
    }

    [Fact]
    public void Runaway_recursion_ends_in_call_stack_exhausted()
    {
        var module = Module([Type([], [])], [("runaway", 0, [], [Call(0)])]);
        var store = new Store(new ExecutionLimits { MaxCallDepth = 1000 });
        var ex = Assert.Throws<ExhaustionException>(() => Instantiate(module, store).Invoke("runaway"));
        Assert.Equal("call stack exhausted", ex.Message);
    }

    [Fact]
    public void Infinite_loop_under_fuel_ends_in_fuel_exhausted()
    {
        var module = Module([Type([], [])], [("spin", 0, [], [Loop(BlockType.Empty), Br(0), End])]);
        var store = new Store(new ExecutionLimits { Fuel = 100_000 });
        var ex = Assert.Throws<ExhaustionException>(() => Instantiate(module, store).Invoke("spin"));
        Assert.Equal(ExhaustionKind.Fuel, ex.Kind);
        Assert.Equal(0, store.FuelRemaining);
    }

    [Fact]
    public void Cancellation_interrupts_an_infinite_loop()
    {
        var module = Module([Type([], [])], [("spin", 0, [], [Loop(BlockType.Empty), Br(0), End])]);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var store = new Store(new ExecutionLimits { Cancellation = cts.Token });
        var ex = Assert.Throws<ExhaustionException>(() => Instantiate(module, store).Invoke("spin"));
        Assert.Equal(ExhaustionKind.Time, ex.Kind);
    }

    [Fact]
    public void Host_exit_ends_the_run_with_its_code()
    {
        var exitType = Type([I32T], []);
        var module = Module([exitType, Type([], [])], [("main", 1, [], [I32(3), Call(0), Op(Opcode.Unreachable)])],
            imports: [new Import("env", "exit", new ExternFunc(0))]);
        var linker = new Linker().Define("env", "exit",
            ExternValue.Of(new HostFunction(exitType, args => throw new ExitException(args[0].AsI32))));
        var ex = Assert.Throws<ExitException>(() => Instantiate(module, linker: linker).Invoke("main"));
        Assert.Equal(3, ex.Code);
    }

    [Fact]
    public void Load_at_the_last_byte_works_and_one_past_traps()
    {
        var module = Module([I32ToI32], [("load8", 0, [], [LocalGet(0), Load(Opcode.I32Load8U)]),
                                         ("load32", 0, [], [LocalGet(0), Load(Opcode.I32Load)])],
            memories: [new Memory(new MemType(AddrType.I32, new Limits(1)))]);
        var instance = Instantiate(module);
        Assert.Equal(Value.I32(0), instance.Invoke("load8", Value.I32(65535))[0]);
        Assert.Equal(Value.I32(0), instance.Invoke("load32", Value.I32(65532))[0]);
        var ex = Assert.Throws<TrapException>(() => instance.Invoke("load32", Value.I32(65533)));
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, ex.Kind);
        Assert.Throws<TrapException>(() => instance.Invoke("load8", Value.I32(-1)));
    }

    [Fact]
    public void Memory_grow_beyond_the_maximum_returns_minus_one()
    {
        var module = Module([I32ToI32], [("grow", 0, [], [LocalGet(0), new IndexInstruction(Opcode.MemoryGrow, 0)])],
            memories: [new Memory(new MemType(AddrType.I32, new Limits(1, 2)))]);
        var instance = Instantiate(module);
        Assert.Equal(Value.I32(1), instance.Invoke("grow", Value.I32(1))[0]);
        Assert.Equal(Value.I32(-1), instance.Invoke("grow", Value.I32(1))[0]);
    }

    [Fact]
    public void Call_indirect_checks_bounds_null_and_type()
    {
        var voidType = Type([], []);
        var module = Module([voidType, I32ToI32], [
                ("nop", 0, [], []),
                ("dispatch", 1, [], [LocalGet(0), new IndexPairInstruction(Opcode.CallIndirect, 0, 0), I32(0)]),
                ("wrong", 1, [], [I32(5), LocalGet(0), new IndexPairInstruction(Opcode.CallIndirect, 0, 1)]),
            ],
            tables: [new Table(new TableType(AddrType.I32, new Limits(2), RefType.FuncRef))],
            elements: [new ElementSegment(RefType.FuncRef, [[new IndexInstruction(Opcode.RefFunc, 0)]],
                SegmentMode.Active(0, [I32(0)]))]);
        var instance = Instantiate(module);
        Assert.Equal(Value.I32(0), instance.Invoke("dispatch", Value.I32(0))[0]);
        Assert.Equal(TrapKind.UninitializedElement, Assert.Throws<TrapException>(() => instance.Invoke("dispatch", Value.I32(1))).Kind);
        Assert.Equal(TrapKind.UndefinedElement, Assert.Throws<TrapException>(() => instance.Invoke("dispatch", Value.I32(2))).Kind);
        Assert.Equal(TrapKind.IndirectCallTypeMismatch, Assert.Throws<TrapException>(() => instance.Invoke("wrong", Value.I32(0))).Kind);
    }
}
