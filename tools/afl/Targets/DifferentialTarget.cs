using System.Security.Cryptography;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Engines.Runners;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;
using WasmConform.Wast.Script;

namespace WasmConform.Afl.Targets;

/// <summary>
/// Bytes → <see cref="ModuleGenerator"/> (a valid module for any input) → one case of the
/// differential campaign (<see cref="CaseRunner"/>): the reference interpreter and another engine
/// (wasmtime by default) compile, instantiate and call every exported function, and the oracle
/// (<see cref="OutcomeOracle"/>, its rules in <see cref="DifferenceRules"/>) compares them step by
/// step. Findings (<see cref="FindingException"/>): a divergence the oracle does not excuse, a crash
/// of the reference interpreter, a generated module the reference interpreter rejects.
/// </summary>
/// <remarks>
/// <para>
/// Where the comparison ends early (the other engine sits out a module it cannot run, or a rule
/// makes the rest inconclusive), the reference interpreter runs the rest of the case alone, still
/// checked for crashes.
/// </para>
/// <para>
/// The case's seed is a hash of the input, which gives the call arguments (<see cref="CallPlan"/>).
/// The generator canonicalises NaNs and leaves out relaxed SIMD and legacy exceptions. An input
/// whose first byte is even gets the proposals wasmtime's runner can run to the end
/// (<see cref="Comparable"/>); one whose first byte is odd also gets GC, typed function references
/// and exception handling (<see cref="Extended"/>), with functions, globals and tables typed with
/// numbers, v128, <c>funcref</c> and <c>externref</c> only (<see cref="GeneratorConfig.BasicBoundaryTypes"/>),
/// all that wasmtime's C API can pass, so that wasmtime runs the GC code too. The other engine's
/// host (one runner process for the whole fuzzing run) lives as long as the target.
/// </para>
/// </remarks>
public sealed class DifferentialTarget(Func<EngineHost> createOther) : FuzzTarget
{
    /// <summary>The generator configuration of inputs whose first byte is even (or that are empty).</summary>
    public static GeneratorConfig Comparable { get; } = GeneratorConfig.Default with
    {
        Features = FeatureSwitches.All with
        {
            RelaxedSimd = false, LegacyExceptions = false, Gc = false, FunctionReferences = false, Exceptions = false,
        },
        CanonicalizeNans = true,
    };

    /// <summary>The generator configuration of inputs whose first byte is odd.</summary>
    public static GeneratorConfig Extended { get; } = Comparable with
    {
        Features = FeatureSwitches.All with { RelaxedSimd = false, LegacyExceptions = false },
        BasicBoundaryTypes = true,
    };

    /// <summary>Wall-clock limit of one instantiation or call, on either engine.</summary>
    public static TimeSpan CallTimeout { get; } = TimeSpan.FromSeconds(5);

    private readonly ReferenceHost _reference = new(CallTimeout);
    private EngineHost? _other;

    /// <summary>Compares the reference interpreter with wasmtime (its runner, built by <c>make runners</c>).</summary>
    public DifferentialTarget() : this(CreateWasmtime) { }

    public override string Name => "differential";

    public override string Description => "bytes -> generated module -> reference interpreter vs wasmtime, judged by the campaign's oracle";

    public override IReadOnlyList<string> Assemblies { get; } = ["WasmConform.Engine.dll", "WasmConform.Wast.dll", "WasmConform.Fuzz.dll"];

    public override int TimeoutMilliseconds => 20000;

    /// <summary>The last input's case, for tests and diagnostics; null before the first.</summary>
    public CaseResult? LastCase { get; private set; }

    /// <summary>The generator configuration for <paramref name="input"/>.</summary>
    public static GeneratorConfig ConfigFor(byte[] input) => input.Length > 0 && (input[0] & 1) == 1 ? Extended : Comparable;

    public override void Run(byte[] input)
    {
        var config = ConfigFor(input);
        var module = ModuleGenerator.Generate(input, config);
        ulong seed = BitConverter.ToUInt64(SHA256.HashData(input));
        _other ??= createOther();
        var result = new CaseRunner([_reference, _other], seed, config).Run(0, module);
        LastCase = result;
        if (result.Runs[0].Steps[0].Outcome is not (Outcome.Compiled or Outcome.Unsupported) and var rejected)
            throw new FindingException($"the reference interpreter does not compile a generated module: {OutcomeText.Describe(rejected)}");
        if (result.Divergences.Count > 0)
            throw new FindingException(Describe(result.Divergences[0], result), result.Divergences[0].Signature);
        if (result.Pairs.Any(p => p.Verdict != CaseVerdict.Agreed)) RunAlone(result);
    }

    /// <summary>Random byte strings: the generator reads any bytes as choices.</summary>
    public override int WriteSeeds(SeedSources sources, string folder) =>
        WriteDistinct(folder, Enumerable.Range(0, 24).Select(i => SeedInput.Bytes(0xAF1u, i, 64 << (i % 4))), 24);

    /// <summary>
    /// A divergence in one line (<c>invoke f0 (i32:1): trap: null array reference vs out of bounds
    /// array access [its signature]</c>), then each engine's outcome at that step.
    /// </summary>
    private static string Describe(Divergence d, CaseResult result)
    {
        var lines = new List<string> { $"{d.Step}: {d.Difference} [{d.Signature}]" };
        foreach (var run in result.Runs)
        {
            if (d.StepIndex < run.Steps.Count)
                lines.Add($"  {run.Engine}: {OutcomeText.Describe(run.Steps[d.StepIndex].Outcome)}");
        }
        return string.Join('\n', lines);
    }

    /// <summary>Runs the whole case on a new reference session; throws for a crash.</summary>
    private void RunAlone(CaseResult result)
    {
        using var engine = _reference.NewSession();
        if (engine.Compile(result.Binary) is not Outcome.Compiled c) return;
        var instantiated = Checked(engine, "instantiate", engine.Instantiate(c.Module), null);
        if (instantiated is not Outcome.Instantiated i) return;
        foreach (var step in result.Steps.Where(s => s.Kind == StepKind.Invoke))
        {
            var outcome = Checked(engine, step.ToString(), engine.Invoke(i.Instance, step.Export!, step.Args.AsSpan().ToArray()), i.Instance);
            if (outcome is not (Outcome.Values or Outcome.Trap or Outcome.Thrown)) return;
        }
    }

    /// <summary><paramref name="outcome"/>, once neither it nor reading the instance's state (when there is one) is a crash of the reference interpreter.</summary>
    private static Outcome Checked(IEngine engine, string step, Outcome outcome, object? instance)
    {
        engine.TakeTrace();
        var state = instance is null ? null : engine.State(instance);
        if ((outcome as Outcome.Crash ?? state as Outcome.Crash) is { } crash)
            throw new FindingException($"{step}: the reference interpreter crashed: {crash.Details}");
        return outcome;
    }

    private static EngineHost CreateWasmtime()
    {
        var entry = EngineCatalog.Find(EngineCatalog.Wasmtime)!;
        if (!entry.IsAvailable) throw new InvalidOperationException($"wasmtime is unavailable: {entry.Reason}");
        return new RunnerHost(entry, new RunnerLimits(CallTimeout: CallTimeout));
    }
}
