namespace WasmConform.Wast.Tests.Printer;

/// <summary>The eight benchmark modules in <c>shared/bench/wasm</c>, found beside the repository or one of its ancestors.</summary>
internal static class BenchData
{
    /// <summary>The module file names, sorted; fails saying where it looked when the folder is missing.</summary>
    public static IEnumerable<string> ModuleNames()
    {
        var files = Directory.GetFiles(Folder(), "*.wasm").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"no .wasm files in {Folder()}");
        return files!;
    }

    /// <summary>The bytes of one benchmark module.</summary>
    public static byte[] Module(string name) => File.ReadAllBytes(Path.Combine(Folder(), name));

    private static string Folder() =>
        Harness.TestSuite.SharedFolder(Path.Combine("bench", "wasm"))
        ?? throw new DirectoryNotFoundException($"benchmark modules not found in a shared/bench/wasm folder above {Suite.TestSuite.RepositoryRoot}");
}
