using WasmConform.Engine;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Engines.Runners;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Campaign;

/// <summary>
/// Turns a <see cref="CampaignConfig"/> into what a campaign runs: the engines of the catalog
/// that are available, their limits, and a generator configuration within the features every
/// engine has (each engine reports its own, see <see cref="Engine.Embedding.IEngine.Features"/>).
/// </summary>
public static class CampaignSetup
{
    /// <summary>
    /// The catalog entries named in <paramref name="names"/>; <c>all</c> stands for every available
    /// engine (the reference interpreter first), and the unavailable ones go to <paramref name="notes"/> with the reason.
    /// </summary>
    /// <exception cref="ArgumentException">A name is unknown, or an engine named explicitly is unavailable (the message says why).</exception>
    public static List<EngineEntry> Engines(IReadOnlyList<string> names, List<string> notes)
    {
        var entries = new List<EngineEntry>();
        foreach (var name in names)
        {
            if (name == CampaignConfig.AllEngines)
            {
                foreach (var entry in EngineCatalog.All())
                {
                    if (entries.Any(e => e.Name == entry.Name)) continue;
                    if (entry.IsAvailable) entries.Add(entry);
                    else notes.Add($"{entry.Name} left out: {entry.Reason}");
                }
                continue;
            }
            var named = EngineCatalog.Find(name) ?? throw new ArgumentException(
                $"unknown engine \"{name}\": use {string.Join(", ", EngineCatalog.Names)} or {CampaignConfig.AllEngines}");
            if (!named.IsAvailable) throw new ArgumentException($"{name} is unavailable: {named.Reason}");
            if (!entries.Any(e => e.Name == named.Name)) entries.Add(named);
        }
        return entries;
    }

    /// <summary>The runner limits of <paramref name="limits"/>.</summary>
    public static RunnerLimits Limits(CampaignLimits limits) => new(
        limits.EngineFuel,
        TimeSpan.FromSeconds(limits.CallTimeoutSeconds),
        TimeSpan.FromSeconds(limits.CompileTimeoutSeconds));

    /// <summary>
    /// The features every engine reports (asking each once, through a host of its own that is then
    /// disposed); <paramref name="lacking"/> says which engine lacks which of <paramref name="wanted"/>.
    /// </summary>
    public static Features CommonFeatures(IEnumerable<CampaignEngine> engines, Features wanted, out List<string> lacking)
    {
        var common = FeatureSets.All;
        lacking = [];
        foreach (var engine in engines)
        {
            using var host = engine.CreateHost(CancellationToken.None);
            using var session = host.NewSession();
            var features = session.Features;
            var missing = wanted & ~features;
            if (missing != Features.None) lacking.Add($"{engine.Name} lacks {string.Join(", ", FeatureNames.Names(missing))}");
            common &= features;
        }
        return common;
    }

    /// <summary>
    /// <paramref name="config"/> with the module's boundary (functions, globals, tables) kept to
    /// the types every engine's embedding API passes: <see cref="GeneratorConfig.BasicBoundaryTypes"/>
    /// with wasmtime (its C API has only funcref and externref) when the configuration has proposals
    /// with other references; no <see cref="GeneratorConfig.V128AtBoundary"/> with V8 (JavaScript has
    /// no v128) when it has SIMD. <paramref name="notes"/> says what was restricted and why.
    /// </summary>
    public static GeneratorConfig WithinBoundary(GeneratorConfig config, IEnumerable<CampaignEngine> engines, out List<string> notes)
    {
        notes = [];
        var f = config.Features;
        var names = engines.Select(e => e.Name).ToHashSet();
        if (names.Contains(EngineCatalog.Wasmtime) && !config.BasicBoundaryTypes && (f.Gc || f.FunctionReferences || f.Exceptions))
        {
            notes.Add("functions, globals and tables typed with numbers, v128, funcref and externref only (GC and typed references stay inside functions): wasmtime cannot pass other references");
            config = config with { BasicBoundaryTypes = true };
        }
        if (names.Contains(EngineCatalog.V8) && config.V128AtBoundary && f.Simd)
        {
            notes.Add("no v128 in functions' parameters and results or globals (vectors stay inside functions): v8 cannot pass v128 to JavaScript");
            config = config with { V128AtBoundary = false };
        }
        return config;
    }

    /// <summary>
    /// <paramref name="config"/> with every feature switch that <paramref name="available"/> lacks
    /// turned off (and those depending on one turned off); the switches turned off go to <paramref name="dropped"/>.
    /// </summary>
    public static GeneratorConfig WithinFeatures(GeneratorConfig config, Features available, out List<string> dropped)
    {
        var f = config.Features;
        bool Has(Features feature) => (available & feature) == feature;
        var within = f with
        {
            MutableGlobals = f.MutableGlobals && Has(Features.MutableGlobals),
            SignExtension = f.SignExtension && Has(Features.SignExtension),
            SaturatingFloatToInt = f.SaturatingFloatToInt && Has(Features.SaturatingFloatToInt),
            MultiValue = f.MultiValue && Has(Features.MultiValue),
            BulkMemory = f.BulkMemory && Has(Features.BulkMemory),
            ReferenceTypes = f.ReferenceTypes && Has(Features.ReferenceTypes),
            Simd = f.Simd && Has(Features.Simd),
            RelaxedSimd = f.RelaxedSimd && f.Simd && Has(Features.Simd | Features.RelaxedSimd),
            TailCall = f.TailCall && Has(Features.TailCall),
            ExtendedConst = f.ExtendedConst && Has(Features.ExtendedConst),
            MultiMemory = f.MultiMemory && Has(Features.MultiMemory),
            Memory64 = f.Memory64 && Has(Features.Memory64),
            WideArithmetic = f.WideArithmetic && Has(Features.WideArithmetic),
        };
        bool references = within.ReferenceTypes;
        within = within with { FunctionReferences = f.FunctionReferences && references && Has(Features.FunctionReferences) };
        within = within with
        {
            Gc = f.Gc && within.FunctionReferences && Has(Features.Gc),
            Exceptions = f.Exceptions && references && Has(Features.Exceptions),
            LegacyExceptions = f.LegacyExceptions && Has(Features.LegacyExceptions),
        };
        dropped = [.. FeatureNames.Names(f.ToEngineFeatures() & ~within.ToEngineFeatures())];
        return config with { Features = within };
    }
}
