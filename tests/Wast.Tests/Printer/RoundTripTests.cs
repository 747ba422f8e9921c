using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Tests.Suite;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Printer;

/// <summary>
/// parse(print(m)) = m in both styles, over hand-built modules, the benchmark modules and every
/// module of the official suite, up to what the text format does not carry (see <see cref="Comparable"/>).
/// </summary>
public class RoundTripTests
{
    public static TheoryData<WatStyle> Styles => new() { WatStyle.Folded, WatStyle.Flat };

    [Theory]
    [MemberData(nameof(Styles))]
    public void Module_with_every_section_survives_print_and_parse(WatStyle style)
    {
        var module = PrinterSamples.EverySection();
        AssertRoundTrip(module, style);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void Every_opcode_survives_print_and_parse(WatStyle style)
    {
        var module = PrinterSamples.EverySection() with { Functions = [new Function(0, [], PrinterSamples.EveryOpcodeBody())] };
        AssertRoundTrip(module, style);
    }

    public static TheoryData<string, WatStyle> BenchModules()
    {
        var data = new TheoryData<string, WatStyle>();
        foreach (var name in BenchData.ModuleNames())
        {
            data.Add(name, WatStyle.Folded);
            data.Add(name, WatStyle.Flat);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BenchModules))]
    public void Bench_module_survives_print_and_parse(string name, WatStyle style)
    {
        var module = Decoder.Decode(BenchData.Module(name));
        AssertRoundTrip(module, style);
    }

    public static TheoryData<string> SuiteFiles => TestSuite.WastFileData();

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void Suite_modules_survive_print_and_parse(string file)
    {
        var script = WastScript.ParseFile(TestSuite.PathOf(file));
        var failures = new List<string>();
        foreach (var (line, module) in Modules(script))
        {
            foreach (var style in new[] { WatStyle.Folded, WatStyle.Flat })
            {
                string text = WatPrinter.Print(module, style);
                try
                {
                    if (Comparable(WatParser.ParseModule(text)) != Comparable(module))
                        failures.Add($"line {line} ({style}): the module parsed back differs");
                }
                catch (ParseException e)
                {
                    failures.Add($"line {line} ({style}): {e.Describe()}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // The text and binary modules of a script's module commands (asserted-malformed ones aside).
    private static IEnumerable<(int Line, Module Module)> Modules(WastScript script)
    {
        foreach (var command in script.Commands.ToArray())
        {
            if (command is AssertMalformed) continue;
            var moduleCommand = command as ModuleCommand
                ?? command.GetType().GetProperties().Select(p => p.GetValue(command)).OfType<ModuleCommand>().FirstOrDefault();
            switch (moduleCommand?.Source)
            {
                case TextModule text:
                    yield return (command.Location.Line, text.Module);
                    break;
                case BinaryModule binary when TryDecode(binary.Bytes) is { } decoded:
                    yield return (command.Location.Line, decoded);
                    break;
            }
        }
    }

    private static Module? TryDecode(EquatableArray<byte> bytes)
    {
        try
        {
            return Decoder.Decode(bytes.AsSpan(), FeatureSets.All);
        }
        catch (MalformedException)
        {
            return null;
        }
        catch (UnsupportedFeatureException)
        {
            return null;
        }
    }

    private static void AssertRoundTrip(Module module, WatStyle style)
    {
        string text = WatPrinter.Print(module, style);
        Module parsed;
        try
        {
            parsed = WatParser.ParseModule(text);
        }
        catch (ParseException e)
        {
            Assert.Fail($"{e.Describe()}\n{text}");
            return;
        }
        Assert.Equal(Comparable(module), Comparable(parsed));
    }

    /// <summary>
    /// The module without what the text parser does not rebuild: the data count section, the
    /// decoded name section (the name section is printed, and compared, as a custom section), and
    /// an empty <c>else</c> (the parser drops an empty else branch, as the spec interpreter does).
    /// </summary>
    private static Module Comparable(Module module) => module with
    {
        DataCount = null,
        Names = null,
        Functions = module.Functions.Select(f => f with { Body = WithoutEmptyElse(f.Body) }).ToArray(),
    };

    private static EquatableArray<Instruction> WithoutEmptyElse(EquatableArray<Instruction> body)
    {
        var kept = new List<Instruction>(body.Count);
        for (int i = 0; i < body.Count; i++)
            if (!(body[i].Op == Opcode.Else && i + 1 < body.Count && body[i + 1].Op == Opcode.End)) kept.Add(body[i]);
        return kept.ToArray();
    }
}
