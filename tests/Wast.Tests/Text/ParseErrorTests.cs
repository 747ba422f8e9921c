using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Text;

/// <summary>Malformed text fails with the spec interpreter's message at <c>file:line:column</c>.</summary>
public class ParseErrorTests
{
    private static ParseException Fail(string text) =>
        Assert.Throws<ParseException>(() => WatParser.ParseModule(text, "m.wat"));

    [Fact]
    public void Error_location_is_file_line_column()
    {
        var e = Fail("(module\n  (func (i32.const 0x)))");
        Assert.Equal("unknown operator 0x", e.Message);
        Assert.Equal("m.wat:2:20", e.Location);
        Assert.Equal("m.wat:2:20: unknown operator 0x", e.Describe());
    }

    [Theory]
    [InlineData("(func (get_local 0))", "unknown operator get_local")]
    [InlineData("(table 0 anyfunc)", "unknown operator anyfunc")]
    [InlineData("(func i32.trunc_s/f32)", "unknown operator i32.trunc_s/f32")]
    [InlineData("(func (param i32) (local i32) (param i32))", "unexpected token")]
    [InlineData("(func (block (result i32) (param i32)))", "unexpected token")]
    [InlineData("(func (catch_all))", "unexpected token")]
    [InlineData("(func end)", "unexpected token")]
    [InlineData("(func (i32.const 4294967296))", "constant out of range")]
    [InlineData("(func (i64.const 1.5))", "constant out of range")]
    [InlineData("(func (f32.const 1e39))", "constant out of range")]
    [InlineData("(func (f64.const nan:0x0))", "constant out of range")]
    [InlineData("(func (v128.const i32x4 1 2 3))", "wrong number of lane literals")]
    [InlineData("(func (v128.const i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0))", "constant out of range")]
    [InlineData("(func (i8x16.shuffle 0 1 2))", "invalid lane length")]
    [InlineData("(func (i8x16.extract_lane_s 256))", "i8 constant out of range")]
    [InlineData("(func (br 4294967296))", "i32 constant out of range")]
    [InlineData("(memory 0x1_0000_0000_0000_0000)", "i64 constant out of range")]
    [InlineData("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))", "alignment must be a power of two")]
    [InlineData("(memory f32 1)", "malformed address type")]
    [InlineData("(memory 0 (pagesize 3))", "invalid custom page size")]
    [InlineData("(func (br $l))", "unknown label  $l")]
    [InlineData("(func block $a end $b)", "mismatching label")]
    [InlineData("(func block end $b)", "mismatching label")]
    [InlineData("(func $f) (func $f)", "duplicate function $f")]
    [InlineData("(func (param $x i32) (local $x i32))", "duplicate local $x")]
    [InlineData("(global $g i32 (i32.const 0)) (global $g i32 (i32.const 0))", "duplicate global $g")]
    [InlineData("(type (struct (field $a i32) (field $a i32)))", "duplicate field $a")]
    [InlineData("(func (call $nope))", "unknown function $nope")]
    [InlineData("(func (local.get $x))", "unknown local $x")]
    [InlineData("(func (param (ref $t)))", "unknown type $t")]
    [InlineData("(type (struct)) (func (param (ref 0)) (struct.get 0 $f (local.get 0)) drop)", "unknown field  $f")]
    [InlineData("(func) (import \"m\" \"f\" (func))", "import after function definition")]
    [InlineData("(global i32 (i32.const 0)) (func) (import \"m\" \"g\" (global i32))", "import after function definition")]
    [InlineData("(func) (global i32 (i32.const 0)) (import \"m\" \"g\" (global i32))", "import after global definition")]
    [InlineData("(func $f) (start $f) (start $f)", "multiple start sections")]
    [InlineData("(type $t (func (param i32))) (func (type $t) (param i64))", "inline function type does not match explicit type")]
    [InlineData("(type $t (func)) (func (block (type $t) (result i32) (i32.const 0)) drop)", "inline function type does not match explicit type")]
    [InlineData("(func (export \"\\ff\"))", "malformed UTF-8 encoding")]
    [InlineData("(func $)", "empty identifier")]
    [InlineData("(module (func) (func", "unexpected token")]
    [InlineData("(module) (func)", "unexpected token")]
    public void Malformed_text_reports_the_spec_interpreter_message(string text, string message) =>
        Assert.Equal(message, Fail(text).Message);

    [Fact]
    public void A_syntax_error_wins_over_an_earlier_unknown_identifier()
    {
        var e = Fail("(func (call $nope)) (func (i32.const))");
        Assert.Equal("unexpected token", e.Message);
    }

    [Fact]
    public void Identifiers_may_be_used_before_their_definition() =>
        Assert.Equal(1u, ((Engine.Syntax.IndexInstruction)WatParser.ParseModule("(func (call $g)) (func $g)").Functions[0].Body[0]).Index);

    [Theory]
    [InlineData("(block ", ")")]
    [InlineData("block ", " end")]
    [InlineData("(i32.eqz ", ")")]
    public void Nesting_beyond_the_limit_fails_instead_of_exhausting_the_stack(string open, string close)
    {
        int n = WatParser.MaxNestingDepth + 1;
        string text = "(func " + string.Concat(Enumerable.Repeat(open, n)) + string.Concat(Enumerable.Repeat(close, n)) + ")";
        Assert.Equal("instructions nested too deeply", Fail(text).Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses()
    {
        int n = WatParser.MaxNestingDepth;
        string text = "(func " + string.Concat(Enumerable.Repeat("(block ", n)) + new string(')', n) + ")";
        Assert.Equal(2 * n, WatParser.ParseModule(text).Functions[0].Body.Count);
    }

    [Fact]
    public void Unexpected_token_is_reported_at_the_token_after_an_open_parenthesis()
    {
        var e = Fail("(func (nop) (local i32))");
        Assert.Equal("m.wat:1:14", e.Location);
    }
}
