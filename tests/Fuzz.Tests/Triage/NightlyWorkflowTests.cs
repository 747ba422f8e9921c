using System.Text.RegularExpressions;
using WasmConform.Harness;
using YamlDotNet.RepresentationModel;

namespace WasmConform.Fuzz.Tests.Triage;

/// <summary>The nightly fuzzing workflow is valid YAML with the triggers and steps it needs, and runs the make targets that work locally.</summary>
public sealed partial class NightlyWorkflowTests
{
    private static readonly string Root = TestSuite.RepositoryRoot();

    private static readonly string File = Path.Combine(Root, ".github", "workflows", "nightly-fuzz.yml");

    private static YamlMappingNode Workflow()
    {
        Assert.True(System.IO.File.Exists(File), $"no workflow at {File}");
        var stream = new YamlStream();
        stream.Load(new StringReader(System.IO.File.ReadAllText(File)));
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    private static YamlNode At(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var map = Assert.IsType<YamlMappingNode>(node);
            Assert.True(map.Children.TryGetValue(new YamlScalarNode(key), out var child), $"no '{key}' in the workflow");
            node = child!;
        }
        return node;
    }

    private static string Text(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    private static List<YamlMappingNode> Steps()
    {
        var jobs = Assert.IsType<YamlMappingNode>(At(Workflow(), "jobs"));
        var job = Assert.IsType<YamlMappingNode>(Assert.Single(jobs.Children).Value);
        return [.. Assert.IsType<YamlSequenceNode>(At(job, "steps")).Children.Cast<YamlMappingNode>()];
    }

    private static string? Value(YamlMappingNode step, string key) =>
        step.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    private static YamlMappingNode StepUsing(string action) =>
        Steps().FirstOrDefault(s => Value(s, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true)
        ?? throw new Xunit.Sdk.XunitException($"no step uses {action}");

    private static string Runs() => string.Join("\n", Steps().Select(s => Value(s, "run")).OfType<string>());

    [Fact]
    public void It_runs_on_a_schedule_and_on_demand_with_the_campaign_length_as_input()
    {
        var on = At(Workflow(), "on");
        Assert.NotEmpty(Text(At(Assert.IsType<YamlSequenceNode>(At(on, "schedule")).Children[0], "cron")));
        Assert.NotEmpty(Text(At(on, "workflow_dispatch", "inputs", "seconds", "description")));
    }

    [Fact]
    public void It_checks_out_and_installs_dotnet_10_node_20_and_go()
    {
        StepUsing("actions/checkout");
        Assert.StartsWith("10.", Text(At(StepUsing("actions/setup-dotnet"), "with", "dotnet-version")));
        Assert.Equal("20", Text(At(StepUsing("actions/setup-node"), "with", "node-version")));
        StepUsing("actions/setup-go");
    }

    [Fact]
    public void It_builds_the_tools_and_runners_fuzzes_triages_the_corpus_and_the_new_report()
    {
        var runs = Runs();
        Assert.Contains("go mod download", runs);
        Assert.Contains("make build runners", runs);
        Assert.Matches(@"make fuzz FUZZ_SECONDS=""?\$FUZZ_SECONDS""? FUZZ_REPORT=reports/nightly/fuzz ", runs);
        Assert.Matches(@"make fuzz FUZZ_ENGINES=reference,wasmtime FUZZ_SECONDS=""?\$FUZZ_SECONDS""? FUZZ_REPORT=reports/nightly/fuzz-gc ", runs);
        var triageStep = Steps().Select(s => Value(s, "run")).OfType<string>().Single(r => r.Contains("make triage", StringComparison.Ordinal));
        Assert.Contains("fuzz/corpus/regressions", triageStep);
        Assert.Contains("reports/nightly/fuzz ", triageStep);
        Assert.Contains("reports/nightly/fuzz-gc", triageStep);
        int build = runs.IndexOf("make build runners", StringComparison.Ordinal), fuzz = runs.IndexOf("make fuzz", StringComparison.Ordinal), triage = runs.IndexOf("make triage", StringComparison.Ordinal);
        Assert.True(build < fuzz && fuzz < triage, "build, then fuzz, then triage");
    }

    [Fact]
    public void The_campaign_length_comes_from_the_input()
    {
        var env = Text(At(Assert.IsType<YamlMappingNode>(Assert.Single(Assert.IsType<YamlMappingNode>(At(Workflow(), "jobs")).Children).Value), "env", "FUZZ_SECONDS"));
        Assert.Contains("inputs.seconds", env);
    }

    [Fact]
    public void It_uploads_the_reports_even_when_a_step_failed()
    {
        var upload = StepUsing("actions/upload-artifact");
        Assert.Equal("reports/", Text(At(upload, "with", "path")));
        Assert.Equal("always()", Value(upload, "if"));
    }

    [Fact]
    public void Every_make_target_it_runs_is_one_of_the_makefile()
    {
        var targets = MakeTargets().Matches(System.IO.File.ReadAllText(Path.Combine(Root, "Makefile"))).Select(m => m.Groups[1].Value).ToHashSet();
        var used = MakeCalls().Matches(Runs()).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(t => !t.Contains('=')).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, t => Assert.Contains(t, targets));
    }

    [Fact]
    public void The_known_signatures_file_it_relies_on_reads()
    {
        Assert.NotEmpty(Fuzz.Triage.KnownSignatures.Load(Path.Combine(Root, Fuzz.Triage.KnownSignatures.DefaultPath)));
        Assert.Contains("--known fuzz/corpus/known-signatures.yaml", System.IO.File.ReadAllText(Path.Combine(Root, "Makefile")));
    }

    [GeneratedRegex(@"^([a-z][a-z0-9-]*):", RegexOptions.Multiline)]
    private static partial Regex MakeTargets();

    [GeneratedRegex(@"make ((?:[a-z][a-z0-9-]* ?)+)")]
    private static partial Regex MakeCalls();
}
