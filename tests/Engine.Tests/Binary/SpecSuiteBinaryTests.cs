using WasmConform.Engine.Binary;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>
/// The binary modules of the official test suite: each <c>assert_malformed</c> fails with the
/// expected message (as a prefix, the way the spec runner compares), every other one decodes.
/// </summary>
public class SpecSuiteBinaryTests
{
    public static IEnumerable<object[]> Files()
    {
        string root = TestData.TestSuite();
        var files = new[] { "core", "legacy" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.wast", SearchOption.AllDirectories))
            .Where(f => WastBinaryModules.Read(File.ReadAllText(f)).Any())
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"no .wast files with binary modules under {root}");
        return files.Select(f => new object[] { f });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Binary_modules_of_the_suite_decode_as_expected(string file)
    {
        var failures = new List<string>();
        var modules = WastBinaryModules.Read(File.ReadAllText(Path.Combine(TestData.TestSuite(), file))).ToList();
        foreach (var m in modules)
        {
            string? error = null;
            try
            {
                Decoder.Decode(m.Bytes);
            }
            catch (MalformedException e)
            {
                error = e.Message;
            }
            if (m.Command == "assert_malformed")
            {
                if (error is null || !error.StartsWith(m.Message, StringComparison.Ordinal))
                    failures.Add($"line {m.Line}: expected malformed \"{m.Message}\", got {(error is null ? "a module" : $"\"{error}\"")}");
            }
            else if (error is not null)
            {
                failures.Add($"line {m.Line}: {m.Command} module is malformed: \"{error}\"");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
