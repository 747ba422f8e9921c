using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

public class ControlTests
{
    private static readonly ValType I32T = ValType.I32;
    private static readonly FuncType I32ToI32 = Type([I32T], [I32T]);

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 11)]
    [InlineData(2, 12)]
    [InlineData(3, 12)]
    [InlineData(-1, 12)]
    public void Br_table_takes_the_default_for_out_of_range_indices(int index, int expected)
    {
        // block $d (block $1 (block $0 (br_table $0 $1 $d (local.get 0))) return 10) return 11) 12
        var module = Module([I32ToI32], [("f", 0, [], [
            Block(BlockType.Empty), Block(BlockType.Empty), Block(BlockType.Empty),
            LocalGet(0), new BrTableInstruction([0, 1], 2), End,
            I32(10), Op(Opcode.Return), End,
            I32(11), Op(Opcode.Return), End,
            I32(12)])]);
        Assert.Equal(Value.I32(expected), Instantiate(module).Invoke("f", Value.I32(index))[0]);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(0, 9)]
    public void Select_keeps_the_first_operand_when_the_condition_is_non_zero(int condition, int expected)
    {
        var module = Module([I32ToI32], [("f", 0, [], [I32(7), I32(9), LocalGet(0), Op(Opcode.Select)])]);
        Assert.Equal(Value.I32(expected), Instantiate(module).Invoke("f", Value.I32(condition))[0]);
    }

    [Fact]
    public void Multi_value_block_with_parameters_passes_values_through()
    {
        // (i32.const 3) (i32.const 4) (block (param i32 i32) (result i32 i32 i32) ... (i32.const 5))
        var blockType = Type([I32T, I32T], [I32T, I32T, I32T]);
        var module = Module([Type([], [I32T, I32T, I32T]), blockType], [("f", 0, [], [
            I32(3), I32(4), Block(BlockType.Indexed(1)), I32(5), End])]);
        var results = Instantiate(module).Invoke("f");
        Assert.Equal([Value.I32(3), Value.I32(4), Value.I32(5)], results);
    }

    [Fact]
    public void Loop_with_parameter_receives_the_branch_operand()
    {
        // count down: (local.get 0) (loop (type 0: [i32] -> [i32]) (i32.sub 1) (local.tee 0) (br_if 0 (local.get 0) (local.get 0))) 
        var module = Module([I32ToI32], [("f", 0, [], [
            LocalGet(0), Loop(BlockType.Indexed(0)),
            I32(1), Op(Opcode.I32Sub), LocalTee(0), LocalGet(0), BrIf(0),
            End])]);
        Assert.Equal(Value.I32(0), Instantiate(module).Invoke("f", Value.I32(5))[0]);
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(0, 25)]
    public void A_constant_before_a_branch_target_is_not_folded_into_the_instruction_after_it(int take, int expected)
    {
        // x (block (result i32) (i32.const 10) (br_if 0 (local.get 1)) drop (i32.const 20)) i32.add:
        // the add after the block's end must see 10 when the branch is taken, 20 when not.
        var module = Module([Type([I32T, I32T], [I32T])], [("f", 0, [], [
            LocalGet(0), Block(BlockType.Of(I32T)),
            I32(10), LocalGet(1), BrIf(0), Op(Opcode.Drop), I32(20), End,
            Op(Opcode.I32Add)])]);
        Assert.Equal(Value.I32(expected), Instantiate(module).Invoke("f", Value.I32(5), Value.I32(take))[0]);
    }

    [Fact]
    public void Fused_local_and_constant_forms_compute_what_the_separate_instructions_do()
    {
        // (local.set 1 (local.get 0)) (local.get 1) (local.get 0) i32.sub (local.get 0) (i32.const 3) i32.add i32.add
        //   = (x - x) + (x + 3); then (i32.const 31) i32.shl and (i32.const -1) i32.lt_u
        var module = Module([I32ToI32], [("f", 0, [I32T], [
            LocalGet(0), LocalSet(1), LocalGet(1), LocalGet(0), Op(Opcode.I32Sub),
            LocalGet(0), I32(3), Op(Opcode.I32Add), Op(Opcode.I32Add),
            I32(31), Op(Opcode.I32Shl), I32(-1), Op(Opcode.I32LtU)])]);
        int x = 4;
        int shifted = (x + 3) << 31;
        int expected = (uint)shifted < uint.MaxValue ? 1 : 0;
        Assert.Equal(Value.I32(expected), Instantiate(module).Invoke("f", Value.I32(x))[0]);
    }

    public static TheoryData<Opcode> I32Comparisons() =>
    [
        Opcode.I32Eq, Opcode.I32Ne, Opcode.I32LtS, Opcode.I32LtU, Opcode.I32GtS,
        Opcode.I32GtU, Opcode.I32LeS, Opcode.I32LeU, Opcode.I32GeS, Opcode.I32GeU,
    ];

    /// <summary>§4.3.2 irelop, written out here so that the branches are checked against the definition.</summary>
    private static bool Holds(Opcode op, int a, int b) => op switch
    {
        Opcode.I32Eq => a == b,
        Opcode.I32Ne => a != b,
        Opcode.I32LtS => a < b,
        Opcode.I32LtU => (uint)a < (uint)b,
        Opcode.I32GtS => a > b,
        Opcode.I32GtU => (uint)a > (uint)b,
        Opcode.I32LeS => a <= b,
        Opcode.I32LeU => (uint)a <= (uint)b,
        Opcode.I32GeS => a >= b,
        _ => (uint)a >= (uint)b,
    };

    [Theory]
    [MemberData(nameof(I32Comparisons))]
    public void Comparisons_fused_with_br_if_and_if_branch_as_the_comparison_says(Opcode op)
    {
        int[] values = [0, 1, 2, -1, -2, int.MinValue, int.MaxValue];
        var (a, b) = (LocalGet(0), LocalGet(1));
        Instruction[] BrIfForm(Instruction right) =>
            [Block(BlockType.Empty), a, right, Op(op), BrIf(0), I32(0), Op(Opcode.Return), End, I32(1)];
        Instruction[] IfForm(Instruction right) =>
            [a, right, Op(op), If(BlockType.Of(I32T)), I32(1), Else, I32(0), End];
        Instruction[] EqzForms() => // (i32.eqz (cmp)) before br_if and if: the negated branch
            [Block(BlockType.Empty), a, b, Op(op), Op(Opcode.I32Eqz), BrIf(0), I32(1), Op(Opcode.Return), End,
             a, b, Op(op), Op(Opcode.I32Eqz), If(BlockType.Of(I32T)), I32(0), Else, I32(1), End];
        var binary = Type([I32T, I32T], [I32T]);
        foreach (int x in values)
        foreach (int y in values)
        {
            var module = Module([binary], [
                ("br_if", 0, [], BrIfForm(b)), ("br_if_imm", 0, [], BrIfForm(I32(y))),
                ("if", 0, [], IfForm(b)), ("if_imm", 0, [], IfForm(I32(y))), ("eqz", 0, [], EqzForms())]);
            var instance = Instantiate(module);
            var expected = Value.I32(Holds(op, x, y) ? 1 : 0);
            foreach (var name in new[] { "br_if", "br_if_imm", "if", "if_imm", "eqz" })
                Assert.True(expected == instance.Invoke(name, Value.I32(x), Value.I32(y))[0], $"{name} {op} {x} {y}");
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void A_comparison_before_br_stays_a_value(int x)
    {
        // (func (param i32) (result v128 i32) (v128.const 0) (i32.gt_u (local.get 0) (i32.const 0)) (block (br 0)))
        // br is no conditional branch: the comparison's result is the function's second result
        // (found by the differential fuzzer: fused into a conditional branch, it was lost).
        var module = Module([Type([I32T], [ValType.V128, I32T])], [("f", 0, [], [
            V128(0, 0), LocalGet(0), I32(0), Op(Opcode.I32GtU),
            Block(BlockType.Empty), Br(0), End])]);
        var results = Instantiate(module).Invoke("f", Value.I32(x));
        Assert.Equal([Value.V128(0, 0), Value.I32(x != 0 ? 1 : 0)], results);
    }

    [Fact]
    public void Unreachable_traps_with_the_spec_message()
    {
        var module = Module([Type([], [])], [("f", 0, [], [Op(Opcode.Unreachable)])]);
        var ex = Assert.Throws<WasmConform.Engine.Execution.TrapException>(() => Instantiate(module).Invoke("f"));
        Assert.Equal("unreachable executed", ex.Message);
    }
}
