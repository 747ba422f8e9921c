using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Fuzz.Campaign;

namespace WasmConform.Fuzz.Reports;

/// <summary>
/// Reads a campaign's divergence folder back (<see cref="CampaignReport.WriteDivergence"/>):
/// <c>case.wasm</c> and <c>report.yaml</c> (signature, engines, seed, case, the diverging step and
/// every engine's outcomes). The calls are the campaign's own for that case (<see cref="CallPlan"/>),
/// so the case runs exactly as it did.
/// </summary>
public static class DivergenceFolder
{
    /// <summary>The report file of a divergence folder.</summary>
    public const string ReportFile = "report.yaml";

    /// <summary>Whether <paramref name="directory"/> is a divergence folder.</summary>
    public static bool Is(string directory) => File.Exists(Path.Combine(directory, ReportFile)) && File.Exists(Path.Combine(directory, "case.wasm"));

    /// <summary>The case of the divergence folder <paramref name="directory"/>.</summary>
    /// <exception cref="CaseFolderException">A file is missing or unreadable, or the module does not decode.</exception>
    public static RecordedCase Read(string directory)
    {
        directory = Path.GetFullPath(directory);
        var report = YamlFields.Load(Path.Combine(directory, ReportFile));
        var binary = ReadBytes(Path.Combine(directory, "case.wasm"));
        var module = Decode(binary, Path.Combine(directory, "case.wasm"));
        ulong seed = report.Unsigned("seed");
        long index = report.Integer("case");
        string baseline = report.Text("baseline");
        int step = (int)report.Integer("first_difference.step");
        return new RecordedCase(directory, CaseKind.Divergence, module, binary, CallPlan.Of(module, seed, index), seed, index,
            report.Boolean("canonical_nans", absent: true), report.Text("signature"), baseline, report.Text("other"), step,
            OutcomeAt(report, baseline, step), null, report.Engines("engines"));
    }

    /// <summary>The outcome <paramref name="engine"/> gave at <paramref name="step"/> as the report words it; null when the report does not have it.</summary>
    public static string? OutcomeAt(YamlFields report, string engine, int step) =>
        report.Find("outcomes") is Dictionary<object, object> outcomes && outcomes.GetValueOrDefault(engine) is List<object> steps
            && step < steps.Count && steps[step] is Dictionary<object, object> record
            ? record.GetValueOrDefault("outcome") as string
            : null;

    /// <summary>The bytes of <paramref name="path"/>.</summary>
    /// <exception cref="CaseFolderException">The file is missing or unreadable.</exception>
    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaseFolderException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The module of <paramref name="binary"/>.</summary>
    /// <exception cref="CaseFolderException">It does not decode (the reducer and triage work on modules our decoder reads).</exception>
    public static Engine.Syntax.Module Decode(byte[] binary, string path)
    {
        try
        {
            return Decoder.Decode(binary, FeatureSets.All);
        }
        catch (WasmException e)
        {
            throw new CaseFolderException($"{path}: the module does not decode: {e.Describe()}", e);
        }
    }
}
