using System.Text;
using WasmConform.Wast.Json;
using WasmConform.Wast.Script;
using WasmConform.Wast.Tests.Suite;

namespace WasmConform.Wast.Tests.Json;

/// <summary>
/// A script converted to JSON and read back runs as the .wast does: command by command the same
/// status, description, expected and actual outcome, at the line wast2json records for it.
/// </summary>
public class JsonRunTests
{
    public static TheoryData<string> Files => TestSuite.WastFileData();

    [Theory]
    [MemberData(nameof(Files))]
    public void Json_gives_the_same_results_as_the_wast(string file)
    {
        string path = TestSuite.PathOf(file);
        var wast = WastScript.ParseFile(path);
        var direct = JsonConversion.Run(wast, file);
        var viaJson = JsonConversion.Run(JsonConversion.ReadBack(JsonConversion.Convert(path), path), file);

        Assert.Equal(direct.Commands.Count, viaJson.Commands.Count);
        var differences = new StringBuilder();
        for (int i = 0; i < direct.Commands.Count; i++)
        {
            var expected = direct.Commands[i] with { Line = RecordedLine(wast.Commands[i]) };
            if (expected != viaJson.Commands[i]) differences.AppendLine($"  .wast: {expected}\n  .json: {viaJson.Commands[i]}");
        }
        Assert.True(differences.Length == 0, $"{file}: results differ\n{differences}");
    }

    // wabt's lines: an assertion on an action is at its action, one on a module at its module.
    private static int RecordedLine(Command command) => command switch
    {
        ActionCommand a => a.Action.Location.Line,
        AssertReturn a => a.Action.Location.Line,
        AssertTrap a => a.Action.Location.Line,
        AssertExhaustion a => a.Action.Location.Line,
        AssertException a => a.Action.Location.Line,
        AssertMalformed a => a.Module.Location.Line,
        AssertInvalid a => a.Module.Location.Line,
        AssertMalformedCustom a => a.Module.Location.Line,
        AssertInvalidCustom a => a.Module.Location.Line,
        AssertUnlinkable a => a.Module.Location.Line,
        AssertUninstantiable a => a.Module.Location.Line,
        _ => command.Location.Line,
    };
}
