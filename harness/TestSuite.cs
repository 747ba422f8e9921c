using WasmConform.Wast.Json;

namespace WasmConform.Harness;

/// <summary>
/// Finds the official spec test suite and its <c>.wast</c> files. The suite's root is
/// <c>$WASM_TESTSUITE</c> when set (relative to the working directory, or to the repository),
/// else <c>shared/testsuite</c> in the nearest folder above the repository that has one
/// (<c>../shared/testsuite</c> for a checkout).
/// </summary>
public static class TestSuite
{
    /// <summary>The environment variable naming the suite's root folder.</summary>
    public const string EnvironmentVariable = "WASM_TESTSUITE";

    /// <summary>The suite's root folder (it may not exist; see <see cref="Require"/>).</summary>
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                // Relative to the working directory, or else to the repository (test runners start in their output folder).
                var full = Path.GetFullPath(fromEnvironment);
                var fromRepository = Path.GetFullPath(fromEnvironment, RepositoryRoot());
                return !Directory.Exists(full) && Directory.Exists(fromRepository) ? fromRepository : full;
            }
            return SharedFolder("testsuite") ?? Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "testsuite"));
        }
    }

    /// <summary>
    /// <c>shared/<paramref name="relative"/></c> in the nearest folder above the repository that has
    /// it (<c>../shared/…</c> for a checkout, further up for a worktree of it), or null when none has:
    /// the suite, the benchmark modules (<c>bench/wasm</c>) and their checksums live there.
    /// </summary>
    public static string? SharedFolder(string relative)
    {
        for (var dir = Directory.GetParent(RepositoryRoot()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The suite's root folder.</summary>
    /// <exception cref="DirectoryNotFoundException">It does not exist; the message says where it looked and how to point elsewhere.</exception>
    public static string Require()
    {
        var root = Root;
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException(
                $"spec test suite not found at {root}: set {EnvironmentVariable} to its folder, or run 'make testsuite' to fetch it");
        return root;
    }

    /// <summary>
    /// The script files under <paramref name="paths"/> (files or folders) — <c>.wast</c> files, and
    /// wast2json output (<c>.json</c> files that <see cref="ScriptFiles.IsJsonScript"/> recognises,
    /// run with their module files) — sorted by their path relative to <paramref name="root"/>,
    /// optionally filtered by a glob on that path (<c>*</c> within a folder name, <c>**</c> across
    /// folders). A file outside <paramref name="root"/> found in a folder argument is named relative
    /// to that folder (so a converted copy of the suite keeps the suite's paths); a file argument
    /// outside the root keeps its full path.
    /// </summary>
    public static IReadOnlyList<SuiteFile> Files(string root, IEnumerable<string> paths, string? filter = null)
    {
        var files = new SortedDictionary<string, SuiteFile>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            IEnumerable<string> found = File.Exists(full) ? [full]
                : Directory.Exists(full) ? ScriptsIn(full)
                : throw new FileNotFoundException($"no such file or folder: {path}");
            foreach (var file in found)
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.StartsWith("../", StringComparison.Ordinal))
                    relative = (Directory.Exists(full) ? Path.GetRelativePath(full, file) : file).Replace('\\', '/');
                if (filter is null || Glob.Matches(filter, relative)) files[relative] = new SuiteFile(file, relative);
            }
        }
        return [.. files.Values];
    }

    private static IEnumerable<string> ScriptsIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.wast", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Where(ScriptFiles.IsJsonScript));

    /// <summary>The repository root: the nearest folder above the program or the working directory with WasmConform.slnx.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "WasmConform.slnx"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A script file of the suite: a <c>.wast</c>, or wast2json output converted from one (<c>.json</c>).</summary>
/// <param name="FullPath">Where it is on disk.</param>
/// <param name="RelativePath">Its path relative to the suite root, with forward slashes.</param>
public sealed record SuiteFile(string FullPath, string RelativePath)
{
    /// <summary>
    /// The path of the <c>.wast</c> script it is, or was converted from (<see cref="RelativePath"/>
    /// with <c>.json</c> replaced by <c>.wast</c>): the key of harness/expected-failures.yaml.
    /// </summary>
    public string WastPath => WastPathOf(RelativePath);

    /// <summary>A script path with <c>.json</c> replaced by <c>.wast</c> (see <see cref="WastPath"/>).</summary>
    public static string WastPathOf(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        ? path[..^".json".Length] + ".wast"
        : path;

    /// <summary>
    /// The group a report puts it in: the feature folder for <c>core/&lt;feature&gt;/…</c>
    /// (<c>simd</c>, <c>gc</c>, <c>memory64</c>, …), <c>core</c> for files directly in core/,
    /// <c>proposals/&lt;name&gt;</c>, <c>legacy</c>, <c>custom</c>, or the first folder otherwise.
    /// </summary>
    public string Group
    {
        get
        {
            var parts = RelativePath.Split('/');
            return parts switch
            {
                ["core", _] => "core",
                ["core", var feature, ..] => feature,
                ["proposals", var name, ..] => "proposals/" + name,
                [var first, _, ..] => first,
                _ => ".",
            };
        }
    }
}

/// <summary>Glob matching on forward-slash paths: <c>*</c> and <c>?</c> within a segment, <c>**</c> across segments.</summary>
public static class Glob
{
    public static bool Matches(string pattern, string path)
    {
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern)
            .Replace(@"\*\*/", "(.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(path, regex)
            || (!pattern.Contains('/') && System.Text.RegularExpressions.Regex.IsMatch(path[(path.LastIndexOf('/') + 1)..], regex));
    }
}
