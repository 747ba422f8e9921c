using System.Text.Json;
using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Tests.Json;

/// <summary>One way two JSON scripts differ: the command's line (0 for the script as a whole) and what differs.</summary>
public sealed record JsonDifference(int Line, string What)
{
    public override string ToString() => $"line {Line}: {What}";
}

/// <summary>
/// Compares two wast2json outputs structurally: the same commands in the same order, with the
/// same members and values; module files by decoding both and comparing the <see cref="Module"/>
/// records (not the bytes, which encoders may choose differently), text files by their bytes.
/// </summary>
public static class JsonComparer
{
    /// <summary>
    /// The differences of <paramref name="ours"/> from <paramref name="theirs"/>; each side gives its
    /// JSON and its module files by name. <paramref name="normalize"/>, when given, is applied to
    /// both decoded modules before they are compared.
    /// </summary>
    public static List<JsonDifference> Compare(byte[] ours, Func<string, byte[]> ourFiles, byte[] theirs, Func<string, byte[]> theirFiles,
        Func<Module, Module>? normalize = null)
    {
        normalize ??= m => m;
        using var a = JsonDocument.Parse(ours);
        using var b = JsonDocument.Parse(theirs);
        var differences = new List<JsonDifference>();
        var ac = a.RootElement.GetProperty("commands").EnumerateArray().ToList();
        var bc = b.RootElement.GetProperty("commands").EnumerateArray().ToList();
        if (ac.Count != bc.Count) differences.Add(new JsonDifference(0, $"{ac.Count} commands, wabt has {bc.Count}"));
        for (int i = 0; i < Math.Min(ac.Count, bc.Count); i++)
        {
            int line = ac[i].TryGetProperty("line", out var l) ? l.GetInt32() : 0;
            foreach (var what in Command(ac[i], ourFiles, bc[i], theirFiles, normalize)) differences.Add(new JsonDifference(line, what));
        }
        return differences;
    }

    private static IEnumerable<string> Command(JsonElement a, Func<string, byte[]> ourFiles, JsonElement b, Func<string, byte[]> theirFiles,
        Func<Module, Module> normalize)
    {
        var keys = a.EnumerateObject().Select(p => p.Name).ToHashSet();
        var theirKeys = b.EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var key in keys.Except(theirKeys)) yield return $"{key}: only ours has it";
        foreach (var key in theirKeys.Except(keys)) yield return $"{key}: only wabt has it";
        foreach (var key in keys.Intersect(theirKeys))
        {
            var (x, y) = (a.GetProperty(key), b.GetProperty(key));
            if (key == "filename")
            {
                string ourName = x.GetString()!, theirName = y.GetString()!;
                if (ourName != theirName) yield return $"filename: ours {ourName}, wabt {theirName}";
                else if (ModuleFile(ourName, ourFiles(ourName), theirFiles(theirName), normalize) is { } differs) yield return $"{ourName}: {differs}";
            }
            else if (!JsonEquals(x, y))
            {
                yield return $"{key}: ours {x.GetRawText()}, wabt {y.GetRawText()}";
            }
        }
    }

    /// <summary>Null when the two module files say the same; else how they differ.</summary>
    public static string? ModuleFile(string name, byte[] ours, byte[] theirs, Func<Module, Module> normalize)
    {
        if (ours.AsSpan().SequenceEqual(theirs)) return null;
        if (name.EndsWith(".wat", StringComparison.Ordinal)) return "the texts differ";
        var (a, aError) = Decode(ours);
        var (b, bError) = Decode(theirs);
        if (a is null || b is null)
            return aError == bError ? null : $"ours {aError ?? "decodes"}, wabt's {bError ?? "decodes"}";
        var fields = ModuleFields(normalize(a), normalize(b)).ToList();
        return fields.Count == 0 ? null : "the modules differ in " + string.Join(", ", fields);
    }

    private static (Module? Module, string? Error) Decode(byte[] bytes)
    {
        try
        {
            return (Decoder.Decode(bytes, FeatureSets.All), null);
        }
        catch (WasmException e)
        {
            return (null, "does not decode: " + e.Message);
        }
    }

    private static IEnumerable<string> ModuleFields(Module a, Module b)
    {
        if (a.Types != b.Types) yield return "types";
        if (a.Imports != b.Imports) yield return "imports";
        if (a.Functions != b.Functions) yield return "functions";
        if (a.Tables != b.Tables) yield return "tables";
        if (a.Memories != b.Memories) yield return "memories";
        if (a.Globals != b.Globals) yield return "globals";
        if (a.Tags != b.Tags) yield return "tags";
        if (a.Exports != b.Exports) yield return "exports";
        if (a.Start != b.Start) yield return "start";
        if (a.Elements != b.Elements) yield return "elements";
        if (a.Datas != b.Datas) yield return "data";
        if (a.DataCount != b.DataCount) yield return $"data count ({a.DataCount?.ToString() ?? "none"} against {b.DataCount?.ToString() ?? "none"})";
        if (a.Customs != b.Customs) yield return "custom sections";
        if (a.Names != b.Names) yield return "names";
    }

    private static bool JsonEquals(JsonElement x, JsonElement y)
    {
        if (x.ValueKind != y.ValueKind) return false;
        return x.ValueKind switch
        {
            JsonValueKind.Object => x.EnumerateObject().Count() == y.EnumerateObject().Count()
                && x.EnumerateObject().All(p => y.TryGetProperty(p.Name, out var q) && JsonEquals(p.Value, q)),
            JsonValueKind.Array => x.GetArrayLength() == y.GetArrayLength()
                && x.EnumerateArray().Zip(y.EnumerateArray()).All(p => JsonEquals(p.First, p.Second)),
            JsonValueKind.String => x.GetString() == y.GetString(),
            JsonValueKind.Number => x.GetRawText() == y.GetRawText(),
            _ => true,
        };
    }
}
