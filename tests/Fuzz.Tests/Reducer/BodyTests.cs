using WasmConform.Engine;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Reducer;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Tests.Reducer;

/// <summary>Subexpressions from validation's operand stacks, and the edits of structured bodies.</summary>
public sealed class BodyTests
{
    private static Module Parse(string text) => WatParser.ParseModule(text);

    private static Instruction[] Body(Module m, int f = 0) => m.Functions[f].Body.AsSpan().ToArray();

    [Fact]
    public void The_subexpressions_of_an_addition_are_its_operands_and_itself()
    {
        var m = Parse("(module (func (param i32) (result i32) (i32.add (local.get 0) (i32.mul (local.get 0) (i32.const 3)))))");
        var subs = BodyTypes.Of(m, FeatureSets.All).Subexpressions(0).Select(s => (s.Start, s.End)).ToList();
        // local.get 0 | local.get 0 | i32.const 3 | i32.mul | i32.add
        Assert.Equal([(0, 0), (1, 1), (2, 2), (1, 3), (0, 4)], subs);
    }

    [Fact]
    public void A_block_with_a_result_is_one_subexpression_with_its_type()
    {
        var m = Parse("(module (func (result i64) (block (result i64) (nop) (i64.const 1))))");
        var whole = BodyTypes.Of(m, FeatureSets.All).Subexpressions(0).Single(s => s.End == 3);
        Assert.Equal((0, ValType.I64), (whole.Start, whole.Type));
    }

    [Fact]
    public void An_instruction_that_leaves_an_older_value_on_top_is_no_subexpression()
    {
        var m = Parse("(module (func (result i32) (local i32) (i32.const 1) (i32.const 2) (local.set 0) (local.get 0) (drop)))");
        var ends = BodyTypes.Of(m, FeatureSets.All).Subexpressions(0).Select(s => s.End).ToList();
        Assert.DoesNotContain(2, ends);
        Assert.DoesNotContain(4, ends);
    }

    [Fact]
    public void A_dropped_value_is_found_with_its_producer_across_what_lies_above_it()
    {
        var m = Parse("(module (func (param i32) (i32.add (local.get 0) (i32.const 1)) (call 1 (i32.const 5)) (drop)) (func (param i32)))");
        var (producer, consumer) = Assert.Single(BodyTypes.Of(m, FeatureSets.All).Consumed(0, Body(m)));
        Assert.Equal((0, 2, 5), (producer.Start, producer.End, consumer));
    }

    [Fact]
    public void Concrete_types_come_back_as_module_type_indices()
    {
        var m = Parse("(module (type $s (struct)) (type $a (array i8)) (func (result (ref $a)) (array.new_fixed $a 0)))");
        var sub = Assert.Single(BodyTypes.Of(m, FeatureSets.All).Subexpressions(0));
        Assert.Equal(new ValType(new RefType(false, HeapType.Concrete(1) with { Exact = sub.Type.Ref.Heap.Exact })), sub.Type);
    }

    [Fact]
    public void Zero_values_validate_for_numbers_vectors_nulls_arrays_and_structs()
    {
        var m = Parse("(module (type $s (struct (field i32))) (type $a (array i8)) (type $f (func)))");
        ValType[] types =
        [
            ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.V128, ValType.FuncRef, ValType.ExternRef,
            new(new RefType(true, HeapType.Concrete(2))), new(new RefType(false, HeapType.Concrete(0))),
            new(new RefType(false, HeapType.Concrete(1))), new(new RefType(false, HeapType.Any)),
        ];
        foreach (var t in types)
        {
            var zero = ZeroValues.Of(t, m);
            Assert.NotNull(zero);
            var withFunction = m with
            {
                Types = [.. m.Types, RecType.Single(SubType.Plain(new FuncType([], [t])))],
                Functions = [new Function(3, [], [.. zero])],
            };
            Validator.Validate(withFunction, FeatureSets.All);
        }
    }

    [Fact]
    public void Unwrapping_a_block_lowers_the_labels_that_leave_it()
    {
        var m = Parse("(module (func (block (block (br_if 2 (i32.const 0))))))");
        var unwrapped = BodyEdits.Unwrap(Body(m), 1);
        Assert.NotNull(unwrapped);
        var edited = m with { Functions = [m.Functions[0] with { Body = [.. unwrapped] }] };
        Validator.Validate(edited, FeatureSets.All);
        Assert.Contains(new IndexInstruction(Opcode.BrIf, 1), unwrapped);
    }

    [Fact]
    public void A_block_that_a_branch_targets_is_not_unwrapped()
    {
        var m = Parse("(module (func (block (br 0))))");
        Assert.Null(BodyEdits.Unwrap(Body(m), 0));
    }

    [Fact]
    public void An_if_becomes_the_arm_kept_with_its_condition_dropped()
    {
        var m = Parse("(module (func (result i32) (if (result i32) (i32.const 1) (then (i32.const 2)) (else (i32.const 3)))))");
        foreach (bool then in (bool[])[true, false])
        {
            var arm = BodyEdits.IfArm(Body(m), 1, then);
            Assert.NotNull(arm);
            Validator.Validate(m with { Functions = [m.Functions[0] with { Body = [.. arm] }] }, FeatureSets.All);
            Assert.Contains(new I32ConstInstruction(then ? 2 : 3), arm);
            Assert.DoesNotContain(new I32ConstInstruction(then ? 3 : 2), arm);
        }
    }

    [Fact]
    public void An_indexed_block_type_without_parameters_is_written_by_its_result()
    {
        var m = Parse("(module (type $t (func (result f32))) (func (result f32) (block (type $t) (f32.const 1))))");
        var simple = BodyEdits.SimpleBlockType(Body(m), 0, m);
        Assert.Equal(new BlockInstruction(Opcode.Block, BlockType.Of(ValType.F32)), simple![0]);
    }

    [Fact]
    public void Unused_locals_go_and_the_used_ones_are_renumbered()
    {
        var m = Parse("(module (func (param i32) (local f64 i64 f32) (local.set 2 (i64.const 1))))");
        var f = BodyEdits.WithoutUnusedLocals(m.Functions[0], 1);
        Assert.NotNull(f);
        Assert.Equal([ValType.I64], f.Locals.AsSpan().ToArray());
        Assert.Equal(new IndexInstruction(Opcode.LocalSet, 1), f.Body[1]);
    }
}
