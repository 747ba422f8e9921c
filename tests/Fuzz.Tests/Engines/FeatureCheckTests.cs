using WasmConform.Engine;
using WasmConform.Fuzz.Engines.Runners;

namespace WasmConform.Fuzz.Tests.Engines;

/// <summary>Which feature a module needs that an engine lacks.</summary>
public sealed class FeatureCheckTests
{
    [Fact]
    public void A_plain_module_needs_nothing_beyond_wasm1() =>
        Assert.Null(FeatureCheck.Missing(Wat.Binary("""(module (func (result i32) (i32.const 1)))"""), FeatureSets.Wasm1));

    [Fact]
    public void A_64_bit_memory_needs_memory64() =>
        Assert.Equal("memory64", FeatureCheck.Missing(Wat.Binary("(module (memory i64 1))"), FeatureSets.Wasm2));

    [Fact]
    public void A_struct_type_needs_gc() =>
        Assert.Equal("gc", FeatureCheck.Missing(Wat.Binary("(module (type (struct (field i32))))"), FeatureSets.Wasm2));

    [Fact]
    public void An_exnref_local_needs_exceptions() =>
        Assert.Equal("exceptions", FeatureCheck.Missing(Wat.Binary("(module (func (local exnref)))"), FeatureSets.Wasm2));

    [Fact]
    public void A_module_invalid_anyway_goes_to_the_engine() =>
        Assert.Null(FeatureCheck.Missing(Wat.Binary("""(module (func (result i32)))"""), FeatureSets.Wasm1));

    [Fact]
    public void An_engine_with_every_feature_misses_none() =>
        Assert.Null(FeatureCheck.Missing(Wat.Binary("(module (memory i64 1))"), FeatureSets.All));

    [Theory]
    [InlineData(Features.MultiMemory, "multi-memory")]
    [InlineData(Features.Memory64, "memory64")]
    [InlineData(Features.SaturatingFloatToInt, "saturating-float-to-int")]
    [InlineData(Features.Gc, "gc")]
    public void Feature_names_are_lower_case_with_dashes(Features feature, string name)
    {
        Assert.Equal(name, FeatureNames.Of(feature));
        Assert.Equal(feature, FeatureNames.Parse([name]));
    }

    [Fact]
    public void Every_feature_has_a_probe_module_that_the_reference_accepts_only_with_it()
    {
        foreach (var (feature, binary) in FeatureProbe.Encoded)
        {
            Assert.True(FeatureCheck.Missing(binary, FeatureSets.All) is null, $"{feature}: the probe needs more");
            Assert.True(FeatureCheck.Missing(binary, FeatureSets.All & ~feature) is not null, $"{feature}: the probe does not need it");
        }
    }
}
