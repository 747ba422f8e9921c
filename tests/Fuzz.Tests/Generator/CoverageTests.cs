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

    /// <summary>Every feature on except SIMD, which the interpreter does not run yet.</summary>
    private static readonly GeneratorConfig Runnable =
        GeneratorConfig.AllFeatures with { Features = GeneratorConfig.AllFeatures.Features with { Simd = false } };

    /// <summary>
    /// The instructions the reference interpreter runs: the single-byte and 0xFC opcodes, except
    /// exception handling (try_table, throw and the legacy forms) and wide arithmetic
    /// (0xFC 0x13 and up), whose execution is not there yet; the prefixes 0xFB (GC), 0xFD (SIMD)
    /// and 0xFE (threads) are not run either.
    /// </summary>
    private static IEnumerable<OpcodeInfo> InterpreterOpcodes()
    {
        string[] exceptions = ["try", "catch", "catch_all", "delegate", "throw", "rethrow", "throw_ref", "try_table"];
        return OpcodeTable.All.Where(r => (r.Prefix == 0 || (r.Prefix == 0xFC && r.Code < 0x13)) && !exceptions.Contains(r.Name));
    }

    [Fact]
    public void Ten_thousand_modules_contain_every_instruction_the_interpreter_runs_and_all_of_them_end()
    {
        var report = GeneratorSurvey.Run(7, Modules, Runnable);
        output.WriteLine(report.ToText());
        var missing = InterpreterOpcodes().Where(r => !report.Opcodes.Contains(r.Op)).Select(r => r.Name).ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
        Assert.Equal(0, report.Exhausted);
        Assert.Equal(0, report.Unsupported);
        Assert.True(report.Returned > 0 && report.TrapCount > 0 && report.FuelExits > 0 && report.DepthExits > 0 && report.OrdinaryExits > 0,
            report.ToText());
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
