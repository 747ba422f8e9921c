using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Binary.Bytes;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>The <c>name</c> custom section (§7.4.1) becomes <see cref="Syntax.Module.Names"/> when well-formed, and never makes a module malformed.</summary>
public class NameSectionTests
{
    private static Syntax.Module WithNameSection(params object[] content) => Decoder.Decode(Module(Section(0, Name("name"), Cat(content))));

    private static byte[] Subsection(int id, params object[] content)
    {
        var body = Cat(content);
        return Cat(id, U((ulong)body.Length), body);
    }

    [Fact]
    public void Module_function_and_local_names_are_decoded()
    {
        var module = WithNameSection(
            Subsection(0, Name("mod")),
            Subsection(1, Vec(Cat(0, Name("f")), Cat(2, Name("g")))),
            Subsection(2, Vec(Cat(2, Vec(Cat(0, Name("x")), Cat(1, Name("y")))))));
        var expected = new NameSection("mod", [new NameAssoc(0, "f"), new NameAssoc(2, "g")],
            [new IndirectNameAssoc(2, [new NameAssoc(0, "x"), new NameAssoc(1, "y")])]);
        Assert.Equal(expected, module.Names);
    }

    [Fact]
    public void Other_subsections_are_skipped() =>
        Assert.Equal(new NameSection(null, [new NameAssoc(0, "f")], []),
            WithNameSection(Subsection(1, Vec(Cat(0, Name("f")))), Subsection(4, 1, 2, 3), Subsection(7, Vec(Cat(0, Name("g"))))).Names);

    [Fact]
    public void Module_without_name_section_has_no_names() => Assert.Null(Decoder.Decode(Header).Names);

    public static TheoryData<string, byte[]> MalformedContents() => new()
    {
        { "subsections out of order", Cat(Subsection(1, Vec()), Subsection(0, Name("m"))) },
        { "subsection twice", Cat(Subsection(0, Name("m")), Subsection(0, Name("m"))) },
        { "subsection size too large", Cat(0, 9, Name("m")) },
        { "subsection size too small", Cat(Subsection(0, Name("m")).Take(1).ToArray(), 1, Name("m")) },
        { "duplicate function index", Subsection(1, Vec(Cat(0, Name("f")), Cat(0, Name("g")))) },
        { "duplicate local index", Subsection(2, Vec(Cat(0, Vec(Cat(1, Name("x")), Cat(1, Name("y")))))) },
        { "name not UTF-8", Subsection(0, 1, 0xFF) },
        { "truncated map", Subsection(1, 2, 0, Name("f")) },
        { "index too large", Subsection(1, Vec(Cat(0xFF, 0xFF, 0xFF, 0xFF, 0x7F, Name("f")))) },
    };

    [Theory]
    [MemberData(nameof(MalformedContents))]
    public void Malformed_name_section_gives_no_names_but_keeps_the_module(string description, byte[] content)
    {
        var module = WithNameSection(content);
        Assert.True(module.Names is null, description);
        Assert.Equal(content, module.Customs[0].Content.ToArray());
    }
}
