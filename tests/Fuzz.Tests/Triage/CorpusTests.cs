using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Triage;
using WasmConform.Harness;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Tests.Triage;

/// <summary>The repository's regression corpus and known signatures, and adding to a corpus.</summary>
public sealed class CorpusTests : IDisposable
{
    private readonly TriageCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(TriageCorpus.Repository).Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void The_corpus_holds_the_wasmtime_array_copy_case_and_the_planted_case()
    {
        Assert.True(RegressionCorpus.Is(TriageCorpus.WasmtimeCase), $"no case in {TriageCorpus.WasmtimeCase}");
        Assert.True(RegressionCorpus.Is(TriageCorpus.PlantedCase), $"no case in {TriageCorpus.PlantedCase}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_reads_and_its_reproducer_holds_on_the_reference(string name)
    {
        var recorded = RegressionCorpus.Read(Path.Combine(TriageCorpus.Repository, name));
        Assert.Equal(Fuzz.Engines.EngineCatalog.Reference, recorded.Baseline);
        using var reference = new ReferenceEngine(Fuzz.Campaign.ReferenceHost.Limits, FeatureSets.All);
        var result = ReproScript.Run(reference, File.ReadAllText(Path.Combine(recorded.Directory, "repro.wast")));
        Assert.Null(result.Error);
        Assert.All(result.Commands, c => Assert.True(c.Status == CommandStatus.Passed, $"line {c.Line}: expected {c.Expected}, got {c.Actual}"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_cases_text_reads_back_as_its_module(string name)
    {
        var folder = Path.Combine(TriageCorpus.Repository, name);
        var text = WatParser.ParseModule(File.ReadAllText(Path.Combine(folder, "reduced.wat")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "reduced.wasm")), Encoder.Encode(text));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_open_case_has_its_signature_among_the_known(string name)
    {
        var recorded = RegressionCorpus.Read(Path.Combine(TriageCorpus.Repository, name));
        var known = KnownSignatures.Load(Path.Combine(TestSuite.RepositoryRoot(), KnownSignatures.DefaultPath));
        if (recorded.Status == RegressionStatus.Open) Assert.Contains(recorded.Signature, known);
    }

    [Fact]
    public void The_wasmtime_case_expects_the_null_trap_of_array_copy()
    {
        var recorded = RegressionCorpus.Read(TriageCorpus.WasmtimeCase);
        Assert.Equal("trap: null array reference", recorded.Expected);
        Assert.Contains(recorded.Module.Functions.SelectMany(f => f.Body), i => i.Op == Engine.Syntax.Opcode.ArrayCopy);
        Assert.Contains("trap(null reference) vs trap(out of bounds array access)", recorded.Signature);
    }

    [Fact]
    public void The_planted_case_keeps_diverging_on_the_planted_engine()
    {
        using var triage = new CaseTriage(TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted), new HashSet<string>());
        Assert.Equal(TriageStatus.StillDiverging, triage.Check(TriageCorpus.PlantedCase).Status);
    }

    [Fact]
    public void Keeping_an_unreduced_divergence_says_to_reduce_it_first()
    {
        var folder = _corpus.AddDivergence(TriageCorpus.PlantedCase, "001-unreduced");
        var e = Assert.Throws<CaseFolderException>(() => RegressionCorpus.Keep(folder, Path.Combine(_corpus.Directory, "corpus")));
        Assert.Contains("wasmconform reduce", e.Message);
    }

    [Fact]
    public void A_kept_divergence_reads_back_and_still_diverges()
    {
        var folder = _corpus.AddDivergence(TriageCorpus.PlantedCase, "001-planted");
        using (var reference = new Fuzz.Campaign.ReferenceHost(FolderReduction.CallTimeout))
        using (var planted = new PlantedHost())
            FolderReduction.Reduce(folder, [reference, planted], new ReductionLimits());
        var kept = RegressionCorpus.Keep(folder, Path.Combine(_corpus.Directory, "corpus"), "kept", note: "a test");
        foreach (var file in (string[])["reduced.wasm", "reduced.wat", "repro.wast", "case.yaml"])
            Assert.True(File.Exists(Path.Combine(kept, file)), $"{file} is missing");
        var recorded = RegressionCorpus.Read(kept);
        Assert.Equal((RegressionStatus.Open, "reference", "planted"), (recorded.Status!.Value, recorded.Baseline, recorded.Other));
        Assert.Equal(RegressionCorpus.Read(TriageCorpus.PlantedCase).Signature, recorded.Signature);
        using var triage = new CaseTriage(TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted), new HashSet<string>());
        Assert.Equal(TriageStatus.StillDiverging, triage.Check(kept).Status);
    }

    [Fact]
    public void A_signature_is_added_to_the_known_ones_once()
    {
        string file = Path.Combine(_corpus.Directory, "known.yaml");
        Directory.CreateDirectory(_corpus.Directory);
        Assert.True(KnownSignatures.Add(file, "a vs b | invoke | result i32", "regressions/x", "a note: with a colon"));
        Assert.False(KnownSignatures.Add(file, "a vs b | invoke | result i32", "regressions/x", null));
        Assert.True(KnownSignatures.Add(file, "a vs c | compile | outcome rejected vs compiled", null, null));
        Assert.Equal(["a vs b | invoke | result i32", "a vs c | compile | outcome rejected vs compiled"], KnownSignatures.Load(file).Order());
    }
}
