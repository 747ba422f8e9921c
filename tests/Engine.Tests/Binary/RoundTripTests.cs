using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>decode(encode(m)) = m, on the benchmark modules and on hand-built modules covering every instruction and section.</summary>
public class RoundTripTests
{
    public static IEnumerable<object[]> BenchModules() => TestData.BenchModules();

    [Theory]
    [MemberData(nameof(BenchModules))]
    public void Bench_module_survives_decode_encode_decode(string name)
    {
        var module = Decoder.Decode(TestData.BenchModule(name));
        Assert.Equal(module, Decoder.Decode(Encoder.Encode(module)));
    }

    [Theory]
    [MemberData(nameof(BenchModules))]
    public void Bench_module_encoding_is_stable(string name)
    {
        var once = Encoder.Encode(Decoder.Decode(TestData.BenchModule(name)));
        Assert.Equal(once, Encoder.Encode(Decoder.Decode(once)));
    }

    [Fact]
    public void Sample_body_covers_every_opcode_and_immediate_kind()
    {
        var body = SampleModules.EveryOpcodeBody();
        var ops = body.Select(i => i.Op).ToHashSet();
        var missingOps = OpcodeTable.All.Where(r => !ops.Contains(r.Op)).Select(r => r.Name).ToArray();
        Assert.True(missingOps.Length == 0, $"opcodes without a sample: {string.Join(", ", missingOps)}");
        var kinds = body.Select(i => OpcodeTable.Info(i.Op).Immediate).ToHashSet();
        var missingKinds = Enum.GetValues<ImmediateKind>().Where(k => !kinds.Contains(k)).ToArray();
        Assert.True(missingKinds.Length == 0, $"immediate kinds without a sample: {string.Join(", ", missingKinds)}");
    }

    [Fact]
    public void Every_opcode_survives_encode_decode()
    {
        var module = new Module
        {
            Types = [RecType.Single(SubType.Plain(FuncType.Empty))],
            Functions = [new Function(0, [], SampleModules.EveryOpcodeBody())],
            DataCount = 0,
        };
        Assert.Equal(module, Decoder.Decode(Encoder.Encode(module), FeatureSets.All));
    }

    [Fact]
    public void Module_with_every_section_survives_encode_decode()
    {
        var module = SampleModules.EverySection();
        Assert.Equal(module, Decoder.Decode(Encoder.Encode(module), FeatureSets.All));
    }

    [Fact]
    public void Decoded_module_with_every_section_encodes_to_the_same_bytes()
    {
        var bytes = Encoder.Encode(SampleModules.EverySection());
        Assert.Equal(bytes, Encoder.Encode(Decoder.Decode(bytes, FeatureSets.All)));
    }
}
