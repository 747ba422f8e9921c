namespace WasmConform.Engine.Tests.Binary;

/// <summary>Locates the shared test data next to the repository (never copied into it), through <see cref="Harness.TestSuite"/>.</summary>
internal static class TestData
{
    /// <summary>The repository root: the nearest ancestor holding WasmConform.slnx.</summary>
    public static string RepositoryRoot() => Harness.TestSuite.RepositoryRoot();

    /// <summary>
    /// <c>shared/<paramref name="relative"/></c> in the nearest ancestor of the repository root
    /// that has it (<see cref="Harness.TestSuite.SharedFolder"/>).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No ancestor has it.</exception>
    public static string SharedDirectory(string relative) =>
        Harness.TestSuite.SharedFolder(relative)
        ?? throw new DirectoryNotFoundException($"shared test data '{relative}' not found in a shared/ folder above {RepositoryRoot()}");

    /// <summary>The official test suite (<see cref="Harness.TestSuite.Require"/>: $WASM_TESTSUITE, else shared/testsuite beside the repository).</summary>
    public static string TestSuite() => Harness.TestSuite.Require();

    /// <summary>The eight benchmark modules (shared/bench/wasm/*.wasm), by file name.</summary>
    public static IEnumerable<object[]> BenchModules()
    {
        var dir = SharedDirectory(Path.Combine("bench", "wasm"));
        var files = Directory.GetFiles(dir, "*.wasm").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"no .wasm files in {dir}");
        return files.Select(f => new object[] { Path.GetFileName(f) });
    }

    /// <summary>The bytes of one benchmark module.</summary>
    public static byte[] BenchModule(string name) => File.ReadAllBytes(Path.Combine(SharedDirectory(Path.Combine("bench", "wasm")), name));
}
