using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Tests.Campaign;
using WasmConform.Fuzz.Triage;
using WasmConform.Harness;

namespace WasmConform.Fuzz.Tests.Triage;

/// <summary>Corpora and engines for triage tests: copies of the repository's regression cases in a temporary folder.</summary>
public sealed class TriageCorpus : IDisposable
{
    /// <summary>The repository's regression corpus.</summary>
    public static string Repository { get; } = Path.Combine(TestSuite.RepositoryRoot(), "fuzz", "corpus", "regressions");

    /// <summary>The planted <c>i32.rem_s</c> case of the repository's corpus.</summary>
    public static string PlantedCase { get; } = Path.Combine(Repository, "planted-i32-rem-s");

    /// <summary>The wasmtime <c>array.copy</c> case of the repository's corpus.</summary>
    public static string WasmtimeCase { get; } = Path.Combine(Repository, "wasmtime-array-copy-null-before-bounds");

    public string Directory { get; } = CampaignRun.NewDirectory("corpus");

    /// <summary>
    /// Copies <paramref name="source"/> into the corpus as <paramref name="name"/>, with each (key, value) of
    /// <paramref name="edits"/> replacing that top-level line of case.yaml; returns the copy's folder.
    /// </summary>
    public string Add(string source, string name, params (string Key, string Value)[] edits)
    {
        string folder = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(folder);
        foreach (var file in System.IO.Directory.GetFiles(source)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        string yaml = Path.Combine(folder, RegressionCorpus.CaseFile);
        var lines = File.ReadAllLines(yaml).ToList();
        foreach (var (key, value) in edits)
        {
            int at = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            if (at < 0) lines.Add($"{key}: {value}");
            else lines[at] = $"{key}: {value}";
        }
        File.WriteAllLines(yaml, lines);
        return folder;
    }

    /// <summary>
    /// A divergence folder made from the regression case <paramref name="source"/>: its module as
    /// <c>case.wasm</c> and the keys of <c>report.yaml</c> that triage and the reducer read.
    /// </summary>
    public string AddDivergence(string source, string name)
    {
        string folder = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(source, "reduced.wasm"), Path.Combine(folder, "case.wasm"));
        var c = RegressionCorpus.Read(source);
        File.WriteAllText(Path.Combine(folder, DivergenceFolder.ReportFile), ReportYaml.Serialize(new Dictionary<string, object?>
        {
            ["signature"] = c.Signature, ["seed"] = c.Seed, ["case"] = c.Index, ["baseline"] = c.Baseline, ["other"] = c.Other,
            ["first_difference"] = new Dictionary<string, object?> { ["step"] = c.Step }, ["canonical_nans"] = c.CanonicalNans,
            ["outcomes"] = new Dictionary<string, object?>(),
        }));
        return folder;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>The reference interpreter.</summary>
    public static CampaignEngine Reference { get; } = new(EngineCatalog.Reference, _ => new ReferenceHost(FolderReduction.CallTimeout));

    /// <summary>The planted engine with its bug.</summary>
    public static CampaignEngine Planted { get; } = new(PlantedEngine.EngineName, _ => new PlantedHost());

    /// <summary>An engine called <paramref name="name"/> that is the reference interpreter: the planted engine with its bug fixed.</summary>
    public static CampaignEngine Fixed(string name) => new(name, _ => new ReferenceHost(FolderReduction.CallTimeout, name: name));

    /// <summary>A resolver of engine names from <paramref name="engines"/>; any other name is unavailable.</summary>
    public static Func<string, (CampaignEngine?, string?)> Engines(params CampaignEngine[] engines) =>
        name => engines.FirstOrDefault(e => e.Name == name) is { } engine ? (engine, null) : (null, $"{name} is unavailable: not built here");
}
