using System.Text;
using System.Text.Json;
using WasmConform.Engine.Embedding;
using WasmConform.Wast.Json;
using WasmConform.Wast.Script;

namespace WasmConform.Wast.Tests.Json;

/// <summary>The JSON command list and module files wast2json writes, command kind by command kind.</summary>
public class Wast2JsonFormatTests
{
    private const string Script = """
        (module $M
          (func (export "f") (param i32) (result i32) (local.get 0))
          (global (export "g") i64 (i64.const 1)))
        (register "m" $M)
        (assert_return
          (invoke $M "f" (i32.const 1))
          (i32.const 1))
        (assert_malformed (module quote "(func") "unexpected end")
        (assert_invalid (module (func (result i32))) "type mismatch")
        (assert_malformed (module binary "\00asm") "unexpected end")
        (assert_trap (invoke "f" (i32.const 0)) "x\"y")
        (assert_return (get "g") (i64.const -1))
        (invoke "f" (i32.const 2))

        """;

    // What wabt's wast2json 1.0.32 writes for the script above (fmt.wast).
    private const string WabtJson = """
        {"source_filename": "fmt.wast",
         "commands": [
          {"type": "module", "line": 1, "name": "$M", "filename": "fmt.0.wasm"}, 
          {"type": "register", "line": 4, "name": "$M", "as": "m"}, 
          {"type": "assert_return", "line": 6, "action": {"type": "invoke", "module": "$M", "field": "f", "args": [{"type": "i32", "value": "1"}]}, "expected": [{"type": "i32", "value": "1"}]}, 
          {"type": "assert_malformed", "line": 8, "filename": "fmt.1.wat", "text": "unexpected end", "module_type": "text"}, 
          {"type": "assert_invalid", "line": 9, "filename": "fmt.2.wasm", "text": "type mismatch", "module_type": "binary"}, 
          {"type": "assert_malformed", "line": 10, "filename": "fmt.3.wasm", "text": "unexpected end", "module_type": "binary"}, 
          {"type": "assert_trap", "line": 11, "action": {"type": "invoke", "field": "f", "args": [{"type": "i32", "value": "0"}]}, "text": "x\u0022y", "expected": [{"type": "i32"}]}, 
          {"type": "assert_return", "line": 12, "action": {"type": "get", "field": "g"}, "expected": [{"type": "i64", "value": "18446744073709551615"}]}, 
          {"type": "action", "line": 13, "action": {"type": "invoke", "field": "f", "args": [{"type": "i32", "value": "2"}]}, "expected": [{"type": "i32"}]}]}

        """;

    private static List<JsonElement> Commands(JsonScript json) =>
        JsonDocument.Parse(json.Json).RootElement.GetProperty("commands").EnumerateArray().ToList();

    [Fact]
    public void Json_is_laid_out_as_wabt_lays_it_out()
    {
        Assert.Equal(WabtJson, JsonConversion.Convert(Script, "fmt").Json);
    }

    [Fact]
    public void Module_files_are_numbered_in_command_order()
    {
        var files = JsonConversion.Convert(Script, "fmt").Files.Select(f => f.Name);
        Assert.Equal(["fmt.0.wasm", "fmt.1.wat", "fmt.2.wasm", "fmt.3.wasm"], files);
    }

    [Fact]
    public void Quoted_module_of_an_assertion_is_written_as_its_text()
    {
        var file = JsonConversion.Convert(Script, "fmt").Files.Single(f => f.Name == "fmt.1.wat");
        Assert.Equal("(func", Encoding.UTF8.GetString(file.Bytes));
    }

    [Fact]
    public void Binary_module_is_written_as_its_bytes()
    {
        var file = JsonConversion.Convert(Script, "fmt").Files.Single(f => f.Name == "fmt.3.wasm");
        Assert.Equal("\0asm"u8.ToArray(), file.Bytes);
    }

    [Fact]
    public void Quoted_module_command_that_parses_is_encoded()
    {
        var json = JsonConversion.Convert("(module quote \"(func)\")", "q");
        Assert.Equal("q.0.wasm", json.Files.Single().Name);
        Assert.Equal("\0asm"u8.ToArray(), json.Files.Single().Bytes[..4]);
    }

    [Fact]
    public void Quoted_module_command_that_does_not_parse_is_written_as_text()
    {
        var json = JsonConversion.Convert("(module quote \"(func\")", "q");
        var command = Commands(json).Single();
        Assert.Equal("q.0.wat", command.GetProperty("filename").GetString());
        Assert.Equal("text", command.GetProperty("module_type").GetString());
    }

    [Fact]
    public void Module_definition_is_marked_as_wabt_marks_it()
    {
        var command = Commands(JsonConversion.Convert("(module definition $D)", "d")).Single();
        Assert.Equal("true", command.GetProperty("definition").GetString());
        Assert.Equal("$D", command.GetProperty("name").GetString());
    }

    [Fact]
    public void Module_instance_is_a_command_of_its_own_without_a_file()
    {
        var json = JsonConversion.Convert("(module definition $D)\n(module instance $I $D)", "d");
        var command = Commands(json)[1];
        Assert.Equal("{\"type\": \"module_instance\", \"line\": 2, \"instance\": \"$I\", \"module\": \"$D\"}", command.GetRawText());
        Assert.Single(json.Files);
    }

    [Fact]
    public void Assertion_on_an_instance_names_its_module_instead_of_a_file()
    {
        var json = JsonConversion.Convert("(module definition $D)\n(assert_unlinkable (module instance $D) \"unknown import\")", "d");
        var command = Commands(json)[1];
        Assert.Equal("{\"type\": \"assert_unlinkable\", \"line\": 2, \"module\": \"$D\", \"text\": \"unknown import\"}", command.GetRawText());
    }

    [Fact]
    public void Lone_either_is_written_in_place_of_expected()
    {
        var json = JsonConversion.Convert("(module (func (export \"f\") (result i32) (i32.const 1)))\n" +
            "(assert_return (invoke \"f\") (either (i32.const 1) (i32.const 2)))", "e");
        var command = Commands(json)[1];
        Assert.False(command.TryGetProperty("expected", out _));
        Assert.Equal(2, command.GetProperty("either").GetArrayLength());
    }

    [Fact]
    public void Custom_section_assertions_keep_their_kind()
    {
        var json = JsonConversion.Convert("(assert_malformed_custom (module quote \"(@custom\") \"x\")\n" +
            "(assert_invalid_custom (module quote \"(@custom)\") \"y\")", "c");
        Assert.Equal(["assert_malformed_custom", "assert_invalid_custom"], Commands(json).Select(c => c.GetProperty("type").GetString()));
    }

    [Fact]
    public void V128_argument_keeps_the_shape_it_was_written_in()
    {
        var json = JsonConversion.Convert("(module (func (export \"f\") (param v128)))\n(invoke \"f\" (v128.const i16x8 1 2 3 4 5 6 7 -1))", "v");
        var arg = Commands(json)[1].GetProperty("action").GetProperty("args")[0];
        Assert.Equal("i16", arg.GetProperty("lane_type").GetString());
        Assert.Equal("65535", arg.GetProperty("value")[7].GetString());
    }

    [Fact]
    public void Result_types_are_left_out_when_the_export_is_unknown()
    {
        var command = Commands(JsonConversion.Convert("(module)\n(assert_trap (invoke \"nothing\") \"x\")", "u"))[1];
        Assert.False(command.TryGetProperty("expected", out _));
    }

    [Fact]
    public void Read_back_gives_the_same_commands_at_the_recorded_lines()
    {
        var original = WastScript.Parse(Encoding.UTF8.GetBytes(Script), "fmt.wast");
        var back = JsonConversion.ReadBack(JsonConversion.Convert(Script, "fmt"), "fmt.json");

        Assert.Equal(original.Commands.Select(c => c.GetType()), back.Commands.Select(c => c.GetType()));
        var assertReturn = Assert.IsType<AssertReturn>(back.Commands[2]);
        var invoke = Assert.IsType<InvokeAction>(assertReturn.Action);
        Assert.Equal(("M", "f", Value.I32(1)), (invoke.ModuleId, invoke.Name, invoke.Arguments[0]));
        Assert.Equal(6, assertReturn.Location.Line);
        Assert.Equal(new ResultPattern[] { new ValueResult(Value.I32(1)) }, assertReturn.Expected.ToArray());
        Assert.Equal("x\"y", Assert.IsType<AssertTrap>(back.Commands[6]).Message);
        Assert.Equal(("m", "M"), (((RegisterCommand)back.Commands[1]).Name, ((RegisterCommand)back.Commands[1]).ModuleId));
    }

    [Fact]
    public void Read_back_turns_wat_files_into_quoted_modules_and_wasm_files_into_binary_ones()
    {
        var back = JsonConversion.ReadBack(JsonConversion.Convert(Script, "fmt"), "fmt.json");
        Assert.IsType<BinaryModule>(((ModuleCommand)back.Commands[0]).Source);
        Assert.Equal("(func"u8.ToArray(), Assert.IsType<QuotedModule>(((AssertMalformed)back.Commands[3]).Module.Source).Text.ToArray());
    }

    [Fact]
    public void Definitions_and_instances_read_back()
    {
        var back = JsonConversion.ReadBack(JsonConversion.Convert("(module definition $D)\n(module instance $I $D)", "d"), "d.json");
        Assert.True(Assert.IsType<ModuleCommand>(back.Commands[0]).IsDefinition);
        var instance = Assert.IsType<InstanceCommand>(back.Commands[1]);
        Assert.Equal(("I", "D"), (instance.InstanceId, instance.ModuleId));
    }

    [Fact]
    public void Missing_module_file_names_the_command_and_its_line()
    {
        var json = JsonConversion.Convert(Script, "fmt");
        var e = Assert.Throws<JsonScriptException>(() =>
            JsonScriptReader.Read(json.JsonBytes, "fmt.json", name => throw new FileNotFoundException($"no {name}")));
        Assert.Equal("fmt.json: command 0 (line 1)", e.Location);
    }

    [Fact]
    public void Json_syntax_error_is_reported_at_its_position()
    {
        var e = Assert.Throws<JsonScriptException>(() =>
            JsonScriptReader.Read("{\"commands\": [\n  {\"type\": }]}"u8.ToArray(), "bad.json", _ => []));
        Assert.StartsWith("bad.json:2:", e.Location);
    }

    [Fact]
    public void Unknown_command_type_is_an_error()
    {
        var e = Assert.Throws<JsonScriptException>(() =>
            JsonScriptReader.Read("{\"commands\": [{\"type\": \"thread\", \"line\": 3}]}"u8.ToArray(), "t.json", _ => []));
        Assert.Contains("thread", e.Message);
    }
}
