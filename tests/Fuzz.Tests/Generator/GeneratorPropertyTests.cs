using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Tests.Generator;

/// <summary>The generator's contract for every byte string: valid, encodable, deterministic.</summary>
public sealed class GeneratorPropertyTests
{
    private static readonly GeneratorConfig NoTraps = GeneratorConfig.AllFeatures with { DisallowTraps = true, CanonicalizeNans = true };

    [Property(MaxTest = 300)]
    public void Any_bytes_give_a_module_the_validator_accepts(byte[] input)
    {
        var module = ModuleGenerator.Generate(input, GeneratorConfig.Default);
        Validator.Validate(module, GeneratorConfig.Default.EngineFeatures);
    }

    [Property(MaxTest = 300)]
    public void Any_bytes_give_a_valid_module_with_every_feature_on(byte[] input)
    {
        var module = ModuleGenerator.Generate(input, GeneratorConfig.AllFeatures);
        Validator.Validate(module, GeneratorConfig.AllFeatures.EngineFeatures);
    }

    [Property(MaxTest = 300)]
    public void Any_bytes_give_a_valid_module_without_traps_and_with_canonical_nans(byte[] input)
    {
        var module = ModuleGenerator.Generate(input, NoTraps);
        Validator.Validate(module, NoTraps.EngineFeatures);
    }

    [Property(MaxTest = 200)]
    public void Long_inputs_give_valid_modules_that_decode_with_only_the_configured_features(ulong seed)
    {
        foreach (var config in (GeneratorConfig[])[GeneratorConfig.Default, GeneratorConfig.AllFeatures, NoTraps])
        {
            var module = ModuleGenerator.Generate(SeedInput.Bytes(seed, 0, 4096), config);
            Validator.Validate(Decoder.Decode(Encoder.Encode(module), config.EngineFeatures), config.EngineFeatures);
        }
    }

    [Property(MaxTest = 300)]
    public bool Decoding_the_encoding_gives_the_same_module(byte[] input)
    {
        var module = ModuleGenerator.Generate(input, GeneratorConfig.AllFeatures);
        return Decoder.Decode(Encoder.Encode(module), GeneratorConfig.AllFeatures.EngineFeatures) == module;
    }

    [Property(MaxTest = 300)]
    public bool Modules_of_the_default_configuration_decode_with_only_its_features(byte[] input)
    {
        var module = ModuleGenerator.Generate(input, GeneratorConfig.Default);
        return Decoder.Decode(Encoder.Encode(module), GeneratorConfig.Default.EngineFeatures) == module;
    }

    [Property(MaxTest = 100)]
    public bool Decoding_the_encoding_of_a_large_module_gives_the_same_module(ulong seed)
    {
        var module = ModuleGenerator.Generate(SeedInput.Bytes(seed, 1, 8192), GeneratorConfig.AllFeatures);
        return Decoder.Decode(Encoder.Encode(module)) == module;
    }

    /// <summary>WebAssembly 1.0: no reference types, bulk memory, multi-value or anything later.</summary>
    private static readonly GeneratorConfig Mvp = GeneratorConfig.Default with
    {
        Features = new FeatureSwitches
        {
            MutableGlobals = false, SignExtension = false, SaturatingFloatToInt = false, MultiValue = false,
            BulkMemory = false, ReferenceTypes = false,
        },
    };

    [Property(MaxTest = 200)]
    public void Modules_of_a_1_0_configuration_decode_and_validate_as_1_0(ulong seed)
    {
        Assert.Equal(WasmConform.Engine.FeatureSets.Wasm1, Mvp.EngineFeatures);
        var module = ModuleGenerator.Generate(SeedInput.Bytes(seed, 0, 4096), Mvp);
        Validator.Validate(Decoder.Decode(Encoder.Encode(module), Mvp.EngineFeatures), Mvp.EngineFeatures);
    }

    [Property(MaxTest = 200)]
    public bool The_same_input_gives_the_same_module(byte[] input) =>
        ModuleGenerator.Generate((byte[])input.Clone(), GeneratorConfig.AllFeatures) == ModuleGenerator.Generate(input, GeneratorConfig.AllFeatures);

    [Fact]
    public void The_empty_input_gives_a_valid_module()
    {
        var module = ModuleGenerator.Generate([], GeneratorConfig.AllFeatures);
        Validator.Validate(module, GeneratorConfig.AllFeatures.EngineFeatures);
        Assert.Single(module.Functions);
    }
}
