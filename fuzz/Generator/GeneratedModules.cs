using System.Diagnostics;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// Module number <c>index</c> of a run with a numeric seed, from either source: the generator
/// (its input is <see cref="SeedInput"/>'s bytes for the seed and index), or a mutated and
/// fuel-instrumented seed module. The same seed, index and configuration give the same module,
/// hence the same bytes, on every machine.
/// </summary>
public static class GeneratedModules
{
    /// <summary>Bytes of input a mutation reads (it makes only a few choices).</summary>
    public const int MutationInputBytes = 256;

    /// <summary>The generated module <paramref name="index"/> of seed <paramref name="seed"/>.</summary>
    public static Module Generated(ulong seed, long index, GeneratorConfig config) =>
        ModuleGenerator.Generate(SeedInput.Bytes(seed, index, config.Limits.InputBytes), config);

    /// <summary>
    /// Module <paramref name="index"/> of seed <paramref name="seed"/> made from
    /// <paramref name="seeds"/> (not empty): one of them, mutated by <see cref="SeedMutator"/>,
    /// then given <see cref="FuelInstrumentation"/> with the configured fuel.
    /// </summary>
    public static Module Mutated(IReadOnlyList<Seed> seeds, ulong seed, long index, GeneratorConfig config)
    {
        var u = new ChoiceStream(SeedInput.Bytes(seed, index, MutationInputBytes));
        var chosen = seeds[u.Int(0, seeds.Count - 1)];
        var mutated = SeedMutator.Mutate(chosen.Module, u, config.EngineFeatures);
        return FuelInstrumentation.Apply(mutated, config.Limits.Fuel);
    }

    /// <summary>
    /// Generator throughput for <c>make bench</c>: after a warm-up of half <paramref name="duration"/>,
    /// generates modules with consecutive indices of seed 1 for about <paramref name="duration"/>
    /// and returns modules per second, counting generation and encoding (what
    /// <c>wasmconform generate</c> does per file), on one thread.
    /// </summary>
    public static double ModulesPerSecond(GeneratorConfig config, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        for (long i = 0; watch.Elapsed < duration / 2; i++) Encoder.Encode(Generated(2, i, config));
        watch.Restart();
        long count = 0;
        while (watch.Elapsed < duration) Encoder.Encode(Generated(1, count++, config));
        return count / watch.Elapsed.TotalSeconds;
    }
}
