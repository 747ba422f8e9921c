using System.Collections.Concurrent;
using WasmConform.Engine.Binary;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Tests.Generator;

/// <summary>A second opinion on validity: wasmtime's validator accepts what the generator makes.</summary>
public sealed class WasmtimeValidationTests
{
    private const int Modules = 10_000;

    [Fact]
    public void Wasmtime_rejects_a_generated_module_made_invalid()
    {
        var module = ModuleGenerator.Generate(SeedInput.Bytes(2026, 0, 4096), GeneratorConfig.Default);
        var first = module.Functions[0];
        var broken = module with
        {
            Functions = [first with { Body = [.. first.Body, new WasmConform.Engine.Syntax.Instruction(WasmConform.Engine.Syntax.Opcode.I32Add)] }, .. module.Functions.Skip(1)],
        };
        using var engine = new Wasmtime.Engine();
        Assert.NotNull(Wasmtime.Module.Validate(engine, Encoder.Encode(broken)));
    }

    [Fact]
    public void Wasmtime_accepts_two_thousand_modules_of_the_default_configuration_with_only_2_0_features()
    {
        var config = GeneratorConfig.Default;
        using var engine = new Wasmtime.Engine(new Wasmtime.Config()
            .WithBulkMemory(true).WithReferenceTypes(true).WithMultiValue(true).WithSIMD(true).WithRelaxedSIMD(false, false)
            .WithTailCalls(false).WithMultiMemory(false).WithMemory64(false).WithFunctionReferences(false).WithGc(false)
            .WithExceptions(false).WithWideArithmetic(false));
        var rejected = new ConcurrentBag<string>();
        Parallel.For(0, 2_000, i =>
        {
            var bytes = Encoder.Encode(ModuleGenerator.Generate(SeedInput.Bytes(2027, i, config.Limits.InputBytes), config));
            if (Wasmtime.Module.Validate(engine, bytes) is { } error) rejected.Add($"module {i}: {error}");
        });
        Assert.True(rejected.IsEmpty, $"{rejected.Count} rejected, e.g. {string.Join("\n", rejected.Take(3))}");
    }

    /// <summary>
    /// Every feature on but legacy exception handling, which wasmtime does not validate; every
    /// other module without traps and with canonical NaNs, which add guards and scratch locals.
    /// </summary>
    [Fact]
    public void Wasmtime_accepts_ten_thousand_modules_with_every_feature_on()
    {
        var all = GeneratorConfig.AllFeatures with { Features = GeneratorConfig.AllFeatures.Features with { LegacyExceptions = false } };
        GeneratorConfig[] configs = [all, all with { DisallowTraps = true, CanonicalizeNans = true }];
        using var engine = new Wasmtime.Engine(new Wasmtime.Config()
            .WithBulkMemory(true).WithReferenceTypes(true).WithMultiValue(true).WithSIMD(true)
            .WithRelaxedSIMD(true, false).WithTailCalls(true).WithMultiMemory(true).WithMemory64(true).WithFunctionReferences(true)
            .WithGc(true).WithExceptions(true).WithWideArithmetic(true));
        var rejected = new ConcurrentBag<string>();
        Parallel.For(0, Modules, i =>
        {
            var config = configs[i % 2];
            var bytes = Encoder.Encode(ModuleGenerator.Generate(SeedInput.Bytes(2026, i, config.Limits.InputBytes), config));
            if (Wasmtime.Module.Validate(engine, bytes) is { } error) rejected.Add($"module {i}: {error}");
        });
        Assert.True(rejected.IsEmpty, $"{rejected.Count} of {Modules} rejected, e.g. {string.Join("\n", rejected.Take(3))}");
    }
}
