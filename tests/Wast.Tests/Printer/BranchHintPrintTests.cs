using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Printer;

/// <summary>
/// Branch hints print as <c>(@metadata.code.branch_hint …)</c> annotations right before their
/// instruction, so text → binary → text → binary keeps them and their bytes.
/// </summary>
public class BranchHintPrintTests
{
    private const string Source = """
        (module
          (func (param i32) (result i32)
            (@metadata.code.branch_hint "\00")
            (if (result i32) (local.get 0)
              (then
                (block (@metadata.code.branch_hint "\01") (br_if 0 (local.get 0)))
                (i32.const 1))
              (else (i32.const 2)))))
        """;

    public static TheoryData<WatStyle> Styles => new() { WatStyle.Folded, WatStyle.Flat };

    private static Module Decoded() => Decoder.Decode(Encoder.Encode(WatParser.ParseModule(Source)));

    [Theory]
    [MemberData(nameof(Styles))]
    public void Text_to_binary_to_text_keeps_the_hints_and_the_bytes(WatStyle style)
    {
        var original = WatParser.ParseModule(Source);
        var bytes = Encoder.Encode(original);
        var again = WatParser.ParseModule(WatPrinter.Print(Decoder.Decode(bytes), style));
        Assert.Equal(original.BranchHints, again.BranchHints);
        Assert.Equal(bytes, Encoder.Encode(again));
    }

    [Fact]
    public void Folded_hints_stand_before_the_folded_instruction()
    {
        string text = WatPrinter.Print(Decoded(), WatStyle.Folded);
        Assert.Contains("(@metadata.code.branch_hint \"\\00\") (if ", text);
        Assert.Contains("(@metadata.code.branch_hint \"\\01\") (br_if 0", text);
    }

    [Fact]
    public void Flat_hints_stand_on_the_line_of_their_instruction()
    {
        var lines = WatPrinter.Print(Decoded(), WatStyle.Flat).Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Contains(lines, l => l.StartsWith("(@metadata.code.branch_hint \"\\00\") if", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(@metadata.code.branch_hint \"\\01\") br_if 0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_decoded_section_is_not_printed_as_a_custom_section()
    {
        var decoded = Decoded();
        Assert.Single(decoded.Customs);
        Assert.DoesNotContain("@custom", WatPrinter.Print(decoded));
    }

    [Fact]
    public void An_unreadable_section_prints_as_a_custom_section()
    {
        var module = WatParser.ParseModule("(module (@custom \"metadata.code.branch_hint\" (before code) \"\\07\") (func))");
        var decoded = Decoder.Decode(Encoder.Encode(module));
        Assert.True(decoded.BranchHints.IsEmpty);
        Assert.Contains("(@custom \"metadata.code.branch_hint\"", WatPrinter.Print(decoded));
    }
}
