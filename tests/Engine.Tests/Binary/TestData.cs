namespace WasmConform.Engine.Tests.Binary;

/// <summary>Locates the shared test data next to the repository (never copied into it).</summary>
internal static class TestData
{
    /// <summary>The repository root: the nearest ancestor of the test binaries holding WasmConform.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WasmConform.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no WasmConform.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// <c>shared/<paramref name="relative"/></c> in the nearest ancestor of the repository root
    /// that has it (<c>../shared</c> for a checkout, further up for a worktree); fails saying
    /// where it looked.
    /// </summary>
    public static string SharedDirectory(string relative)
    {
        var looked = new List<string>();
        for (var dir = Directory.GetParent(RepositoryRoot()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", relative);
            if (Directory.Exists(candidate)) return candidate;
            looked.Add(candidate);
        }
        throw new DirectoryNotFoundException($"shared test data '{relative}' not found; looked in: {string.Join(", ", looked)}");
    }

    /// <summary>The official test suite: $WASM_TESTSUITE, else shared/testsuite beside the repository.</summary>
    public static string TestSuite()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("WASM_TESTSUITE");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            string full = Path.GetFullPath(fromEnvironment, RepositoryRoot());
            if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"WASM_TESTSUITE={fromEnvironment} does not exist (resolved to {full})");
            return full;
        }
        return SharedDirectory("testsuite");
    }

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
