using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reports;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>The report's files are YAML with the keys the project promises.</summary>
[Collection(PlantedCollection.Name)]
public sealed class ReportFileTests(PlantedCampaign run)
{
    private static Dictionary<object, object> Map(object? node) => Assert.IsType<Dictionary<object, object>>(node);

    private static List<object> List(object? node) => Assert.IsType<List<object>>(node);

    private static Dictionary<object, object> ReadYaml(string path) => Map(ReportYaml.Read(File.ReadAllText(path)));

    [Fact]
    public void Summary_yaml_has_engines_seed_cases_time_rate_divergences_and_the_outcome_mix()
    {
        var summary = ReadYaml(Path.Combine(run.Directory, "summary.yaml"));
        foreach (var key in (string[])["engines", "seed", "cases", "seconds", "cases_per_second", "divergences", "outcomes", "verdicts"])
            Assert.True(summary.ContainsKey(key), $"summary.yaml has no {key}");
        var engines = List(summary["engines"]).Select(Map).ToList();
        Assert.Equal(["reference", "planted"], engines.Select(e => e["name"]));
        Assert.All(engines, e => Assert.False(string.IsNullOrEmpty(e["version"] as string)));
        Assert.Equal(run.Settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), summary["seed"]);
        var divergence = Map(Assert.Single(List(summary["divergences"])));
        Assert.Equal(run.Result.Divergences[0].Signature, divergence["signature"]);
        Assert.Equal("1", divergence["count"]);
        Assert.Equal(run.Result.Divergences[0].Directory, divergence["dir"]);
        Assert.True(Map(Map(summary["outcomes"])["calls"]).Count > 0);
    }

    [Fact]
    public void Report_yaml_has_versions_seed_case_generator_and_every_engines_outcomes()
    {
        var report = ReadYaml(Path.Combine(run.Folder, "report.yaml"));
        foreach (var key in (string[])["signature", "engines", "seed", "case", "generator", "outcomes", "first_difference", "repro"])
            Assert.True(report.ContainsKey(key), $"report.yaml has no {key}");
        var outcomes = Map(report["outcomes"]);
        Assert.Equal(["reference", "planted"], outcomes.Keys);
        Assert.All(outcomes.Values, steps => Assert.Equal("compile", Map(List(steps)[0])["operation"]));
        Assert.Equal("true", Map(report["repro"])["holds"]);
        Assert.True(Map(report["generator"]).ContainsKey("canonicalize_nans"));
    }

    [Fact]
    public void Campaign_yaml_reads_back_as_the_configuration_it_was_written_from()
    {
        var text = File.ReadAllText(Path.Combine(run.Directory, "campaign.yaml"));
        var config = CampaignConfigFile.Parse(text, "campaign.yaml");
        Assert.Equal(run.Config.Seed, config.Seed);
        Assert.Equal(run.Config.Engines, config.Engines);
        Assert.Equal(run.Config.Generator, config.Generator);
    }
}
