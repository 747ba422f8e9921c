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
/// </summary>
/// <remarks>
/// <para>
/// An exit ends the input (the guest does not resume), and so does exhaustion of the reference
/// interpreter. Where the engines may legitimately part (the other engine cannot take a step:
/// unsupported or out of time; memories whose sizes differ) the other engine sits out the rest of
/// the input and the reference interpreter goes on alone, still checked for crashes.
/// </para>
/// <para>
/// The generator canonicalises NaNs and leaves out relaxed SIMD (implementation-defined results) and
/// legacy exceptions. An input whose first byte is even gets the proposals wasmtime's runner can run
/// to the end (<see cref="Comparable"/>); one whose first byte is odd also gets GC, typed function
/// references and exception handling (<see cref="Extended"/>), whose reference types reach the
/// exports, which wasmtime's C API (only <c>funcref</c> and <c>externref</c>) cannot pass: those
/// modules mostly run on the reference interpreter alone. The other engine lives as long as the
/// target (one runner process for the whole fuzzing run), reset before each input.
/// </para>
/// </remarks>
public sealed class DifferentialTarget(Func<IEngine> createOther) : FuzzTarget
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
    };

    private IEngine? _other;

    /// <summary>How many steps (compile, instantiate, calls) the two engines have agreed on so far.</summary>
    public long AgreedSteps { get; private set; }

    /// <summary>Compares the reference interpreter with wasmtime (its runner, built by <c>make runners</c>).</summary>
    public DifferentialTarget() : this(CreateWasmtime) { }

    public override string Name => "differential";

    public override string Description => "bytes -> generated module -> reference interpreter vs wasmtime (a difference or a reference crash is a finding)";

    public override IReadOnlyList<string> Assemblies { get; } = ["WasmConform.Engine.dll", "WasmConform.Wast.dll", "WasmConform.Fuzz.dll"];

    public override int TimeoutMilliseconds => 20000;

    /// <summary>The generator configuration for <paramref name="input"/>.</summary>
    public static GeneratorConfig ConfigFor(byte[] input) => input.Length > 0 && (input[0] & 1) == 1 ? Extended : Comparable;

    public override void Run(byte[] input)
    {
        var module = ModuleGenerator.Generate(input, ConfigFor(input));
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

    /// <summary>One input's steps on the two engines, or on the reference interpreter alone once the other sits out.</summary>
    private sealed class Comparison(IEngine reference, IEngine other)
    {
        private bool _otherSatOut;
        private int _agreed;

        /// <summary>Runs the steps until the end or a stop; returns how many the two engines agreed on.</summary>
        public int Run(Module module, byte[] wasm, Arguments arguments)
        {
            var compiled = reference.Compile(wasm);
            if (compiled is not Outcome.Compiled and not Outcome.Unsupported)
                throw new FindingException($"the reference interpreter does not compile a generated module: {OutcomeText.Describe(compiled)}");
            var otherCompiled = other.Compile(wasm);
            if (!Check("compile", compiled, otherCompiled) || compiled is not Outcome.Compiled c) return _agreed;
            var instance = reference.Instantiate(c.Module);
            var otherInstance = _otherSatOut ? null : other.Instantiate(((Outcome.Compiled)otherCompiled).Module);
            if (!Check("instantiate", instance, otherInstance) || instance is not Outcome.Instantiated i) return _agreed;
            object? otherHandle = (otherInstance as Outcome.Instantiated)?.Instance;
            if (!SameState("instantiate", i.Instance, otherHandle)) return _agreed;
            foreach (var (export, args) in arguments.Calls(module))
            {
                string step = $"invoke {export}({string.Join(", ", args.Select(ValueText.Format))})";
                var outcome = reference.Invoke(i.Instance, export, args);
                var otherOutcome = _otherSatOut ? null : other.Invoke(otherHandle!, export, args);
                if (!Check(step, outcome, otherOutcome) || !SameState(step, i.Instance, otherHandle)) break;
            }
            return _agreed;
        }

        /// <summary>
        /// Checks one step (<paramref name="b"/> is null once the other engine sat out): throws for a
        /// finding; returns whether the reference interpreter goes on to the next step.
        /// </summary>
        private bool Check(string step, Outcome a, Outcome? b)
        {
            if (a is Outcome.Crash crash) throw new FindingException($"{step}: the reference interpreter crashed: {crash.Details}");
            var traceA = reference.TakeTrace();
            bool goesOn = a is Outcome.Compiled or Outcome.Instantiated or Outcome.Values or Outcome.Trap or Outcome.Thrown;
            if (b is null) return goesOn;
            var traceB = other.TakeTrace();
            if (b is Outcome.Unsupported or Outcome.Exhausted)
            {
                _otherSatOut = true;
                return goesOn;
            }
            if (a is Outcome.Unsupported or Outcome.Exhausted) return false;
            var difference = OutcomeComparison.Outcomes(a, b) ?? OutcomeComparison.Values("logged value", traceA, traceB);
            if (difference is not null)
                throw new FindingException($"{step}: {difference} (reference: {OutcomeText.Describe(a)}; {other.Name}: {OutcomeText.Describe(b)})");
            _agreed++;
            return goesOn;
        }

        /// <summary>Compares exported globals and memories after a step: throws for a difference; returns whether the reference interpreter goes on.</summary>
        private bool SameState(string step, object referenceInstance, object? otherInstance)
        {
            var state = reference.State(referenceInstance);
            if (state is Outcome.Crash crash) throw new FindingException($"after {step}: the reference interpreter crashed reading its state: {crash.Details}");
            if (_otherSatOut || otherInstance is null || state is not Outcome.Snapshot a) return true;
            // The other engine sits out when it cannot say, and after a memory.grow only one engine granted.
            if (other.State(otherInstance) is not Outcome.Snapshot b || OutcomeComparison.MemorySizesDiffer(a.State, b.State))
            {
                _otherSatOut = true;
                return true;
            }
            if (OutcomeComparison.States(a.State, b.State) is { } difference)
                throw new FindingException($"after {step}: {difference}");
            return true;
        }
    }
}
