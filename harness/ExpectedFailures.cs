using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WasmConform.Harness;

/// <summary>One known gap: a file (and optionally only some of its commands) that fails for a stated reason.</summary>
public sealed class ExpectedFailure
{
    /// <summary>Path relative to the suite root, e.g. <c>core/gc/array.wast</c>.</summary>
    public string File { get; set; } = "";

    /// <summary>Why it fails: the feature not built yet.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The lines of the failing commands; empty for every command of the file.</summary>
    public List<int> Lines { get; set; } = [];
}

/// <summary>
/// <c>harness/expected-failures.yaml</c>: the known gaps of the reference interpreter. A failure
/// listed there does not fail a run; it is still counted as failed in every report. A listed
/// file that no longer fails is reported as stale, so the list only ever names real gaps.
/// </summary>
public sealed class ExpectedFailures
{
    /// <summary>The file's name in the harness folder.</summary>
    public const string FileName = "expected-failures.yaml";

    private readonly Dictionary<string, ExpectedFailure> _byFile;

    private ExpectedFailures(IEnumerable<ExpectedFailure> entries) =>
        _byFile = entries.ToDictionary(e => e.File, StringComparer.Ordinal);

    /// <summary>No known gaps.</summary>
    public static ExpectedFailures None { get; } = new([]);

    /// <summary>Every entry.</summary>
    public IReadOnlyCollection<ExpectedFailure> Entries => _byFile.Values;

    /// <summary>The default list: <c>harness/expected-failures.yaml</c> in the repository.</summary>
    public static string DefaultPath => Path.Combine(TestSuite.RepositoryRoot(), "harness", FileName);

    /// <summary>Reads a list (a YAML sequence of <c>{file, reason, lines?}</c>).</summary>
    /// <exception cref="FormatException">The file is not such a list; the message gives the file, line and column.</exception>
    public static ExpectedFailures Load(string path)
    {
        if (!System.IO.File.Exists(path)) return None;
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            var entries = deserializer.Deserialize<List<ExpectedFailure>>(System.IO.File.ReadAllText(path)) ?? [];
            foreach (var e in entries)
                if (string.IsNullOrWhiteSpace(e.File) || string.IsNullOrWhiteSpace(e.Reason))
                    throw new FormatException($"{path}: every entry needs a file and a reason");
            return new ExpectedFailures(entries);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{path}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
    }

    /// <summary>The entry for <paramref name="file"/>, if any.</summary>
    public ExpectedFailure? For(string file) => _byFile.GetValueOrDefault(file);

    /// <summary>Whether a failure of the command at <paramref name="line"/> of <paramref name="file"/> is a known gap.</summary>
    public bool IsExpected(string file, int line) =>
        _byFile.TryGetValue(file, out var e) && (e.Lines.Count == 0 || e.Lines.Contains(line));
}
