using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Campaign;

/// <summary>
/// A fuzzing campaign as its YAML file gives it (snake_case keys, all optional; command-line
/// options override them): which engines, how long, the seed, the generator's options and the
/// engines' limits. See fuzz/campaign.example.yaml.
/// </summary>
public sealed record CampaignConfig
{
    /// <summary>Engine names (<c>reference</c>, <c>wasmtime</c>, <c>v8</c>, <c>wazero</c>) or <c>all</c> for every available one; the first is the baseline.</summary>
    public List<string> Engines { get; init; } = [AllEngines];

    /// <summary>The seed; null for one drawn at random (and printed).</summary>
    public ulong? Seed { get; init; }

    /// <summary>How many cases to run; null for as many as <see cref="Seconds"/> allows.</summary>
    public long? Cases { get; init; }

    /// <summary>How long to run; null with <see cref="Cases"/> for no time limit, and 60 s when neither is given.</summary>
    public double? Seconds { get; init; }

    /// <summary>Cases run in parallel (one set of engines each); null for the number of cores.</summary>
    public int? Jobs { get; init; }

    /// <summary>Limits of each engine call.</summary>
    public CampaignLimits Limits { get; init; } = new();

    /// <summary>
    /// The generator's options (the keys of fuzz/generator.example.yaml). Two defaults differ from
    /// the generator's own, also when the file has a <c>generator</c> section without them:
    /// <c>canonicalize_nans</c> is true (without it NaN bits differ legitimately and can reach
    /// integers and memory, where the oracle cannot tell them apart), and <c>features</c> are every
    /// proposal the generator knows but relaxed SIMD (implementation-defined results) and legacy
    /// exceptions, cut down to what every engine of the campaign has.
    /// </summary>
    public GeneratorConfig Generator { get; init; } = DefaultGenerator;

    /// <summary>The name that selects every available engine.</summary>
    public const string AllEngines = "all";

    /// <summary>Duration when neither cases nor seconds are given.</summary>
    public const double DefaultSeconds = 60;

    /// <summary>The generator's defaults with NaNs canonicalised and every feature but relaxed SIMD and legacy exceptions.</summary>
    public static GeneratorConfig DefaultGenerator { get; } = new()
    {
        CanonicalizeNans = true,
        Features = FeatureSwitches.All with { RelaxedSimd = false, LegacyExceptions = false },
    };
}

/// <summary>Limits of engine calls in a campaign.</summary>
public sealed record CampaignLimits
{
    /// <summary>Wall-clock seconds one instantiation or call may take before it is exhausted (time).</summary>
    public double CallTimeoutSeconds { get; init; } = 10;

    /// <summary>Seconds a compile may take.</summary>
    public double CompileTimeoutSeconds { get; init; } = 60;

    /// <summary>
    /// Engine fuel for engines that meter it (per call for wasmtime, per case for the reference
    /// interpreter); null for none: generated modules count their own fuel and exit with 101 when it runs out.
    /// </summary>
    public ulong? EngineFuel { get; init; }
}
