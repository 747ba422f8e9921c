using WasmConform.Engine;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>The campaign's YAML configuration, its call plans and its feature restriction.</summary>
public sealed class CampaignConfigTests
{
    [Fact]
    public void An_unknown_key_is_reported_at_its_line_and_column()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => CampaignConfigFile.Parse("seconds: 5\nlimits:\n  call_timeout: 3\n", "c.yaml"));
        Assert.StartsWith("c.yaml:3:3: unknown key 'call_timeout'", e.Message);
    }

    [Fact]
    public void An_unknown_engine_is_reported_where_the_engines_are()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => CampaignConfigFile.Parse("seed: 1\nengines: [reference, nope]\n", "c.yaml"));
        Assert.StartsWith("c.yaml:2:1: engines: unknown engine 'nope'", e.Message);
    }

    [Fact]
    public void A_bad_generator_option_is_reported_under_generator()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => CampaignConfigFile.Parse("generator:\n  guard_percent: 101\n", "c.yaml"));
        Assert.StartsWith("c.yaml:2:3: generator.guard_percent: 101 is outside 0..100", e.Message);
    }

    [Fact]
    public void Nans_are_canonicalised_unless_the_file_says_otherwise()
    {
        Assert.True(CampaignConfigFile.Parse("", "c.yaml").Generator.CanonicalizeNans);
        Assert.True(CampaignConfigFile.Parse("generator:\n  start_percent: 3\n", "c.yaml").Generator.CanonicalizeNans);
        Assert.False(CampaignConfigFile.Parse("generator:\n  canonicalize_nans: false\n", "c.yaml").Generator.CanonicalizeNans);
    }

    [Fact]
    public void A_written_configuration_reads_back_equal()
    {
        var config = new CampaignConfig
        {
            Engines = ["reference", "v8"], Seed = ulong.MaxValue, Jobs = 3,
            Limits = new CampaignLimits { CallTimeoutSeconds = 2.5, EngineFuel = 1000 },
            Generator = CampaignConfig.DefaultGenerator with { DisallowTraps = true },
        };
        var back = CampaignConfigFile.Parse(CampaignConfigFile.Write(config), "c.yaml");
        Assert.Equal(config.Engines, back.Engines);
        Assert.Equal(config with { Engines = back.Engines }, back);
    }

    [Fact]
    public void The_example_configuration_is_valid()
    {
        var path = Path.Combine(Harness.TestSuite.RepositoryRoot(), "fuzz", "campaign.example.yaml");
        Assert.True(CampaignConfigFile.Load(path).Generator.Features.TailCall);
    }

    [Fact]
    public void Features_an_engine_lacks_are_turned_off_with_those_that_need_them()
    {
        var config = GeneratorConfig.AllFeatures;
        var within = CampaignSetup.WithinFeatures(config, FeatureSets.Wasm3 & ~Features.FunctionReferences, out var dropped);
        Assert.False(within.Features.FunctionReferences);
        Assert.False(within.Features.Gc);
        Assert.True(within.Features.Exceptions);
        Assert.Contains("function-references", dropped);
        Assert.Contains("gc", dropped);
        Assert.Empty(GeneratorConfigRules.Check(within));
    }

    [Theory]
    [InlineData("wasmtime", true, true)]
    [InlineData("v8", false, false)]
    [InlineData("wazero", false, true)]
    public void The_boundary_keeps_to_what_the_engines_pass(string other, bool basic, bool v128)
    {
        var engines = new[] { CampaignRun.Reference, CampaignRun.Of(other, () => throw new InvalidOperationException("no host is made")) };
        var within = CampaignSetup.WithinBoundary(CampaignConfig.DefaultGenerator, engines, out var notes);
        Assert.Equal((basic, v128), (within.BasicBoundaryTypes, within.V128AtBoundary));
        Assert.Equal(basic, notes.Any(n => n.Contains("wasmtime cannot pass other references")));
        Assert.Equal(!v128, notes.Any(n => n.Contains("v8 cannot pass v128")));
        // Without the proposals concerned (2.0 without SIMD) nothing is restricted.
        var plain = CampaignSetup.WithinBoundary(GeneratorConfig.Default with { Features = GeneratorConfig.Default.Features with { Simd = false } }, engines, out var none);
        Assert.Equal((false, true), (plain.BasicBoundaryTypes, plain.V128AtBoundary));
        Assert.Empty(none);
    }

    [Fact]
    public void Call_arguments_depend_only_on_seed_and_case()
    {
        var module = GeneratedModules.Generated(3, 11, CampaignConfig.DefaultGenerator);
        Assert.Equal(CallPlan.Of(module, 3, 11), CallPlan.Of(module, 3, 11));
        Assert.NotEqual(CallPlan.Of(module, 3, 11).Select(c => c.Args), CallPlan.Of(module, 3, 12).Select(c => c.Args));
    }

    [Fact]
    public void Nan_arguments_are_always_quiet()
    {
        var u = new ChoiceStream(SeedInput.Bytes(1, 0, 1 << 16));
        for (int i = 0; i < 2000; i++)
        {
            var f = CallPlan.Argument(u, ValType.F32);
            if (float.IsNaN(f.AsF32)) Assert.NotEqual(0u, f.AsF32Bits & 0x0040_0000);
            var d = CallPlan.Argument(u, ValType.F64);
            if (double.IsNaN(d.AsF64)) Assert.NotEqual(0UL, d.AsF64Bits & 0x0008_0000_0000_0000);
        }
    }

    [Fact]
    public void A_function_with_a_non_nullable_reference_parameter_is_not_called()
    {
        var type = new FuncType([new ValType(new RefType(false, HeapType.Func))], []);
        var module = new Module
        {
            Types = [RecType.Single(SubType.Plain(type))],
            Functions = [new Function(0, [], [])],
            Exports = [new Export("f", ExternKind.Func, 0)],
        };
        var call = Assert.Single(CallPlan.Of(module, 1, 0));
        Assert.Null(call.Args);
        Assert.Contains("(ref func)", call.Skipped);
    }
}
