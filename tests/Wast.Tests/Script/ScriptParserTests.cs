using System.Text;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Script;

public class ScriptParserTests
{
    private static WastScript Parse(string text) => WastScript.Parse(Encoding.UTF8.GetBytes(text), "s.wast");

    private static T Single<T>(string text) => Assert.IsType<T>(Assert.Single(Parse(text).Commands));

    [Fact]
    public void Text_module_is_parsed_with_its_id_and_position()
    {
        var script = Parse(";; x\n  (module $M (func))");
        var m = Assert.IsType<ModuleCommand>(Assert.Single(script.Commands));
        Assert.Equal("M", m.Id);
        Assert.False(m.IsDefinition);
        Assert.Equal(new SourceLocation("s.wast", 2, 3), m.Location);
        Assert.Single(Assert.IsType<TextModule>(m.Source).Module.Functions);
    }

    [Fact]
    public void Binary_module_keeps_its_bytes()
    {
        var m = Single<ModuleCommand>("(module definition $B binary \"\\00asm\" \"\\01\\00\\00\\00\")");
        Assert.True(m.IsDefinition);
        Assert.Equal("B", m.Id);
        Assert.Equal(new byte[] { 0, 0x61, 0x73, 0x6D, 1, 0, 0, 0 }, Assert.IsType<BinaryModule>(m.Source).Bytes.ToArray());
    }

    [Fact]
    public void Quoted_module_is_parsed_only_when_asked()
    {
        var bad = Single<AssertMalformed>("(assert_malformed (module quote \"(func\" \" (i32.const 0x))\") \"unknown operator\")");
        Assert.Equal("unknown operator", bad.Message);
        var quoted = Assert.IsType<QuotedModule>(bad.Module.Source);
        Assert.Equal("(func (i32.const 0x))", Encoding.UTF8.GetString(quoted.Text.AsSpan()));
        var e = Assert.Throws<ParseException>(() => quoted.Parse());
        Assert.Equal("unknown operator 0x", e.Message);
        Assert.Equal("s.wast:1:51", e.Location);

        var good = Single<ModuleCommand>("(module quote \"(func)\")");
        Assert.Single(Assert.IsType<QuotedModule>(good.Source).Parse().Functions);
    }

    [Fact]
    public void Instance_and_register_commands()
    {
        var script = Parse("(module definition $M) (module instance $I $M) (module instance $M) (register \"r\" $I) (register \"s\")");
        Assert.Equal(new InstanceCommand(new SourceLocation("s.wast", 1, 24), "I", "M"), script.Commands[1]);
        Assert.Equal("M", Assert.IsType<InstanceCommand>(script.Commands[2]).ModuleId);
        Assert.Null(Assert.IsType<InstanceCommand>(script.Commands[2]).InstanceId);
        Assert.Equal(("r", "I"), (Assert.IsType<RegisterCommand>(script.Commands[3]).Name, ((RegisterCommand)script.Commands[3]).ModuleId));
        Assert.Null(Assert.IsType<RegisterCommand>(script.Commands[4]).ModuleId);
    }

    [Fact]
    public void Invoke_arguments_are_values()
    {
        var a = Single<ActionCommand>("(invoke $M \"f\" (i32.const -1) (i64.const 0x10) (f32.const -0) (f64.const nan:0x1)"
            + " (v128.const i32x4 1 2 3 4) (ref.null func) (ref.extern 7) (ref.host 9))");
        var invoke = Assert.IsType<InvokeAction>(a.Action);
        Assert.Equal("M", invoke.ModuleId);
        Assert.Equal("f", invoke.Name);
        Assert.Equal(
            [Value.I32(-1), Value.I64(16), Value.F32Bits(0x80000000), Value.F64Bits(0x7FF0000000000001),
             Value.V128(0x0000_0002_0000_0001, 0x0000_0004_0000_0003), Value.Null(HeapType.Func),
             Value.Ref(HeapType.Extern, new HostReference(7)), Value.Ref(HeapType.Any, new HostReference(9))],
            invoke.Arguments.ToArray());
    }

    [Fact]
    public void Get_action()
    {
        var a = Single<ActionCommand>("(get \"g\")");
        Assert.Equal(new GetAction(new SourceLocation("s.wast", 1, 1), null, "g"), a.Action);
    }

    [Fact]
    public void Assert_return_result_patterns()
    {
        var r = Single<AssertReturn>("(assert_return (invoke \"f\")"
            + " (i32.const 1) (f32.const nan:canonical) (f64.const nan:arithmetic) (f64.const -nan)"
            + " (v128.const f32x4 nan:canonical 1 -0 nan:arithmetic) (ref.null) (ref.null extern) (ref.extern) (ref.extern 3)"
            + " (ref.func) (ref.struct) (ref.array) (ref.i31) (ref.eq) (ref) (ref.exn)"
            + " (either (i32.const 1) (i32.const 2)))");
        ResultPattern[] expected =
        [
            new ValueResult(Value.I32(1)),
            new NanResult(ValTypeKind.F32, NanKind.Canonical),
            new NanResult(ValTypeKind.F64, NanKind.Arithmetic),
            new ValueResult(Value.F64Bits(0xFFF8000000000000)),
            new V128Result(V128Shape.F32x4, [new LanePattern(0, NanKind.Canonical), new LanePattern(0x3F800000), new LanePattern(0x80000000), new LanePattern(0, NanKind.Arithmetic)]),
            new RefNullResult(null),
            new RefNullResult(HeapType.Extern),
            new RefTypeResult(HeapType.Extern),
            new ValueResult(Value.Ref(HeapType.Extern, new HostReference(3))),
            new RefTypeResult(HeapType.Func),
            new RefTypeResult(new HeapType(HeapKind.Struct)),
            new RefTypeResult(new HeapType(HeapKind.Array)),
            new RefTypeResult(new HeapType(HeapKind.I31)),
            new RefTypeResult(new HeapType(HeapKind.Eq)),
            new RefTypeResult(HeapType.Any),
            new RefTypeResult(HeapType.Exn),
            new EitherResult([new ValueResult(Value.I32(1)), new ValueResult(Value.I32(2))]),
        ];
        Assert.Equal(expected, r.Expected.ToArray());
    }

    [Fact]
    public void Assert_trap_takes_an_action_or_a_module()
    {
        var script = Parse("(assert_trap (invoke \"f\") \"unreachable\") (assert_trap (module (func)) \"out of bounds\")");
        Assert.Equal("unreachable", Assert.IsType<AssertTrap>(script.Commands[0]).Message);
        var uninstantiable = Assert.IsType<AssertUninstantiable>(script.Commands[1]);
        Assert.IsType<ModuleCommand>(uninstantiable.Module);
        Assert.Equal("out of bounds", uninstantiable.Message);
    }

    [Fact]
    public void Other_assertions()
    {
        var script = Parse("(assert_exhaustion (invoke \"f\") \"call stack exhausted\") (assert_exception (invoke \"t\"))"
            + " (assert_invalid (module (func (result i32))) \"type mismatch\") (assert_unlinkable (module (import \"m\" \"f\" (func))) \"unknown import\")"
            + " (assert_malformed_custom (module quote \"(@custom)\") \"@custom\") (assert_invalid_custom (module) \"x\")");
        Assert.Equal("call stack exhausted", Assert.IsType<AssertExhaustion>(script.Commands[0]).Message);
        Assert.IsType<AssertException>(script.Commands[1]);
        Assert.Equal("type mismatch", Assert.IsType<AssertInvalid>(script.Commands[2]).Message);
        Assert.Equal("unknown import", Assert.IsType<AssertUnlinkable>(script.Commands[3]).Message);
        Assert.IsType<AssertMalformedCustom>(script.Commands[4]);
        Assert.IsType<AssertInvalidCustom>(script.Commands[5]);
    }

    [Fact]
    public void A_file_of_module_fields_is_one_module()
    {
        var m = Single<ModuleCommand>("(type (func)) (func (type 0))");
        Assert.Single(Assert.IsType<TextModule>(m.Source).Module.Functions);
    }

    [Fact]
    public void Deeply_nested_either_fails_instead_of_exhausting_the_stack()
    {
        int n = WatParser.MaxNestingDepth + 1;
        string text = "(assert_return (invoke \"f\") " + string.Concat(Enumerable.Repeat("(either ", n)) + "(i32.const 0)" + new string(')', n + 1);
        Assert.Equal("results nested too deeply", Assert.Throws<ParseException>(() => Parse(text)).Message);
    }

    [Theory]
    [InlineData("(assert_return (invoke \"f\") (i32.const nan:canonical))", "NaN pattern with non-float type")]
    [InlineData("(assert_return (invoke \"f\") (v128.const i32x4 nan:canonical 0 0 0))", "invalid vector constant")]
    [InlineData("(assert_return (invoke \"f\") (v128.const i32x4 0 0 0))", "wrong number of lane literals")]
    [InlineData("(invoke \"f\" (i32.const 0x1_0000_0000))", "constant out of range")]
    [InlineData("(assert_trap (module definition) \"x\")", "misplaced module definition")]
    [InlineData("(foo)", "unknown operator foo")]
    [InlineData("(func)(assert_return)", "unexpected token")]
    public void Malformed_scripts_fail(string text, string message) =>
        Assert.Equal(message, Assert.Throws<ParseException>(() => Parse(text)).Message);
}
