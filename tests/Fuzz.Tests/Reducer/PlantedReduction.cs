using System.Diagnostics;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reducer;
using WasmConform.Fuzz.Tests.Campaign;
using WasmConform.Fuzz.Triage;

namespace WasmConform.Fuzz.Tests.Reducer;

/// <summary>The planted <c>i32.rem_s</c> divergence of a campaign, reduced once for the tests that read the result.</summary>
public sealed class PlantedReduction : IDisposable
{
    public PlantedReduction()
    {
        Campaign = new PlantedCampaign();
        Before = File.ReadAllText(Path.Combine(Campaign.Folder, "report.yaml"));
        using var reference = new ReferenceHost(FolderReduction.CallTimeout);
        using var planted = new PlantedHost();
        var watch = Stopwatch.StartNew();
        (Result, Files) = FolderReduction.Reduce(Campaign.Folder, [reference, planted], new ReductionLimits(), tried: (module, kept) => Tried.Add((module, kept)));
        Elapsed = watch.Elapsed;
    }

    public PlantedCampaign Campaign { get; }
    public string Folder => Campaign.Folder;
    public string Before { get; }
    public ReductionResult Result { get; }
    public ReductionFiles.Written Files { get; }
    public TimeSpan Elapsed { get; }

    /// <summary>Every candidate run, with whether it was kept.</summary>
    public List<(Module Module, bool Kept)> Tried { get; } = [];

    public void Dispose() => Campaign.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PlantedReductionCollection : ICollectionFixture<PlantedReduction>
{
    public const string Name = "planted reduction";
}
