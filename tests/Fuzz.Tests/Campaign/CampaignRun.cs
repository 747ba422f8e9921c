using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Reports;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>Runs small campaigns in temporary folders for tests.</summary>
public static class CampaignRun
{
    /// <summary>The reference interpreter as a campaign engine.</summary>
    public static CampaignEngine Reference { get; } =
        new("reference", stopping => new ReferenceHost(TimeSpan.FromSeconds(30)) { Stopping = stopping });

    /// <summary>An engine of <paramref name="host"/>s under <paramref name="name"/>.</summary>
    public static CampaignEngine Of(string name, Func<EngineHost> host) => new(name, _ => host());

    /// <summary>A fresh folder under the system's temporary folder.</summary>
    public static string NewDirectory(string name) =>
        Path.Combine(Path.GetTempPath(), "wasmconform-tests", $"{name}-{Guid.NewGuid():N}");

    /// <summary>Runs a campaign of <paramref name="settings"/> on <paramref name="engines"/> with a report in <paramref name="directory"/>.</summary>
    public static (CampaignSnapshot Result, FuzzCampaign Campaign) Run(
        CampaignSettings settings, IReadOnlyList<CampaignEngine> engines, string directory, CancellationToken cancel = default, CampaignConfig? config = null)
    {
        var report = new CampaignReport(directory, settings, config);
        var campaign = new FuzzCampaign(settings, engines, report);
        return (campaign.Run(cancel), campaign);
    }
}
