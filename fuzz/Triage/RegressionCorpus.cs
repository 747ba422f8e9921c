using WasmConform.Fuzz.Reports;
using WasmConform.Harness;

namespace WasmConform.Fuzz.Triage;

/// <summary>
/// The regression corpus (<c>fuzz/corpus/regressions/</c>): reduced divergences kept to be run again
/// on every engine version. Each case is a folder with <c>reduced.wasm</c>, <c>reduced.wat</c>, the
/// <c>repro.wast</c> that holds on the reference interpreter, and <c>case.yaml</c>: the engines (the
/// baseline first), the signature, the diverging step with the outcome a correct engine gives there
/// (the reference's), the calls with their arguments, whether the engine has been fixed since
/// (<c>status: open | fixed</c>), and where the case was found.
/// </summary>
public static class RegressionCorpus
{
    /// <summary>The description file of a regression case.</summary>
    public const string CaseFile = "case.yaml";

    /// <summary>Whether <paramref name="directory"/> is a regression case.</summary>
    public static bool Is(string directory) => File.Exists(Path.Combine(directory, CaseFile));

    /// <summary>The case of the regression folder <paramref name="directory"/>.</summary>
    /// <exception cref="CaseFolderException">A file is missing or unreadable, a key is missing, or the module does not decode.</exception>
    public static RecordedCase Read(string directory)
    {
        directory = Path.GetFullPath(directory);
        var yaml = YamlFields.Load(Path.Combine(directory, CaseFile));
        string file = Path.Combine(directory, yaml.OptionalText("module") ?? "reduced.wasm");
        var binary = DivergenceFolder.ReadBytes(file);
        var module = DivergenceFolder.Decode(binary, file);
        List<Campaign.PlannedCall> calls;
        try
        {
            calls = CallText.Read(yaml.Find("calls"), module);
        }
        catch (FormatException e)
        {
            throw new CaseFolderException($"{yaml.File}: {e.Message}", e);
        }
        var status = yaml.OptionalText("status") switch
        {
            null or "open" => RegressionStatus.Open,
            "fixed" => RegressionStatus.Fixed,
            _ => throw yaml.Missing("status", "open or fixed"),
        };
        return new RecordedCase(directory, CaseKind.Regression, module, binary, calls,
            yaml.Find("found.seed") is null ? 0 : yaml.Unsigned("found.seed"), yaml.Find("found.case") is null ? 0 : yaml.Integer("found.case"),
            yaml.Boolean("canonical_nans", absent: true), yaml.Text("signature"), yaml.Text("baseline"), yaml.Text("other"),
            (int)yaml.Integer("step"), yaml.OptionalText("expected"), status, yaml.Engines("found.engines"));
    }

    /// <summary>
    /// Adds the reduced divergence of <paramref name="divergenceFolder"/> to the corpus at <paramref name="corpus"/>
    /// as the case <paramref name="name"/> (default: from the signature); returns its folder.
    /// </summary>
    /// <exception cref="CaseFolderException">
    /// The folder is unreadable, was not reduced (run <c>wasmconform reduce</c> first), its reduced
    /// reproducer does not hold, or the corpus already has a case of that name.
    /// </exception>
    public static string Keep(string divergenceFolder, string corpus, string? name = null, RegressionStatus status = RegressionStatus.Open, string? note = null)
    {
        divergenceFolder = Path.GetFullPath(divergenceFolder);
        var report = YamlFields.Load(Path.Combine(divergenceFolder, DivergenceFolder.ReportFile));
        if (!report.Boolean("reduced.reproduced", absent: false) || report.OptionalText("reduced.wasm") is null)
            throw new CaseFolderException($"{divergenceFolder}: not reduced yet: run 'wasmconform reduce {divergenceFolder}' first");
        if (!report.Boolean("reduced.repro_holds", absent: false))
            throw new CaseFolderException($"{divergenceFolder}: the reduced reproducer does not hold on the reference interpreter");
        string signature = report.Text("signature");
        name ??= CampaignReport.Slug(signature);
        string folder = Path.Combine(Path.GetFullPath(corpus), name);
        if (Directory.Exists(folder)) throw new CaseFolderException($"{folder}: the corpus already has a case called {name}");
        var binary = DivergenceFolder.ReadBytes(Path.Combine(divergenceFolder, "reduced.wasm"));
        var module = DivergenceFolder.Decode(binary, Path.Combine(divergenceFolder, "reduced.wasm"));
        var document = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["signature"] = signature,
            ["baseline"] = report.Text("baseline"),
            ["other"] = report.Text("other"),
            ["status"] = status == RegressionStatus.Open ? "open" : "fixed",
            ["note"] = note,
            ["step"] = report.Integer("reduced.step"),
            ["operation"] = report.OptionalText("reduced.operation"),
            ["expected"] = report.Text("reduced.expected"),
            ["canonical_nans"] = report.Boolean("canonical_nans", absent: true),
            ["module"] = "reduced.wasm",
            ["calls"] = CallText.Write(ReducedCalls(report, module), module),
            ["found"] = new Dictionary<string, object?>
            {
                ["run"] = report.OptionalText("run"),
                ["seed"] = report.Unsigned("seed"),
                ["case"] = report.Integer("case"),
                ["engines"] = ReportYaml.Engines(report.Engines("engines").Where(e => e.Name == report.Text("baseline") || e.Name == report.Text("other"))),
            },
        };
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllBytes(Path.Combine(folder, "reduced.wasm"), binary);
        File.Copy(Path.Combine(divergenceFolder, "reduced.wat"), Path.Combine(folder, "reduced.wat"));
        File.Copy(Path.Combine(divergenceFolder, report.Text("reduced.repro")), Path.Combine(folder, "repro.wast"));
        AtomicFile.WriteAllText(Path.Combine(folder, CaseFile), Header + ReportYaml.Serialize(document));
        return folder;
    }

    private static List<Campaign.PlannedCall> ReducedCalls(YamlFields report, Engine.Syntax.Module module)
    {
        try
        {
            return CallText.Read(report.Find("reduced.calls"), module);
        }
        catch (FormatException e)
        {
            throw new CaseFolderException($"{report.File}: reduced.{e.Message}", e);
        }
    }

    private const string Header =
        "# A divergence kept in the regression corpus; 'wasmconform triage' runs it again (see fuzz/corpus/README.md).\n" +
        "# status: open while the engine still diverges, fixed once it no longer does (a divergence is then a regression).\n";
}
