using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>Validation tells an observer the operand stack after each instruction of each function body.</summary>
public class OperandObserverTests
{
    private static readonly ValType[] None = [];

    private static List<(int Function, int Instruction, OperandState State)> Observe(Module module)
    {
        var seen = new List<(int, int, OperandState)>();
        Validator.Observing(module, FeatureSets.All, (f, i, s) => seen.Add((f, i, s)));
        return seen;
    }

    [Fact]
    public void Heights_floors_and_tops_follow_the_stack()
    {
        // (i32.add (i32.const 1) (i32.const 2)) drop
        var module = new Module
        {
            Types = [FuncRec(None, None)],
            Functions = [new Function(0, [], [I32(1), I32(2), Op(Opcode.I32Add), Op(Opcode.Drop)])],
        };
        var states = Observe(module).Select(s => s.State).ToList();
        Assert.Equal([1, 2, 1, 0], states.Select(s => s.Height));
        Assert.Equal([0, 1, 0, 0], states.Select(s => s.Floor));
        Assert.Equal([ValType.I32, ValType.I32, ValType.I32, (ValType?)null], states.Select(s => s.Top));
    }

    [Fact]
    public void A_block_counts_as_a_frame_and_a_branch_makes_it_unreachable()
    {
        // block (result i32) i32.const 1 br 0 end
        var module = new Module
        {
            Types = [FuncRec(None, [ValType.I32])],
            Functions = [new Function(0, [], [Block(ValType.I32), I32(1), Br(0), Op(Opcode.End)])],
        };
        var states = Observe(module).Select(s => s.State).ToList();
        Assert.Equal([2, 2, 2, 1], states.Select(s => s.Depth));
        Assert.Equal([false, false, true, false], states.Select(s => s.Unreachable));
        Assert.Equal(1, states[^1].Height);
    }

    [Fact]
    public void Each_defined_function_is_told_by_its_own_index()
    {
        var module = new Module
        {
            Types = [FuncRec(None, None)],
            Functions = [new Function(0, [], [Op(Opcode.Nop)]), new Function(0, [], [Op(Opcode.Nop), Op(Opcode.Nop)])],
        };
        Assert.Equal([(0, 0), (1, 0), (1, 1)], Observe(module).Select(s => (s.Function, s.Instruction)));
    }

    [Fact]
    public void Validation_without_an_observer_is_unchanged()
    {
        var module = new Module { Types = [FuncRec(None, None)], Functions = [new Function(0, [], [Op(Opcode.I32Add)])] };
        var plain = Assert.Throws<InvalidException>(() => Validator.Validate(module, FeatureSets.All));
        var observed = Assert.Throws<InvalidException>(() => Validator.Observing(module, FeatureSets.All, (_, _, _) => { }));
        Assert.Equal(plain.Message, observed.Message);
    }
}
