using WasmConform.Engine;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Text;

/// <summary>The text format of a feature set older than 3.0: what memory64 and reference types changed.</summary>
public class FeatureTextTests
{
    private static Module Parse(string text, Features features) =>
        WatParser.ParseModule(Lexer.Tokenize(System.Text.Encoding.UTF8.GetBytes(text), "t.wat"), features);

    [Theory]
    [InlineData("(memory 0x1_0000_0000)")]
    [InlineData("(memory 0 0x1_0000_0000)")]
    [InlineData("(memory (import \"m\" \"mem\") 0x1_0000_0000)")]
    public void Without_memory64_memory_limits_are_u32(string text)
    {
        var ex = Assert.Throws<ParseException>(() => Parse(text, FeatureSets.Wasm2));
        Assert.StartsWith("i32 constant out of range", ex.Message);
    }

    [Fact]
    public void Without_memory64_limits_up_to_2_to_32_minus_1_parse()
    {
        Assert.Equal(new Limits(0, uint.MaxValue), Parse("(memory 0 0xFFFF_FFFF)", FeatureSets.Wasm2).Memories[0].Type.Limits);
    }

    [Fact]
    public void With_memory64_i32_limits_are_u64_and_left_to_validation()
    {
        Assert.Equal(1UL << 32, Parse("(memory 0x1_0000_0000)", FeatureSets.Wasm3).Memories[0].Type.Limits.Min);
    }

    [Fact]
    public void Without_reference_types_an_inline_table_segment_is_a_list_of_function_indices()
    {
        var m = Parse("(func $f) (table funcref (elem $f $f))", FeatureSets.Wasm1);
        Assert.Equal(new RefType(false, HeapType.Func), m.Elements[0].Type);
        Assert.Equal(RefType.FuncRef, m.Tables[0].Type.ElemType);
    }

    [Fact]
    public void With_reference_types_an_inline_table_segment_has_the_table_type()
    {
        var m = Parse("(func $f) (table funcref (elem $f $f))", FeatureSets.Wasm2);
        Assert.Equal(RefType.FuncRef, m.Elements[0].Type);
    }

    [Fact]
    public void A_script_reads_its_modules_in_the_text_format_of_the_features_given()
    {
        var source = System.Text.Encoding.UTF8.GetBytes("(module (func $f) (table funcref (elem $f)))");
        var module = Assert.IsType<TextModule>(((ModuleCommand)WastScript.Parse(source, "t.wast", FeatureSets.Wasm1).Commands[0]).Source).Module;
        Assert.Equal(new RefType(false, HeapType.Func), module.Elements[0].Type);
    }

    [Fact]
    public void A_quoted_module_is_read_in_the_text_format_of_the_features_given()
    {
        var quoted = new QuotedModule(System.Text.Encoding.UTF8.GetBytes("(memory 0x1_0000_0000)"), new SourceLocation("t.wast", 1, 1));
        Assert.Throws<ParseException>(() => quoted.Parse(FeatureSets.Wasm1));
        Assert.Equal(1UL << 32, quoted.Parse().Memories[0].Type.Limits.Min);
    }
}
