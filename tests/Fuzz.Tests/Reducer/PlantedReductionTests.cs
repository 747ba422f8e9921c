using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Triage;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Tests.Reducer;

/// <summary>Reducing the divergence a campaign finds in the planted <c>i32.rem_s</c> bug.</summary>
[Collection(PlantedReductionCollection.Name)]
public sealed class PlantedReductionTests(PlantedReduction run)
{
    private static Engine.Syntax.Module Decode(string path) => Decoder.Decode(File.ReadAllBytes(path), FeatureSets.All);

    [Fact]
    public void The_reduced_case_has_at_most_twenty_instructions()
    {
        var reduced = Decode(Path.Combine(run.Folder, "reduced.wasm"));
        Assert.InRange(ModuleSize.Instructions(reduced), 1, 20);
        Assert.True(ModuleSize.Instructions(reduced) < ModuleSize.Instructions(run.Result.Target.Module));
    }

    [Fact]
    public void The_reduced_case_still_shows_the_same_signature()
    {
        Assert.True(run.Result.Reproduced);
        Assert.Equal(run.Result.Target.Signature, Assert.IsType<Oracle.Divergence>(run.Result.Divergence).Signature);
        Assert.Contains(run.Result.Run.Divergences, d => d.Signature == run.Campaign.Result.Divergences[0].Signature);
    }

    [Fact]
    public void The_reduction_runs_until_no_step_helps()
    {
        Assert.True(run.Result.Complete, $"stopped by {run.Result.StoppedBy}");
    }

    [Fact]
    public void Every_candidate_run_is_a_valid_module()
    {
        Assert.NotEmpty(run.Tried);
        foreach (var (module, _) in run.Tried) Validator.Validate(module, FeatureSets.All);
    }

    [Fact]
    public void Every_kept_candidate_is_valid_and_no_larger_than_the_one_before()
    {
        var kept = run.Tried.Where(t => t.Kept).Select(t => t.Module).ToList();
        Assert.True(kept.Count > 1);
        for (int i = 1; i < kept.Count; i++)
        {
            Validator.Validate(kept[i], FeatureSets.All);
            Assert.True(ModuleSize.Instructions(kept[i]) <= ModuleSize.Instructions(kept[i - 1]), $"step {i} grew");
        }
        Assert.Equal(Encoder.Encode(kept[^1]), File.ReadAllBytes(Path.Combine(run.Folder, "reduced.wasm")));
    }

    [Fact]
    public void Reduced_wat_reads_back_as_reduced_wasm()
    {
        var text = WatParser.ParseModule(File.ReadAllText(Path.Combine(run.Folder, "reduced.wat")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(run.Folder, "reduced.wasm")), Encoder.Encode(text));
    }

    [Fact]
    public void The_reduced_reproducer_holds_on_the_reference_and_fails_on_the_planted_engine()
    {
        var text = File.ReadAllText(Path.Combine(run.Folder, "repro.wast"));
        using (var reference = new ReferenceEngine(Fuzz.Campaign.ReferenceHost.Limits, FeatureSets.All))
        {
            var result = ReproScript.Run(reference, text);
            Assert.Null(result.Error);
            Assert.All(result.Commands, c => Assert.Equal(CommandStatus.Passed, c.Status));
        }
        using var planted = new PlantedEngine(new ReferenceEngine(Fuzz.Campaign.ReferenceHost.Limits, FeatureSets.All));
        Assert.Contains(ReproScript.Run(planted, text).Commands, c => c.Status == CommandStatus.Failed);
    }

    [Fact]
    public void The_campaigns_reproducer_is_kept_beside_it()
    {
        Assert.True(run.Files.Holds);
        Assert.Contains("(module $case binary", File.ReadAllText(Path.Combine(run.Folder, "case-repro.wast")));
        Assert.True(File.ReadAllText(Path.Combine(run.Folder, "repro.wast")).Length < File.ReadAllText(Path.Combine(run.Folder, "case-repro.wast")).Length);
    }

    [Fact]
    public void Report_yaml_gains_the_reduced_sizes_and_keeps_what_it_had()
    {
        var report = YamlFields.Load(Path.Combine(run.Folder, "report.yaml"));
        Assert.Equal(ModuleSize.Instructions(run.Result.Target.Module), report.Integer("reduced.instructions.before"));
        Assert.Equal(ModuleSize.Instructions(Decode(Path.Combine(run.Folder, "reduced.wasm"))), report.Integer("reduced.instructions.after"));
        Assert.Equal(new FileInfo(Path.Combine(run.Folder, "reduced.wasm")).Length, report.Integer("reduced.bytes.after"));
        Assert.Equal(run.Result.Runs, report.Integer("reduced.runs"));
        foreach (var line in run.Before.Split('\n').Where(l => l.Length > 0 && l[0] != ' ' && l[0] != '-'))
            Assert.Contains(line, File.ReadAllText(Path.Combine(run.Folder, "report.yaml")));
    }

    [Fact]
    public void Report_md_says_how_far_it_was_reduced()
    {
        var markdown = File.ReadAllText(Path.Combine(run.Folder, "report.md"));
        Assert.Contains("## Reduced", markdown);
        Assert.Contains($"From {ModuleSize.Instructions(run.Result.Target.Module)} to {ModuleSize.Instructions(run.Result.Reduced)} instructions", markdown);
        Assert.Contains("# Divergence:", markdown);
    }

    [Fact]
    public void The_reduced_calls_in_report_yaml_read_back_as_the_calls_run()
    {
        var report = YamlFields.Load(Path.Combine(run.Folder, "report.yaml"));
        var calls = CallText.Read(report.Find("reduced.calls"), run.Result.Reduced);
        Assert.Equal(run.Result.Calls.Where(c => c.Args is not null).Select(c => (c.Export, c.Args!.Value.Count)), calls.Select(c => (c.Export, c.Args!.Value.Count)));
    }
}
