using WasmConform.Afl.Targets;

namespace WasmConform.Afl;

/// <summary>
/// What <c>make afl</c> needs before starting afl-fuzz: the initial corpus (<c>FOLDER/in/</c>), the
/// dictionary (<c>FOLDER/dictionary</c>, when the target has one), and the plan printed as
/// <c>key: value</c> lines for the script: <c>assemblies</c> (to instrument), <c>timeout-ms</c>,
/// <c>seeds</c>, <c>dictionary</c>.
/// </summary>
public static class Preparation
{
    /// <summary>Prepares <paramref name="folder"/> for <paramref name="target"/>; returns the exit status (0, or 1 when no seed could be written).</summary>
    public static int Prepare(FuzzTarget target, string folder, TextWriter output)
    {
        var seeds = Path.Combine(folder, "in");
        if (Directory.Exists(seeds)) Directory.Delete(seeds, recursive: true);
        int count = target.WriteSeeds(SeedSources.Find(), seeds);
        var lines = target.Dictionary().ToList();
        var dictionary = Path.Combine(folder, "dictionary");
        if (lines.Count > 0) File.WriteAllLines(dictionary, lines);
        else File.Delete(dictionary);
        output.WriteLine($"assemblies: {string.Join(' ', target.Assemblies)}");
        output.WriteLine($"timeout-ms: {target.TimeoutMilliseconds}");
        output.WriteLine($"seeds: {count}");
        output.WriteLine($"dictionary: {(lines.Count > 0 ? dictionary : "")}");
        if (count > 0) return 0;
        Console.Error.WriteLine($"{target.Name}: no seed input could be written to {seeds}");
        return 1;
    }
}
