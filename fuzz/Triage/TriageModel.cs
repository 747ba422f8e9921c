using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reports;

namespace WasmConform.Fuzz.Triage;

/// <summary>How a recorded case came out when run again.</summary>
public enum TriageStatus : byte
{
    /// <summary>The engines still diverge with the same signature.</summary>
    StillDiverging,
    /// <summary>The engines now agree, and the baseline gives the outcome recorded for it.</summary>
    Fixed,
    /// <summary>A different divergence, or none but the baseline's outcome changed.</summary>
    Changed,
    /// <summary>The case could not be checked here: an engine is unavailable, the run was inconclusive, or the folder could not be read.</summary>
    NotChecked,
}

/// <summary>One case of a triage.</summary>
/// <param name="Directory">The case's folder.</param>
/// <param name="Kind">A campaign's divergence folder or a regression case; null when the folder could not be read.</param>
/// <param name="Status">How it came out.</param>
/// <param name="Signature">The signature recorded with the case (empty when unreadable).</param>
/// <param name="Now">The signatures of the divergences of the run now (empty when none or not run).</param>
/// <param name="Details">What happened, for people: the reason it was not checked, what changed, the first difference now.</param>
/// <param name="Regressed">Whether the outcome counts as a regression (<see cref="TriageRules"/>).</param>
/// <param name="Engines">The engines of the case, the baseline first.</param>
/// <param name="Unreadable">The folder could not be read.</param>
/// <param name="Seconds">Time the run took.</param>
/// <param name="RecordedStatus">For a regression case, its status in the corpus.</param>
public sealed record TriageEntry(
    string Directory, CaseKind? Kind, TriageStatus Status, string Signature, IReadOnlyList<string> Now, string Details,
    bool Regressed, IReadOnlyList<string> Engines, bool Unreadable = false, double Seconds = 0, RegressionStatus? RecordedStatus = null);

/// <summary>A whole triage: its cases and the engines and versions it ran on.</summary>
/// <param name="Entries">Every case in the order found.</param>
/// <param name="Versions">The engines started, with the versions they report now.</param>
/// <param name="KnownFile">The file of known open signatures that was read; null when none.</param>
public sealed record TriageResult(IReadOnlyList<TriageEntry> Entries, IReadOnlyList<EngineVersion> Versions, string? KnownFile)
{
    /// <summary>Cases of <paramref name="status"/>.</summary>
    public int Count(TriageStatus status) => Entries.Count(e => e.Status == status);

    /// <summary>Whether something regressed.</summary>
    public bool Regressed => Entries.Any(e => e.Regressed);

    /// <summary>Whether some folder could not be read.</summary>
    public bool Unreadable => Entries.Any(e => e.Unreadable);
}

/// <summary>
/// When a triaged case counts as a regression, the rule CI acts on (exit status 1 of <c>wasmconform triage</c>):
/// a regression case marked fixed diverges again (with any signature); a divergence's signature now
/// is neither the open signature the case itself records nor listed as known
/// (<c>fuzz/corpus/known-signatures.yaml</c>); or there is no divergence but the baseline no longer
/// gives the outcome recorded for it (our reference interpreter changed).
/// </summary>
public static class TriageRules
{
    /// <summary>Whether a case of <paramref name="recorded"/> that now shows <paramref name="now"/> (and, without a divergence, <paramref name="baselineChanged"/>) regressed.</summary>
    public static bool Regressed(RecordedCase recorded, IReadOnlyList<string> now, bool baselineChanged, IReadOnlySet<string> known)
    {
        if (now.Count == 0) return baselineChanged;
        if (recorded.Status == RegressionStatus.Fixed) return true;
        bool ownOpen = recorded.Kind == CaseKind.Regression;
        return now.Any(s => !known.Contains(s) && !(ownOpen && s == recorded.Signature));
    }
}
