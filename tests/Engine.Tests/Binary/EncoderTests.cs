using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Binary.Bytes;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>The canonical encoding, byte for byte (expected bytes written out by hand).</summary>
public class EncoderTests
{
    private static readonly RecType VoidType = RecType.Single(SubType.Plain(FuncType.Empty));
    private static readonly EquatableArray<Instruction> Zero = new([new I32ConstInstruction(0)]);
    private static readonly EquatableArray<Instruction> RefFunc0 = new([new IndexInstruction(Opcode.RefFunc, 0)]);

    private static byte[] EncodeBody(params Instruction[] body) =>
        Encoder.Encode(new Syntax.Module { Types = [VoidType], Functions = [new Function(0, [], body)] });

    private static byte[] EncodeElement(ElementSegment segment) => Encoder.Encode(new Syntax.Module { Elements = [segment] });

    [Fact]
    public void Empty_module_is_the_header_alone() => Assert.Equal(Header, Encoder.Encode(Syntax.Module.Empty));

    [Fact]
    public void Integers_take_their_shortest_leb128_form() =>
        Assert.Equal(FunctionModule(0x41, 0x7F, 0x41, 0xC0, 0x00, 0x42, 0x80, 0x7F, 0x0B),
            EncodeBody(new I32ConstInstruction(-1), new I32ConstInstruction(64), new I64ConstInstruction(-128)));

    [Fact]
    public void Block_type_index_64_is_a_two_byte_s33() =>
        Assert.Equal(FunctionModule(0x02, 0xC0, 0x00, 0x0B, 0x0B),
            EncodeBody(new BlockInstruction(Opcode.Block, BlockType.Indexed(64)), new Instruction(Opcode.End)));

    [Fact]
    public void Equal_neighbouring_locals_share_a_group()
    {
        var module = new Syntax.Module { Types = [VoidType], Functions = [new Function(0, [ValType.I32, ValType.I32, ValType.I64, ValType.I32], [])] };
        var expected = Module(Section(1, Vec(Cat(0x60, 0, 0))), Section(3, Vec(Cat(0))),
            Section(10, Vec(Body(Vec(Cat(2, 0x7F), Cat(1, 0x7E), Cat(1, 0x7F)), 0x0B))));
        Assert.Equal(expected, Encoder.Encode(module));
    }

    [Fact]
    public void Reference_types_use_the_shorthand_when_nullable_and_abstract()
    {
        var type = new FuncType([ValType.ExternRef, new ValType(new RefType(false, HeapType.Any)), new ValType(new RefType(true, HeapType.Concrete(0)))], []);
        var expected = Module(Section(1, Vec(Cat(0x60, Vec(Cat(0x6F), Cat(0x64, 0x6E), Cat(0x63, 0)), Vec()))));
        Assert.Equal(expected, Encoder.Encode(new Syntax.Module { Types = [RecType.Single(SubType.Plain(type))] }));
    }

    [Fact]
    public void Nullable_ref_cast_uses_sub_opcode_23() =>
        Assert.Equal(FunctionModule(0xFB, 23, 0x6C, 0x0B), EncodeBody(new RefTypeInstruction(Opcode.RefCast, new RefType(true, new HeapType(HeapKind.I31)))));

    [Fact]
    public void Memarg_of_memory_0_has_no_memory_index() =>
        Assert.Equal(FunctionModule(0x28, 2, 8, 0x0B), EncodeBody(new MemoryInstruction(Opcode.I32Load, new MemArg(2, 8))));

    [Fact]
    public void Memarg_of_another_memory_sets_bit_6() =>
        Assert.Equal(FunctionModule(0x28, 0x42, 1, 8, 0x0B), EncodeBody(new MemoryInstruction(Opcode.I32Load, new MemArg(2, 8, 1))));

    [Fact]
    public void Active_function_indices_of_table_0_use_form_0() =>
        Assert.Equal(Module(Section(9, Vec(Cat(0, 0x41, 0, 0x0B, Vec(Cat(0)))))),
            EncodeElement(new ElementSegment(new RefType(false, HeapType.Func), [RefFunc0], SegmentMode.Active(0, Zero))));

    [Fact]
    public void Passive_function_indices_use_form_1() =>
        Assert.Equal(Module(Section(9, Vec(Cat(1, 0, Vec(Cat(0)))))),
            EncodeElement(new ElementSegment(new RefType(false, HeapType.Func), [RefFunc0], SegmentMode.Passive)));

    [Fact]
    public void Active_function_indices_of_table_1_use_form_2() =>
        Assert.Equal(Module(Section(9, Vec(Cat(2, 1, 0x41, 0, 0x0B, 0, Vec(Cat(0)))))),
            EncodeElement(new ElementSegment(new RefType(false, HeapType.Func), [RefFunc0], SegmentMode.Active(1, Zero))));

    [Fact]
    public void Active_funcref_expressions_of_table_0_use_form_4() =>
        Assert.Equal(Module(Section(9, Vec(Cat(4, 0x41, 0, 0x0B, Vec(Cat(0xD2, 0, 0x0B)))))),
            EncodeElement(new ElementSegment(RefType.FuncRef, [RefFunc0], SegmentMode.Active(0, Zero))));

    [Fact]
    public void Active_externref_expressions_of_table_0_use_form_6() =>
        Assert.Equal(Module(Section(9, Vec(Cat(6, 0, 0x41, 0, 0x0B, 0x6F, Vec(Cat(0xD0, 0x6F, 0x0B)))))),
            EncodeElement(new ElementSegment(RefType.ExternRef, [[new HeapTypeInstruction(Opcode.RefNull, HeapType.Extern)]], SegmentMode.Active(0, Zero))));

    [Fact]
    public void Declarative_expressions_use_form_7() =>
        Assert.Equal(Module(Section(9, Vec(Cat(7, 0x70, Vec(Cat(0xD2, 0, 0x0B)))))),
            EncodeElement(new ElementSegment(RefType.FuncRef, [RefFunc0], SegmentMode.Declarative)));

    [Fact]
    public void Data_segments_of_memory_0_use_form_0_and_others_form_2()
    {
        var module = new Syntax.Module { Datas = [new DataSegment(new byte[] { 9 }, SegmentMode.Active(0, Zero)), new DataSegment(new byte[] { 8 }, SegmentMode.Active(2, Zero))] };
        Assert.Equal(Module(Section(11, Vec(Cat(0, 0x41, 0, 0x0B, Vec(Cat(9))), Cat(2, 2, 0x41, 0, 0x0B, Vec(Cat(8)))))), Encoder.Encode(module));
    }

    [Fact]
    public void Data_count_section_stands_between_element_and_code_sections()
    {
        var module = new Syntax.Module
        {
            Types = [VoidType],
            Functions = [new Function(0, [], [])],
            Elements = [new ElementSegment(RefType.FuncRef, [], SegmentMode.Passive)],
            DataCount = 0,
        };
        var expected = Module(Section(1, Vec(Cat(0x60, 0, 0))), Section(3, Vec(Cat(0))), Section(9, Vec(Cat(5, 0x70, Vec()))),
            Section(12, U(0)), Section(10, Vec(Body(0, 0x0B))));
        Assert.Equal(expected, Encoder.Encode(module));
    }

    [Fact]
    public void Tag_section_stands_between_memory_and_global_sections()
    {
        var module = new Syntax.Module
        {
            Types = [VoidType],
            Memories = [new Memory(new MemType(AddrType.I32, new Limits(0)))],
            Tags = [new Tag(new TagType(0))],
            Globals = [new Global(new GlobalType(ValType.I32, false), Zero)],
        };
        var expected = Module(Section(1, Vec(Cat(0x60, 0, 0))), Section(5, Vec(Cat(0, 0))), Section(13, Vec(Cat(0, 0))),
            Section(6, Vec(Cat(0x7F, 0, 0x41, 0, 0x0B))));
        Assert.Equal(expected, Encoder.Encode(module));
    }

    [Fact]
    public void Custom_section_after_an_absent_section_keeps_its_place_with_an_empty_section()
    {
        var module = new Syntax.Module { Customs = [new CustomSection("c", new byte[] { 7 }, SectionId.Memory)] };
        Assert.Equal(Module(Section(5, Vec()), Section(0, Name("c"), 7)), Encoder.Encode(module));
    }

    [Fact]
    public void Table_with_initialiser_uses_the_0x40_form() =>
        Assert.Equal(Module(Section(4, Vec(Cat(0x40, 0, 0x64, 0x70, 0, 1, 0xD2, 0, 0x0B)))),
            Encoder.Encode(new Syntax.Module { Tables = [new Table(new TableType(AddrType.I32, new Limits(1), new RefType(false, HeapType.Func)), RefFunc0)] }));

    [Fact]
    public void Names_without_a_name_section_are_written_as_one_after_the_last_section()
    {
        var names = new NameSection("m", [new NameAssoc(0, "f")], [new IndirectNameAssoc(0, [new NameAssoc(1, "x")])]);
        var bytes = Encoder.Encode(new Syntax.Module { Names = names });
        var content = Cat(0, U(2), Name("m"), 1, U(4), Vec(Cat(0, Name("f"))), 2, U(6), Vec(Cat(0, Vec(Cat(1, Name("x"))))));
        Assert.Equal(Module(Section(0, Name("name"), content)), bytes);
        Assert.Equal(names, Decoder.Decode(bytes).Names);
    }

    [Fact]
    public void Alignment_exponent_of_64_cannot_be_encoded() =>
        Assert.Throws<ArgumentException>(() => EncodeBody(new MemoryInstruction(Opcode.I32Load, new MemArg(64, 0))));

    [Fact]
    public void Lane_index_is_one_plain_byte() =>
        Assert.Equal(FunctionModule(0xFD, 0x16, 200, 0x0B), EncodeBody(new LaneInstruction(Opcode.I8x16ExtractLaneU, 200)));

    [Fact]
    public void Shuffle_without_16_lanes_cannot_be_encoded() =>
        Assert.Throws<ArgumentException>(() => EncodeBody(new ShuffleInstruction(new byte[15])));

    [Fact]
    public void Instruction_record_that_lacks_its_immediates_cannot_be_encoded() =>
        Assert.Throws<ArgumentException>(() => EncodeBody(new Instruction(Opcode.I32Const)));

    [Fact]
    public void Bottom_value_type_cannot_be_encoded() =>
        Assert.Throws<ArgumentException>(() => Encoder.Encode(new Syntax.Module { Globals = [new Global(new GlobalType(ValType.Bot, false), [])] }));
}
