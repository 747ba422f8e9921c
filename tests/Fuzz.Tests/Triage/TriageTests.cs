using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Triage;

namespace WasmConform.Fuzz.Tests.Triage;

/// <summary>Triage runs recorded cases again and classifies them, never passing one it could not check.</summary>
public sealed class TriageTests : IDisposable
{
    private readonly TriageCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private static TriageResult Triage(string directory, Func<string, (Fuzz.Campaign.CampaignEngine?, string?)> engines, params string[] known)
    {
        using var triage = new CaseTriage(engines, known.ToHashSet());
        return triage.Run(CaseTriage.CaseFolders([directory], []));
    }

    private static TriageEntry Entry(TriageResult result, string name) => result.Entries.Single(e => Path.GetFileName(e.Directory) == name);

    [Fact]
    public void A_case_whose_engine_was_fixed_and_one_still_diverging_are_classified_in_one_triage()
    {
        _corpus.Add(TriageCorpus.PlantedCase, "buggy");
        _corpus.Add(TriageCorpus.PlantedCase, "repaired", ("other", "planted-fixed"), ("signature", "reference vs planted-fixed | invoke | trace i32"));
        var result = Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted, TriageCorpus.Fixed("planted-fixed")));
        Assert.Equal(TriageStatus.StillDiverging, Entry(result, "buggy").Status);
        Assert.Equal(TriageStatus.Fixed, Entry(result, "repaired").Status);
        Assert.False(result.Regressed);
    }

    [Fact]
    public void The_planted_case_is_fixed_once_the_planted_engine_is()
    {
        _corpus.Add(TriageCorpus.PlantedCase, "planted");
        var buggy = Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted));
        var repaired = Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Fixed("planted")));
        Assert.Equal(TriageStatus.StillDiverging, Assert.Single(buggy.Entries).Status);
        Assert.Equal(TriageStatus.Fixed, Assert.Single(repaired.Entries).Status);
    }

    [Fact]
    public void A_case_of_an_unavailable_engine_is_not_checked_and_says_why()
    {
        _corpus.Add(TriageCorpus.WasmtimeCase, "wasmtime");
        var entry = Assert.Single(Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference)).Entries);
        Assert.Equal(TriageStatus.NotChecked, entry.Status);
        Assert.Contains("wasmtime is unavailable", entry.Details);
        Assert.False(entry.Regressed);
    }

    [Fact]
    public void A_case_of_an_engine_no_one_knows_is_not_checked()
    {
        _corpus.Add(TriageCorpus.PlantedCase, "stranger", ("other", "nonesuch"));
        var limits = new Fuzz.Engines.Runners.RunnerLimits();
        using var triage = new CaseTriage(name => (CaseEngines.Find(name, limits, out var reason), reason), new HashSet<string>());
        var entry = Assert.Single(triage.Run(CaseTriage.CaseFolders([_corpus.Directory], [])).Entries);
        Assert.Equal(TriageStatus.NotChecked, entry.Status);
        Assert.Contains("no engine is called nonesuch", entry.Details);
    }

    [Fact]
    public void An_open_case_still_diverging_is_no_regression_but_a_fixed_one_is()
    {
        _corpus.Add(TriageCorpus.PlantedCase, "open");
        _corpus.Add(TriageCorpus.PlantedCase, "was-fixed", ("status", "fixed"));
        var result = Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted));
        Assert.False(Entry(result, "open").Regressed);
        Assert.True(Entry(result, "was-fixed").Regressed);
        Assert.True(result.Regressed);
    }

    [Fact]
    public void Another_divergence_is_changed_and_says_what_it_was_and_is()
    {
        _corpus.Add(TriageCorpus.PlantedCase, "changed", ("signature", "reference vs planted | invoke | result i32"));
        var entry = Assert.Single(Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted)).Entries);
        Assert.Equal(TriageStatus.Changed, entry.Status);
        Assert.Contains("was: reference vs planted | invoke | result i32", entry.Details);
        Assert.Contains("now: reference vs planted | invoke | trace i32", entry.Details);
        Assert.True(entry.Regressed);
    }

    [Fact]
    public void A_new_signature_listed_as_known_is_no_regression()
    {
        _corpus.Add(TriageCorpus.PlantedCase, "changed", ("signature", "reference vs planted | invoke | result i32"));
        var result = Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted), "reference vs planted | invoke | trace i32");
        Assert.Equal(TriageStatus.Changed, Assert.Single(result.Entries).Status);
        Assert.False(result.Regressed);
    }

    [Fact]
    public void A_campaign_divergence_regresses_unless_its_signature_is_known()
    {
        _corpus.AddDivergence(TriageCorpus.PlantedCase, "001-planted");
        var engines = TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted);
        var unknown = Assert.Single(Triage(_corpus.Directory, engines).Entries);
        var known = Assert.Single(Triage(_corpus.Directory, engines, unknown.Signature).Entries);
        Assert.Equal((CaseKind.Divergence, TriageStatus.StillDiverging, true), (unknown.Kind!.Value, unknown.Status, unknown.Regressed));
        Assert.Equal((TriageStatus.StillDiverging, false), (known.Status, known.Regressed));
    }

    [Fact]
    public void Agreeing_engines_with_a_baseline_outcome_other_than_recorded_is_a_change()
    {
        _corpus.Add(TriageCorpus.PlantedCase, "moved", ("expected", "'trap: unreachable'"));
        var entry = Assert.Single(Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Fixed("planted"))).Entries);
        Assert.Equal(TriageStatus.Changed, entry.Status);
        Assert.Contains("'trap: unreachable' was recorded", entry.Details);
        Assert.True(entry.Regressed);
    }

    [Fact]
    public void An_unreadable_case_is_not_checked_and_marked_unreadable()
    {
        var folder = _corpus.Add(TriageCorpus.PlantedCase, "broken");
        File.WriteAllText(Path.Combine(folder, "reduced.wasm"), "not a module");
        var entry = Assert.Single(Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted)).Entries);
        Assert.Equal(TriageStatus.NotChecked, entry.Status);
        Assert.True(entry.Unreadable);
        Assert.Contains("does not decode", entry.Details);
    }

    [Fact]
    public void A_folder_without_cases_is_an_error()
    {
        var errors = new List<string>();
        Assert.Empty(CaseTriage.CaseFolders([_corpus.Directory], errors));
        Assert.Single(errors);
    }

    [Fact]
    public void The_report_files_list_every_case_with_its_status()
    {
        _corpus.Add(TriageCorpus.PlantedCase, "planted");
        _corpus.Add(TriageCorpus.WasmtimeCase, "wasmtime");
        var result = Triage(_corpus.Directory, TriageCorpus.Engines(TriageCorpus.Reference, TriageCorpus.Planted));
        string report = Path.Combine(_corpus.Directory, "report");
        TriageReport.Write(report, result);
        var yaml = YamlFields.Load(Path.Combine(report, "triage.yaml"));
        var cases = Assert.IsType<List<object>>(yaml.Find("cases"));
        Assert.Equal(["still_diverging", "not_checked"], cases.Cast<Dictionary<object, object>>().Select(c => c["status"]));
        Assert.Equal("1", yaml.Find("counts.not_checked"));
        var markdown = File.ReadAllText(Path.Combine(report, "triage.md"));
        Assert.Contains("| planted | reference vs planted | still diverging | no |", markdown);
        Assert.Contains("## wasmtime: not checked", markdown);
    }
}
