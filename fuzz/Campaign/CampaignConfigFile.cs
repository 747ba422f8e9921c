using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Generator;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WasmConform.Fuzz.Campaign;

/// <summary>Reads and writes <see cref="CampaignConfig"/> as YAML (snake_case keys, all optional).</summary>
public static class CampaignConfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithAttributeOverride<GeneratorConfig>(c => c.EngineFeatures, new YamlIgnoreAttribute())
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="GeneratorConfigException">
    /// The file is missing, not YAML, has an unknown key, a wrong type or a value out of range; the
    /// message starts with <c>file:line:column:</c>.
    /// </exception>
    public static CampaignConfig Load(string path)
    {
        if (!File.Exists(path)) throw new GeneratorConfigException($"{path}:1:1: no such file");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a configuration from <paramref name="yaml"/>; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="GeneratorConfigException">As <see cref="Load"/>.</exception>
    public static CampaignConfig Parse(string yaml, string file)
    {
        CampaignConfig config;
        try
        {
            config = Deserializer.Deserialize<CampaignConfig?>(yaml) ?? new CampaignConfig();
        }
        catch (YamlException e)
        {
            throw new GeneratorConfigException($"{file}:{e.Start.Line}:{e.Start.Column}: {GeneratorConfigFile.Reason(e)}", e);
        }
        foreach (var (key, message) in Check(config))
        {
            var (line, column) = GeneratorConfigFile.Locate(yaml, key);
            throw new GeneratorConfigException($"{file}:{line}:{column}: {key}: {message}");
        }
        if (!Mentions(yaml, "generator", "canonicalize_nans"))
            config = config with { Generator = config.Generator with { CanonicalizeNans = CampaignConfig.DefaultGenerator.CanonicalizeNans } };
        if (!Mentions(yaml, "generator", "features"))
            config = config with { Generator = config.Generator with { Features = CampaignConfig.DefaultGenerator.Features } };
        return config;
    }

    /// <summary>The YAML text of <paramref name="config"/>, which <see cref="Parse"/> reads back to an equal configuration.</summary>
    public static string Write(CampaignConfig config) => Serializer.Serialize(config);

    /// <summary>The range checks, by dotted snake_case key.</summary>
    private static IEnumerable<(string Key, string Message)> Check(CampaignConfig c)
    {
        if (c.Engines is null || c.Engines.Count == 0) yield return ("engines", "name at least one engine");
        foreach (var name in c.Engines ?? [])
        {
            if (name != CampaignConfig.AllEngines && !EngineCatalog.Names.Contains(name))
                yield return ("engines", $"unknown engine '{name}': use {string.Join(", ", EngineCatalog.Names)} or {CampaignConfig.AllEngines}");
        }
        if (c.Engines?.Count != c.Engines?.Distinct().Count()) yield return ("engines", "an engine is named twice");
        if (c.Cases is < 0) yield return ("cases", "cannot be negative");
        if (c.Seconds is <= 0) yield return ("seconds", "must be positive");
        if (c.Jobs is < 1 or > 1024) yield return ("jobs", "must be in 1..1024");
        if (c.Limits is null) yield return ("limits", "cannot be empty");
        else
        {
            if (c.Limits.CallTimeoutSeconds <= 0) yield return ("limits.call_timeout_seconds", "must be positive");
            if (c.Limits.CompileTimeoutSeconds <= 0) yield return ("limits.compile_timeout_seconds", "must be positive");
        }
        if (c.Generator is null) yield return ("generator", "cannot be empty");
        else
        {
            foreach (var (key, message) in GeneratorConfigRules.Check(c.Generator)) yield return ("generator." + key, message);
        }
    }

    /// <summary>Whether the mapping at <paramref name="section"/> has the key <paramref name="key"/>.</summary>
    private static bool Mentions(string yaml, string section, string key)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return false;
        return root.Children.TryGetValue(new YamlScalarNode(section), out var node)
            && node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));
    }
}
