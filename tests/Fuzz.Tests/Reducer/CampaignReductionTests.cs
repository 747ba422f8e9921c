using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Tests.Campaign;
using WasmConform.Fuzz.Triage;

namespace WasmConform.Fuzz.Tests.Reducer;

/// <summary>A campaign reduces each new divergence when asked to, and its configuration says whether and how long.</summary>
public sealed class CampaignReductionTests : IDisposable
{
    private readonly string _directory = CampaignRun.NewDirectory("reducing-campaign");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void A_campaign_with_reduction_writes_the_reduced_case_into_the_divergence_folder()
    {
        var planted = CampaignRun.Of(PlantedEngine.EngineName, () => new PlantedHost());
        var reducing = new CampaignEngine("reference", _ => new ReferenceHost(FolderReduction.CallTimeout));
        var settings = new CampaignSettings
        {
            Seed = 20_240_601, Generator = CampaignConfig.DefaultGenerator, Cases = PlantedCampaign.MaxCases, Jobs = 1, StopAfterDivergences = 1,
            Reduction = new CampaignReduction(new ReductionLimits { Time = TimeSpan.FromSeconds(60) }, [reducing, planted]),
        };
        var (result, _) = CampaignRun.Run(settings, [CampaignRun.Reference, planted], _directory);
        var folder = Path.Combine(_directory, Assert.Single(result.Divergences).Directory!);
        Assert.Equal(0, result.ErrorCount);
        Assert.True(File.Exists(Path.Combine(folder, "reduced.wasm")), "no reduced.wasm");
        var report = YamlFields.Load(Path.Combine(folder, "report.yaml"));
        Assert.True(report.Boolean("reduced.reproduced", absent: false));
        Assert.True(report.Integer("reduced.instructions.after") < report.Integer("reduced.instructions.before"));
    }

    [Fact]
    public void Campaigns_reduce_by_default_for_sixty_seconds()
    {
        var config = CampaignConfigFile.Parse("engines: [reference]\n", "c.yaml");
        Assert.True(config.Reduce);
        Assert.Equal(60, config.ReduceSeconds);
    }

    [Fact]
    public void Reduction_is_turned_off_and_timed_by_the_configuration()
    {
        var config = CampaignConfigFile.Parse("reduce: false\nreduce_seconds: 5\n", "c.yaml");
        Assert.Equal((false, 5.0), (config.Reduce, config.ReduceSeconds));
        Assert.Equal(config.Reduce, CampaignConfigFile.Parse(CampaignConfigFile.Write(config), "c.yaml").Reduce);
    }

    [Fact]
    public void A_reduction_time_of_zero_is_refused()
    {
        var e = Assert.Throws<GeneratorConfigException>(() => CampaignConfigFile.Parse("reduce_seconds: 0\n", "c.yaml"));
        Assert.Contains("reduce_seconds", e.Message);
    }
}
