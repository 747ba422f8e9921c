using System.Globalization;
using WasmConform.Fuzz.Campaign;

namespace WasmConform.Fuzz.Reports;

/// <summary>
/// Typed reading of a YAML document that <see cref="ReportYaml.Read"/> gave as maps, lists and
/// strings; every failure is a <see cref="CaseFolderException"/> naming the file and the key.
/// </summary>
/// <param name="File">The file, for messages.</param>
/// <param name="Root">The document's top-level map.</param>
public sealed record YamlFields(string File, Dictionary<object, object> Root)
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="CaseFolderException">It is missing, not YAML, or not a map.</exception>
    public static YamlFields Load(string path)
    {
        if (!System.IO.File.Exists(path)) throw new CaseFolderException($"{path}: no such file");
        object? document;
        try
        {
            document = ReportYaml.Read(System.IO.File.ReadAllText(path));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new CaseFolderException($"{path}:{e.Start.Line}:{e.Start.Column}: not YAML: {e.Message}", e);
        }
        return new YamlFields(path, document as Dictionary<object, object> ?? throw new CaseFolderException($"{path}: expected a map of keys"));
    }

    /// <summary>The value at a dotted key (<c>first_difference.step</c>), or null.</summary>
    public object? Find(string key)
    {
        object? node = Root;
        foreach (var part in key.Split('.'))
        {
            if (node is not Dictionary<object, object> map || !map.TryGetValue(part, out node)) return null;
        }
        return node;
    }

    /// <summary>The text at <paramref name="key"/>.</summary>
    public string Text(string key) => Find(key) as string ?? throw Missing(key, "text");

    /// <summary>The text at <paramref name="key"/>, or null when it is absent.</summary>
    public string? OptionalText(string key) => Find(key) is { } node ? node as string ?? throw Missing(key, "text") : null;

    /// <summary>The integer at <paramref name="key"/>.</summary>
    public long Integer(string key) =>
        long.TryParse(Find(key) as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Missing(key, "an integer");

    /// <summary>The unsigned integer at <paramref name="key"/>.</summary>
    public ulong Unsigned(string key) =>
        ulong.TryParse(Find(key) as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Missing(key, "an unsigned integer");

    /// <summary>The boolean at <paramref name="key"/>, or <paramref name="absent"/> when it is not there.</summary>
    public bool Boolean(string key, bool absent) => Find(key) switch
    {
        null => absent,
        string s when bool.TryParse(s, out var b) => b,
        _ => throw Missing(key, "true or false"),
    };

    /// <summary>The engines and versions listed at <paramref name="key"/> (maps with <c>name</c> and <c>version</c>, or bare names).</summary>
    public List<EngineVersion> Engines(string key) => Find(key) switch
    {
        null => [],
        List<object> list => [.. list.Select(e => e switch
        {
            string name => new EngineVersion(name, ""),
            Dictionary<object, object> map when map.GetValueOrDefault("name") is string name => new EngineVersion(name, map.GetValueOrDefault("version") as string ?? ""),
            _ => throw Missing(key, "a list of engines"),
        })],
        _ => throw Missing(key, "a list of engines"),
    };

    /// <summary>An error about <paramref name="key"/>.</summary>
    public CaseFolderException Missing(string key, string what) => new($"{File}: {key}: expected {what}");
}
