using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Tests.Generator;

/// <summary>Constant values of recursive struct types stay finite, also when the generator's input runs out.</summary>
public sealed class AggregateNestingTests
{
    [Fact]
    public void Modules_with_gc_types_are_generated_from_short_inputs()
    {
        foreach (int length in (int[])[16, 48, 128, 400])
        {
            for (ulong seed = 0; seed < 1500; seed++)
                Assert.NotEmpty(ModuleGenerator.Generate(SeedInput.Bytes(seed, 0, length), GeneratorConfig.AllFeatures).Functions);
        }
    }
}
