namespace WasmConform.Cli.Tests;

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection
{
    /// <summary>Runs a program's <c>Main</c> with the console captured: its exit status, standard output and standard error.</summary>
    public static (int Code, string Out, string Err) Capture(Func<string[], int> main, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            return (main(args), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
