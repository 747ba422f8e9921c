using System.CommandLine;
using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Engines;
using WasmConform.Wast.Text;

namespace WasmConform.Cli.Commands;

/// <summary><c>wasmconform run FILE.wasm --invoke NAME [ARG...]</c>: runs one exported function on the reference interpreter.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The module: a binary .wasm file, or a text .wat file." };
        var arguments = new Argument<string[]>("args")
        {
            Description = "Arguments in .wast value syntax: 42, i64:-1, f32:0x1p-1, f64:nan:0x1, v128:i32x4:1,2,3,4 (a bare number takes the parameter's type).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var invoke = new Option<string>("--invoke") { Description = "The exported function to call.", Required = true };
        var fuel = new Option<long?>("--fuel") { Description = "Stop after this many instructions (fuel units): 'fuel exhausted'." };
        var maxDepth = new Option<int?>("--max-depth") { Description = "Most nested calls before 'call stack exhausted' (default 50000)." };
        var command = new Command("run", """
            Run an exported function of a module on the reference interpreter and print its results
            in .wast value syntax (i32:42, f64:0x1p-1), one per line. The module may import
            env.exit(i32) (ends the run with that exit status) and env.log_i32/i64/f32/f64 (print to stderr).
            Exit status: 0 values returned; 1 trap; 2 usage; 3 unreadable, malformed, invalid or
            unlinkable module; 4 call stack, fuel or time exhausted; N when the module called env.exit(N).
            """)
        {
            file, arguments, invoke, fuel, maxDepth,
        };
        command.SetAction(parse => Run(
            parse.GetValue(file)!, parse.GetValue(invoke)!, parse.GetValue(arguments) ?? [],
            parse.GetValue(fuel), parse.GetValue(maxDepth)));
        return command;
    }

    private static int Run(FileInfo file, string export, string[] args, long? fuel, int? maxDepth)
    {
        var limits = new ExecutionLimits { Fuel = fuel };
        if (maxDepth is { } depth) limits = limits with { MaxCallDepth = depth };
        try
        {
            var bytes = File.ReadAllBytes(file.FullName);
            var module = file.Extension == ".wat"
                ? CompiledModule.FromModule(WatParser.ParseModule(bytes, file.FullName))
                : CompiledModule.FromBinary(bytes);
            var linker = new HostImports { OnLog = v => Console.Error.WriteLine($"log: {v}") }.DefineIn(new Linker());
            var instance = linker.Instantiate(new Store(limits), module);
            if (!instance.Exports.TryGetValue(export, out var value) || value.Instance is not FunctionInstance function)
                return Fail(ExitCodes.Usage, $"{file.Name}: no exported function \"{export}\"");
            var values = ValueArguments.Parse(args, function.Type.Params);
            foreach (var result in instance.Store.Invoke(function, values)) Console.WriteLine(result);
            return ExitCodes.Ok;
        }
        catch (IOException e) { return Fail(ExitCodes.BadInput, $"{file.Name}: {e.Message}"); }
        catch (UnauthorizedAccessException e) { return Fail(ExitCodes.BadInput, $"{file.Name}: {e.Message}"); }
        catch (MalformedException e) { return Fail(ExitCodes.BadInput, $"{file.Name}: malformed module: {e.Describe()}"); }
        catch (ParseException e) { return Fail(ExitCodes.BadInput, $"malformed module: {e.Describe()}"); }
        catch (InvalidException e) { return Fail(ExitCodes.BadInput, $"{file.Name}: invalid module: {e.Describe()}"); }
        catch (LinkException e) { return Fail(ExitCodes.BadInput, $"{file.Name}: unlinkable module: {e.Describe()}"); }
        catch (FormatException e) { return Fail(ExitCodes.Usage, e.Message); }
        catch (TrapException e) { return Fail(ExitCodes.Failure, $"trap: {e.Message}"); }
        catch (ExhaustionException e) { return Fail(ExitCodes.Exhausted, $"exhausted: {e.Message}"); }
        catch (ExitException e)
        {
            Console.WriteLine($"exit:{e.Code}");
            return e.Code;
        }
        catch (UnsupportedFeatureException e) { return Fail(ExitCodes.BadInput, $"{file.Name}: {e.Message}"); }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
