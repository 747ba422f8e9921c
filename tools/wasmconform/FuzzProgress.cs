using System.Globalization;
using Spectre.Console;
using WasmConform.Fuzz.Campaign;

namespace WasmConform.Cli;

/// <summary>
/// Shows a running campaign: on a terminal a live table refreshed four times a second (cases,
/// cases per second, divergences, verdicts, time in each engine, the latest divergences); when
/// the output is not a terminal, a plain line every few seconds and one line per new divergence.
/// </summary>
public static class FuzzProgress
{
    private static readonly TimeSpan LiveRefresh = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainRefresh = TimeSpan.FromSeconds(5);

    /// <summary>Whether the live display can be used: the output is an interactive terminal.</summary>
    public static bool IsLive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Shows <paramref name="campaign"/>'s progress until <paramref name="running"/> ends; returns its result.</summary>
    public static CampaignSnapshot Show(FuzzCampaign campaign, Task<CampaignSnapshot> running)
    {
        if (!IsLive)
        {
            campaign.Found += d => Console.WriteLine($"divergence: {d.Signature} (case {d.FirstCase}) -> {d.Directory ?? "(no report)"}");
            while (!running.Wait(PlainRefresh)) Console.WriteLine(Line(campaign.Stats.Snapshot()));
            return running.Result;
        }
        AnsiConsole.Live(Render(campaign.Stats.Snapshot())).AutoClear(false).Start(context =>
        {
            while (!running.Wait(LiveRefresh)) context.UpdateTarget(Render(campaign.Stats.Snapshot()));
            context.UpdateTarget(Render(running.Result));
        });
        return running.Result;
    }

    /// <summary>One line: cases, rate, divergences, time per engine.</summary>
    public static string Line(CampaignSnapshot s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Elapsed.TotalSeconds,7:F0} s {s.Cases,8} cases {s.CasesPerSecond,7:F1}/s {s.Divergences.Count,3} divergences ({s.DivergentCases} cases) ")
        + string.Join(" ", s.EngineTime.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value.TotalSeconds:F0}s")));

    private static Table Render(CampaignSnapshot s)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("campaign").AddColumn("");
        table.AddRow("cases", string.Create(CultureInfo.InvariantCulture, $"{s.Cases} in {s.Elapsed.TotalSeconds:F0} s ({s.CasesPerSecond:F1}/s)"));
        table.AddRow("divergences", string.Create(CultureInfo.InvariantCulture, $"{s.Divergences.Count} distinct, in {s.DivergentCases} cases"));
        table.AddRow("verdicts", Markup.Escape(string.Join(", ", s.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}"))));
        foreach (var (engine, time) in s.EngineTime.OrderBy(e => e.Key, StringComparer.Ordinal))
            table.AddRow(Markup.Escape(engine), string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:F1} s"));
        if (s.ErrorCount > 0) table.AddRow("[red]errors[/]", s.ErrorCount.ToString(CultureInfo.InvariantCulture));
        foreach (var d in s.Divergences.TakeLast(5))
            table.AddRow("[yellow]divergence[/]", Markup.Escape($"{d.Signature} ×{d.Count} → {d.Directory ?? "…"}"));
        return table;
    }
}
