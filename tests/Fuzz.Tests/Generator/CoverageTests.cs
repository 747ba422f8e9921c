using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;
using Xunit.Abstractions;

namespace WasmConform.Fuzz.Tests.Generator;

/// <summary>
/// What generated modules do when they run on the reference interpreter, and which
/// instructions they contain. The survey's report is written to the test output.
/// </summary>
public sealed class CoverageTests(ITestOutputHelper output)
{
    private const int Modules = 10_000;

    /// <summary>Every feature the generator knows.</summary>
    private static readonly GeneratorConfig Runnable = GeneratorConfig.AllFeatures;

    /// <summary>
    /// The instructions the reference interpreter runs: every row of the opcode table except
    /// the threads proposal (prefix 0xFE) and the custom-descriptors proposal (0xFB 0x20 and up),
    /// whose execution is not there.
    /// </summary>
    private static IEnumerable<OpcodeInfo> InterpreterOpcodes() =>
        OpcodeTable.All.Where(r => r.Prefix != 0xFE && !(r.Prefix == 0xFB && r.Code >= 0x20));

    [Fact]
    public void Ten_thousand_modules_contain_every_instruction_the_interpreter_runs_and_all_of_them_end()
    {
        var report = GeneratorSurvey.Run(7, Modules, Runnable);
        output.WriteLine(report.ToText());
        var missing = InterpreterOpcodes().Where(r => !report.Opcodes.Contains(r.Op)).Select(r => r.Name).ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
        Assert.Equal(0, report.Exhausted);
        Assert.Equal(0, report.Unsupported);
        Assert.True(report.Returned > 0 && report.TrapCount > 0 && report.FuelExits > 0 && report.DepthExits > 0 && report.OrdinaryExits > 0
            && report.Exceptions > 0, report.ToText());
    }

    [Fact]
    public void Every_instruction_in_the_catalog_appears_in_ten_thousand_modules_with_simd_on()
    {
        var config = GeneratorConfig.AllFeatures;
        var seen = new HashSet<Opcode>();
        for (int i = 0; i < Modules; i++)
            foreach (var f in ModuleGenerator.Generate(SeedInput.Bytes(11, i, config.Limits.InputBytes), config).Functions)
                foreach (var ins in f.Body) seen.Add(ins.Op);
        var missing = InstructionCatalog.Enabled(config.EngineFeatures).Where(e => !seen.Contains(e.Op)).Select(e => e.Name).ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
    }

    [Fact]
    public void With_disallow_traps_no_module_traps()
    {
        var config = Runnable with { DisallowTraps = true };
        var report = GeneratorSurvey.Run(8, 2_000, config);
        output.WriteLine(report.ToText());
        Assert.Equal(0, report.InstantiationTraps);
        Assert.Equal(0, report.TrapCount);
        Assert.True(report.Returned > 0);
    }
}
