using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Tests.Campaign;
using WasmConform.Fuzz.Triage;
using WasmConform.Harness;

namespace WasmConform.Fuzz.Tests.Reducer;

/// <summary>What reducing writes when it is run again, or when the divergence does not show.</summary>
public sealed class ReductionFileTests : IDisposable
{
    private readonly string _folder = CampaignRun.NewDirectory("reduction-files");

    public ReductionFileTests()
    {
        var source = Path.Combine(TestSuite.RepositoryRoot(), "fuzz", "corpus", "regressions", "planted-i32-rem-s");
        Directory.CreateDirectory(_folder);
        // A divergence folder made from the corpus case: its module as case.wasm, and the report keys the reducer reads.
        File.Copy(Path.Combine(source, "reduced.wasm"), Path.Combine(_folder, "case.wasm"));
        var recorded = RegressionCorpus.Read(source);
        File.WriteAllText(Path.Combine(_folder, "report.yaml"), ReportYaml.Serialize(new Dictionary<string, object?>
        {
            ["signature"] = recorded.Signature, ["seed"] = recorded.Seed, ["case"] = recorded.Index, ["baseline"] = recorded.Baseline,
            ["other"] = recorded.Other, ["first_difference"] = new Dictionary<string, object?> { ["step"] = recorded.Step }, ["canonical_nans"] = true,
        }));
        File.WriteAllText(Path.Combine(_folder, "report.md"), "# Divergence: test\n\n## Reproduce\n\nnothing\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ReductionResult Reduce(string folder, EngineHost other)
    {
        using var reference = new ReferenceHost(FolderReduction.CallTimeout);
        using (other) return FolderReduction.Reduce(folder, [reference, other], new ReductionLimits()).Result;
    }

    [Fact]
    public void Reducing_twice_leaves_one_reduced_section_in_each_report()
    {
        Reduce(_folder, new PlantedHost());
        Reduce(_folder, new PlantedHost());
        Assert.Single(File.ReadAllLines(Path.Combine(_folder, "report.yaml")), l => l == "reduced:");
        Assert.Single(File.ReadAllLines(Path.Combine(_folder, "report.md")), l => l == "## Reduced");
        Assert.Contains("## Reproduce", File.ReadAllText(Path.Combine(_folder, "report.md")));
    }

    [Fact]
    public void A_divergence_that_does_not_show_again_is_reported_and_nothing_is_written()
    {
        var result = Reduce(_folder, new ReferenceHost(FolderReduction.CallTimeout, name: PlantedEngine.EngineName));
        Assert.False(result.Reproduced);
        Assert.False(File.Exists(Path.Combine(_folder, "reduced.wasm")));
        Assert.False(YamlFields.Load(Path.Combine(_folder, "report.yaml")).Boolean("reduced.reproduced", absent: true));
        Assert.Contains("nothing was reduced", File.ReadAllText(Path.Combine(_folder, "report.md")));
    }
}
