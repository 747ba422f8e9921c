using System.Diagnostics;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;
using Xunit.Abstractions;

namespace WasmConform.Wast.Tests.Suite;

/// <summary>Timing tests run alone, so other tests do not share their cores.</summary>
[CollectionDefinition("Timing", DisableParallelization = true)]
public class TimingCollection;

/// <summary>
/// Reading the whole suite stays cheap: it is the first step of every conformance run. A cold
/// Release run takes about 0.6 s of wall time on one core (JIT included). The check is on the
/// process's CPU time, which other programs on a busy machine do not inflate, with room for
/// Debug builds: it guards against a slowdown, the figure to report is the one printed.
/// </summary>
[Collection("Timing")]
public class SuiteParseSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void Whole_suite_with_quoted_modules_parses_quickly()
    {
        var files = TestSuite.WastFiles();
        Assert.True(files.Count > 0, TestSuite.MissingMessage);
        var sources = files.Select(f => (Name: f, Bytes: File.ReadAllBytes(TestSuite.PathOf(f)))).ToArray();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        int commands = 0, quoted = 0;
        foreach (var (name, bytes) in sources)
        {
            foreach (var command in WastScript.Parse(bytes, name).Commands)
            {
                commands++;
                var module = command switch
                {
                    ModuleCommand { Source: QuotedModule q } => q,
                    AssertMalformed { Module.Source: QuotedModule q } => q,
                    AssertInvalid { Module.Source: QuotedModule q } => q,
                    _ => null,
                };
                if (module is null) continue;
                quoted++;
                try
                {
                    module.Parse();
                }
                catch (ParseException)
                {
                    // Expected for the malformed ones; only the time matters here.
                }
            }
        }
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        output.WriteLine($"{files.Count} files, {commands} commands, {quoted} quoted modules: {clock.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:F0} ms CPU");
        Assert.True(cpu < TimeSpan.FromSeconds(4), $"parsing the suite took {cpu.TotalMilliseconds:F0} ms of CPU time");
    }
}
