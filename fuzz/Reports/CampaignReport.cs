using System.Globalization;
using System.Text;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;
using WasmConform.Harness;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Reports;

/// <summary>
/// The report folder of a campaign (<c>reports/&lt;run-id&gt;/</c>): <c>campaign.yaml</c> (the
/// configuration that re-runs it), <c>summary.md</c> and <c>summary.yaml</c>, and one folder per
/// distinct divergence with <c>case.wasm</c>, <c>case.wat</c> (<see cref="WatPrinter"/>), <c>repro.wast</c>,
/// <c>report.yaml</c> and <c>report.md</c>. Every file is written atomically
/// (<see cref="AtomicFile"/>), a divergence's files as soon as it is found, so an interrupted
/// campaign loses nothing it had found.
/// </summary>
/// <remarks>Thread-safe: workers write divergences concurrently.</remarks>
public sealed class CampaignReport
{
    /// <summary>How long a reproducer may run when it is checked on the reference interpreter.</summary>
    public static TimeSpan ReproTimeout { get; set; } = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private readonly CampaignSettings _settings;
    private readonly CampaignConfig? _config;
    private readonly IReadOnlyList<string> _notes;
    private IReadOnlyList<EngineVersion> _engines = [];
    private int _folders;

    /// <summary>A report in <paramref name="directory"/> (created on <see cref="Start"/>).</summary>
    /// <param name="directory">The run's folder; its name is the run id.</param>
    /// <param name="settings">The campaign's settings.</param>
    /// <param name="config">The configuration to save as <c>campaign.yaml</c> for re-runs; null when the campaign was set up in code.</param>
    /// <param name="notes">Lines about the setup for the summary (engines left out, features dropped).</param>
    public CampaignReport(string directory, CampaignSettings settings, CampaignConfig? config = null, IReadOnlyList<string>? notes = null)
    {
        Directory = Path.GetFullPath(directory);
        _settings = settings;
        _config = config;
        _notes = notes ?? [];
    }

    /// <summary>The run's folder.</summary>
    public string Directory { get; }

    /// <summary>The run id: the folder's name.</summary>
    public string RunId => Path.GetFileName(Directory);

    /// <summary>Where the configuration of the run is saved, when there is one.</summary>
    public string? ConfigPath => _config is null ? null : Path.Combine(Directory, "campaign.yaml");

    /// <summary>Creates the folder and saves the configuration.</summary>
    public void Start(IReadOnlyList<EngineVersion> engines)
    {
        _engines = engines;
        System.IO.Directory.CreateDirectory(Directory);
        if (_config is not null) AtomicFile.WriteAllText(ConfigPath!, CampaignConfigFile.Write(_config));
    }

    /// <summary>The command that runs case <paramref name="index"/> again; null without a saved configuration.</summary>
    public string? Rerun(long index) => ConfigPath is null ? null
        : string.Create(CultureInfo.InvariantCulture, $"bin/wasmconform fuzz --config {Relative(ConfigPath)} --case {index}");

    /// <summary>Writes the folder of a new divergence; returns its name.</summary>
    public string WriteDivergence(CaseResult result, Divergence divergence, GeneratorConfig generator)
    {
        string name;
        lock (_lock) name = string.Create(CultureInfo.InvariantCulture, $"{++_folders:D3}-{Slug(divergence.Signature)}");
        string folder = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(folder);
        AtomicFile.WriteAllBytes(Path.Combine(folder, "case.wasm"), result.Binary);
        AtomicFile.WriteAllText(Path.Combine(folder, "case.wat"), Text(result.Module));
        string source = ReproScript.SourceEngine(result, divergence);
        string repro = ReproScript.Build(result, divergence, source);
        var check = ReproCheck.Of("reference", ReproScript.Verify(repro, ReproTimeout));
        AtomicFile.WriteAllText(Path.Combine(folder, check.Holds ? "repro.wast" : "repro-unverified.wast"), repro);
        var run = new RunContext(RunId, _engines, generator, Relative(folder), source);
        string? rerun = Rerun(result.Index);
        AtomicFile.WriteAllText(Path.Combine(folder, "report.yaml"), ReportYaml.Serialize(DivergenceReport.Yaml(result, divergence, run, check, rerun)));
        AtomicFile.WriteAllText(Path.Combine(folder, "report.md"), DivergenceReport.Markdown(result, divergence, run, check, rerun));
        return name;
    }

    /// <summary>Rewrites <c>summary.yaml</c> and <c>summary.md</c>.</summary>
    public void WriteSummary(CampaignSnapshot snapshot, bool final)
    {
        var context = new SummaryContext(RunId, _engines, _settings.Seed, _settings.FirstCase, _settings.Generator, _notes);
        lock (_lock)
        {
            System.IO.Directory.CreateDirectory(Directory);
            AtomicFile.WriteAllText(Path.Combine(Directory, "summary.yaml"), ReportYaml.Serialize(SummaryReport.Yaml(context, snapshot, final)));
            AtomicFile.WriteAllText(Path.Combine(Directory, "summary.md"), SummaryReport.Markdown(context, snapshot, final));
        }
    }

    /// <summary>The module in the text format; a comment saying why when the printer fails (the divergence must still be written).</summary>
    private static string Text(Module module)
    {
        try
        {
            return WatPrinter.Print(module);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $";; the WAT printer failed on this module: {e.GetType().Name}: {e.Message}\n";
        }
    }

    /// <summary>A folder name from a signature: lower-case letters and digits, words joined by dashes, at most 60 characters.</summary>
    public static string Slug(string signature)
    {
        var s = new StringBuilder();
        foreach (char c in signature.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) s.Append(c);
            else if (s.Length > 0 && s[^1] != '-') s.Append('-');
            if (s.Length >= 60) break;
        }
        return s.ToString().Trim('-');
    }

    /// <summary><paramref name="path"/> relative to the working directory when it is inside it.</summary>
    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
