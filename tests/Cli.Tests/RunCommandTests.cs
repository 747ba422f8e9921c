using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;

namespace WasmConform.Cli.Tests;

/// <summary><c>wasmconform run</c>: results in .wast syntax, and an exit status for every kind of ending.</summary>
[Collection(nameof(ConsoleCollection))]
public class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wasmconform-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly FuncType I32ToI32 = new([ValType.I32], [ValType.I32]);

    /// <summary>exports: div(a) = 100 / a (traps on 0), spin() loops forever, quit(c) calls env.exit(c).</summary>
    private string WriteModule()
    {
        var module = new Module
        {
            Types = [RecType.Single(SubType.Plain(I32ToI32)), RecType.Single(SubType.Plain(FuncType.Empty)),
                     RecType.Single(SubType.Plain(new FuncType([ValType.I32], [])))],
            Imports = [new Import("env", "exit", new ExternFunc(2))],
            Functions =
            [
                new Function(0, [], [new I32ConstInstruction(100), new IndexInstruction(Opcode.LocalGet, 0), new Instruction(Opcode.I32DivS)]),
                new Function(1, [], [new BlockInstruction(Opcode.Loop, BlockType.Empty), new IndexInstruction(Opcode.Br, 0), new Instruction(Opcode.End)]),
                new Function(2, [], [new IndexInstruction(Opcode.LocalGet, 0), new IndexInstruction(Opcode.Call, 0)]),
            ],
            Exports = [new Export("div", ExternKind.Func, 1), new Export("spin", ExternKind.Func, 2), new Export("quit", ExternKind.Func, 3)],
        };
        var path = Path.Combine(_dir, "m.wasm");
        File.WriteAllBytes(path, Encoder.Encode(module));
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => ConsoleCollection.Capture(Program.Main, args);

    [Fact]
    public void Values_print_in_wast_syntax_with_status_0()
    {
        var (code, stdout, _) = Run("run", WriteModule(), "--invoke", "div", "7");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"i32:{100 / 7}", stdout.Trim());
    }

    [Fact]
    public void A_trap_prints_its_message_with_status_1()
    {
        var (code, _, stderr) = Run("run", WriteModule(), "--invoke", "div", "i32:0");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("integer divide by zero", stderr);
    }

    [Fact]
    public void Fuel_ends_an_infinite_loop_with_status_4()
    {
        var (code, _, stderr) = Run("run", WriteModule(), "--invoke", "spin", "--fuel", "100000");
        Assert.Equal(ExitCodes.Exhausted, code);
        Assert.Contains("fuel exhausted", stderr);
    }

    [Fact]
    public void Host_exit_code_becomes_the_status()
    {
        var (code, stdout, _) = Run("run", WriteModule(), "--invoke", "quit", "42");
        Assert.Equal(42, code);
        Assert.Contains("exit:42", stdout);
    }

    [Fact]
    public void A_truncated_module_gives_one_malformed_line_with_the_offset_and_status_3()
    {
        var bytes = File.ReadAllBytes(WriteModule());
        var truncated = Path.Combine(_dir, "cut.wasm");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length - 3)]);
        var (code, _, stderr) = Run("run", truncated, "--invoke", "div", "1");
        Assert.Equal(ExitCodes.BadInput, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("malformed module: offset 0x[0-9a-f]+: ", line);
    }

    [Fact]
    public void V128_arguments_and_results_use_the_lane_syntax()
    {
        var path = Path.Combine(_dir, "v.wat");
        File.WriteAllText(path, "(module (func (export \"add\") (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1))))");
        var (code, stdout, _) = Run("run", path, "--invoke", "add", "v128:i32x4:1,2,3,4", "v128:i32x4:10,20,30,-1");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"v128:i32x4:11,22,33,{unchecked((uint)(4 + -1))}", stdout.Trim());
    }

    [Fact]
    public void A_text_module_with_a_syntax_error_gives_file_line_column()
    {
        var path = Path.Combine(_dir, "bad.wat");
        File.WriteAllText(path, "(module\n  (func (resul i32)))");
        var (code, _, stderr) = Run("run", path, "--invoke", "f");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("bad.wat:2:", stderr);
    }

    [Fact]
    public void An_unknown_export_is_a_usage_error()
    {
        var (code, _, stderr) = Run("run", WriteModule(), "--invoke", "nope");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("nope", stderr);
    }

    [Fact]
    public void A_wrong_argument_type_is_a_usage_error()
    {
        var (code, _, stderr) = Run("run", WriteModule(), "--invoke", "div", "f64:1.5");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("i32", stderr);
    }
}
