using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Binary.Bytes;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>What the decoder builds from well-formed bytes.</summary>
public class DecoderTests
{
    private static Syntax.Module Decode(byte[] bytes) => Decoder.Decode(bytes);

    private static EquatableArray<Instruction> BodyOf(params object[] code) => Decode(FunctionModule(code)).Functions[0].Body;

    private static Instruction Plain(Opcode op) => new(op);

    [Fact]
    public void Empty_module_decodes_to_the_empty_module() => Assert.Equal(Syntax.Module.Empty, Decode(Header));

    [Fact]
    public void Body_is_flat_with_explicit_else_and_end_and_without_the_final_end()
    {
        var body = BodyOf(0x41, 1, 0x04, 0x40, 0x01, 0x05, 0x02, 0x40, 0x0B, 0x0B, 0x0B);
        Instruction[] expected =
        [
            new I32ConstInstruction(1), new BlockInstruction(Opcode.If, BlockType.Empty), Plain(Opcode.Nop),
            Plain(Opcode.Else), new BlockInstruction(Opcode.Block, BlockType.Empty), Plain(Opcode.End), Plain(Opcode.End),
        ];
        Assert.Equal(expected, body.ToArray());
    }

    [Fact]
    public void Local_groups_are_expanded_in_order()
    {
        var bytes = Module(Section(1, Vec(Cat(0x60, 0, 0))), Section(3, Vec(Cat(0))),
            Section(10, Vec(Body(Vec(Cat(2, 0x7F), Cat(0, 0x7D), Cat(1, 0x7E)), 0x0B))));
        Assert.Equal([ValType.I32, ValType.I32, ValType.I64], Decode(bytes).Functions[0].Locals.ToArray());
    }

    [Fact]
    public void Block_types_are_empty_a_value_type_or_a_type_index()
    {
        var body = BodyOf(0x02, 0x40, 0x0B, 0x02, 0x7F, 0x41, 0, 0x0B, 0x1A, 0x02, 0, 0x0B, 0x0B);
        Assert.Equal(BlockType.Empty, ((BlockInstruction)body[0]).Type);
        Assert.Equal(BlockType.Of(ValType.I32), ((BlockInstruction)body[2]).Type);
        Assert.Equal(BlockType.Indexed(0), ((BlockInstruction)body[6]).Type);
    }

    [Fact]
    public void Block_type_index_takes_a_multi_byte_s33() =>
        Assert.Equal(BlockType.Indexed(200), ((BlockInstruction)BodyOf(0x02, S(200), 0x0B, 0x0B)[0]).Type);

    [Fact]
    public void Call_indirect_immediates_are_stored_table_first() =>
        Assert.Equal(new IndexPairInstruction(Opcode.CallIndirect, 3, 7), BodyOf(0x11, 7, 3, 0x0B)[0]);

    [Fact]
    public void Memory_init_immediates_are_stored_memory_first()
    {
        var bytes = Module(Section(1, Vec(Cat(0x60, 0, 0))), Section(3, Vec(Cat(0))), Section(12, U(0)),
            Section(10, Vec(Body(0, 0xFC, U(8), 4, 1, 0x0B))));
        Assert.Equal(new IndexPairInstruction(Opcode.MemoryInit, 1, 4), Decode(bytes).Functions[0].Body[0]);
    }

    [Fact]
    public void Table_init_immediates_are_stored_table_first() =>
        Assert.Equal(new IndexPairInstruction(Opcode.TableInit, 2, 5), BodyOf(0xFC, U(12), 5, 2, 0x0B)[0]);

    [Fact]
    public void Memarg_with_bit_6_names_the_memory() =>
        Assert.Equal(new MemoryInstruction(Opcode.I32Load, new MemArg(2, 16, 3)), BodyOf(0x28, 0x42, 3, 16, 0x0B)[0]);

    [Fact]
    public void Alignment_larger_than_natural_is_left_to_validation() =>
        Assert.Equal(new MemArg(5, 0), ((MemoryInstruction)BodyOf(0x28, 5, 0, 0x0B)[0]).MemArg);

    [Fact]
    public void Memarg_offset_takes_64_bits() =>
        Assert.Equal(new MemArg(3, 1UL << 40), ((MemoryInstruction)BodyOf(0x29, 3, U(1UL << 40), 0x0B)[0]).MemArg);

    [Fact]
    public void Ref_test_null_form_gives_a_nullable_type() =>
        Assert.Equal(new RefTypeInstruction(Opcode.RefTest, new RefType(true, HeapType.Any)), BodyOf(0xFB, U(0x15), 0x6E, 0x0B)[0]);

    [Fact]
    public void Ref_cast_plain_form_gives_a_non_null_type() =>
        Assert.Equal(new RefTypeInstruction(Opcode.RefCast, new RefType(false, HeapType.Concrete(2))), BodyOf(0xFB, U(0x16), 2, 0x0B)[0]);

    [Fact]
    public void Br_on_cast_flags_give_the_nullability_of_both_types()
    {
        var expected = new BrOnCastInstruction(Opcode.BrOnCastFail, 1, new RefType(false, HeapType.Any), new RefType(true, new HeapType(HeapKind.Eq)));
        Assert.Equal(expected, BodyOf(0xFB, U(0x19), 2, 1, 0x6E, 0x6D, 0x0B)[0]);
    }

    [Fact]
    public void Try_table_catch_clauses_keep_kind_tag_and_label()
    {
        var instr = (TryTableInstruction)BodyOf(0x1F, 0x40, Vec(Cat(0, 1, 2), Cat(1, 3, 4), Cat(2, 5), Cat(3, 6)), 0x0B, 0x0B)[0];
        Catch[] expected = [new(CatchKind.Catch, 1, 2), new(CatchKind.CatchRef, 3, 4), new(CatchKind.CatchAll, 0, 5), new(CatchKind.CatchAllRef, 0, 6)];
        Assert.Equal(expected, instr.Catches.ToArray());
    }

    [Fact]
    public void Legacy_try_catch_and_delegate_are_stored_flat()
    {
        var body = BodyOf(0x06, 0x40, 0x07, 0, 0x19, 0x0B, 0x06, 0x40, 0x18, 0, 0x0B);
        Instruction[] expected =
        [
            new BlockInstruction(Opcode.Try, BlockType.Empty), new IndexInstruction(Opcode.Catch, 0), Plain(Opcode.CatchAll), Plain(Opcode.End),
            new BlockInstruction(Opcode.Try, BlockType.Empty), new IndexInstruction(Opcode.Delegate, 0),
        ];
        Assert.Equal(expected, body.ToArray());
    }

    [Fact]
    public void Lane_indices_are_plain_bytes() =>
        Assert.Equal(new LaneInstruction(Opcode.I8x16ExtractLaneU, 200), BodyOf(0xFD, U(0x16), (byte)200, 0x0B)[0]);

    [Fact]
    public void Constants_keep_their_bits()
    {
        var body = BodyOf(0x43, 0x01, 0x00, 0xC0, 0x7F, 0x44, 1, 2, 3, 4, 5, 6, 7, 0xFF, 0xFD, U(12), Enumerable.Range(0, 16).Select(i => (byte)i).ToArray(), 0x0B);
        Assert.Equal(new F32ConstInstruction(0x7FC00001), body[0]);
        Assert.Equal(new F64ConstInstruction(0xFF07060504030201), body[1]);
        Assert.Equal(new V128ConstInstruction(0x0706050403020100, 0x0F0E0D0C0B0A0908), body[2]);
    }

    [Theory]
    [InlineData(0x70, HeapKind.Func)]
    [InlineData(0x6F, HeapKind.Extern)]
    [InlineData(0x6E, HeapKind.Any)]
    [InlineData(0x6D, HeapKind.Eq)]
    [InlineData(0x6C, HeapKind.I31)]
    [InlineData(0x6B, HeapKind.Struct)]
    [InlineData(0x6A, HeapKind.Array)]
    [InlineData(0x71, HeapKind.None)]
    [InlineData(0x72, HeapKind.NoExtern)]
    [InlineData(0x73, HeapKind.NoFunc)]
    [InlineData(0x74, HeapKind.NoExn)]
    [InlineData(0x69, HeapKind.Exn)]
    public void Shorthand_reference_type_is_nullable_abstract(byte code, HeapKind kind)
    {
        var module = Decode(Module(Section(6, Vec(Cat(code, 0, 0xD0, code, 0x0B)))));
        Assert.Equal(new ValType(new RefType(true, new HeapType(kind))), module.Globals[0].Type.Type);
        Assert.Equal(new HeapTypeInstruction(Opcode.RefNull, new HeapType(kind)), module.Globals[0].Init[0]);
    }

    [Fact]
    public void Ref_and_ref_null_prefixes_take_a_heap_type()
    {
        var type = (FuncType)Decode(Module(Section(1, Vec(Cat(0x60, Vec(Cat(0x64, 0x6E), Cat(0x63, 0)), 0))))).Types[0].Types[0].Comp;
        Assert.Equal([new ValType(new RefType(false, HeapType.Any)), new ValType(new RefType(true, HeapType.Concrete(0)))], type.Params.ToArray());
    }

    [Fact]
    public void Recursive_group_with_sub_types_struct_and_array()
    {
        var bytes = Module(Section(1, Vec(Cat(0x4E, Vec(
            Cat(0x50, Vec(), 0x5F, Vec(Cat(0x78, 1), Cat(0x7F, 0))),
            Cat(0x4F, Vec(Cat(0)), 0x5F, Vec(Cat(0x78, 1), Cat(0x7F, 0), Cat(0x77, 0))),
            Cat(0x5E, 0x63, 0, 1))))));
        var group = Decode(bytes).Types[0].Types;
        var i8 = new FieldType(StorageType.Of(PackedType.I8), true);
        var i32 = new FieldType(new StorageType(ValType.I32), false);
        Assert.Equal(new SubType(false, [], new StructType([i8, i32])), group[0]);
        Assert.Equal(new SubType(true, [0], new StructType([i8, i32, new FieldType(StorageType.Of(PackedType.I16), false)])), group[1]);
        Assert.Equal(SubType.Plain(new ArrayType(new FieldType(new StorageType(new ValType(new RefType(true, HeapType.Concrete(0)))), true))), group[2]);
    }

    [Fact]
    public void Limits_flags_give_maximum_and_address_type()
    {
        var module = Decode(Module(Section(5, Vec(Cat(0, 1), Cat(1, 1, 2), Cat(4, U(1UL << 33)), Cat(5, 0, U(1UL << 40))))));
        Assert.Equal(new MemType(AddrType.I32, new Limits(1)), module.Memories[0].Type);
        Assert.Equal(new MemType(AddrType.I32, new Limits(1, 2)), module.Memories[1].Type);
        Assert.Equal(new MemType(AddrType.I64, new Limits(1UL << 33)), module.Memories[2].Type);
        Assert.Equal(new MemType(AddrType.I64, new Limits(0, 1UL << 40)), module.Memories[3].Type);
    }

    [Fact]
    public void Shared_memory_and_custom_page_size_with_their_features()
    {
        var module = Decoder.Decode(Module(Section(5, Vec(Cat(3, 1, 2), Cat(8, 1, 0)))), FeatureSets.All);
        Assert.Equal(new MemType(AddrType.I32, new Limits(1, 2), Shared: true), module.Memories[0].Type);
        Assert.Equal(new MemType(AddrType.I32, new Limits(1), PageSizeLog2: 0), module.Memories[1].Type);
    }

    [Fact]
    public void Table_without_initialiser_has_a_null_init_and_with_one_keeps_it()
    {
        var module = Decode(Module(Section(4, Vec(Cat(0x70, 0, 1), Cat(0x40, 0, 0x64, 0x70, 0, 1, 0xD2, 0, 0x0B)))));
        Assert.Equal(new Table(new TableType(AddrType.I32, new Limits(1), RefType.FuncRef)), module.Tables[0]);
        Assert.Equal(new Table(new TableType(AddrType.I32, new Limits(1), new RefType(false, HeapType.Func)), [new IndexInstruction(Opcode.RefFunc, 0)]),
            module.Tables[1]);
    }

    public static TheoryData<byte[], ElementSegment> ElementForms()
    {
        var offset = new EquatableArray<Instruction>([new I32ConstInstruction(1)]);
        var refFunc = new EquatableArray<EquatableArray<Instruction>>([new EquatableArray<Instruction>([new IndexInstruction(Opcode.RefFunc, 4)])]);
        var refNull = new EquatableArray<EquatableArray<Instruction>>([new EquatableArray<Instruction>([new HeapTypeInstruction(Opcode.RefNull, HeapType.Func)])]);
        var funcNonNull = new RefType(false, HeapType.Func);
        return new()
        {
            { Cat(0, 0x41, 1, 0x0B, Vec(Cat(4))), new(funcNonNull, refFunc, SegmentMode.Active(0, offset)) },
            { Cat(1, 0, Vec(Cat(4))), new(funcNonNull, refFunc, SegmentMode.Passive) },
            { Cat(2, 1, 0x41, 1, 0x0B, 0, Vec(Cat(4))), new(funcNonNull, refFunc, SegmentMode.Active(1, offset)) },
            { Cat(3, 0, Vec(Cat(4))), new(funcNonNull, refFunc, SegmentMode.Declarative) },
            { Cat(4, 0x41, 1, 0x0B, Vec(Cat(0xD0, 0x70, 0x0B))), new(RefType.FuncRef, refNull, SegmentMode.Active(0, offset)) },
            { Cat(5, 0x70, Vec(Cat(0xD0, 0x70, 0x0B))), new(RefType.FuncRef, refNull, SegmentMode.Passive) },
            { Cat(6, 1, 0x41, 1, 0x0B, 0x70, Vec(Cat(0xD0, 0x70, 0x0B))), new(RefType.FuncRef, refNull, SegmentMode.Active(1, offset)) },
            { Cat(7, 0x70, Vec(Cat(0xD0, 0x70, 0x0B))), new(RefType.FuncRef, refNull, SegmentMode.Declarative) },
        };
    }

    [Theory]
    [MemberData(nameof(ElementForms))]
    public void Element_segment_form_decodes_to_its_type_elements_and_mode(byte[] segment, ElementSegment expected) =>
        Assert.Equal(expected, Decode(Module(Section(9, Vec(segment)))).Elements[0]);

    [Fact]
    public void Data_segment_forms_give_their_modes()
    {
        var module = Decode(Module(Section(11, Vec(Cat(0, 0x41, 2, 0x0B, Vec(Cat(7))), Cat(1, Vec(Cat(8), Cat(9))), Cat(2, 1, 0x41, 3, 0x0B, Vec())))));
        var at2 = new EquatableArray<Instruction>([new I32ConstInstruction(2)]);
        var at3 = new EquatableArray<Instruction>([new I32ConstInstruction(3)]);
        Assert.Equal(new DataSegment(new byte[] { 7 }, SegmentMode.Active(0, at2)), module.Datas[0]);
        Assert.Equal(new DataSegment(new byte[] { 8, 9 }, SegmentMode.Passive), module.Datas[1]);
        Assert.Equal(new DataSegment(EquatableArray<byte>.Empty, SegmentMode.Active(1, at3)), module.Datas[2]);
    }

    [Fact]
    public void Data_count_is_kept()
    {
        var module = Decode(Module(Section(12, U(1)), Section(11, Vec(Cat(1, Vec())))));
        Assert.Equal(1u, module.DataCount);
    }

    [Fact]
    public void Imports_exports_start_and_tags_are_read()
    {
        var bytes = Module(
            Section(1, Vec(Cat(0x60, 0, 0))),
            Section(2, Vec(Cat(Name("m"), Name("f"), 0, 0), Cat(Name("m"), Name("g"), 3, 0x7E, 1), Cat(Name("m"), Name("t"), 4, 0, 0))),
            Section(13, Vec(Cat(0, 0))),
            Section(7, Vec(Cat(Name("f"), 0, 0), Cat(Name("t"), 4, 1))),
            Section(8, U(0)));
        var module = Decode(bytes);
        Assert.Equal(new Import("m", "g", new ExternGlobal(new GlobalType(ValType.I64, true))), module.Imports[1]);
        Assert.Equal(new Import("m", "t", new ExternTag(new TagType(0))), module.Imports[2]);
        Assert.Equal(new Tag(new TagType(0)), module.Tags[0]);
        Assert.Equal(new Export("t", ExternKind.Tag, 1), module.Exports[1]);
        Assert.Equal(0u, module.Start);
    }

    [Fact]
    public void Custom_sections_are_kept_with_their_place()
    {
        var bytes = Module(Section(0, Name("a"), 1, 2), Section(1, Vec()), Section(0, Name("b")), Section(5, Vec()), Section(0, Name("c"), 3));
        CustomSection[] expected =
        [
            new("a", new byte[] { 1, 2 }, SectionId.Custom), new("b", EquatableArray<byte>.Empty, SectionId.Type),
            new("c", new byte[] { 3 }, SectionId.Memory),
        ];
        Assert.Equal(expected, Decode(bytes).Customs.ToArray());
    }
}
