using System.Collections.Concurrent;
using WasmConform.Engine;
using WasmConform.Fuzz.Engines.Runners;
using WasmConform.Harness;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Engines;

/// <summary>
/// Runs suite files on one engine of the catalog. The reference interpreter runs as
/// <see cref="ReferenceSpec"/> does (exact messages); an external engine runs through runner
/// processes, one per worker, reused across files (each file starts a fresh session), and is
/// judged by failure class and trap kind (<see cref="MessageMatching.ByClass"/>). A file about
/// a feature the engine lacks (<see cref="ReferenceSpec.RequiredBy"/>) is skipped command by
/// command with the reason, and so is any module needing one (<see cref="FeatureCheck"/>).
/// </summary>
public sealed class EngineSpec(EngineEntry entry, RunnerLimits? limits = null) : IDisposable
{
    private readonly ConcurrentBag<RunnerProcess> _idle = [];
    private readonly ConcurrentBag<RunnerProcess> _all = [];

    /// <summary>The engine.</summary>
    public EngineEntry Entry { get; } = entry;

    /// <summary>Runs one file (thread-safe: each concurrent call gets its own runner process).</summary>
    public ScriptResult Run(SuiteFile file)
    {
        if (!Entry.IsExternal) return ReferenceSpec.Run(file);
        if (!_idle.TryTake(out var process))
        {
            process = Entry.NewProcess();
            _all.Add(process);
        }
        try
        {
            using var engine = Entry.Create(limits, process);
            var lacking = ReferenceSpec.RequiredBy(file) & ~engine.Features;
            if (lacking != Features.None)
                return SkipAll(file, $"{string.Join(" + ", FeatureNames.Names(lacking))} ({Entry.Name} lacks it)");
            return ScriptRunner.RunFile(engine, file.FullPath, file.RelativePath, MessageMatching.ByClass);
        }
        finally
        {
            _idle.Add(process);
        }
    }

    /// <summary>Every command of <paramref name="file"/>, skipped for <paramref name="reason"/>.</summary>
    public static ScriptResult SkipAll(SuiteFile file, string reason)
    {
        try
        {
            var script = Wast.Json.ScriptFiles.Read(file.FullPath);
            return new ScriptResult(file.RelativePath, [.. script.Commands.Select(c =>
                new CommandResult(c.Location.Line, CommandName(c), CommandStatus.Skipped, Reason: reason))]);
        }
        catch (WasmException e) when (e is ParseException or Wast.Json.JsonScriptException)
        {
            return new ScriptResult(file.RelativePath, [], e.Describe());
        }
    }

    private static string CommandName(Command c)
    {
        var name = c.GetType().Name;
        var sb = new System.Text.StringBuilder();
        foreach (char ch in name)
        {
            if (char.IsUpper(ch) && sb.Length > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        foreach (var p in _all) p.Dispose();
    }
}
