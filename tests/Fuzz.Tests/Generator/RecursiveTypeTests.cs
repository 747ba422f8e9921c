using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Tests.Generator;

/// <summary>
/// Struct and array types that refer to themselves (directly or through each other) once made
/// the generator recurse without end; these cases ran out of stack before it bounded the nesting.
/// </summary>
public class RecursiveTypeTests
{
    [Theory]
    [InlineData(12345UL, 4337L)]
    public void A_case_that_once_recursed_without_end_gives_a_valid_module(ulong seed, long index)
    {
        var config = GeneratorConfig.AllFeatures;
        Validator.Validate(GeneratedModules.Generated(seed, index, config), config.EngineFeatures);
    }

    [Fact]
    public void Exhausted_input_with_every_feature_still_terminates()
    {
        // Past the end of the input every choice is the smallest, which never picks ref.null.
        for (int length = 0; length < 400; length += 7)
        {
            var input = new byte[length];
            Array.Fill(input, (byte)0xFF);
            Validator.Validate(ModuleGenerator.Generate(input, GeneratorConfig.AllFeatures), GeneratorConfig.AllFeatures.EngineFeatures);
        }
    }
}
