using System.CommandLine;
using System.Globalization;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines.Runners;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Reports;
using WasmConform.Fuzz.Triage;
using WasmConform.Harness;

namespace WasmConform.Cli.Commands;

/// <summary>
/// <c>wasmconform triage PATH... [--engines LIST] [--report DIR] [--known FILE]</c>: runs recorded
/// divergences again and classifies them; <c>wasmconform triage --keep DIVERGENCE_DIR</c> adds one to
/// the regression corpus.
/// </summary>
public static class TriageCommand
{
    /// <summary>Exit status: some case could not be checked here (and nothing regressed).</summary>
    public const int NotAllChecked = 4;

    private sealed record Options(
        string[] Paths, string? Engines, string? Report, FileInfo? Known, DirectoryInfo? Keep, string? Name, DirectoryInfo? Corpus, string? Status, string? Note);

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Report folders (a campaign's reports/<run-id>/ or single divergence folders) or regression cases (fuzz/corpus/regressions or one of its folders).", Arity = ArgumentArity.ZeroOrMore };
        var engines = new Option<string?>("--engines") { Description = "Only these engines may run, comma-separated; a case needing another is not checked (default: every available one)." };
        var report = new Option<string?>("--report") { Description = "Where triage.md and triage.yaml go (default: reports/triage-<timestamp>)." };
        var known = new Option<FileInfo?>("--known") { Description = $"Signatures known to be open (default: {KnownSignatures.DefaultPath} of the repository, when it exists)." };
        var keep = new Option<DirectoryInfo?>("--keep") { Description = "Add this divergence folder to the regression corpus (reducing it first when it was not) instead of triaging." };
        var name = new Option<string?>("--name") { Description = "With --keep: the case's folder name (default: from its signature)." };
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "With --keep: the corpus (default: fuzz/corpus/regressions of the repository)." };
        var status = new Option<string?>("--status") { Description = "With --keep: open (the engine still diverges; the default, its signature is added to the known ones) or fixed." };
        var note = new Option<string?>("--note") { Description = "With --keep: a line about the bug for case.yaml and the known signatures." };
        var command = new Command("triage", """
            Run recorded divergences again on the engines available now, through the campaign's case
            runner and oracle, and classify each case: still diverging (the same signature), fixed (the
            engines agree and the baseline gives the outcome recorded for it), changed (another
            divergence, or the baseline's outcome changed: said how), or not checked (an engine cannot
            run here, the run was inconclusive, or the folder is unreadable: said why). Writes
            triage.md and triage.yaml. With --keep, adds a reduced divergence to the regression corpus.
            A case regresses when a regression case marked fixed diverges again; when a divergence now
            has a signature that is neither the open signature its own regression case records nor
            listed in the known signatures; or when the engines agree but the baseline no longer gives
            the recorded outcome.
            Exit status: 0 nothing regressed and every case was checked; 1 something regressed;
            2 usage; 3 a path or case folder could not be read (or --keep failed); 4 nothing regressed
            but some case could not be checked here.
            """)
        {
            paths, engines, report, known, keep, name, corpus, status, note,
        };
        command.SetAction(parse => Run(new Options(parse.GetValue(paths) ?? [], parse.GetValue(engines), parse.GetValue(report), parse.GetValue(known),
            parse.GetValue(keep), parse.GetValue(name), parse.GetValue(corpus), parse.GetValue(status), parse.GetValue(note))));
        return command;
    }

    private static int Run(Options o)
    {
        if (o.Keep is not null) return o.Paths.Length > 0 ? Fail(ExitCodes.Usage, "triage: --keep takes no other paths") : Keep(o);
        if (o.Paths.Length == 0) return Fail(ExitCodes.Usage, "triage: name at least one report folder or regression case");
        if (o.Name is not null || o.Corpus is not null || o.Status is not null || o.Note is not null)
            return Fail(ExitCodes.Usage, "triage: --name, --corpus, --status and --note go with --keep");
        var allowed = o.Engines?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (allowed?.FirstOrDefault(n => !CaseEngines.Names.Contains(n)) is { } unknown)
            return Fail(ExitCodes.Usage, $"triage: unknown engine {unknown} (engines: {string.Join(", ", CaseEngines.Names)})");
        string? knownFile = o.Known?.FullName ?? DefaultKnown();
        HashSet<string> known;
        try
        {
            known = knownFile is null ? [] : KnownSignatures.Load(knownFile);
        }
        catch (CaseFolderException e)
        {
            return Fail(ExitCodes.BadInput, $"triage: {e.Message}");
        }
        var errors = new List<string>();
        var folders = CaseTriage.CaseFolders(o.Paths, errors);
        foreach (var error in errors) Console.Error.WriteLine($"triage: {error}");
        var limits = new RunnerLimits();
        using var triage = new CaseTriage(name => allowed is not null && !allowed.Contains(name)
            ? (null, $"{name} is not among --engines")
            : (CaseEngines.Find(name, limits, out var reason), reason), known);
        var result = triage.Run(folders, knownFile, e => Console.WriteLine(Line(e)));
        string directory = o.Report ?? Path.Combine("reports", "triage-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        string markdown = TriageReport.Write(directory, result);
        Console.WriteLine(string.Join(", ", Enum.GetValues<TriageStatus>().Select(s => $"{result.Count(s)} {TriageReport.Name(s)}"))
            + (result.Regressed ? "; REGRESSED" : "; nothing regressed"));
        Console.WriteLine($"report: {markdown}");
        if (result.Regressed) return ExitCodes.Failure;
        if (errors.Count > 0 || result.Unreadable) return ExitCodes.BadInput;
        return result.Count(TriageStatus.NotChecked) > 0 ? NotAllChecked : ExitCodes.Ok;
    }

    private static string Line(TriageEntry e) =>
        $"{TriageReport.Name(e.Status),-16}{(e.Regressed ? " REGRESSED" : "")} {Path.GetFileName(e.Directory)}: {e.Details}";

    private static string? DefaultKnown()
    {
        var path = Path.Combine(TestSuite.RepositoryRoot(), KnownSignatures.DefaultPath);
        return File.Exists(path) ? path : null;
    }

    private static int Keep(Options o)
    {
        var status = o.Status switch
        {
            null or "open" => RegressionStatus.Open,
            "fixed" => RegressionStatus.Fixed,
            _ => (RegressionStatus?)null,
        };
        if (status is null) return Fail(ExitCodes.Usage, "triage: --status is open or fixed");
        string folder = o.Keep!.FullName;
        try
        {
            if (!Reduced(folder) && Reduce(folder, o.Engines) is { } failed) return failed;
            string corpus = o.Corpus?.FullName ?? Path.Combine(TestSuite.RepositoryRoot(), "fuzz", "corpus", "regressions");
            string kept = RegressionCorpus.Keep(folder, corpus, o.Name, status.Value, o.Note);
            Console.WriteLine($"kept: {kept}");
            var recorded = RegressionCorpus.Read(kept);
            string? knownFile = o.Known?.FullName ?? Path.Combine(TestSuite.RepositoryRoot(), KnownSignatures.DefaultPath);
            if (status == RegressionStatus.Open && KnownSignatures.Add(knownFile, recorded.Signature, Path.GetRelativePath(Path.GetDirectoryName(knownFile)!, kept), o.Note))
                Console.WriteLine($"known signatures: added to {knownFile}");
            return ExitCodes.Ok;
        }
        catch (CaseFolderException e)
        {
            return Fail(ExitCodes.BadInput, $"triage: {e.Message}");
        }
    }

    private static bool Reduced(string folder) =>
        YamlFields.Load(Path.Combine(folder, DivergenceFolder.ReportFile)).Boolean("reduced.reproduced", absent: false);

    /// <summary>Reduces <paramref name="folder"/> on its engines; the exit status when that fails, else null.</summary>
    private static int? Reduce(string folder, string? engineList)
    {
        var recorded = DivergenceFolder.Read(folder);
        var limits = new RunnerLimits(CallTimeout: FolderReduction.CallTimeout);
        var hosts = new List<EngineHost>();
        try
        {
            foreach (var name in engineList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [.. recorded.Engines])
            {
                if (CaseEngines.Find(name, limits, out var reason) is not { } engine) return Fail(ExitCodes.BadInput, $"triage: cannot reduce: {reason}");
                hosts.Add(engine.CreateHost(CancellationToken.None));
            }
            Console.WriteLine($"reducing {folder} first");
            var (result, _) = FolderReduction.Reduce(folder, hosts, new ReductionLimits());
            return result.Reproduced ? null : Fail(ExitCodes.Failure, "triage: the divergence did not show again: nothing to keep");
        }
        finally
        {
            foreach (var host in hosts) host.Dispose();
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
