using System.CommandLine;
using WasmConform.Cli.Commands;

namespace WasmConform.Cli;

/// <summary>Entry point of <c>wasmconform</c>: one subcommand per job.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("WasmConform: WebAssembly reference interpreter, spec-suite runner and differential fuzzer.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SpecCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(FuzzCommand.Create());
        return root.Parse(args).Invoke();
    }
}
