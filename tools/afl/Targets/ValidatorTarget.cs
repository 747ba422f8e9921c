using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Validation;

namespace WasmConform.Afl.Targets;

/// <summary>
/// Bytes → <see cref="Decoder.Decode"/> → <see cref="Validator.Validate"/>, with every feature the
/// project knows; a valid module's function bodies are then compiled to the interpreter's internal
/// code (<see cref="CompiledModule.CompileAll"/>, with and without fuel metering), which must accept whatever validation accepts.
/// Expected: <see cref="MalformedException"/>, <see cref="InvalidException"/>, and
/// <see cref="UnsupportedFeatureException"/> from the compiler; anything else is a finding.
/// </summary>
public sealed class ValidatorTarget : FuzzTarget
{
    public override string Name => "validator";

    public override string Description => "bytes -> decoder -> validator -> interpreter compiler (any exception but Malformed/Invalid is a finding)";

    public override IReadOnlyList<string> Assemblies { get; } = ["WasmConform.Engine.dll"];

    public override void Run(byte[] input)
    {
        try
        {
            // FromModule runs Validator.Validate; its code is compiled plain and with fuel metering.
            var compiled = CompiledModule.FromModule(Decoder.Decode(input, FeatureSets.All), FeatureSets.All);
            compiled.CompileAll();
            compiled.CompileAll(metered: true);
        }
        catch (Exception e) when (e is MalformedException or InvalidException or UnsupportedFeatureException)
        {
        }
    }

    public override int WriteSeeds(SeedSources sources, string folder) =>
        WriteDistinct(folder, DecoderTarget.ModuleSeeds(sources), 80);
}
