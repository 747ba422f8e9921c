using System.Diagnostics;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;

namespace WasmConform.Fuzz.Campaign;

/// <summary>
/// Runs one case on every engine of a worker and compares them step by step: generate and
/// encode the module, compile it on every engine, instantiate it, call each exported function
/// in export order, reading the exported state after every step. Every engine takes a step
/// before the oracle compares it; an engine stops at its first divergence, inconclusive step or
/// unsupported feature, and the case ends when no comparison is left.
/// </summary>
/// <remarks>
/// The first engine is the baseline every other is compared with (normally the reference
/// interpreter); when it cannot go on, the case ends. An exception thrown by an engine adapter
/// is that engine's <see cref="Outcome.Crash"/>, never the end of the case.
/// </remarks>
public sealed class CaseRunner(IReadOnlyList<EngineHost> hosts, ulong seed, GeneratorConfig config)
{
    /// <summary>Runs case <paramref name="index"/>.</summary>
    public CaseResult Run(long index) => Run(index, GeneratedModules.Generated(seed, index, config));

    /// <summary>Runs <paramref name="module"/> as case <paramref name="index"/> (whose seed and index give the call arguments).</summary>
    public CaseResult Run(long index, Module module)
    {
        var binary = Encoder.Encode(module);
        var calls = CallPlan.Of(module, seed, index);
        var steps = CallPlan.Steps(calls);
        var context = new OracleContext(config.CanonicalizeNans, DifferenceRules.UsesRelaxedSimd(module));
        var runs = new EngineSession[hosts.Count];
        try
        {
            for (int e = 0; e < hosts.Count; e++) runs[e] = new EngineSession(hosts[e].Name, hosts[e].NewSession());
            var (pairs, divergences) = Compare(runs, steps, binary, context);
            return new CaseResult(seed, index, module, binary, calls, steps,
                [.. runs.Select(r => new EngineRun(r.Engine, r.Records))], pairs, divergences, context);
        }
        finally
        {
            foreach (var run in runs) run?.Session.Dispose();
        }
    }

    private static (List<PairResult>, List<Divergence>) Compare(EngineSession[] runs, IReadOnlyList<CaseStep> steps, byte[] binary, OracleContext context)
    {
        var baseline = runs[0];
        var open = Enumerable.Range(1, runs.Length - 1).ToList();
        var pairs = new List<PairResult>();
        var divergences = new List<Divergence>();
        for (int s = 0; s < steps.Count && open.Count > 0; s++)
        {
            Perform(baseline, s, steps[s], binary);
            foreach (int e in open) Perform(runs[e], s, steps[s], binary);
            foreach (int e in open.ToArray())
            {
                var other = runs[e];
                var verdict = Judge(baseline, other, s, context);
                PairResult? ended = verdict switch
                {
                    StepVerdict.Differs d => Diverged(baseline, other, s, steps[s], d.Difference, divergences),
                    StepVerdict.Inconclusive i => new PairResult(baseline.Engine, other.Engine, CaseVerdict.Inconclusive, i.Rule, i.Details, s),
                    StepVerdict.SatOut o => new PairResult(baseline.Engine, other.Engine, CaseVerdict.SatOut, DifferenceRules.Unsupported, $"{o.Engine}: {o.Reason}", s),
                    _ when !baseline.Records[s].Continues || !other.Records[s].Continues || s == steps.Count - 1
                        => new PairResult(baseline.Engine, other.Engine, CaseVerdict.Agreed),
                    _ => null,
                };
                if (ended is null) continue;
                pairs.Add(ended);
                open.Remove(e);
            }
        }
        foreach (int e in open) pairs.Add(new PairResult(baseline.Engine, runs[e].Engine, CaseVerdict.Agreed));
        return (pairs, divergences);
    }

    /// <summary>The oracle's verdict on step <paramref name="s"/>; when memories differ by hash only, with their bytes fetched.</summary>
    private static StepVerdict Judge(EngineSession baseline, EngineSession other, int s, OracleContext context)
    {
        var verdict = OutcomeOracle.Compare(baseline.Records[s], other.Records[s], baseline.Engine, other.Engine, context);
        if (verdict is not StepVerdict.Differs { Difference.Aspect: "memory contents" }
            || !StateComparison.NeedsBytes(baseline.Records[s].Snapshot, other.Records[s].Snapshot))
            return verdict;
        baseline.FetchBytes(s);
        other.FetchBytes(s);
        return OutcomeOracle.Compare(baseline.Records[s], other.Records[s], baseline.Engine, other.Engine, context);
    }

    private static PairResult Diverged(EngineSession baseline, EngineSession other, int s, CaseStep step, Difference difference, List<Divergence> found)
    {
        var divergence = Divergence.Of(baseline.Engine, other.Engine, s, step, difference);
        if (!found.Any(d => d.Signature == divergence.Signature)) found.Add(divergence);
        return new PairResult(baseline.Engine, other.Engine, CaseVerdict.Diverged, null, divergence.Signature, s);
    }

    /// <summary>Has <paramref name="run"/> take step <paramref name="s"/>, unless it already has or has stopped before it.</summary>
    private static void Perform(EngineSession run, int s, CaseStep step, byte[] binary)
    {
        if (run.Records.Count != s || (s > 0 && !run.Records[s - 1].Continues)) return;
        var watch = Stopwatch.StartNew();
        var outcome = Guard(run, () => step.Kind switch
        {
            StepKind.Compile => run.Session.Compile(binary),
            StepKind.Instantiate => run.Session.Instantiate(run.Module!),
            _ => run.Session.Invoke(run.Instance!, step.Export!, step.Args.AsSpan().ToArray()),
        });
        if (outcome is Outcome.Compiled c) run.Module = c.Module;
        if (outcome is Outcome.Instantiated i) run.Instance = i.Instance;
        var trace = Guard(run, () => run.Session.TakeTrace());
        Outcome? state = run.Instance is { } instance && outcome is not (Outcome.Crash or Outcome.Exhausted or Outcome.Unsupported)
            ? Guard(run, () => run.Session.State(instance))
            : null;
        run.Records.Add(new StepRecord(step, outcome, [.. trace], state, watch.Elapsed));
    }

    private static Outcome Guard(EngineSession run, Func<Outcome> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome.Crash($"{run.Engine} adapter threw {e}");
        }
    }

    private static IReadOnlyList<Value> Guard(EngineSession run, Func<IReadOnlyList<Value>> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }

    /// <summary>One engine's session in the case, with its handles and records.</summary>
    private sealed class EngineSession(string engine, IEngine session)
    {
        public string Engine { get; } = engine;
        public IEngine Session { get; } = session;
        public object? Module { get; set; }
        public object? Instance { get; set; }
        public List<StepRecord> Records { get; } = [];

        /// <summary>Replaces the state of record <paramref name="s"/> with one that carries the memories' bytes.</summary>
        public void FetchBytes(int s)
        {
            if (Instance is null || Records[s].Snapshot is not { } snapshot || snapshot.Memories.All(m => m.Bytes is not null)) return;
            var state = Guard(this, () => Session.State(Instance, memoryBytes: true));
            if (state is Outcome.Snapshot) Records[s] = Records[s] with { State = state };
        }
    }
}
