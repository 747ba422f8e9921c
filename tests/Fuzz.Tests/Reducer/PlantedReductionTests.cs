using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Reducer;
using Xunit.Abstractions;

namespace WasmConform.Fuzz.Tests.Reducer;

/// <summary>Reducing the planted <c>i32.rem_s</c> divergence.</summary>
[Collection(PlantedReductionCollection.Name)]
public sealed class PlantedReductionTests(PlantedReduction run, ITestOutputHelper output)
{
    [Fact]
    public void The_reduced_case_has_at_most_twenty_instructions()
    {
        output.WriteLine($"{ModuleSize.Instructions(run.Result.Target.Module)} -> {ModuleSize.Instructions(run.Result.Reduced)} instructions, {run.Result.Runs} runs, {run.Elapsed.TotalSeconds:F1} s, stopped by {run.Result.StoppedBy}");
        foreach (var p in run.Result.Passes) output.WriteLine($"{p.Pass}: {p.Kept}/{p.Tried}");
        output.WriteLine(File.ReadAllText(Path.Combine(run.Folder, "reduced.wat")));
        var reduced = Decoder.Decode(File.ReadAllBytes(Path.Combine(run.Folder, "reduced.wasm")), FeatureSets.All);
        Assert.InRange(ModuleSize.Instructions(reduced), 1, 20);
    }
}
