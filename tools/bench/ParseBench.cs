using System.Diagnostics;
using WasmConform.Harness;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Bench;

/// <summary>Parsing the whole spec suite (every .wast file and every quoted module) in one process.</summary>
public static class ParseBench
{
    public static int Run()
    {
        if (!Directory.Exists(TestSuite.Root))
        {
            Console.Error.WriteLine($"bench: spec test suite not found at {TestSuite.Root}");
            return 3;
        }
        var files = TestSuite.Files(TestSuite.Root, [TestSuite.Root]);
        long bytes = files.Sum(f => new FileInfo(f.FullPath).Length);
        var first = Stopwatch.StartNew();
        int commands = ParseAll(files);
        double cold = first.Elapsed.TotalSeconds;
        double warm = Program.Median(Program.Runs, () => ParseAll(files));
        Console.WriteLine($"{files.Count} files, {bytes / 1024} KiB, {commands} commands: first parse {cold:F2} s, then {warm:F2} s (median of {Program.Runs})");
        return 0;
    }

    private static int ParseAll(IReadOnlyList<SuiteFile> files)
    {
        int commands = 0;
        foreach (var file in files)
        {
            var script = WastScript.ParseFile(file.FullPath);
            commands += script.Commands.Count;
            foreach (var command in script.Commands)
                if (command is AssertMalformed { Module.Source: QuotedModule quote })
                    try { quote.Parse(); } catch (ParseException) { }
        }
        return commands;
    }
}
