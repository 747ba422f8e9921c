using System.Text;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Text;

public class CustomAnnotationTests
{
    private static Module Parse(string text) => WatParser.ParseModule(text, "c.wat");

    private static CustomSection Section(string name, string content, SectionId after) =>
        new(name, Encoding.UTF8.GetBytes(content), after);

    [Fact]
    public void Custom_annotations_become_custom_sections_in_placement_order()
    {
        var m = Parse("(module (@custom \"a\" \"1\" \"2\") (@custom \"b\" (before global) \"x\") (@custom \"c\" (after func))"
            + " (@custom \"d\" (before first)) (func) (@custom \"e\" (after global)))");
        Assert.Equal(
            [Section("d", "", SectionId.Custom), Section("c", "", SectionId.Function), Section("b", "x", SectionId.Tag),
             Section("e", "", SectionId.Global), Section("a", "12", SectionId.Data)],
            m.Customs.ToArray());
    }

    [Fact]
    public void Other_annotations_are_ignored() =>
        Assert.Empty(Parse("(module (@name \"M\") (@whatever 1 (2)))").Customs);

    [Theory]
    [InlineData("(@custom)", "@custom annotation: missing section name")]
    [InlineData("(@custom \"\\df\")", "@custom annotation: malformed UTF-8 encoding")]
    [InlineData("(@custom \"a\" here)", "@custom annotation: unexpected token")]
    [InlineData("(@custom \"a\" (after))", "@custom annotation: malformed section kind")]
    [InlineData("(@custom \"a\" (aft type))", "@custom annotation: malformed placement")]
    [InlineData("(func (@custom \"a\"))", "misplaced @custom annotation")]
    public void Malformed_custom_annotations_fail(string text, string message) =>
        Assert.Equal(message, Assert.Throws<ParseException>(() => Parse(text)).Message);

    [Fact]
    public void Name_annotations_name_the_module_and_functions()
    {
        var m = Parse("(module $m (@name \"Modül\") (import \"a\" \"b\" (func)) (type $t (func)) (func $f (@name \"λ\") (type $t)) (func (@name \"g\")))");
        Assert.Equal("Modül", m.Names!.ModuleName);
        Assert.Equal([new NameAssoc(1, "λ"), new NameAssoc(2, "g")], m.Names.FunctionNames.ToArray());
    }

    [Fact]
    public void Modules_without_name_annotations_have_no_name_section() => Assert.Null(Parse("(module (func))").Names);

    [Theory]
    [InlineData("(module (@name \"M1\") (@name \"M2\"))", "@name annotation: multiple module names")]
    [InlineData("(module (func) (@name \"M\"))", "misplaced @name annotation")]
    [InlineData("(module (start $f (@name \"M\")) (func $f))", "misplaced @name annotation")]
    [InlineData("(module (func (@name 1)))", "@name annotation: string expected")]
    [InlineData("(module (func (@name \"a\" \"b\")))", "@name annotation: unexpected token")]
    public void Malformed_name_annotations_fail(string text, string message) =>
        Assert.Equal(message, Assert.Throws<ParseException>(() => Parse(text)).Message);
}
