using WasmConform.Engine;
using WasmConform.Engine.Binary;

namespace WasmConform.Afl.Targets;

/// <summary>
/// Bytes → <see cref="Decoder.Decode"/> with every feature the project knows. The decoder must
/// decode or throw <see cref="MalformedException"/>; anything else escaping is a finding.
/// </summary>
public sealed class DecoderTarget : FuzzTarget
{
    public override string Name => "decoder";

    public override string Description => "bytes -> binary decoder (any exception but MalformedException is a finding)";

    public override IReadOnlyList<string> Assemblies { get; } = ["WasmConform.Engine.dll"];

    public override void Run(byte[] input)
    {
        try
        {
            Decoder.Decode(input, FeatureSets.All);
        }
        catch (MalformedException)
        {
        }
    }

    /// <summary>The benchmark modules, binary modules of the suite's core scripts, and small generated modules.</summary>
    public override int WriteSeeds(SeedSources sources, string folder) => WriteDistinct(folder, ModuleSeeds(sources), 80);

    /// <summary>Module binaries for the decoder and validator corpora.</summary>
    internal static IEnumerable<byte[]> ModuleSeeds(SeedSources sources) =>
        sources.BenchModules().Concat(SeedSources.GeneratedModules(8)).Concat(sources.SuiteModules(perScript: 1));
}
