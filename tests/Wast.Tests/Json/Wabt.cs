using System.Diagnostics;

namespace WasmConform.Wast.Tests.Json;

/// <summary>Finds and runs wabt's <c>wast2json</c>.</summary>
public static class Wabt
{
    /// <summary>The full path of wabt's <c>wast2json</c>, or null when PATH has none (or only ours).</summary>
    public static string? Wast2Json { get; } = Find();

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "wast2json");
            if (File.Exists(candidate) && IsWabts(candidate)) return candidate;
        }
        return null;
    }

    // wabt's tool has feature flags; ours (bin/wast2json) has none.
    private static bool IsWabts(string path)
    {
        var (code, stdout, _) = Run(path, "--help");
        return code == 0 && stdout.Contains("--enable-all", StringComparison.Ordinal);
    }

    /// <summary>Converts <paramref name="wast"/> into <paramref name="json"/> (module files beside it) with every feature wabt has.</summary>
    public static (int Code, string Stdout, string Stderr) Convert(string wast, string json) =>
        Run(Wast2Json!, "--enable-all", wast, "-o", json);

    private static (int Code, string Stdout, string Stderr) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
