using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Printer;

/// <summary>Plain instructions and their immediates (§6.5), printed flat; expected texts written by hand.</summary>
public class InstructionTextTests
{
    // Types: 0 = [] -> [], 1 = [] -> [i32], 2 = [i32 i32] -> [i32], 3 = [i32] -> [].
    private static readonly Module Base = new()
    {
        Types =
        [
            RecType.Single(SubType.Plain(FuncType.Empty)),
            RecType.Single(SubType.Plain(new FuncType([], [ValType.I32]))),
            RecType.Single(SubType.Plain(new FuncType([ValType.I32, ValType.I32], [ValType.I32]))),
            RecType.Single(SubType.Plain(new FuncType([ValType.I32], []))),
        ],
    };

    /// <summary>The line a single instruction prints as, in the body of a function of type 0.</summary>
    private static string Line(Instruction instr)
    {
        var text = WatPrinter.Print(Base with { Functions = [new Function(0, [], [instr])] }, WatStyle.Flat);
        string line = text.Split('\n')[6].Trim();
        return line[..^2];
    }

    [Fact]
    public void Every_opcode_prints_its_mnemonic_first()
    {
        var wrong = new List<string>();
        foreach (var row in OpcodeTable.All)
            foreach (var instr in PrinterSamples.Samples(row))
            {
                string line = Line(instr);
                if (line != row.Name && !line.StartsWith(row.Name + " ", StringComparison.Ordinal)) wrong.Add($"{row.Name}: {line}");
            }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(Opcode.I32Load, 2u, 0ul, 0u, "i32.load")]
    [InlineData(Opcode.I32Load, 0u, 0ul, 0u, "i32.load align=1")]
    [InlineData(Opcode.I32Load, 2u, 16ul, 0u, "i32.load offset=16")]
    [InlineData(Opcode.I32Load, 3u, 16ul, 1u, "i32.load 1 offset=16 align=8")]
    [InlineData(Opcode.I64Load8S, 0u, 0ul, 0u, "i64.load8_s")]
    [InlineData(Opcode.I64Store32, 2u, 0ul, 0u, "i64.store32")]
    [InlineData(Opcode.V128Load, 4u, 0ul, 0u, "v128.load")]
    [InlineData(Opcode.V128Load16x4U, 3u, 0ul, 0u, "v128.load16x4_u")]
    [InlineData(Opcode.V128Load32Zero, 2u, ulong.MaxValue, 0u, "v128.load32_zero offset=18446744073709551615")]
    [InlineData(Opcode.I32AtomicRmw8AddU, 0u, 0ul, 0u, "i32.atomic.rmw8.add_u")]
    [InlineData(Opcode.MemoryAtomicWait64, 3u, 0ul, 0u, "memory.atomic.wait64")]
    public void Memarg_shows_memory_offset_and_alignment_only_when_not_default(Opcode op, uint align, ulong offset, uint memory, string expected) =>
        Assert.Equal(expected, Line(new MemoryInstruction(op, new MemArg(align, offset, memory))));

    [Fact]
    public void Lane_memory_instruction_puts_the_lane_last() =>
        Assert.Equal("v128.load8_lane 1 offset=4 3", Line(new MemoryLaneInstruction(Opcode.V128Load8Lane, new MemArg(0, 4, 1), 3)));

    [Fact]
    public void Lane_memory_instruction_with_defaults_is_the_lane_alone() =>
        Assert.Equal("v128.store64_lane 1", Line(new MemoryLaneInstruction(Opcode.V128Store64Lane, new MemArg(3, 0), 1)));

    [Theory]
    [InlineData(Opcode.CallIndirect, 0u, 2u, "call_indirect (type 2)")]
    [InlineData(Opcode.CallIndirect, 1u, 2u, "call_indirect 1 (type 2)")]
    [InlineData(Opcode.ReturnCallIndirect, 3u, 0u, "return_call_indirect 3 (type 0)")]
    [InlineData(Opcode.MemoryCopy, 0u, 0u, "memory.copy")]
    [InlineData(Opcode.MemoryCopy, 1u, 0u, "memory.copy 1 0")]
    [InlineData(Opcode.MemoryInit, 0u, 3u, "memory.init 3")]
    [InlineData(Opcode.MemoryInit, 1u, 3u, "memory.init 1 3")]
    [InlineData(Opcode.TableCopy, 0u, 0u, "table.copy 0 0")]
    [InlineData(Opcode.TableInit, 1u, 2u, "table.init 1 2")]
    [InlineData(Opcode.StructGet, 1u, 2u, "struct.get 1 2")]
    [InlineData(Opcode.ArrayNewFixed, 3u, 4u, "array.new_fixed 3 4")]
    [InlineData(Opcode.ArrayNewData, 3u, 1u, "array.new_data 3 1")]
    [InlineData(Opcode.ArrayCopy, 1u, 2u, "array.copy 1 2")]
    public void Index_pairs_print_in_text_order(Opcode op, uint x, uint y, string expected) =>
        Assert.Equal(expected, Line(new IndexPairInstruction(op, x, y)));

    [Theory]
    [InlineData(Opcode.MemorySize, 0u, "memory.size")]
    [InlineData(Opcode.MemoryGrow, 1u, "memory.grow 1")]
    [InlineData(Opcode.TableGet, 0u, "table.get 0")]
    [InlineData(Opcode.Br, 2u, "br 2")]
    [InlineData(Opcode.DataDrop, 5u, "data.drop 5")]
    [InlineData(Opcode.Throw, 1u, "throw 1")]
    public void Single_index_prints_as_a_number(Opcode op, uint index, string expected) =>
        Assert.Equal(expected, Line(new IndexInstruction(op, index)));

    [Fact]
    public void Br_table_lists_its_labels_then_the_default() =>
        Assert.Equal("br_table 0 (;@0;) 1 2", Line(new BrTableInstruction([0, 1], 2)));

    [Fact]
    public void Untyped_select_has_no_result_clause() => Assert.Equal("select", Line(new Instruction(Opcode.Select)));

    [Fact]
    public void Typed_select_has_a_result_clause() => Assert.Equal("select (result i32)", Line(new SelectInstruction([ValType.I32])));

    [Fact]
    public void Typed_select_without_types_keeps_an_empty_result_clause() => Assert.Equal("select (result)", Line(new SelectInstruction([])));

    [Theory]
    [InlineData(HeapKind.None, 0u, "ref.null none")]
    [InlineData(HeapKind.NoExn, 0u, "ref.null noexn")]
    [InlineData(HeapKind.Concrete, 3u, "ref.null 3")]
    public void Ref_null_names_its_heap_type(HeapKind kind, uint index, string expected) =>
        Assert.Equal(expected, Line(new HeapTypeInstruction(Opcode.RefNull, new HeapType(kind, index))));

    [Fact]
    public void Ref_test_of_a_nullable_abstract_type_uses_the_short_name() =>
        Assert.Equal("ref.test anyref", Line(new RefTypeInstruction(Opcode.RefTest, RefType.AnyRef)));

    [Fact]
    public void Ref_cast_to_a_non_nullable_type_uses_the_ref_form() =>
        Assert.Equal("ref.cast (ref i31)", Line(new RefTypeInstruction(Opcode.RefCast, new RefType(false, new HeapType(HeapKind.I31)))));

    [Fact]
    public void Ref_cast_to_a_nullable_concrete_type_says_null() =>
        Assert.Equal("ref.cast (ref null 3)", Line(new RefTypeInstruction(Opcode.RefCast, new RefType(true, HeapType.Concrete(3)))));

    [Fact]
    public void Br_on_cast_prints_label_and_both_types() =>
        Assert.Equal("br_on_cast 1 anyref (ref i31)", Line(new BrOnCastInstruction(Opcode.BrOnCast, 1, RefType.AnyRef, new RefType(false, new HeapType(HeapKind.I31)))));

    [Fact]
    public void Br_on_cast_fail_keeps_the_nullability_of_each_type() =>
        Assert.Equal("br_on_cast_fail 0 (;@0;) (ref 2) nullref",
            Line(new BrOnCastInstruction(Opcode.BrOnCastFail, 0, new RefType(false, HeapType.Concrete(2)), new RefType(true, new HeapType(HeapKind.None)))));

    [Fact]
    public void Try_table_lists_its_catch_clauses() =>
        Assert.Equal("try_table (;@1;) (result exnref) (catch 1 2) (catch_ref 3 4) (catch_all 5) (catch_all_ref 6)",
            Line(PrinterSamples.Samples(OpcodeTable.Info(Opcode.TryTable)).Single()));

    [Theory]
    [InlineData(BlockTypeKind.Empty, "block (;@1;)")]
    [InlineData(BlockTypeKind.Value, "block (;@1;) (result i64)")]
    [InlineData(BlockTypeKind.TypeIndex, "block (;@1;) (type 3)")]
    public void Block_type_is_empty_a_result_or_a_type_index(BlockTypeKind kind, string expected) =>
        Assert.Equal(expected, Line(new BlockInstruction(Opcode.Block, new BlockType(kind, ValType.I64, 3))));

    [Fact]
    public void Shuffle_lists_sixteen_lanes() =>
        Assert.Equal("i8x16.shuffle 31 29 27 25 23 21 19 17 15 13 11 9 7 5 3 1",
            Line(PrinterSamples.Samples(OpcodeTable.Info(Opcode.I8x16Shuffle)).Single()));

    [Fact]
    public void Extract_lane_prints_its_lane() => Assert.Equal("i32x4.extract_lane 3", Line(new LaneInstruction(Opcode.I32x4ExtractLane, 3)));

    [Theory]
    [InlineData(int.MinValue, "i32.const -2147483648")]
    [InlineData(-1, "i32.const -1")]
    [InlineData(42, "i32.const 42")]
    public void I32_constant_is_signed_decimal(int value, string expected) => Assert.Equal(expected, Line(new I32ConstInstruction(value)));

    [Fact]
    public void I64_constant_is_signed_decimal() =>
        Assert.Equal("i64.const -9223372036854775808", Line(new I64ConstInstruction(long.MinValue)));

    [Theory]
    [InlineData(0x3FC00000u, "0x1.8p+0")]
    [InlineData(0x80000000u, "-0x0p+0")]
    [InlineData(0x00000001u, "0x1p-149")]
    [InlineData(0x7F7FFFFFu, "0x1.fffffep+127")]
    [InlineData(0x7F800000u, "inf")]
    [InlineData(0xFF800000u, "-inf")]
    [InlineData(0x7FC00000u, "nan")]
    [InlineData(0x7FA00000u, "nan:0x200000")]
    [InlineData(0xFFC00001u, "-nan:0x400001")]
    public void F32_constant_is_an_exact_hexadecimal_float(uint bits, string expected) =>
        Assert.Equal("f32.const " + expected, Line(new F32ConstInstruction(bits)));

    [Theory]
    [InlineData(0x3FF8000000000000ul, "0x1.8p+0")]
    [InlineData(0xC000000000000000ul, "-0x1p+1")]
    [InlineData(0x0000000000000001ul, "0x1p-1074")]
    [InlineData(0x7FF0000000000001ul, "nan:0x1")]
    [InlineData(0xFFF8000000000000ul, "-nan")]
    public void F64_constant_is_an_exact_hexadecimal_float(ulong bits, string expected) =>
        Assert.Equal("f64.const " + expected, Line(new F64ConstInstruction(bits)));

    [Fact]
    public void V128_constant_is_four_hexadecimal_i32_lanes_lowest_first() =>
        Assert.Equal("v128.const i32x4 0x00000001 0x00000002 0x00000003 0xfffffffe",
            Line(new V128ConstInstruction(0x0000000200000001, 0xFFFFFFFE00000003)));
}
