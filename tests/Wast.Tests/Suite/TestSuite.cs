namespace WasmConform.Wast.Tests.Suite;

/// <summary>Finds the official test suite: WASM_TESTSUITE, else ../shared/testsuite from the repository root.</summary>
public static class TestSuite
{
    /// <summary>The suite's directory, or null when it is not there.</summary>
    public static string? Directory => Candidate is { } dir && System.IO.Directory.Exists(dir) ? dir : null;

    /// <summary>Where the suite was looked for (<see cref="Harness.TestSuite.Root"/>).</summary>
    public static string Candidate => Harness.TestSuite.Root;

    /// <summary>The directory holding WasmConform.slnx (<see cref="Harness.TestSuite.RepositoryRoot"/>).</summary>
    public static string RepositoryRoot => Harness.TestSuite.RepositoryRoot();

    /// <summary>The message of a test that needs the suite when it is missing.</summary>
    public static string MissingMessage =>
        $"The WebAssembly test suite was not found at {Candidate}. Set WASM_TESTSUITE to its directory (or run `make testsuite`).";

    /// <summary>Every .wast file of the suite, relative to its directory, sorted; empty when the suite is missing.</summary>
    public static IReadOnlyList<string> WastFiles() =>
        Directory is { } dir
            ? System.IO.Directory.EnumerateFiles(dir, "*.wast", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>Theory data: one row per .wast file, or one row that fails with <see cref="MissingMessage"/>.</summary>
    public static TheoryData<string> WastFileData()
    {
        var data = new TheoryData<string>();
        var files = WastFiles();
        if (files.Count == 0) data.Add(MissingRow);
        foreach (var f in files) data.Add(f);
        return data;
    }

    /// <summary>The placeholder row used when the suite is missing.</summary>
    public const string MissingRow = "<test suite missing>";

    /// <summary>The absolute path of a suite file; fails the test when the suite is missing.</summary>
    public static string PathOf(string relative)
    {
        Assert.True(relative != MissingRow && Directory is not null, MissingMessage);
        return Path.Combine(Directory!, relative);
    }
}
