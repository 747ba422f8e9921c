using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reports;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>Campaigns end to end: agreement, crashes inside an engine, cancellation, determinism.</summary>
public sealed class CampaignTests
{
    private static CampaignSettings Settings(long? cases, int jobs = 1) => new()
    {
        Seed = 99, Generator = CampaignConfig.DefaultGenerator, Cases = cases, Jobs = jobs, SummaryInterval = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public void The_reference_interpreter_agrees_with_itself()
    {
        string directory = CampaignRun.NewDirectory("self");
        try
        {
            var (result, _) = CampaignRun.Run(Settings(120, jobs: 2),
                [CampaignRun.Reference, CampaignRun.Of("again", () => new ReferenceHost(TimeSpan.FromSeconds(30), name: "again"))], directory);
            Assert.Equal(120, result.Cases);
            Assert.Empty(result.Divergences);
            Assert.Equal(0, result.ErrorCount);
            Assert.Equal(120, result.Verdicts.GetValueOrDefault("agreed"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void An_exception_inside_an_engine_is_its_crash_and_the_campaign_goes_on()
    {
        string directory = CampaignRun.NewDirectory("throwing");
        try
        {
            var (result, _) = CampaignRun.Run(Settings(40), [CampaignRun.Reference, CampaignRun.Of("throwing", () => new ThrowingHost(throwAt: 5))], directory);
            Assert.Equal(40, result.Cases);
            var crash = Assert.Single(result.Divergences);
            Assert.StartsWith("throwing crash: throwing adapter threw System.InvalidOperationException: planted failure inside the engine", crash.Signature);
            Assert.Equal(39, result.Verdicts.GetValueOrDefault("agreed"));
            Assert.True(File.Exists(Path.Combine(directory, crash.Directory!, "report.md")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Cancelling_stops_the_campaign_with_the_summary_written()
    {
        string directory = CampaignRun.NewDirectory("cancel");
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
            var (result, _) = CampaignRun.Run(Settings(cases: null, jobs: 2), [CampaignRun.Reference, CampaignRun.Of("again", () => new ReferenceHost(TimeSpan.FromSeconds(30), name: "again"))], directory, cancel.Token);
            Assert.True(result.Cases > 0);
            var summary = Assert.IsType<Dictionary<object, object>>(ReportYaml.Read(File.ReadAllText(Path.Combine(directory, "summary.yaml"))));
            Assert.Equal("true", summary["finished"]);
            Assert.Equal(result.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture), summary["cases"]);
            Assert.True(File.Exists(Path.Combine(directory, "summary.md")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Case_i_of_seed_s_is_always_the_same_module_with_the_same_calls()
    {
        using var host = new ReferenceHost(TimeSpan.FromSeconds(30));
        var runner = new CaseRunner([host], seed: 5, CampaignConfig.DefaultGenerator);
        var first = runner.Run(17);
        var again = new CaseRunner([host], seed: 5, CampaignConfig.DefaultGenerator).Run(17);
        Assert.Equal(first.Binary, again.Binary);
        Assert.Equal(first.Steps, again.Steps);
        Assert.NotEqual(first.Binary, runner.Run(18).Binary);
    }
}
