using WasmConform.Wast.Tests.Suite;

namespace WasmConform.Wast.Tests.Json;

/// <summary>Every script of the official suite converts to JSON, and the JSON reads back into as many commands.</summary>
public class Wast2JsonSuiteTests
{
    public static TheoryData<string> Files => TestSuite.WastFileData();

    [Theory]
    [MemberData(nameof(Files))]
    public void Suite_script_converts_and_reads_back(string file)
    {
        string path = TestSuite.PathOf(file);
        var json = JsonConversion.Convert(path);
        var back = JsonConversion.ReadBack(json, path);
        Assert.Equal(Wast.Script.WastScript.ParseFile(path).Commands.Count, back.Commands.Count);
    }
}
