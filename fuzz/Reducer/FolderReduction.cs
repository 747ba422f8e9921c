using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reports;

namespace WasmConform.Fuzz.Reducer;

/// <summary>Reduces the case of a campaign's divergence folder and writes the result into it (<see cref="ReductionFiles"/>).</summary>
public static class FolderReduction
{
    /// <summary>How long one call may take while reducing: a candidate may loop for ever, and generated cases run in milliseconds.</summary>
    public static TimeSpan CallTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Reduces the case of <paramref name="folder"/> on <paramref name="hosts"/> (its divergence's
    /// baseline first) within <paramref name="limits"/>; <paramref name="tried"/> hears of every candidate run.
    /// </summary>
    /// <exception cref="CaseFolderException">The folder cannot be read.</exception>
    public static (ReductionResult Result, ReductionFiles.Written Files) Reduce(
        string folder, IReadOnlyList<EngineHost> hosts, ReductionLimits limits, CancellationToken cancel = default, Action<Engine.Syntax.Module, bool>? tried = null)
    {
        var recorded = DivergenceFolder.Read(folder);
        var reducer = new CaseReducer(hosts, TargetOf(recorded), limits);
        if (tried is not null) reducer.Tried += tried;
        var result = reducer.Run(cancel);
        return (result, ReductionFiles.Write(recorded.Directory, result));
    }

    /// <summary>What reducing <paramref name="recorded"/> must keep.</summary>
    public static ReductionTarget TargetOf(RecordedCase recorded) =>
        new(recorded.Module, recorded.Calls, recorded.Seed, recorded.Index, recorded.CanonicalNans, recorded.Signature);
}
