using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
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

    /// <summary>A campaign's generator with wasmtime among the engines.</summary>
    private static readonly GeneratorConfig Basic = Fuzz.Campaign.CampaignConfig.DefaultGenerator with { BasicBoundaryTypes = true };

    [Property(MaxTest = 300)]
    public void With_basic_boundary_types_no_module_has_other_references_in_its_exports(byte[] input)
    {
        var module = ModuleGenerator.Generate(input, Basic);
        Validator.Validate(module, Basic.EngineFeatures);
        Assert.Null(Fuzz.Engines.Runners.HostBoundary.NonBasicReference(Encoder.Encode(module)));
    }

    [Property(MaxTest = 300)]
    public void Without_v128_at_the_boundary_no_function_or_global_has_a_vector_type(byte[] input)
    {
        var config = Basic with { V128AtBoundary = false };
        var module = ModuleGenerator.Generate(input, config);
        Validator.Validate(module, config.EngineFeatures);
        var types = module.SubTypes.Select(s => s.Comp).ToArray();
        Assert.DoesNotContain(module.Functions.Select(f => (FuncType)types[f.TypeIndex]).SelectMany(t => t.Params.Concat(t.Results)), v => v == ValType.V128);
        Assert.DoesNotContain(module.Globals, g => g.Type.Type == ValType.V128);
    }

    [Fact]
    public void With_basic_boundary_types_modules_still_contain_gc_instructions()
    {
        int withGc = 0;
        for (int i = 0; i < 300; i++)
        {
            var module = ModuleGenerator.Generate(SeedInput.Bytes(5, i, Basic.Limits.InputBytes), Basic);
            if (module.Functions.Any(f => f.Body.Any(ins => OpcodeTable.Info(ins.Op).Prefix == 0xFB))) withGc++;
        }
        Assert.True(withGc >= 100, $"{withGc} of 300 modules have GC instructions");
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
        return Decoder.Decode(Encoder.Encode(module), GeneratorConfig.AllFeatures.EngineFeatures) == module;
    }

    /// <summary>WebAssembly 1.0: no reference types, bulk memory, multi-value or anything later.</summary>
    private static readonly GeneratorConfig Mvp = GeneratorConfig.Default with
    {
        Features = new FeatureSwitches
        {
            MutableGlobals = false, SignExtension = false, SaturatingFloatToInt = false, MultiValue = false,
            BulkMemory = false, ReferenceTypes = false, Simd = false,
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

/// <summary>The generator's contract holds under any configuration the rules allow, not only the shipped ones.</summary>
public sealed class RandomConfigurationTests
{
    /// <summary>A configuration chosen by <paramref name="bytes"/>: random switches (kept consistent), small limits, random weights.</summary>
    private static GeneratorConfig ConfigFrom(byte[] bytes)
    {
        var u = new ChoiceStream(bytes);
        bool rt = u.Bool(), fr = rt && u.Bool(), simd = u.Bool(), gc = fr && u.Bool(), exceptions = rt && u.Bool();
        var weights = new FamilyWeights();
        foreach (var p in typeof(FamilyWeights).GetProperties().Where(p => p.CanWrite))
            p.SetValue(weights, u.Int(0, 5));
        bool noTraps = u.Bool();
        return new GeneratorConfig
        {
            Features = new FeatureSwitches
            {
                MutableGlobals = u.Bool(), SignExtension = u.Bool(), SaturatingFloatToInt = u.Bool(), MultiValue = u.Bool(),
                BulkMemory = u.Bool(), ReferenceTypes = rt, Simd = simd, RelaxedSimd = simd && u.Bool(), TailCall = u.Bool(),
                ExtendedConst = u.Bool(), MultiMemory = u.Bool(), Memory64 = u.Bool(), FunctionReferences = fr, Gc = gc,
                Exceptions = exceptions, LegacyExceptions = u.Bool(), WideArithmetic = u.Bool(),
            },
            Limits = new SizeLimits
            {
                MaxFunctions = u.Int(1, 4), MaxParams = u.Int(0, 4), MaxResults = u.Int(0, 4), MaxLocals = u.Int(0, 4),
                MaxInstructions = u.Int(0, 200), MaxBlockDepth = u.Int(0, 6), MaxTables = u.Int(0, 3), MaxTableSize = u.Int(0, 8),
                MaxMemories = u.Int(0, 3), MaxMemoryPages = u.Int(noTraps ? 1 : 0, 3), MaxGlobals = u.Int(0, 4),
                MaxElementSegments = u.Int(0, 4), MaxDataSegments = u.Int(0, 4), MaxDataBytes = u.Int(0, 40),
                Fuel = u.Int(0, 100), MaxCallDepth = u.Int(1, 10), MaxGcTypes = u.Int(0, 6), MaxTags = u.Int(0, 3),
            },
            CanonicalizeNans = u.Bool(),
            DisallowTraps = noTraps,
            GuardPercent = u.Int(0, 100),
            StartPercent = u.Int(0, 100),
            Weights = weights,
        };
    }

    [Property(MaxTest = 500)]
    public void Any_allowed_configuration_gives_valid_modules_that_decode_with_only_its_features(ulong configSeed, ulong seed)
    {
        var config = ConfigFrom(SeedInput.Bytes(configSeed, 0, 128));
        var module = ModuleGenerator.Generate(SeedInput.Bytes(seed, 0, 2048), config);
        var decoded = Decoder.Decode(Encoder.Encode(module), config.EngineFeatures);
        Assert.Equal(module, decoded);
        Validator.Validate(decoded, config.EngineFeatures);
    }

    [Property(MaxTest = 150)]
    public void Without_traps_no_call_traps_under_any_allowed_configuration(ulong configSeed, ulong seed)
    {
        var c = ConfigFrom(SeedInput.Bytes(configSeed, 0, 128));
        var config = c with
        {
            DisallowTraps = true,
            Limits = c.Limits with { MaxMemoryPages = Math.Max(1, c.Limits.MaxMemoryPages) },
        };
        var report = new SurveyReport();
        GeneratorSurvey.RunModule(ModuleGenerator.Generate(SeedInput.Bytes(seed, 0, 2048), config), config.EngineFeatures, report);
        Assert.Equal(0, report.InstantiationTraps + report.TrapCount);
        Assert.Equal(0, report.Exhausted);
    }

    [Fact]
    public void A_configuration_that_breaks_a_rule_is_an_argument_error() =>
        Assert.Throws<ArgumentException>(() => ModuleGenerator.Generate([], GeneratorConfig.Default with { Limits = new SizeLimits { MaxFunctions = 0 } }));
}
