namespace WasmConform.Cli.Tests;

/// <summary><c>wasmconform fuzz</c>: a campaign from the command line, its report and its exit statuses.</summary>
[Collection(nameof(ConsoleCollection))]
public class FuzzCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wasmconform-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => ConsoleCollection.Capture(Program.Main, args);

    [Fact]
    public void A_campaign_of_the_reference_interpreter_writes_its_report_and_succeeds()
    {
        string report = Path.Combine(_dir, "run");
        var (code, stdout, _) = Run("fuzz", "--engines", "reference", "--cases", "20", "--seed", "4", "--jobs", "1", "--report", report);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("seed 4", stdout);
        foreach (var file in (string[])["summary.md", "summary.yaml", "campaign.yaml"])
            Assert.True(File.Exists(Path.Combine(report, file)), $"{file} is missing");
        Assert.Contains("cases: 20", File.ReadAllText(Path.Combine(report, "summary.yaml")));
    }

    [Fact]
    public void A_bad_configuration_is_named_with_its_line_and_column()
    {
        string config = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(config, "engines: [reference]\njobs: 0\n");
        var (code, _, stderr) = Run("fuzz", "--config", config);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"{config}:2:1: jobs:", stderr.Trim());
    }

    [Fact]
    public void Seconds_and_cases_together_are_a_usage_error()
    {
        var (code, _, _) = Run("fuzz", "--seconds", "1", "--cases", "1");
        Assert.Equal(ExitCodes.Usage, code);
    }
}
