using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reports;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Tests.Triage;

/// <summary>Calls kept as YAML read back with the same arguments, bit for bit.</summary>
public sealed class CallTextTests
{
    private static readonly Module Module = WatParser.ParseModule(
        "(module (func (export \"f\") (param i32 i64 f32 f64 v128 externref funcref)) (func (export \"g\")))");

    [Fact]
    public void Arguments_of_every_kind_survive_the_round_trip()
    {
        var type = CallText.ExportType(Module, "f")!;
        Value[] args =
        [
            Value.I32(-7), Value.I64(long.MinValue), Value.F32Bits(0x7FC0_0001), Value.F64Bits(0xFFF8_0000_0000_0123),
            Value.V128(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210), Value.Ref(HeapType.Extern, new HostReference(3)), Value.Null(HeapType.Func),
        ];
        var calls = new List<PlannedCall> { new("f", type, [.. args]), new("g", CallText.ExportType(Module, "g")!, []) };
        var read = CallText.Read(ReportYaml.Read(ReportYaml.Serialize(CallText.Write(calls, Module))), Module);
        Assert.Equal(["f", "g"], read.Select(c => c.Export));
        var back = read[0].Args!.Value.AsSpan().ToArray();
        for (int i = 0; i < 5; i++) Assert.Equal((args[i].Type, args[i].Bits, args[i].High), (back[i].Type, back[i].Bits, back[i].High));
        Assert.Equal(3u, Assert.IsType<HostReference>(back[5].Reference).Id);
        Assert.Null(back[6].Reference);
    }

    [Fact]
    public void Calls_that_are_not_made_are_left_out()
    {
        var calls = new List<PlannedCall> { new("f", CallText.ExportType(Module, "f")!, null, "no embedder can pass it") };
        Assert.Empty(CallText.Write(calls, Module));
    }

    [Fact]
    public void A_call_of_a_function_not_exported_is_a_format_error()
    {
        var node = ReportYaml.Read("- export: h\n  args: []\n");
        Assert.Throws<FormatException>(() => CallText.Read(node, Module));
    }
}
