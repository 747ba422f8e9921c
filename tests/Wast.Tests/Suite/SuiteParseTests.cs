using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Suite;

/// <summary>Every script of the official suite parses; quoted modules parse or fail exactly as their assertions say.</summary>
public class SuiteParseTests
{
    public static TheoryData<string> Files => TestSuite.WastFileData();

    [Theory]
    [MemberData(nameof(Files))]
    public void Script_parses_completely(string file)
    {
        string path = TestSuite.PathOf(file);
        try
        {
            Assert.NotEmpty(WastScript.ParseFile(path).Commands);
        }
        catch (ParseException e)
        {
            Assert.Fail(e.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Quoted_modules_parse_unless_asserted_malformed(string file)
    {
        var script = WastScript.ParseFile(TestSuite.PathOf(file));
        var failures = new List<string>();
        foreach (var command in script.Commands)
        {
            if (OlderBase.ContainsKey($"{file}:{command.Location.Line}")) continue;
            foreach (var (module, expected) in QuotedModules(command))
            {
                string? actual = null;
                try
                {
                    module.Parse();
                }
                catch (ParseException e)
                {
                    actual = e.Message;
                }
                if (expected is null && actual is not null)
                    failures.Add($"{command.Location}: unexpected error \"{actual}\"");
                else if (expected is not null && (actual is null || !actual.StartsWith(expected, StringComparison.Ordinal)))
                    failures.Add($"{command.Location}: expected \"{expected}\", got {(actual is null ? "a module" : $"\"{actual}\"")}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // Assertions of proposals written against an older base than WebAssembly 3.0, which the
    // 3.0 text format answers differently (file:line of the assertion, and why).
    private static readonly Dictionary<string, string> OlderBase = new()
    {
        ["proposals/threads/memory.wast:83"] = "memory limits are u64 since memory64: no i32 range error",
        ["proposals/threads/memory.wast:87"] = "memory limits are u64 since memory64: no i32 range error",
        ["proposals/threads/memory.wast:91"] = "memory limits are u64 since memory64: no i32 range error",
    };

    // Quoted modules of a command with the message a parse must fail with (null: must parse).
    private static IEnumerable<(QuotedModule Module, string? Expected)> QuotedModules(Command command)
    {
        switch (command)
        {
            case ModuleCommand { Source: QuotedModule q }:
                yield return (q, null);
                break;
            case AssertMalformed { Module.Source: QuotedModule q } m:
                yield return (q, m.Message);
                break;
            case AssertInvalid { Module.Source: QuotedModule q }:
                yield return (q, null);
                break;
            case AssertMalformedCustom { Module.Source: QuotedModule q } m
                when m.Message.Contains("@custom", StringComparison.Ordinal) || m.Message.Contains("@name", StringComparison.Ordinal):
                yield return (q, m.Message);
                break;
            case AssertUnlinkable { Module: ModuleCommand { Source: QuotedModule q } }:
                yield return (q, null);
                break;
            case AssertUninstantiable { Module: ModuleCommand { Source: QuotedModule q } }:
                yield return (q, null);
                break;
        }
    }
}
