using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Engines.Runners;

namespace WasmConform.Fuzz.Triage;

/// <summary>
/// The engines a recorded case can be run on again (<c>reduce</c>, <c>triage</c>): those of the
/// catalog (<see cref="EngineCatalog"/>) when they are available here, and <c>planted</c>, the
/// reference interpreter with its planted bug (<see cref="PlantedEngine"/>).
/// </summary>
public static class CaseEngines
{
    /// <summary>Every engine name, the catalog's first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. EngineCatalog.Names, PlantedEngine.EngineName];

    /// <summary>The engine called <paramref name="name"/> under <paramref name="limits"/>; null with the reason when it cannot run here.</summary>
    public static CampaignEngine? Find(string name, RunnerLimits limits, out string? reason)
    {
        reason = null;
        if (name == PlantedEngine.EngineName) return new CampaignEngine(name, _ => new PlantedHost());
        var entry = EngineCatalog.Find(name);
        if (entry is null)
        {
            reason = $"no engine is called {name} (engines: {string.Join(", ", Names)})";
            return null;
        }
        if (!entry.IsAvailable)
        {
            reason = $"{name} is unavailable: {entry.Reason}";
            return null;
        }
        return CampaignEngine.Of(entry, limits);
    }

    /// <summary>Hosts of <paramref name="engines"/> for one thread, the stopping token cancelling the reference interpreter's calls.</summary>
    public static EngineHost[] Hosts(IEnumerable<CampaignEngine> engines, CancellationToken stopping = default) =>
        [.. engines.Select(e => e.CreateHost(stopping))];
}
