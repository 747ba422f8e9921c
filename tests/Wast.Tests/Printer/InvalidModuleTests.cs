using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Printer;

/// <summary>Modules that do not validate still print, with their indices as they are (the reducer prints such modules).</summary>
public class InvalidModuleTests
{
    private static readonly Module Broken = new()
    {
        Types = [RecType.Single(SubType.Plain(new StructType([])))],
        Imports = [new Import("m", "t", new ExternTag(new TagType(99)))],
        Functions =
        [
            new Function(0, [ValType.I32], [new IndexInstruction(Opcode.Call, 99), new BlockInstruction(Opcode.Block, BlockType.Indexed(99)),
                new IndexInstruction(Opcode.LocalGet, 99), new IndexInstruction(Opcode.Throw, 0), new Instruction(Opcode.End)]),
            new Function(42, [], []),
        ],
        Tables = [new Table(new TableType(AddrType.I32, new Limits(1), RefType.FuncRef), [])],
        Elements = [new ElementSegment(RefType.FuncRef, [[]], SegmentMode.Active(3, []))],
        Datas = [new DataSegment(new byte[] { 1 }, SegmentMode.Active(7, [new Instruction(Opcode.End)]))],
        Exports = [new Export("x", (ExternKind)9, 5)],
        Start = 1000,
        Names = new NameSection(null, [new NameAssoc(99, "far"), new NameAssoc(1, "")], [new IndirectNameAssoc(0, [new NameAssoc(50, "y")])]),
    };

    [Theory]
    [InlineData(WatStyle.Folded)]
    [InlineData(WatStyle.Flat)]
    public void Function_whose_type_is_not_a_function_type_prints_without_parameters(WatStyle style) =>
        Assert.Contains("(func (;0;) (type 0)\n    (local i32)\n", WatPrinter.Print(Broken, style));

    [Fact]
    public void Out_of_range_indices_print_as_they_are()
    {
        var text = WatPrinter.Print(Broken, WatStyle.Flat);
        Assert.Contains("\n    call 99\n    block (;@1;) (type 99)\n      local.get 99\n      throw 0\n    end)\n", text);
        Assert.Contains("(func (;1;) (type 42))", text);
        Assert.Contains("(start 1000)", text);
    }

    [Fact]
    public void Empty_constant_expressions_print_as_empty_groups()
    {
        var text = WatPrinter.Print(Broken);
        Assert.Contains("(elem (;0;) (table 3) (offset) funcref (item))", text);
        Assert.Contains("(data (;0;) (memory 7) (offset end) \"\\01\")", text);
    }

    [Fact]
    public void Export_of_an_unknown_kind_names_the_kind_in_a_comment() => Assert.Contains("(export \"x\" ((;kind 9;) 5))", WatPrinter.Print(Broken));
}
