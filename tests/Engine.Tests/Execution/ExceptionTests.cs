using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

public class ExceptionTests
{
    private static readonly ValType I32T = ValType.I32;

    /// <summary>Types: 0 = [i32] -> [] (the tag), 1 = [i32] -> [i32]; tag 0 carries one i32.</summary>
    private static Module WithTag(params (string Name, uint Type, ValType[] Locals, Instruction[] Body)[] funcs) =>
        Module([Type([I32T], []), Type([I32T], [I32T])], funcs) with { Tags = [new Tag(new TagType(0))] };

    [Fact]
    public void Try_table_catch_delivers_the_payload_to_its_label()
    {
        // (block (result i32) (try_table (catch 0 0) (throw 0 (local.get 0))) (i32.const -1)) — returns the thrown value.
        var module = WithTag(("f", 1, [], [
            Block(BlockType.Of(I32T)),
            new TryTableInstruction(BlockType.Empty, [new Catch(CatchKind.Catch, 0, 0)]),
            LocalGet(0), new IndexInstruction(Opcode.Throw, 0), End,
            I32(-1), Op(Opcode.Return), End]));
        Assert.Equal(Value.I32(41), Instantiate(module).Invoke("f", Value.I32(41))[0]);
    }

    [Fact]
    public void Exception_propagates_through_a_call_and_unwinds_the_callee()
    {
        var module = WithTag(
            ("thrower", 0, [], [LocalGet(0), new IndexInstruction(Opcode.Throw, 0)]),
            ("f", 1, [], [
                Block(BlockType.Of(I32T)),
                new TryTableInstruction(BlockType.Empty, [new Catch(CatchKind.Catch, 0, 0)]),
                LocalGet(0), Call(0), End,
                I32(-1), Op(Opcode.Return), End,
                I32(1), Op(Opcode.I32Add)]));
        Assert.Equal(Value.I32(8), Instantiate(module).Invoke("f", Value.I32(7))[0]);
    }

    [Fact]
    public void Uncaught_exception_leaves_the_call_as_uncaught_not_a_trap()
    {
        var module = WithTag(("thrower", 0, [], [LocalGet(0), new IndexInstruction(Opcode.Throw, 0)]));
        var instance = Instantiate(module);
        var ex = Assert.Throws<UncaughtException>(() => instance.Invoke("thrower", Value.I32(1)));
        Assert.Same(instance.Tags[0], ex.Exception.Tag);
    }

    [Fact]
    public void Throw_ref_of_null_traps_with_null_exception_reference()
    {
        var module = Module([Type([], [])], [("f", 0, [], [new HeapTypeInstruction(Opcode.RefNull, new HeapType(HeapKind.NoExn)), Op(Opcode.ThrowRef)])]);
        var ex = Assert.Throws<TrapException>(() => Instantiate(module).Invoke("f"));
        Assert.Equal("null exception reference", ex.Message);
    }
}
