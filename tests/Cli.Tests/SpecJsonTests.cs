namespace WasmConform.Cli.Tests;

/// <summary><c>wasmconform spec</c> on wast2json output: the JSON scripts in a folder run like .wast scripts.</summary>
[Collection(nameof(ConsoleCollection))]
public class SpecJsonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spec-json-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out) Run(params string[] args)
    {
        var (code, stdout, stderr) = ConsoleCollection.Capture(Program.Main, args);
        return (code, stdout + stderr);
    }

    private string Convert(string name, string script)
    {
        var wast = Path.Combine(_dir, name + ".wast");
        File.WriteAllText(wast, script);
        var json = Path.Combine(_dir, "json", name + ".json");
        Assert.Equal(0, Wast2Json.Program.Main([wast, "-o", json]));
        File.Delete(wast);
        return json;
    }

    [Fact]
    public void Json_scripts_in_a_folder_are_run()
    {
        Convert("pass", "(module (func (export \"f\") (result i32) (i32.const 1)))\n(assert_return (invoke \"f\") (i32.const 1))\n");
        var (code, output) = Run("spec", Path.Combine(_dir, "json"));
        Assert.True(code == ExitCodes.Ok, output);
        Assert.Contains("pass.json", output);
    }

    [Fact]
    public void Failing_json_command_fails_the_run()
    {
        var json = Convert("fail", "(module (func (export \"f\") (result i32) (i32.const 1)))\n(assert_return (invoke \"f\") (i32.const 2))\n");
        var (code, output) = Run("spec", json);
        Assert.True(code == ExitCodes.Failure, output);
    }
}
