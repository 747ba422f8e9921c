using System.Text.Json;
using Wast2JsonProgram = WasmConform.Wast2Json.Program;

namespace WasmConform.Cli.Tests;

/// <summary><c>wast2json</c>: files written where asked, errors as <c>file:line:column: message</c>, and help.</summary>
[Collection(nameof(ConsoleCollection))]
public class Wast2JsonCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wast2json-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ConsoleCollection.Capture(Wast2JsonProgram.Main, args);

    private const string Script = "(module (func (export \"f\") (result i32) (i32.const 1)))\n(assert_return (invoke \"f\") (i32.const 1))\n" +
        "(assert_malformed (module quote \"(func\") \"unexpected end\")\n";

    [Fact]
    public void Json_and_module_files_go_where_output_says()
    {
        var input = Write("s.wast", Script);
        var output = Path.Combine(_dir, "out", "t.json");
        var (code, _, err) = Run(input, "-o", output);
        Assert.True(code == Wast2JsonProgram.Ok, err);
        Assert.Equal(["t.0.wasm", "t.1.wat", "t.json"], Directory.GetFiles(Path.GetDirectoryName(output)!).Select(Path.GetFileName).Order());
        using var json = JsonDocument.Parse(File.ReadAllBytes(output));
        Assert.Equal(input, json.RootElement.GetProperty("source_filename").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("commands").GetArrayLength());
    }

    [Fact]
    public void Broken_script_gives_its_position_and_a_failure_status()
    {
        var input = Write("bad.wast", "(module)\n(assert_return (invoke \"f\") (i32.const 1x))\n");
        var (code, _, err) = Run(input, "-o", Path.Combine(_dir, "bad.json"));
        Assert.Equal(Wast2JsonProgram.Failed, code);
        Assert.StartsWith($"{input}:2:", err);
        Assert.DoesNotContain(" at ", err);
        Assert.False(File.Exists(Path.Combine(_dir, "bad.json")));
    }

    [Fact]
    public void Missing_script_is_a_failure_without_a_stack_trace()
    {
        var (code, _, err) = Run(Path.Combine(_dir, "none.wast"), "-o", Path.Combine(_dir, "none.json"));
        Assert.Equal(Wast2JsonProgram.Failed, code);
        Assert.StartsWith("wast2json: ", err);
        Assert.DoesNotContain(" at ", err);
    }

    [Fact]
    public void Help_describes_the_usage()
    {
        var (code, stdout, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("-o, --output", stdout);
    }
}
