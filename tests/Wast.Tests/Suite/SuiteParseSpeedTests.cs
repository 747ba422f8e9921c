using System.Diagnostics;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;
using Xunit.Abstractions;

namespace WasmConform.Wast.Tests.Suite;

/// <summary>Timing tests run alone, so other tests do not share their cores.</summary>
[CollectionDefinition("Timing", DisableParallelization = true)]
public class TimingCollection;

/// <summary>Reading the whole suite stays cheap: it is the first step of every conformance run.</summary>
[Collection("Timing")]
public class SuiteParseSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void Whole_suite_with_quoted_modules_parses_in_well_under_two_seconds()
    {
        var files = TestSuite.WastFiles();
        Assert.True(files.Count > 0, TestSuite.MissingMessage);
        var sources = files.Select(f => (Name: f, Bytes: File.ReadAllBytes(TestSuite.PathOf(f)))).ToArray();
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
        output.WriteLine($"{files.Count} files, {commands} commands, {quoted} quoted modules: {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"parsing the suite took {clock.ElapsedMilliseconds} ms");
    }
}
