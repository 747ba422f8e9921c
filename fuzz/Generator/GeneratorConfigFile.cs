using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WasmConform.Fuzz.Generator;

/// <summary>A generator configuration file that cannot be used; the message starts with <c>file:line:column:</c>.</summary>
public sealed class GeneratorConfigException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads a <see cref="GeneratorConfig"/> from YAML (snake_case keys, all optional).</summary>
public static class GeneratorConfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="GeneratorConfigException">The file is missing, not YAML, has an unknown key or a value out of range.</exception>
    public static GeneratorConfig Load(string path)
    {
        if (!File.Exists(path)) throw new GeneratorConfigException($"{path}:1:1: no such file");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a configuration from <paramref name="yaml"/>; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="GeneratorConfigException">Not YAML, an unknown key, a wrong type, or a value out of range.</exception>
    public static GeneratorConfig Parse(string yaml, string file)
    {
        GeneratorConfig config;
        try
        {
            config = Deserializer.Deserialize<GeneratorConfig?>(yaml) ?? new GeneratorConfig();
        }
        catch (YamlException e)
        {
            throw new GeneratorConfigException($"{file}:{e.Start.Line}:{e.Start.Column}: {Reason(e)}", e);
        }
        foreach (var (key, message) in GeneratorConfigRules.Check(config))
        {
            var (line, column) = Locate(yaml, key);
            throw new GeneratorConfigException($"{file}:{line}:{column}: {key}: {message}");
        }
        return config;
    }

    /// <summary>The parser's complaint in the file's terms: unknown keys by their name, conversion errors by their cause.</summary>
    internal static string Reason(YamlException e)
    {
        var unknown = System.Text.RegularExpressions.Regex.Match(e.Message, "^Property '([^']*)' not found on type");
        if (unknown.Success) return $"unknown key '{unknown.Groups[1].Value}'";
        return e.InnerException is { } inner && e.Message.Contains("Exception during deserialization", StringComparison.Ordinal)
            ? inner.Message
            : e.Message;
    }

    /// <summary>Where the dotted <paramref name="key"/> (e.g. <c>limits.max_functions</c>) stands; 1:1 when it is not written.</summary>
    internal static (long Line, long Column) Locate(string yaml, string key)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0) return (1, 1);
        YamlNode node = stream.Documents[0].RootNode;
        var mark = node.Start;
        foreach (var part in key.Split('.'))
        {
            if (node is not YamlMappingNode map) break;
            var entry = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && s.Value == part);
            if (entry.Key is null) break;
            mark = entry.Key.Start;
            node = entry.Value;
        }
        return (mark.Line, mark.Column);
    }
}

/// <summary>The range checks of a configuration, by dotted snake_case key.</summary>
internal static class GeneratorConfigRules
{
    public static IEnumerable<(string Key, string Message)> Check(GeneratorConfig c)
    {
        var l = c.Limits;
        foreach (var (key, value, min, max) in (IEnumerable<(string, int, int, int)>)
        [
            ("limits.max_functions", l.MaxFunctions, 1, 10_000),
            ("limits.max_params", l.MaxParams, 0, 1000),
            ("limits.max_results", l.MaxResults, 0, 1000),
            ("limits.max_locals", l.MaxLocals, 0, 50_000),
            ("limits.max_instructions", l.MaxInstructions, 0, 1_000_000),
            ("limits.max_block_depth", l.MaxBlockDepth, 0, 1000),
            ("limits.max_tables", l.MaxTables, 0, 100_000),
            ("limits.max_table_size", l.MaxTableSize, 0, 10_000_000),
            ("limits.max_memories", l.MaxMemories, 0, 100),
            ("limits.max_memory_pages", l.MaxMemoryPages, 0, 65_536),
            ("limits.max_globals", l.MaxGlobals, 0, 100_000),
            ("limits.max_element_segments", l.MaxElementSegments, 0, 100_000),
            ("limits.max_data_segments", l.MaxDataSegments, 0, 100_000),
            ("limits.max_data_bytes", l.MaxDataBytes, 0, 1 << 20),
            ("limits.max_gc_types", l.MaxGcTypes, 0, 10_000),
            ("limits.max_tags", l.MaxTags, 0, 10_000),
            ("limits.fuel", l.Fuel, 0, int.MaxValue),
            ("limits.max_call_depth", l.MaxCallDepth, 1, 100_000),
            ("limits.input_bytes", l.InputBytes, 0, 1 << 26),
            ("guard_percent", c.GuardPercent, 0, 100),
            ("start_percent", c.StartPercent, 0, 100),
        ])
        {
            if (value < min || value > max) yield return (key, $"{value} is outside {min}..{max}");
        }
        foreach (var family in Enum.GetValues<InstructionFamily>())
        {
            if (c.Weights.Of(family) < 0)
                yield return ("weights." + UnderscoredNamingConvention.Instance.Apply(family.ToString()), "weights cannot be negative");
        }
        if (c.DisallowTraps && l.MaxMemoryPages < 1)
            yield return ("limits.max_memory_pages", "disallow_traps needs at least one page, so that accesses can be masked into bounds");
        if (c.Features.RelaxedSimd && !c.Features.Simd)
            yield return ("features.relaxed_simd", "needs simd");
        if (c.Features.FunctionReferences && !c.Features.ReferenceTypes)
            yield return ("features.function_references", "needs reference_types");
        if (c.Features.Gc && !c.Features.FunctionReferences)
            yield return ("features.gc", "needs function_references");
        if (c.Features.Exceptions && !c.Features.ReferenceTypes)
            yield return ("features.exceptions", "needs reference_types");
    }
}
