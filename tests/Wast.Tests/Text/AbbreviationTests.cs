using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Text;

/// <summary>Each abbreviation of the text format (§6) denotes the same module as its expansion.</summary>
public class AbbreviationTests
{
    private static Module Parse(string text) => WatParser.ParseModule(text, "t.wat");

    public static TheoryData<string, string> Pairs => new()
    {
        // §6.6.5 inline exports and imports
        { "(func (export \"f\") (export \"g\"))", "(func) (export \"f\" (func 0)) (export \"g\" (func 0))" },
        { "(func (import \"m\" \"f\") (param i32))", "(import \"m\" \"f\" (func (param i32)))" },
        { "(table (export \"t\") 1 funcref)", "(table 1 funcref) (export \"t\" (table 0))" },
        { "(memory (import \"m\" \"mem\") 1 2)", "(import \"m\" \"mem\" (memory 1 2))" },
        { "(global (import \"m\" \"g\") (mut i32))", "(import \"m\" \"g\" (global (mut i32)))" },
        { "(tag (export \"e\") (param i32))", "(type (func (param i32))) (tag (type 0)) (export \"e\" (tag 0))" },
        // §6.6.3 type uses
        { "(func (param i32) (result i64) unreachable)", "(type (func (param i32) (result i64))) (func (type 0) unreachable)" },
        { "(type (func (param i32))) (func (param i32))", "(type (func (param i32))) (func (type 0))" },
        { "(func (param i32 i64) (param f32))", "(func (param i32) (param i64 f32))" },
        { "(func (param $a i32) (local $b i64) (local.get $b) (local.get $a) drop drop)", "(func (param i32) (local i64) (local.get 1) (local.get 0) drop drop)" },
        { "(type $t (func (param i32))) (func (type $t) (local $x i32) (local.get $x) drop)", "(type (func (param i32))) (func (type 0) (local i32) local.get 1 drop)" },
        // §6.5.9 folded instructions
        { "(func (result i32) (i32.add (i32.const 1) (i32.const 2)))", "(func (result i32) i32.const 1 i32.const 2 i32.add)" },
        { "(func (if (i32.const 1) (then nop) (else nop)))", "(func i32.const 1 if nop else nop end)" },
        { "(func (if (i32.const 1) (then nop)))", "(func i32.const 1 if nop else end)" },
        { "(func (block $l (loop $m (br $l) (br $m))))", "(func block loop br 1 br 0 end end)" },
        { "(func (block (result i32) (i32.const 1)) drop)", "(func block (result i32) i32.const 1 end drop)" },
        { "(func (call_indirect (type 0) (i32.const 0))) (type (func))", "(type (func)) (func i32.const 0 call_indirect 0 (type 0))" },
        // labels
        { "(func block $a block $b br $a end $b end $a)", "(func block block br 1 end end)" },
        { "(func (block $x (block $x (br $x))))", "(func block block br 0 end end)" },
        { "(func (block $l (if $l (br $l) (then (br $l)))))", "(func block br 0 if br 0 end end)" },
        // §6.5 immediates
        { "(memory 1) (func (drop (i32.load (i32.const 0))))", "(memory 1) (func (drop (i32.load 0 offset=0 align=4 (i32.const 0))))" },
        { "(memory 1) (data $d \"\") (func (memory.init $d (i32.const 0) (i32.const 0) (i32.const 0)))", "(memory 1) (data \"\") (func (memory.init 0 0 (i32.const 0) (i32.const 0) (i32.const 0)))" },
        { "(table 1 funcref) (func (table.copy (i32.const 0) (i32.const 0) (i32.const 0)))", "(table 1 funcref) (func (table.copy 0 0 (i32.const 0) (i32.const 0) (i32.const 0)))" },
        { "(type $s (struct (field $a i32) (field $b i64))) (func (param (ref $s)) (struct.get $s $b (local.get 0)) drop)", "(type (struct (field i32 i64))) (func (param (ref 0)) (struct.get 0 1 (local.get 0)) drop)" },
        { "(func $f) (func (call $f)) (func $g (call $g))", "(func) (func (call 0)) (func (call 2))" },
        { "(func $\"a b\") (func (call $\"a b\"))", "(func) (func (call 0))" },
        { "(func $f) (func (call $\"f\"))", "(func) (func (call 0))" },
        // §6.6.8 tables with inline elements, §6.6.9 memories with inline data
        { "(table $t funcref (elem $f $f)) (func $f)", "(table $t 2 2 funcref) (elem (table $t) (i32.const 0) funcref (ref.func $f) (ref.func $f)) (func $f)" },
        { "(table i64 funcref (elem (ref.func 0))) (func)", "(table i64 1 1 funcref) (elem (table 0) (i64.const 0) funcref (item ref.func 0)) (func)" },
        { "(memory (data \"ab\" \"c\"))", "(memory 1 1) (data (memory 0) (i32.const 0) \"abc\")" },
        { "(memory i64 (data))", "(memory i64 0 0) (data (memory 0) (i64.const 0))" },
        // §6.6.10 element segments, §6.6.12 data segments
        { "(table 1 funcref) (elem (i32.const 0) $f) (func $f)", "(table 1 funcref) (elem (table 0) (offset (i32.const 0)) func $f) (func $f)" },
        { "(elem funcref (ref.func 0) (ref.null func)) (func)", "(elem funcref (item ref.func 0) (item ref.null func)) (func)" },
        { "(memory 1) (data (i32.const 1) \"x\")", "(memory 1) (data (memory 0) (offset i32.const 1) \"x\")" },
        { "(memory 1) (data (offset (i32.const 1)) \"x\")", "(memory 1) (data (memory 0) (offset i32.const 1) \"x\")" },
        // §6.6.14 module abbreviations
        { "(module (func))", "(func)" },
        { "(module $m (func))", "(func)" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Abbreviation_denotes_its_expansion(string abbreviated, string expanded) =>
        Assert.Equal(Parse(expanded), Parse(abbreviated));

    [Fact]
    public void Implicit_types_are_appended_after_all_explicit_types()
    {
        var m = Parse("(func (param i64)) (type (func (param i32)))");
        Assert.Equal(2, m.Types.Count);
        Assert.Equal(new FuncType([ValType.I32], []), m.Types[0].Types[0].Comp);
        Assert.Equal(new FuncType([ValType.I64], []), m.Types[1].Types[0].Comp);
        Assert.Equal(1u, m.Functions[0].TypeIndex);
    }

    [Fact]
    public void Implicit_type_use_does_not_match_a_type_in_a_larger_rec_group()
    {
        var m = Parse("(rec (type (func)) (type (struct))) (func)");
        Assert.Equal(2u, m.Functions[0].TypeIndex);
    }

    [Fact]
    public void Block_types_abbreviate_to_empty_a_value_or_an_implicit_type()
    {
        var m = Parse("(func block end block (result f32) unreachable end block (param i32) drop end)");
        var blocks = m.Functions[0].Body.OfType<BlockInstruction>().Select(b => b.Type).ToArray();
        Assert.Equal([BlockType.Empty, BlockType.Of(ValType.F32), BlockType.Indexed(1)], blocks);
        Assert.Equal(new FuncType([ValType.I32], []), m.Types[1].Types[0].Comp);
    }

    [Fact]
    public void Function_bodies_are_flat_with_explicit_ends_and_no_final_end()
    {
        var m = Parse("(func (block (nop)))");
        Assert.Equal([Opcode.Block, Opcode.Nop, Opcode.End], m.Functions[0].Body.Select(i => i.Op).ToArray());
    }

    [Fact]
    public void Tables_without_initialiser_have_none()
    {
        var m = Parse("(table 1 externref) (table 1 funcref (ref.null func))");
        Assert.Null(m.Tables[0].Init);
        Assert.Equal([new HeapTypeInstruction(Opcode.RefNull, HeapType.Func)], m.Tables[1].Init!.Value.ToArray());
    }

    [Fact]
    public void Typed_select_comes_from_result_clauses()
    {
        var m = Parse("(func (result i32) (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)))");
        Assert.Equal(new SelectInstruction([ValType.I32]), m.Functions[0].Body[3]);
    }

    [Fact]
    public void Index_pair_immediates_follow_the_abstract_syntax_order()
    {
        var m = Parse("(table $a 1 funcref) (table $b 1 funcref) (elem $e func) (type $t (func))"
            + "(func (table.init $b $e (i32.const 0) (i32.const 0) (i32.const 0)) (call_indirect $b (type $t) (i32.const 0)))");
        Assert.Equal(new IndexPairInstruction(Opcode.TableInit, 1, 0), m.Functions[0].Body[3]);
        Assert.Equal(new IndexPairInstruction(Opcode.CallIndirect, 1, 0), m.Functions[0].Body[5]);
    }

    [Fact]
    public void Memory_lane_instructions_take_an_optional_memory_and_memarg()
    {
        var m = Parse("(memory 1) (memory 1) (func (param v128) (drop (v128.load8_lane 1 2 (i32.const 0) (local.get 0)))"
            + "(drop (v128.load16_lane 1 offset=2 align=1 3 (i32.const 0) (local.get 0))))");
        Assert.Equal(new MemoryLaneInstruction(Opcode.V128Load8Lane, new MemArg(0, 0, 1), 2), m.Functions[0].Body[2]);
        Assert.Equal(new MemoryLaneInstruction(Opcode.V128Load16Lane, new MemArg(0, 2, 1), 3), m.Functions[0].Body[6]);
    }

    [Fact]
    public void V128_constants_pack_lanes_little_endian()
    {
        var m = Parse("(func (result v128) (v128.const i16x8 1 2 3 4 5 6 7 -1))");
        Assert.Equal(new V128ConstInstruction(0x0004_0003_0002_0001UL, 0xFFFF_0007_0006_0005UL), m.Functions[0].Body[0]);
    }

    [Fact]
    public void Proposals_beyond_3_0_parse()
    {
        var m = Parse("(import \"m\" \"f\" (func (exact (param i32))))"
            + "(memory 1 2 shared) (memory 1 (pagesize 1))"
            + "(rec (type $a (descriptor $b) (struct)) (type $b (describes $a) (struct)))"
            + "(func (drop (i32.atomic.rmw.cmpxchg (i32.const 0) (i32.const 1) (i32.const 2))) atomic.fence"
            + "  (drop (ref.cast (ref null (exact $a)) (ref.null none))))");
        Assert.True(m.Memories[0].Type.Shared);
        Assert.Equal(0u, m.Memories[1].Type.PageSizeLog2);
        Assert.Equal(1u, m.Types[0].Types[0].Descriptor);
        Assert.Equal(new ExternFunc(2, Exact: true), m.Imports[0].Type);
        Assert.Equal(new MemoryInstruction(Opcode.I32AtomicRmwCmpxchg, new MemArg(2, 0)), m.Functions[0].Body[3]);
        Assert.Equal(new RefTypeInstruction(Opcode.RefCast, new RefType(true, new HeapType(HeapKind.Concrete, 0, Exact: true))), m.Functions[0].Body[7]);
    }

    [Fact]
    public void Legacy_try_folds_and_flattens_alike()
    {
        var folded = Parse("(tag $e) (func (try (do nop) (catch $e nop) (catch_all nop)) (try $t (do (try (do) (delegate $t))) (catch_all)))");
        var flat = Parse("(tag $e) (func try nop catch $e nop catch_all nop end try try delegate 0 catch_all end)");
        Assert.Equal(flat, folded);
    }
}
