using System.Globalization;
using System.Text;
using WasmConform.Engine;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Engines;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// What happened when a batch of generated modules ran on the reference interpreter: how
/// calls of their exports ended (values, traps by kind, exits by reason), and which opcodes the
/// modules contain. Made by <see cref="GeneratorSurvey"/>; printed by <see cref="ToText"/>.
/// </summary>
public sealed class SurveyReport
{
    public int Modules { get; internal set; }
    /// <summary>Instantiations that trapped (a segment out of bounds, or the start function).</summary>
    public int InstantiationTraps { get; internal set; }
    /// <summary>Instantiations whose start function called <c>env.exit</c>.</summary>
    public int InstantiationExits { get; internal set; }
    /// <summary>Instantiations whose start function threw an exception nothing caught.</summary>
    public int InstantiationExceptions { get; internal set; }
    /// <summary>Calls of exported functions (after an exit, a module's remaining exports are not called).</summary>
    public int Calls { get; internal set; }
    public int Returned { get; internal set; }
    public Dictionary<TrapKind, int> Traps { get; } = [];
    public int FuelExits { get; internal set; }
    public int DepthExits { get; internal set; }
    public int OrdinaryExits { get; internal set; }
    /// <summary>Calls that threw an exception nothing caught.</summary>
    public int Exceptions { get; internal set; }
    /// <summary>Calls that ran out of the interpreter's own fuel or call stack: 0 if termination by construction works.</summary>
    public int Exhausted { get; internal set; }
    /// <summary>Modules that need something the interpreter does not run yet (e.g. threads).</summary>
    public int Unsupported { get; internal set; }
    /// <summary>Values logged through <c>env.log_*</c>.</summary>
    public long Logged { get; internal set; }
    public int ModulesWithReturn { get; internal set; }
    public int ModulesWithTrap { get; internal set; }
    public int ModulesWithExit { get; internal set; }
    /// <summary>Every opcode that occurs in some generated function body.</summary>
    public HashSet<Opcode> Opcodes { get; } = [];

    public int TrapCount => Traps.Values.Sum();

    internal void Add(SurveyReport other)
    {
        Modules += other.Modules;
        InstantiationTraps += other.InstantiationTraps;
        InstantiationExits += other.InstantiationExits;
        InstantiationExceptions += other.InstantiationExceptions;
        Calls += other.Calls;
        Returned += other.Returned;
        foreach (var (kind, n) in other.Traps) Traps[kind] = Traps.GetValueOrDefault(kind) + n;
        FuelExits += other.FuelExits;
        DepthExits += other.DepthExits;
        OrdinaryExits += other.OrdinaryExits;
        Exceptions += other.Exceptions;
        Exhausted += other.Exhausted;
        Unsupported += other.Unsupported;
        Logged += other.Logged;
        ModulesWithReturn += other.ModulesWithReturn;
        ModulesWithTrap += other.ModulesWithTrap;
        ModulesWithExit += other.ModulesWithExit;
        Opcodes.UnionWith(other.Opcodes);
    }

    /// <summary>A plain-text summary: shares of call outcomes and of modules, traps by kind, opcode count.</summary>
    public string ToText()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"modules: {Modules} (instantiation trapped {InstantiationTraps}, exited {InstantiationExits}, threw {InstantiationExceptions}, unsupported {Unsupported})");
        s.AppendLine(CultureInfo.InvariantCulture, $"exported calls: {Calls}");
        Line(s, "  returned values", Returned, Calls);
        Line(s, "  trapped", TrapCount, Calls);
        foreach (var (kind, n) in Traps.OrderByDescending(t => t.Value)) Line(s, "    " + TrapMessages.Of(kind), n, Calls);
        Line(s, "  exit: fuel", FuelExits, Calls);
        Line(s, "  exit: depth", DepthExits, Calls);
        Line(s, "  exit: ordinary", OrdinaryExits, Calls);
        Line(s, "  uncaught exception", Exceptions, Calls);
        Line(s, "  exhausted", Exhausted, Calls);
        Line(s, "modules with a call that returned", ModulesWithReturn, Modules);
        Line(s, "modules with a call that trapped", ModulesWithTrap, Modules);
        Line(s, "modules with a call that exited", ModulesWithExit, Modules);
        s.AppendLine(CultureInfo.InvariantCulture, $"logged values: {Logged}");
        s.AppendLine(CultureInfo.InvariantCulture, $"distinct opcodes in the modules: {Opcodes.Count}");
        return s.ToString();
    }

    private static void Line(StringBuilder s, string label, long n, long total) =>
        s.AppendLine(CultureInfo.InvariantCulture, $"{label,-36} {n,8} {(total == 0 ? 0 : 100.0 * n / total),6:F1}%");
}

/// <summary>
/// Runs generated modules on the reference interpreter and tallies their outcomes (the
/// generator's coverage report: <c>wasmconform generate --survey</c> and the coverage test).
/// Each module is instantiated once with <see cref="HostImports"/>; its exported functions are
/// called in export order with default arguments (zeros and nulls) until one exits.
/// </summary>
public static class GeneratorSurvey
{
    /// <summary>The interpreter's own fuel per module: a safety net that generated fuel checks should make unreachable.</summary>
    public const long SafetyFuel = 50_000_000;

    /// <summary>
    /// The interpreter's limits for one module. Generated call depth is bounded (by
    /// <see cref="SizeLimits.MaxCallDepth"/>, far below these), so small stacks do: the defaults
    /// (a million cells, 50,000 frames) cost more to allocate than a generated module takes to run.
    /// </summary>
    public static readonly ExecutionLimits Limits = new() { Fuel = SafetyFuel, StackCells = 1 << 16, MaxCallDepth = 1024 };

    /// <summary>Surveys generated modules 0..<paramref name="count"/>-1 of seed <paramref name="seed"/>, in parallel.</summary>
    public static SurveyReport Run(ulong seed, int count, GeneratorConfig config) =>
        Run(count, config, i => GeneratedModules.Generated(seed, i, config));

    /// <summary>Surveys modules <c>module(0)</c> .. <c>module(count - 1)</c>, in parallel; <paramref name="module"/> must be thread-safe.</summary>
    public static SurveyReport Run(int count, GeneratorConfig config, Func<long, Module> module)
    {
        var total = new SurveyReport();
        Parallel.For(0, count, () => new SurveyReport(), (i, _, part) =>
        {
            RunModule(module(i), config.EngineFeatures, part);
            return part;
        }, part =>
        {
            lock (total) total.Add(part);
        });
        return total;
    }

    /// <summary>Runs one module and adds what happened to <paramref name="report"/>.</summary>
    public static void RunModule(Module module, Features features, SurveyReport report)
    {
        report.Modules++;
        foreach (var f in module.Functions)
            foreach (var ins in f.Body) report.Opcodes.Add(ins.Op);
        var host = new HostImports();
        ModuleInstance instance;
        try
        {
            var compiled = CompiledModule.FromModule(module, features);
            instance = host.DefineIn(new Linker()).Instantiate(new Store(Limits), compiled);
        }
        catch (TrapException)
        {
            report.InstantiationTraps++;
            return;
        }
        catch (ExitException)
        {
            report.InstantiationExits++;
            return;
        }
        catch (UncaughtException)
        {
            report.InstantiationExceptions++;
            return;
        }
        catch (UnsupportedFeatureException)
        {
            report.Unsupported++;
            return;
        }
        bool returned = false, trapped = false, exited = false;
        try
        {
            foreach (var export in module.Exports)
            {
                if (export.Kind != ExternKind.Func || exited) continue;
                var function = (FunctionInstance)instance.Export(export.Name).Instance;
                var args = function.Type.Params.Select(Value.Default).ToArray();
                report.Calls++;
                try
                {
                    instance.Invoke(export.Name, args);
                    report.Returned++;
                    returned = true;
                }
                catch (TrapException e)
                {
                    report.Traps[e.Kind] = report.Traps.GetValueOrDefault(e.Kind) + 1;
                    trapped = true;
                }
                catch (ExitException e)
                {
                    exited = true;
                    if (e.Code == GeneratedModule.FuelExitCode) report.FuelExits++;
                    else if (e.Code == GeneratedModule.DepthExitCode) report.DepthExits++;
                    else report.OrdinaryExits++;
                }
                catch (UncaughtException)
                {
                    report.Exceptions++;
                }
                catch (ExhaustionException)
                {
                    report.Exhausted++;
                }
            }
        }
        catch (UnsupportedFeatureException)
        {
            report.Unsupported++;
        }
        report.Logged += host.Trace.Count;
        if (returned) report.ModulesWithReturn++;
        if (trapped) report.ModulesWithTrap++;
        if (exited) report.ModulesWithExit++;
    }
}
