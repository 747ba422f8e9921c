using WasmConform.Engine.Embedding;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;
using WasmConform.Wast.Script;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WasmConform.Fuzz.Reports;

/// <summary>
/// YAML for reports: documents built from ordered maps (<c>Dictionary&lt;string, object?&gt;</c>,
/// keys in snake_case as written) and records (property names in snake_case).
/// </summary>
public static class ReportYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithAttributeOverride<GeneratorConfig>(c => c.EngineFeatures, new YamlIgnoreAttribute())
        .DisableAliases()
        .Build();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>The YAML text of <paramref name="document"/>.</summary>
    public static string Serialize(object document) => Serializer.Serialize(document);

    /// <summary>Reads YAML into maps, lists and strings (for tests and tools that read reports back).</summary>
    public static object? Read(string yaml) => Deserializer.Deserialize<object?>(yaml);

    /// <summary>One engine's record of a step as a map: operation, outcome, trace, globals, memories.</summary>
    public static Dictionary<string, object?> Step(int index, StepRecord record)
    {
        var map = new Dictionary<string, object?>
        {
            ["step"] = index,
            ["operation"] = record.Step.ToString(),
            ["outcome"] = OutcomeText.Describe(record.Outcome),
            ["milliseconds"] = Math.Round(record.Elapsed.TotalMilliseconds, 3),
        };
        if (record.Trace.Count > 0) map["trace"] = record.Trace.AsSpan().ToArray().Select(ValueComparison.Describe).ToList();
        if (record.State is { } state && record.Snapshot is null) map["state"] = OutcomeText.Describe(state);
        if (record.Snapshot is { } snapshot)
        {
            map["globals"] = snapshot.Globals.AsSpan().ToArray().ToDictionary(g => g.Name, g => (object?)ValueComparison.Describe(g.Value));
            map["memories"] = snapshot.Memories.AsSpan().ToArray().ToDictionary(m => m.Name, m => (object?)new Dictionary<string, object?>
            {
                ["size"] = m.Size,
                ["sha256"] = m.Sha256,
            });
        }
        return map;
    }

    /// <summary>The engines with their versions as a list of maps.</summary>
    public static List<Dictionary<string, object?>> Engines(IEnumerable<EngineVersion> engines) =>
        [.. engines.Select(e => new Dictionary<string, object?> { ["name"] = e.Name, ["version"] = e.Version })];

    /// <summary>The difference rules as a list of maps (name, reason).</summary>
    public static List<Dictionary<string, object?>> Rules() =>
        [.. DifferenceRules.All.Select(r => new Dictionary<string, object?> { ["name"] = r.Name, ["reason"] = r.Reason })];

    /// <summary>The planned calls: export, arguments, and why a call was not made.</summary>
    public static List<Dictionary<string, object?>> Calls(IEnumerable<PlannedCall> calls) =>
        [.. calls.Select(c => new Dictionary<string, object?>
        {
            ["export"] = c.Export,
            ["type"] = c.Type.ToString(),
            ["args"] = c.Args?.AsSpan().ToArray().Select(ValueComparison.Describe).ToList(),
            ["skipped"] = c.Skipped,
        })];

    /// <summary>Seconds as a number with millisecond precision.</summary>
    public static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);
}
