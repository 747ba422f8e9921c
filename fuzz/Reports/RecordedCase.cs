using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;

namespace WasmConform.Fuzz.Reports;

/// <summary>Where a recorded case comes from.</summary>
public enum CaseKind : byte
{
    /// <summary>A divergence folder of a campaign report (<c>reports/&lt;run-id&gt;/NNN-…/</c>).</summary>
    Divergence,
    /// <summary>A case of the regression corpus (<c>fuzz/corpus/regressions/NAME/</c>).</summary>
    Regression,
}

/// <summary>What the regression corpus knows of a kept case in the engine that diverged.</summary>
public enum RegressionStatus : byte
{
    /// <summary>The engine still diverges in its current version: the signature is expected.</summary>
    Open,
    /// <summary>The engine was fixed: any divergence is a regression.</summary>
    Fixed,
}

/// <summary>
/// A divergent case as a folder keeps it, ready to run again: the module, the calls, and the
/// divergence it showed (signature, engines, step, and the baseline's outcome there).
/// </summary>
/// <param name="Directory">The folder.</param>
/// <param name="Kind">A campaign's divergence folder or a regression case.</param>
/// <param name="Module">The module (the regression case's reduced one).</param>
/// <param name="Binary">Its bytes as the folder has them.</param>
/// <param name="Calls">The calls the case makes.</param>
/// <param name="Seed">The seed of the campaign that found it.</param>
/// <param name="Index">The case's index in that campaign.</param>
/// <param name="CanonicalNans">Whether its NaNs are canonical (the oracle then compares NaN bits).</param>
/// <param name="Signature">The divergence's signature when it was recorded.</param>
/// <param name="Baseline">The engine compared against (normally <c>reference</c>).</param>
/// <param name="Other">The engine that diverged from it.</param>
/// <param name="Step">The index of the diverging step.</param>
/// <param name="Expected">The baseline's outcome at that step, as <c>OutcomeText.Describe</c> words it: what a correct engine gives.</param>
/// <param name="Status">For a regression case, whether the engine was fixed since.</param>
/// <param name="Versions">The engines and versions that showed it.</param>
public sealed record RecordedCase(
    string Directory, CaseKind Kind, Module Module, byte[] Binary, IReadOnlyList<PlannedCall> Calls, ulong Seed, long Index,
    bool CanonicalNans, string Signature, string Baseline, string Other, int Step, string? Expected, RegressionStatus? Status,
    IReadOnlyList<EngineVersion> Versions)
{
    /// <summary>The folder's name.</summary>
    public string Name => Path.GetFileName(Directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

    /// <summary>The two engines of the divergence, the baseline first.</summary>
    public IReadOnlyList<string> Engines => [Baseline, Other];
}

/// <summary>A case folder that cannot be read: a file missing, not YAML, a key missing or of the wrong kind, a module that does not decode.</summary>
public sealed class CaseFolderException(string message, Exception? inner = null) : Exception(message, inner);
