using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Tests.Suite;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Printer;

/// <summary>
/// The two round trips over every module of the suite:
/// a text module → encode → decode → print → parse → encode gives the same bytes; and a
/// well-formed <c>(module binary …)</c> → decode → encode → decode gives an equal Module.
/// </summary>
public class SuiteBinaryRoundTripTests
{
    public static TheoryData<string> SuiteFiles => TestSuite.WastFileData();

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void Suite_modules_round_trip_through_binary_and_text(string file)
    {
        var script = WastScript.ParseFile(TestSuite.PathOf(file));
        var failures = new List<string>();
        foreach (var command in script.Commands.ToArray())
        {
            if (command is not ModuleCommand m) continue;
            switch (m.Source)
            {
                case TextModule text:
                    var bytes = Encoder.Encode(text.Module);
                    var printed = WatPrinter.Print(Decoder.Decode(bytes, FeatureSets.All));
                    var again = Encoder.Encode(WatParser.ParseModule(printed));
                    if (!bytes.AsSpan().SequenceEqual(again))
                        failures.Add($"line {m.Location.Line}: text → encode → decode → print → parse → encode changed the bytes");
                    break;
                case BinaryModule binary:
                    Module decoded;
                    try
                    {
                        decoded = Decoder.Decode(binary.Bytes.AsSpan(), FeatureSets.All);
                    }
                    catch (MalformedException)
                    {
                        continue; // not well-formed: nothing to round-trip
                    }
                    if (Decoder.Decode(Encoder.Encode(decoded), FeatureSets.All) != decoded)
                        failures.Add($"line {m.Location.Line}: binary → decode → encode → decode changed the module");
                    break;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
