using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Printer;

/// <summary>How bodies are laid out: folding (§6.5.9), flat indentation, and bodies that do not nest.</summary>
public class LayoutTests
{
    // Types: 0 = [i32 i32] -> [i32], 1 = [] -> [i32 i32], 2 = [] -> [].
    private static string Print(WatStyle style, params Instruction[] body) => WatPrinter.Print(new Module
    {
        Types =
        [
            RecType.Single(SubType.Plain(new FuncType([ValType.I32, ValType.I32], [ValType.I32]))),
            RecType.Single(SubType.Plain(new FuncType([], [ValType.I32, ValType.I32]))),
            RecType.Single(SubType.Plain(FuncType.Empty)),
        ],
        Functions = [new Function(0, [], body), new Function(1, [], [new I32ConstInstruction(1), new I32ConstInstruction(2)])],
    }, style);

    private static Instruction Get(uint local) => new IndexInstruction(Opcode.LocalGet, local);

    private static Instruction Op(Opcode op) => new(op);

    [Fact]
    public void Operands_nest_in_the_instruction_that_consumes_them() =>
        Assert.Contains("\n    (i32.add (local.get 0) (local.get 1)))\n", Print(WatStyle.Folded, Get(0), Get(1), Op(Opcode.I32Add)));

    [Fact]
    public void Flat_style_puts_one_instruction_on_each_line() =>
        Assert.Contains("\n    local.get 0\n    local.get 1\n    i32.add)\n", Print(WatStyle.Flat, Get(0), Get(1), Op(Opcode.I32Add)));

    [Fact]
    public void If_takes_its_condition_and_has_then_and_else_branches()
    {
        var text = Print(WatStyle.Folded, Get(0), new BlockInstruction(Opcode.If, BlockType.Of(ValType.I32)), new I32ConstInstruction(1),
            Op(Opcode.Else), new I32ConstInstruction(2), Op(Opcode.End));
        Assert.Contains("\n    (if (;@1;) (result i32)\n      (local.get 0)\n      (then\n        (i32.const 1))\n      (else\n        (i32.const 2))))\n", text);
    }

    [Fact]
    public void Empty_else_branch_is_kept_as_an_empty_group() =>
        Assert.Contains("\n      (then)\n      (else))",
            Print(WatStyle.Folded, Get(0), new BlockInstruction(Opcode.If, BlockType.Empty), Op(Opcode.Else), Op(Opcode.End)));

    [Fact]
    public void Branch_takes_the_values_its_label_carries()
    {
        var text = Print(WatStyle.Folded, new BlockInstruction(Opcode.Block, BlockType.Of(ValType.I32)),
            Get(0), Get(1), new IndexInstruction(Opcode.BrIf, 0), Op(Opcode.End));
        Assert.Contains("\n    (block (;@1;) (result i32)\n      (br_if 0 (;@1;) (local.get 0) (local.get 1))))\n", text);
    }

    [Fact]
    public void Loop_label_carries_the_loop_parameters_not_its_results()
    {
        var text = Print(WatStyle.Folded, new BlockInstruction(Opcode.Loop, BlockType.Of(ValType.I32)),
            Get(0), new IndexInstruction(Opcode.BrIf, 0), new I32ConstInstruction(7), Op(Opcode.End));
        Assert.Contains("\n    (loop (;@1;) (result i32)\n      (br_if 0 (;@1;) (local.get 0))\n      (i32.const 7)))\n", text);
    }

    [Fact]
    public void Labels_are_numbered_by_depth_and_branches_name_the_number_they_target()
    {
        var text = Print(WatStyle.Flat, new BlockInstruction(Opcode.Block, BlockType.Empty), new BlockInstruction(Opcode.Loop, BlockType.Empty),
            new IndexInstruction(Opcode.Br, 1), new IndexInstruction(Opcode.Br, 2), Op(Opcode.End), Op(Opcode.End));
        Assert.Contains("\n    block (;@1;)\n      loop (;@2;)\n        br 1 (;@1;)\n        br 2 (;@0;)\n      end\n    end)\n", text);
    }

    [Fact]
    public void Try_table_handler_labels_count_from_outside_the_try_table() =>
        Assert.Contains("\n    block (;@1;)\n      try_table (;@2;) (catch_all 0 (;@1;))\n        br 0 (;@2;)\n",
            Print(WatStyle.Flat, new BlockInstruction(Opcode.Block, BlockType.Empty), new TryTableInstruction(BlockType.Empty, [new Catch(CatchKind.CatchAll, 0, 0)]),
                new IndexInstruction(Opcode.Br, 0), Op(Opcode.End), Op(Opcode.End)));

    [Fact]
    public void Branch_in_the_condition_of_an_if_counts_from_outside_the_if()
    {
        var text = Print(WatStyle.Folded, new BlockInstruction(Opcode.Block, BlockType.Of(ValType.I32)), new I32ConstInstruction(7), Get(0),
            new IndexInstruction(Opcode.BrIf, 0), new BlockInstruction(Opcode.If, BlockType.Empty), Op(Opcode.Nop), Op(Opcode.End),
            new I32ConstInstruction(3), Op(Opcode.End));
        Assert.Contains("\n    (block (;@1;) (result i32)\n      (if (;@2;)\n        (br_if 0 (;@1;) (i32.const 7) (local.get 0))\n        (then\n          (nop)))\n      (i32.const 3)))\n", text);
    }

    [Fact]
    public void Result_of_a_call_with_two_results_is_not_folded_as_an_operand() =>
        Assert.Contains("\n    (call 1)\n    (i32.add))\n", Print(WatStyle.Folded, new IndexInstruction(Opcode.Call, 1), Op(Opcode.I32Add)));

    [Fact]
    public void Instruction_without_a_known_arity_stays_apart_from_what_precedes_it() =>
        Assert.Contains("\n    (local.get 0)\n    (br_on_null 0 (;@0;))\n", Print(WatStyle.Folded, Get(0), new IndexInstruction(Opcode.BrOnNull, 0), Op(Opcode.Drop)));

    [Fact]
    public void Operands_left_to_an_instruction_that_could_not_fold_them_are_not_folded_into_a_later_one()
    {
        // select needs three operands but finds two; the i32.add after it must not take the second constant.
        var text = Print(WatStyle.Folded, new I32ConstInstruction(1), new I32ConstInstruction(2), Op(Opcode.Select), Op(Opcode.I32Add));
        Assert.Contains("\n    (i32.const 1)\n    (i32.const 2)\n    (select)\n    (i32.add))\n", text);
    }

    [Fact]
    public void Expression_too_long_for_a_line_puts_each_operand_on_its_own_line()
    {
        var body = new List<Instruction> { new I32ConstInstruction(int.MinValue) };
        for (int i = 0; i < 6; i++) body.AddRange([new I32ConstInstruction(int.MinValue), Op(Opcode.I32Add)]);
        var text = Print(WatStyle.Folded, [.. body]);
        Assert.Contains("\n    (i32.add\n      (i32.add\n", text);
        Assert.Contains("\n      (i32.const -2147483648)))\n", text);
    }

    [Fact]
    public void Flat_style_indents_block_bodies_and_closes_them_with_end()
    {
        var text = Print(WatStyle.Flat, new BlockInstruction(Opcode.Block, BlockType.Empty), new BlockInstruction(Opcode.Loop, BlockType.Empty),
            Op(Opcode.Nop), Op(Opcode.End), Op(Opcode.End));
        Assert.Contains("\n    block (;@1;)\n      loop (;@2;)\n        nop\n      end\n    end)\n", text);
    }

    [Fact]
    public void Legacy_try_prints_do_and_handler_groups_when_folded()
    {
        var text = Print(WatStyle.Folded, new BlockInstruction(Opcode.Try, BlockType.Empty), Op(Opcode.Nop),
            new IndexInstruction(Opcode.Catch, 1), Op(Opcode.Drop), Op(Opcode.CatchAll), new IndexInstruction(Opcode.Rethrow, 0), Op(Opcode.End));
        Assert.Contains("\n    (try (;@1;)\n      (do\n        (nop))\n      (catch 1\n        (drop))\n      (catch_all\n        (rethrow 0 (;@1;)))))\n", text);
    }

    [Fact]
    public void Legacy_try_with_delegate_closes_with_the_delegate_group() =>
        Assert.Contains("\n    (try (;@1;)\n      (do\n        (nop))\n      (delegate 0 (;@0;))))\n",
            Print(WatStyle.Folded, new BlockInstruction(Opcode.Try, BlockType.Empty), Op(Opcode.Nop), new IndexInstruction(Opcode.Delegate, 0)));

    [Fact]
    public void Legacy_handlers_and_delegate_sit_at_the_depth_of_their_try_when_flat()
    {
        var text = Print(WatStyle.Flat, new BlockInstruction(Opcode.Try, BlockType.Empty), Op(Opcode.Nop), new IndexInstruction(Opcode.Catch, 1), Op(Opcode.Drop),
            Op(Opcode.End), new BlockInstruction(Opcode.Try, BlockType.Empty), new IndexInstruction(Opcode.Delegate, 0));
        Assert.Contains("\n    try (;@1;)\n      nop\n    catch 1\n      drop\n    end\n    try (;@1;)\n    delegate 0 (;@0;))\n", text);
    }

    [Fact]
    public void Body_that_does_not_nest_prints_flat_even_in_the_folded_style() =>
        Assert.Contains("\n    end\n    else\n    i32.const 1)\n", Print(WatStyle.Folded, Op(Opcode.End), Op(Opcode.Else), new I32ConstInstruction(1)));

    [Fact]
    public void Unclosed_block_prints_flat_and_does_not_leak_its_indentation() =>
        Assert.Contains("\n    block (;@1;)\n      nop)\n  (func (;1;)", Print(WatStyle.Folded, new BlockInstruction(Opcode.Block, BlockType.Empty), Op(Opcode.Nop)));

    [Fact]
    public void Instruction_without_its_immediates_prints_its_mnemonic() =>
        Assert.Contains("\n    (local.get)", Print(WatStyle.Folded, Op(Opcode.LocalGet)));

    private static Module Nested(int depth)
    {
        var body = Enumerable.Repeat<Instruction>(new BlockInstruction(Opcode.Block, BlockType.Empty), depth)
            .Concat(Enumerable.Repeat(Op(Opcode.End), depth)).Append(new I32ConstInstruction(0)).ToArray();
        return new Module { Types = [RecType.Single(SubType.Plain(new FuncType([], [ValType.I32])))], Functions = [new Function(0, [], body)] };
    }

    [Theory]
    [InlineData(WatStyle.Folded)]
    [InlineData(WatStyle.Flat)]
    public void Deep_nesting_within_the_parser_limit_parses_back(WatStyle style)
    {
        var module = Nested(WatParser.MaxNestingDepth - 1);
        Assert.Equal(module, WatParser.ParseModule(WatPrinter.Print(module, style)));
    }

    [Theory]
    [InlineData(WatStyle.Folded)]
    [InlineData(WatStyle.Flat)]
    public void Very_deep_nesting_prints_with_bounded_indentation(WatStyle style)
    {
        var text = WatPrinter.Print(Nested(100_000), style);
        Assert.True(text.Split('\n').Max(l => l.Length) <= 2 * 42 + "block (;@100000;)".Length, "a line is indented past the limit");
    }

    [Theory]
    [InlineData(WatStyle.Folded)]
    [InlineData(WatStyle.Flat)]
    public void Long_operand_chain_prints_and_parses_back(WatStyle style)
    {
        var body = new List<Instruction> { new I32ConstInstruction(0) };
        for (int i = 0; i < 20000; i++) body.AddRange([new I32ConstInstruction(i), Op(Opcode.I32Add)]);
        var module = new Module { Types = [RecType.Single(SubType.Plain(new FuncType([], [ValType.I32])))], Functions = [new Function(0, [], body.ToArray())] };
        Assert.Equal(module, WatParser.ParseModule(WatPrinter.Print(module, style)));
    }
}
