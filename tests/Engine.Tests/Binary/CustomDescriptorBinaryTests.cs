using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Binary.Bytes;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>Custom-descriptors proposal: exact heap types, descriptor clauses and exact function imports in the binary format.</summary>
public class CustomDescriptorBinaryTests
{
    private const Features Cd = FeatureSets.Wasm3 | Features.CustomDescriptors;

    /// <summary>A type section with one group of (struct (field (ref null? (exact x)))).</summary>
    private static byte[] StructWithExactField(params object[] refType) => Module(Section(1, Vec(Cat(0x5F, Vec(Cat(Cat(refType), 0))))));

    private static string MessageOf(byte[] bytes, Features features = Cd) =>
        Assert.Throws<MalformedException>(() => Decoder.Decode(bytes, features)).Message;

    [Fact]
    public void An_exact_reference_decodes_to_an_exact_concrete_heap_type()
    {
        var m = Decoder.Decode(StructWithExactField(0x63, 0x62, 0x00), Cd);
        var field = ((StructType)m.Types[0].Types[0].Comp).Fields[0];
        Assert.Equal(new RefType(true, new HeapType(HeapKind.Concrete, 0, Exact: true)), field.Storage.Type.Ref);
    }

    [Fact]
    public void The_exact_prefix_is_not_a_heap_type_without_custom_descriptors()
    {
        Assert.Equal("malformed storage type", MessageOf(StructWithExactField(0x63, 0x62, 0x00), FeatureSets.Wasm3));
    }

    [Fact]
    public void A_repeated_exact_prefix_is_malformed()
    {
        Assert.Equal("malformed storage type", MessageOf(StructWithExactField(0x64, 0x62, 0x62, 0x00)));
    }

    [Fact]
    public void An_exact_type_index_is_read_as_a_non_negative_s32()
    {
        // 64 needs two bytes as an s32 (0xC0 0x00); the one byte 0x40 would be -64.
        var m = Decoder.Decode(Module(Section(1, Vec(Cat(0x5F, Vec(Cat(0x63, 0x62, S(64), 0)))))), Cd);
        Assert.Equal(64u, ((StructType)m.Types[0].Types[0].Comp).Fields[0].Storage.Type.Ref.Heap.Index);
        Assert.Equal("malformed storage type", MessageOf(StructWithExactField(0x63, 0x62, 0x40)));
    }

    [Fact]
    public void Describes_and_descriptor_clauses_precede_the_composite_type()
    {
        // (rec (type (descriptor 1) (struct)) (type (sub final (describes 0) (struct))))
        var bytes = Module(Section(1, Vec(Cat(0x4E, Vec(Cat(0x4D, 1, 0x5F, 0), Cat(0x4F, 0, 0x4C, 0, 0x5F, 0))))));
        var group = Decoder.Decode(bytes, Cd).Types[0].Types;
        Assert.Equal(new SubType(true, [], new StructType([]), Describes: null, Descriptor: 1), group[0]);
        Assert.Equal(new SubType(true, [], new StructType([]), Describes: 0, Descriptor: null), group[1]);
    }

    [Fact]
    public void A_type_may_both_describe_and_have_a_descriptor()
    {
        var bytes = Module(Section(1, Vec(Cat(0x4E, Vec(Cat(0x4D, 1, 0x5F, 0), Cat(0x4C, 0, 0x4D, 2, 0x5F, 0), Cat(0x4C, 1, 0x5F, 0))))));
        var middle = Decoder.Decode(bytes, Cd).Types[0].Types[1];
        Assert.Equal((0u, 2u), (middle.Describes!.Value, middle.Descriptor!.Value));
    }

    [Fact]
    public void Clauses_are_malformed_without_custom_descriptors()
    {
        Assert.Equal("malformed definition type", MessageOf(Module(Section(1, Vec(Cat(0x4D, 0, 0x5F, 0)))), FeatureSets.Wasm3));
    }

    [Fact]
    public void Import_kind_0x20_is_an_exact_function_import()
    {
        var bytes = Module(Section(1, Vec(Cat(0x60, 0, 0))), Section(2, Vec(Cat(Name("m"), Name("f"), 0x20, 0))));
        Assert.Equal(new ExternFunc(0, Exact: true), Decoder.Decode(bytes, Cd).Imports[0].Type);
        Assert.Equal("malformed import kind", MessageOf(bytes, FeatureSets.Wasm3));
    }

    [Fact]
    public void The_encoder_writes_what_the_decoder_reads()
    {
        var exact = new RefType(false, new HeapType(HeapKind.Concrete, 0, Exact: true));
        var module = new Module
        {
            Types =
            [
                new RecType([
                    new SubType(false, [], new StructType([new FieldType(new StorageType(new ValType(exact)), false)]), Descriptor: 1),
                    new SubType(true, [], new StructType([]), Describes: 0),
                ]),
                RecType.Single(SubType.Plain(FuncType.Empty)),
            ],
            Imports = [new Import("m", "f", new ExternFunc(2, Exact: true))],
        };
        Assert.Equal(module.Types, Decoder.Decode(Encoder.Encode(module), Cd).Types);
        Assert.Equal(module.Imports, Decoder.Decode(Encoder.Encode(module), Cd).Imports);
    }

    [Fact]
    public void An_exact_cast_target_survives_encoding()
    {
        var cast = new RefTypeInstruction(Opcode.RefCast, new RefType(true, new HeapType(HeapKind.Concrete, 0, Exact: true)));
        var module = new Module
        {
            Types = [RecType.Single(SubType.Plain(new StructType([]))), RecType.Single(SubType.Plain(new FuncType([new ValType(RefType.AnyRef)], [new ValType(RefType.AnyRef)])))],
            Functions = [new Function(1, [], [new IndexInstruction(Opcode.LocalGet, 0), cast])],
        };
        var decoded = Decoder.Decode(Encoder.Encode(module), Cd);
        Assert.Equal(cast, decoded.Functions[0].Body[1]);
    }
}
