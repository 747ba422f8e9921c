using WasmConform.Cli.Commands;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Triage;
using WasmConform.Harness;

namespace WasmConform.Cli.Tests;

/// <summary><c>wasmconform reduce</c> and <c>wasmconform triage</c>: what they write and their exit statuses.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class TriageCommandTests : IDisposable
{
    private static readonly string Corpus = Path.Combine(TestSuite.RepositoryRoot(), "fuzz", "corpus", "regressions");
    private static readonly string Planted = Path.Combine(Corpus, "planted-i32-rem-s");

    private readonly string _dir = Directory.CreateTempSubdirectory("wasmconform-triage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => ConsoleCollection.Capture(Program.Main, args);

    /// <summary>A divergence folder made from the corpus's planted case (its module as case.wasm, the report keys the commands read).</summary>
    private string Divergence()
    {
        string folder = Path.Combine(_dir, "001-planted");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Planted, "reduced.wasm"), Path.Combine(folder, "case.wasm"));
        var c = RegressionCorpus.Read(Planted);
        File.WriteAllText(Path.Combine(folder, "report.yaml"), ReportYaml.Serialize(new Dictionary<string, object?>
        {
            ["signature"] = c.Signature, ["seed"] = c.Seed, ["case"] = c.Index, ["baseline"] = c.Baseline, ["other"] = c.Other,
            ["first_difference"] = new Dictionary<string, object?> { ["step"] = c.Step }, ["canonical_nans"] = true,
        }));
        return folder;
    }

    /// <summary>A copy of the corpus's planted case in a corpus of its own, with <paramref name="status"/>.</summary>
    private string PlantedCorpus(string status)
    {
        string folder = Path.Combine(_dir, "corpus", "planted");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Planted)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var yaml = Path.Combine(folder, "case.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("status: open", $"status: {status}", StringComparison.Ordinal));
        return Path.GetDirectoryName(folder)!;
    }

    [Fact]
    public void Reduce_writes_the_reduced_case_and_succeeds()
    {
        var folder = Divergence();
        var (code, stdout, _) = Run("reduce", folder);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("reduced ", stdout);
        Assert.True(File.Exists(Path.Combine(folder, "reduced.wat")));
    }

    [Fact]
    public void Reduce_of_a_folder_without_a_report_is_bad_input()
    {
        var (code, _, stderr) = Run("reduce", _dir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("report.yaml", stderr);
    }

    [Fact]
    public void Reduce_on_engines_that_do_not_start_with_the_baseline_is_a_usage_error()
    {
        var (code, _, _) = Run("reduce", Divergence(), "--engines", "planted,reference");
        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public void Triage_without_paths_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, Run("triage").Code);
    }

    [Fact]
    public void Triage_of_a_case_it_cannot_check_exits_with_four_and_says_why()
    {
        string report = Path.Combine(_dir, "report");
        var (code, stdout, _) = Run("triage", Corpus, "--engines", "reference,planted", "--report", report);
        Assert.Equal(TriageCommand.NotAllChecked, code);
        Assert.Contains("still diverging", stdout);
        Assert.Contains("wasmtime is not among --engines", stdout);
        Assert.True(File.Exists(Path.Combine(report, "triage.md")));
        Assert.True(File.Exists(Path.Combine(report, "triage.yaml")));
    }

    [Fact]
    public void Triage_of_an_open_case_still_diverging_succeeds()
    {
        var (code, stdout, _) = Run("triage", PlantedCorpus("open"), "--report", Path.Combine(_dir, "report"));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("nothing regressed", stdout);
    }

    [Fact]
    public void Triage_of_a_fixed_case_that_diverges_again_fails()
    {
        var (code, stdout, _) = Run("triage", PlantedCorpus("fixed"), "--report", Path.Combine(_dir, "report"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("REGRESSED", stdout);
    }

    [Fact]
    public void Triage_of_a_campaign_divergence_fails_unless_its_signature_is_known()
    {
        var folder = Divergence();
        string known = Path.Combine(_dir, "known.yaml");
        File.WriteAllText(known, "signatures: []\n");
        Assert.Equal(ExitCodes.Failure, Run("triage", folder, "--known", known, "--report", Path.Combine(_dir, "r1")).Code);
        KnownSignatures.Add(known, RegressionCorpus.Read(Planted).Signature, null, null);
        Assert.Equal(ExitCodes.Ok, Run("triage", folder, "--known", known, "--report", Path.Combine(_dir, "r2")).Code);
    }

    [Fact]
    public void Triage_keep_reduces_keeps_and_lists_the_signature_as_known()
    {
        var folder = Divergence();
        string corpus = Path.Combine(_dir, "kept"), known = Path.Combine(_dir, "known.yaml");
        var (code, stdout, stderr) = Run("triage", "--keep", folder, "--corpus", corpus, "--known", known, "--name", "rem-s");
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("reducing", stdout);
        Assert.True(File.Exists(Path.Combine(corpus, "rem-s", "case.yaml")));
        Assert.Contains(RegressionCorpus.Read(Planted).Signature, KnownSignatures.Load(known));
        Assert.Equal(ExitCodes.BadInput, Run("triage", "--keep", folder, "--corpus", corpus, "--known", known, "--name", "rem-s").Code);
    }
}
