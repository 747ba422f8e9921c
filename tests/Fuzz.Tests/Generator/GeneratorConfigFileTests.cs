using WasmConform.Engine;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Tests.Generator;

public sealed class GeneratorConfigFileTests
{
    [Fact]
    public void An_empty_file_gives_the_defaults() =>
        Assert.Equal(GeneratorConfig.Default, GeneratorConfigFile.Parse("", "empty.yaml"));

    [Fact]
    public void The_example_file_lists_every_key_with_its_default()
    {
        var path = Path.Combine(WasmConform.Harness.TestSuite.RepositoryRoot(), "fuzz", "generator.example.yaml");
        Assert.Equal(GeneratorConfig.Default, GeneratorConfigFile.Load(path));
        // a line per top-level key (the sections features, limits and weights, and the switches), then one per property of a section.
        var keys = File.ReadAllLines(path).Count(l => l.TrimStart().Length > 0 && !l.TrimStart().StartsWith('#') && l.Contains(':'));
        int expected = Settable(typeof(GeneratorConfig)) + Settable(typeof(FeatureSwitches)) + Settable(typeof(SizeLimits)) + Settable(typeof(FamilyWeights));
        Assert.Equal(expected, keys);
    }

    private static int Settable(Type type) =>
        type.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public).Count(p => p.CanWrite);

    [Fact]
    public void Snake_case_keys_set_features_limits_weights_and_switches()
    {
        var config = GeneratorConfigFile.Parse("""
            features:
              simd: true
              tail_call: true
            limits:
              max_functions: 3
              max_memory_pages: 4
            canonicalize_nans: true
            disallow_traps: true
            weights:
              bulk_memory: 0
            """, "c.yaml");
        Assert.True(config.Features.Simd);
        Assert.True(config.Features.TailCall);
        Assert.Equal(3, config.Limits.MaxFunctions);
        Assert.Equal(4, config.Limits.MaxMemoryPages);
        Assert.True(config.CanonicalizeNans);
        Assert.True(config.DisallowTraps);
        Assert.Equal(0, config.Weights.BulkMemory);
        Assert.Equal(GeneratorConfig.Default.Weights.Integer, config.Weights.Integer);
    }

    [Fact]
    public void Features_map_onto_the_engine_feature_set()
    {
        var config = GeneratorConfigFile.Parse("features: { memory64: true, multi_value: false }", "c.yaml");
        Assert.True(config.EngineFeatures.HasFlag(Features.Memory64));
        Assert.False(config.EngineFeatures.HasFlag(Features.MultiValue));
    }

    [Fact]
    public void An_unknown_key_is_reported_at_its_line_and_column()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => GeneratorConfigFile.Parse("limits:\n  max_funtions: 3\n", "bad.yaml"));
        Assert.Equal("bad.yaml:2:3: unknown key 'max_funtions'", e.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_at_its_line_and_column()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => GeneratorConfigFile.Parse("limits:\n  max_functions: many\n", "bad.yaml"));
        Assert.StartsWith("bad.yaml:2:18:", e.Message);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_a_position()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => GeneratorConfigFile.Parse("limits: [1, 2\n", "bad.yaml"));
        Assert.Matches(@"^bad\.yaml:\d+:\d+: ", e.Message);
    }

    [Fact]
    public void A_value_out_of_range_is_reported_at_its_key()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => GeneratorConfigFile.Parse("disallow_traps: false\nlimits:\n  max_functions: 0\n", "bad.yaml"));
        Assert.StartsWith("bad.yaml:3:3: limits.max_functions:", e.Message);
    }

    [Fact]
    public void A_negative_weight_is_reported_at_its_key()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => GeneratorConfigFile.Parse("weights:\n  memory_size: -1\n", "bad.yaml"));
        Assert.StartsWith("bad.yaml:2:3: weights.memory_size:", e.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => GeneratorConfigFile.Load("/nonexistent/gen.yaml"));
        Assert.StartsWith("/nonexistent/gen.yaml:1:1:", e.Message);
    }
}
