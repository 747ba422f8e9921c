using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Printer;

/// <summary>The text of module fields (§6.6): expected fragments written out by hand from the samples.</summary>
public class ModuleTextTests
{
    private static readonly string Folded = WatPrinter.Print(PrinterSamples.EverySection());
    private static readonly string Flat = WatPrinter.Print(PrinterSamples.EverySection(), WatStyle.Flat);

    [Fact]
    public void Empty_module_prints_as_module_alone() =>
        Assert.Equal("(module)\n", WatPrinter.Print(Module.Empty));

    [Fact]
    public void Module_name_from_the_name_section_becomes_its_identifier() =>
        Assert.StartsWith("(module $sample\n", Folded);

    [Fact]
    public void Module_name_that_is_not_an_identifier_is_left_out() =>
        Assert.Equal("(module)\n", WatPrinter.Print(Module.Empty with { Names = new NameSection("a b", [], []) }));

    [Theory]
    [InlineData("(type (;0;) (func))")]
    [InlineData("(rec\n    (type (;1;) (sub (struct (field (mut i8)) (field v128))))\n    (type (;2;) (sub final 1 (array (mut i16)))))")]
    [InlineData("\n  (rec)\n")]
    [InlineData("(type (;3;) (func (param i32 (ref 1) i64) (result f64)))")]
    [InlineData("(type (;4;) (descriptor 5) (struct))")]
    [InlineData("(type (;5;) (sub (describes 4) (struct (field (ref null (exact 4))))))")]
    public void Types_print_with_their_index_and_grouping(string fragment) => Assert.Contains(fragment, Folded);

    [Fact]
    public void Nullable_abstract_reference_types_use_their_short_names()
    {
        HeapKind[] kinds = [HeapKind.Func, HeapKind.NoFunc, HeapKind.Extern, HeapKind.NoExtern, HeapKind.Any, HeapKind.Eq,
            HeapKind.I31, HeapKind.Struct, HeapKind.Array, HeapKind.None, HeapKind.Exn, HeapKind.NoExn];
        var type = new FuncType(kinds.Select(k => new ValType(new RefType(true, new HeapType(k)))).ToArray(), []);
        var text = WatPrinter.Print(new Module { Types = [RecType.Single(SubType.Plain(type))] });
        Assert.Contains("(param funcref nullfuncref externref nullexternref anyref eqref i31ref structref arrayref nullref exnref nullexnref)", text);
    }

    [Fact]
    public void Non_nullable_and_concrete_reference_types_use_the_ref_form()
    {
        ValType[] types = [new(new RefType(false, HeapType.Func)), new(new RefType(true, HeapType.Concrete(3))), new(new RefType(false, HeapType.Concrete(3)))];
        var text = WatPrinter.Print(new Module { Types = [RecType.Single(SubType.Plain(new FuncType([], types)))] });
        Assert.Contains("(result (ref func) (ref null 3) (ref 3))", text);
    }

    [Theory]
    [InlineData("(import \"env\" \"f\" (func $imported (;0;) (type 0)))")]
    [InlineData("(import \"env\" \"t\" (table (;0;) i64 1 10 externref))")]
    [InlineData("(import \"env\" \"m\" (memory (;0;) 1 2 shared))")]
    [InlineData("(import \"env\" \"g\" (global (;0;) (mut f32)))")]
    [InlineData("(import \"\\c3\\a9nv\" \"tag\" (tag (;0;) (type 0)))")]
    [InlineData("(import \"env\" \"exact\" (func (;1;) (exact (type 0))))")]
    public void Imports_print_their_kind_index_and_type(string fragment) => Assert.Contains(fragment, Folded);

    [Theory]
    [InlineData("(table (;1;) 0 funcref)")]
    [InlineData("(table (;2;) 1 1 (ref func) (ref.func 1))")]
    [InlineData("(memory (;1;) i64 1099511627776 18446744073709551615)")]
    [InlineData("(memory (;2;) 0 (pagesize 1))")]
    [InlineData("(tag (;1;) (type 0))")]
    [InlineData("(global (;2;) (mut nullfuncref) (ref.null nofunc))")]
    [InlineData("(start $start)")]
    public void Definitions_print_their_index_type_and_initialiser(string fragment) => Assert.Contains(fragment, Folded);

    [Fact]
    public void Constant_expression_is_folded_in_the_folded_style() =>
        Assert.Contains("(global (;1;) i32 (i32.add (i32.const 1) (i32.const 2)))", Folded);

    [Fact]
    public void Constant_expression_is_one_instruction_per_group_in_the_flat_style() =>
        Assert.Contains("(global (;1;) i32 (i32.const 1) (i32.const 2) (i32.add))", Flat);

    [Theory]
    [InlineData("(export \"run\" (func $run))")]
    [InlineData("(export \"mem\" (memory 0))")]
    [InlineData("(export \"\" (tag 1))")]
    [InlineData("(export \"t\" (table 1))")]
    [InlineData("(export \"g\" (global 2))")]
    public void Exports_name_their_target(string fragment) => Assert.Contains(fragment, Folded);

    [Theory]
    [InlineData("(elem (;0;) (i32.const 0) func 1 $run)")]
    [InlineData("(elem (;1;) func 1)")]
    [InlineData("(elem (;2;) (table 1) (i32.mul (i32.const 1) (i32.const 2)) func 1)")]
    [InlineData("(elem (;3;) declare func 1)")]
    [InlineData("(elem (;4;) (i32.const 0) funcref (ref.null func) (ref.func 1))")]
    [InlineData("(elem (;5;) externref (ref.null extern))")]
    [InlineData("(elem (;6;) (table 1) (i64.const 0) funcref)")]
    public void Element_segments_print_mode_and_items(string fragment) => Assert.Contains(fragment, Folded);

    [Fact]
    public void Offset_of_several_instructions_is_wrapped_in_the_flat_style() =>
        Assert.Contains("(elem (;2;) (table 1) (offset (i32.const 1) (i32.const 2) (i32.mul)) func 1)", Flat);

    [Theory]
    [InlineData("(data (;0;) (i64.const 16) \"\\00a\\22\\5c\\7f\\ff \")")]
    [InlineData("(data (;1;))")]
    [InlineData("(data (;2;) (memory 1) (i32.const 0)\n    \"\\00\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e\\0f\\10\\11\\12\\13\\14\\15\\16\\17\\18\\19\\1a\\1b\\1c\\1d\\1e\\1f\"\n")]
    [InlineData("\n    \" !\\22#$%&'()*+,-./0123456789:;<=>?\" \"@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\5c]^_\" \"`abc\")\n")]
    public void Data_bytes_print_as_escaped_strings_of_32_bytes_filled_into_lines(string fragment) => Assert.Contains(fragment, Folded);

    [Theory]
    [InlineData("(@custom \"first\" (before first) \"\\00\")")]
    [InlineData("(@custom \"after types\" (after type))")]
    [InlineData("(@custom \"after tags\" (after tag) \"\\01\\02\")")]
    [InlineData("(@custom \"after code\" (after code) \"\\03\"))\n")]
    public void Custom_sections_print_as_annotations_with_their_placement(string fragment) => Assert.Contains(fragment, Folded);

    [Fact]
    public void Parameters_and_locals_are_named_from_the_name_section()
    {
        Assert.Contains("(func $run (;3;) (type 3) (param $x i32) (param (ref 1) i64) (result f64)\n    (local i32) (local $count i32) (local i64 exnref)\n", Folded);
    }

    [Fact]
    public void Local_names_are_used_by_local_instructions() =>
        Assert.Contains("\n    local.get $x\n    local.get 2\n", Flat);

    [Fact]
    public void Function_names_that_are_duplicate_or_not_identifiers_fall_back_to_indices()
    {
        var module = new Module
        {
            Types = [RecType.Single(SubType.Plain(FuncType.Empty))],
            Functions = [new Function(0, [], []), new Function(0, [], []), new Function(0, [], [new IndexInstruction(Opcode.Call, 1), new IndexInstruction(Opcode.Call, 2)])],
            Names = new NameSection(null, [new NameAssoc(0, "a"), new NameAssoc(1, "a"), new NameAssoc(2, "b;c")], []),
        };
        var text = WatPrinter.Print(module, WatStyle.Flat);
        Assert.Contains("(func $a (;0;) (type 0))", text);
        Assert.Contains("(func (;1;) (type 0))", text);
        Assert.Contains("(func (;2;) (type 0)\n    call 1\n    call 2)", text);
    }
}
