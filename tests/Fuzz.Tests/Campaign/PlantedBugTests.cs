using WasmConform.Engine;
using WasmConform.Engine.Embedding;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reports;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Script;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>A campaign of the reference interpreter against a copy with a planted bug, run once for the tests that read its report.</summary>
public sealed class PlantedCampaign : IDisposable
{
    public const int MaxCases = 1000;

    public PlantedCampaign()
    {
        Directory = CampaignRun.NewDirectory("planted");
        Settings = new CampaignSettings
        {
            Seed = 20_240_601, Generator = CampaignConfig.DefaultGenerator, Cases = MaxCases, Jobs = 1, StopAfterDivergences = 1,
        };
        Config = new CampaignConfig { Engines = ["reference"], Seed = Settings.Seed };
        (Result, var campaign) = CampaignRun.Run(Settings,
            [CampaignRun.Reference, CampaignRun.Of("planted", () => new PlantedHost())], Directory, config: Config);
        Versions = campaign.Versions;
    }

    public string Directory { get; }
    public CampaignSettings Settings { get; }
    public CampaignConfig Config { get; }
    public CampaignSnapshot Result { get; }
    public IReadOnlyList<EngineVersion> Versions { get; }

    /// <summary>The folder of the first divergence.</summary>
    public string Folder => Path.Combine(Directory, Result.Divergences[0].Directory!);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>The tests that share one <see cref="PlantedCampaign"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PlantedCollection : ICollectionFixture<PlantedCampaign>
{
    public const string Name = "planted campaign";
}

/// <summary>The campaign finds a planted <c>i32.rem_s</c> bug and writes a reproducer that shows it.</summary>
[Collection(PlantedCollection.Name)]
public sealed class PlantedBugTests(PlantedCampaign run)
{
    [Fact]
    public void The_planted_engine_is_off_by_one_for_negative_operands_only()
    {
        const string Wat = """(module (func (export "rem") (param i32 i32) (result i32) (i32.rem_s (local.get 0) (local.get 1))))""";
        using var planted = PlantedEngine.WithHostImports();
        var module = Assert.IsType<Outcome.Compiled>(planted.Compile(Engines.Wat.Binary(Wat))).Module;
        var instance = Assert.IsType<Outcome.Instantiated>(planted.Instantiate(module)).Instance;
        Assert.Equal(Value.I32(1), Single(planted.Invoke(instance, "rem", [Value.I32(7), Value.I32(3)])));
        Assert.Equal(Value.I32(-1 + 1), Single(planted.Invoke(instance, "rem", [Value.I32(-7), Value.I32(3)])));
    }

    private static Value Single(Outcome outcome) => Assert.Single(Assert.IsType<Outcome.Values>(outcome).Results);

    [Fact]
    public void The_campaign_reports_the_planted_bug_within_a_thousand_cases()
    {
        var divergence = Assert.Single(run.Result.Divergences);
        Assert.StartsWith("reference vs planted | invoke |", divergence.Signature);
        Assert.True(run.Result.Cases <= PlantedCampaign.MaxCases);
        Assert.NotNull(divergence.Directory);
    }

    [Fact]
    public void The_divergence_folder_has_the_module_the_reproducer_and_both_reports()
    {
        foreach (var file in (string[])["case.wasm", "case.wat", "repro.wast", "report.yaml", "report.md"])
            Assert.True(File.Exists(Path.Combine(run.Folder, file)), $"{file} is missing in {run.Folder}");
        Assert.Equal(File.ReadAllBytes(Path.Combine(run.Folder, "case.wasm")),
            Engine.Binary.Encoder.Encode(Fuzz.Generator.GeneratedModules.Generated(run.Settings.Seed, run.Result.Divergences[0].FirstCase, run.Settings.Generator)));
    }

    [Fact]
    public void The_reproducer_holds_on_the_reference_interpreter()
    {
        using var reference = new ReferenceEngine(ReferenceHost.Limits, FeatureSets.All);
        var result = ReproScript.Run(reference, File.ReadAllText(Path.Combine(run.Folder, "repro.wast")));
        Assert.Null(result.Error);
        Assert.All(result.Commands, c => Assert.True(c.Status == CommandStatus.Passed, $"line {c.Line}: {c.Command}: expected {c.Expected}, got {c.Actual}"));
    }

    [Fact]
    public void The_reproducer_fails_on_the_planted_engine()
    {
        using var planted = new PlantedEngine(new ReferenceEngine(ReferenceHost.Limits, FeatureSets.All));
        var result = ReproScript.Run(planted, File.ReadAllText(Path.Combine(run.Folder, "repro.wast")));
        Assert.Null(result.Error);
        Assert.Contains(result.Commands, c => c.Status == CommandStatus.Failed);
    }

    [Fact]
    public void The_report_tells_how_to_run_the_case_again()
    {
        var markdown = File.ReadAllText(Path.Combine(run.Folder, "report.md"));
        Assert.Contains($"--case {run.Result.Divergences[0].FirstCase}", markdown);
        Assert.Contains("campaign.yaml", markdown);
        Assert.Contains("◀ first difference", markdown);
    }
}
