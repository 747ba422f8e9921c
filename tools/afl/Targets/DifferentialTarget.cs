using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Engines.Runners;
using WasmConform.Fuzz.Generator;
using WasmConform.Wast.Script;

namespace WasmConform.Afl.Targets;

/// <summary>
/// Bytes → <see cref="ModuleGenerator"/> (a valid module for any input) → the reference interpreter
/// and another engine (wasmtime by default): compile, instantiate, then call every exported function
/// with arguments derived from the input, comparing each step's outcome, the values logged through
/// <c>env.log_*</c> and the exported globals and memories (<see cref="OutcomeComparison"/>).
/// Findings: a crash of the reference interpreter, a generated module it rejects, or a difference.
/// Comparison stops, without a finding, at exhaustion, an exit (the guest does not resume), an
/// unsupported feature, or memories whose sizes differ.
/// </summary>
/// <remarks>
/// The generator canonicalises NaNs and runs with every proposal except relaxed SIMD
/// (implementation-defined results), legacy exceptions, and those whose reference types reach the
/// exports (GC, typed function references, exception handling): wasmtime's C API, which its runner
/// embeds, passes only <c>funcref</c> and <c>externref</c>, so such a module is unsupported there and
/// would compare nothing. The other engine lives as long as the target (one
/// runner process for the whole fuzzing run), reset before each input.
/// </remarks>
public sealed class DifferentialTarget(Func<IEngine> createOther) : FuzzTarget
{
    /// <summary>The generator configuration of every input.</summary>
    public static GeneratorConfig Config { get; } = GeneratorConfig.Default with
    {
        Features = FeatureSwitches.All with
        {
            RelaxedSimd = false, LegacyExceptions = false, Gc = false, FunctionReferences = false, Exceptions = false,
        },
        CanonicalizeNans = true,
    };

    private IEngine? _other;

    /// <summary>How many steps (compile, instantiate, calls) the engines have agreed on so far.</summary>
    public long AgreedSteps { get; private set; }

    /// <summary>Compares the reference interpreter with wasmtime (its runner, built by <c>make runners</c>).</summary>
    public DifferentialTarget() : this(CreateWasmtime) { }

    public override string Name => "differential";

    public override string Description => "bytes -> generated module -> reference interpreter vs wasmtime (a difference or a reference crash is a finding)";

    public override IReadOnlyList<string> Assemblies { get; } = ["WasmConform.Engine.dll", "WasmConform.Wast.dll", "WasmConform.Fuzz.dll"];

    public override int TimeoutMilliseconds => 20000;

    public override void Run(byte[] input)
    {
        var module = ModuleGenerator.Generate(input, Config);
        var wasm = Encoder.Encode(module);
        using var reference = EngineCatalog.Find(EngineCatalog.Reference)!.Create();
        var other = Other();
        AgreedSteps += new Comparison(reference, other).Run(module, wasm, Arguments.For(input));
    }

    /// <summary>Random byte strings: the generator reads any bytes as choices.</summary>
    public override int WriteSeeds(SeedSources sources, string folder) =>
        WriteDistinct(folder, Enumerable.Range(0, 24).Select(i => SeedInput.Bytes(0xAF1u, i, 64 << (i % 4))), 24);

    private IEngine Other()
    {
        _other ??= createOther();
        if (_other is RunnerEngine runner) runner.Reset();
        return _other;
    }

    private static IEngine CreateWasmtime()
    {
        var entry = EngineCatalog.Find(EngineCatalog.Wasmtime)!;
        if (!entry.IsAvailable) throw new InvalidOperationException($"wasmtime is unavailable: {entry.Reason}");
        return entry.Create(new RunnerLimits(CallTimeout: TimeSpan.FromSeconds(5)));
    }

    /// <summary>One input's steps on the two engines.</summary>
    private sealed class Comparison(IEngine reference, IEngine other)
    {
        private int _agreed;

        /// <summary>Runs the steps until the end or a stop; returns how many the engines agreed on.</summary>
        public int Run(Module module, byte[] wasm, Arguments arguments)
        {
            Steps(module, wasm, arguments);
            return _agreed;
        }

        private void Steps(Module module, byte[] wasm, Arguments arguments)
        {
            var compiled = reference.Compile(wasm);
            if (compiled is not Outcome.Compiled and not Outcome.Unsupported)
                throw new FindingException($"the reference interpreter does not compile a generated module: {OutcomeText.Describe(compiled)}");
            var otherCompiled = other.Compile(wasm);
            if (!Agree("compile", compiled, otherCompiled)) return;
            var (r, o) = (((Outcome.Compiled)compiled).Module, ((Outcome.Compiled)otherCompiled).Module);
            var instance = reference.Instantiate(r);
            var otherInstance = other.Instantiate(o);
            if (!Agree("instantiate", instance, otherInstance)) return;
            if (instance is not Outcome.Instantiated ri || otherInstance is not Outcome.Instantiated oi) return;
            if (!SameState("instantiate", ri.Instance, oi.Instance)) return;
            foreach (var (export, args) in arguments.Calls(module))
            {
                string step = $"invoke {export}({string.Join(", ", args.Select(ValueText.Format))})";
                if (!Agree(step, reference.Invoke(ri.Instance, export, args), other.Invoke(oi.Instance, export, args))) return;
                if (!SameState(step, ri.Instance, oi.Instance)) return;
            }
        }

        /// <summary>
        /// Compares one step's outcomes and traces: throws for a finding, returns whether the
        /// engines can go on to the next step.
        /// </summary>
        private bool Agree(string step, Outcome a, Outcome b)
        {
            if (a is Outcome.Crash crash) throw new FindingException($"{step}: the reference interpreter crashed: {crash.Details}");
            var traceA = reference.TakeTrace();
            var traceB = other.TakeTrace();
            if (a is Outcome.Unsupported or Outcome.Exhausted || b is Outcome.Unsupported or Outcome.Exhausted) return false;
            var difference = OutcomeComparison.Outcomes(a, b) ?? OutcomeComparison.Values("logged value", traceA, traceB);
            if (difference is not null)
                throw new FindingException($"{step}: {difference} (reference: {OutcomeText.Describe(a)}; {other.Name}: {OutcomeText.Describe(b)})");
            _agreed++;
            return a is not Outcome.Exit and not Outcome.Malformed and not Outcome.Invalid and not Outcome.Unlinkable;
        }

        /// <summary>Compares exported globals and memories after a step; false when comparing should stop.</summary>
        private bool SameState(string step, object referenceInstance, object otherInstance)
        {
            var state = reference.State(referenceInstance);
            if (state is Outcome.Crash crash) throw new FindingException($"after {step}: the reference interpreter crashed reading its state: {crash.Details}");
            if (state is not Outcome.Snapshot a) return false;
            if (other.State(otherInstance) is not Outcome.Snapshot b) return false;
            if (OutcomeComparison.MemorySizesDiffer(a.State, b.State)) return false;
            if (OutcomeComparison.States(a.State, b.State) is { } difference)
                throw new FindingException($"after {step}: {difference}");
            return true;
        }
    }
}
