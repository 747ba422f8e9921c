using WasmConform.Engine;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Engines.Runners;
using WasmConform.Wast.Engines;

namespace WasmConform.Fuzz.Campaign;

/// <summary>
/// One engine as one campaign worker holds it: a fresh session (<see cref="IEngine"/>, with its
/// own store) for every case, over whatever lasts longer (a runner process).
/// </summary>
/// <remarks>Used by one worker thread at a time.</remarks>
public abstract class EngineHost : IDisposable
{
    /// <summary>The engine's name: <c>reference</c>, <c>wasmtime</c>, …</summary>
    public abstract string Name { get; }

    /// <summary>A session for one case: no modules or instances of earlier cases, the fuzzer's <c>env</c> imports defined.</summary>
    public abstract IEngine NewSession();

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

/// <summary>One engine of a campaign: its name and how each worker gets a host of it.</summary>
/// <param name="Name">The engine's name.</param>
/// <param name="CreateHost">Makes a host for one worker; the token is cancelled when the campaign stops.</param>
public sealed record CampaignEngine(string Name, Func<CancellationToken, EngineHost> CreateHost)
{
    /// <summary>
    /// The engine of the catalog called <paramref name="entry"/>: the reference interpreter under
    /// <paramref name="limits"/>' call timeout, or a runner process per worker.
    /// </summary>
    public static CampaignEngine Of(EngineEntry entry, RunnerLimits limits) => entry.IsExternal
        ? new CampaignEngine(entry.Name, _ => new RunnerHost(entry, limits))
        : new CampaignEngine(entry.Name, stopping => new ReferenceHost(limits.Call, (long?)limits.Fuel) { Stopping = stopping });
}

/// <summary>
/// The reference interpreter: a new <see cref="ReferenceEngine"/> per case, with the fuzzer's
/// host imports and a small stack (generated call depth is bounded far below it), every call
/// bounded by <paramref name="callTimeout"/> (running out is <see cref="Outcome.Exhausted"/> time).
/// </summary>
/// <param name="callTimeout">Wall-clock limit of one instantiation or call.</param>
/// <param name="fuel">The interpreter's own fuel per session; null for none (generated modules count their own).</param>
/// <param name="name">The engine's name in the campaign (another one lets a campaign compare the interpreter with itself).</param>
public sealed class ReferenceHost(TimeSpan callTimeout, long? fuel = null, string name = EngineCatalog.Reference) : EngineHost
{
    /// <summary>The interpreter's limits besides time: generated modules nest at most a few hundred calls.</summary>
    public static ExecutionLimits Limits { get; } = new() { StackCells = 1 << 16, MaxCallDepth = 10_000 };

    public override string Name => name;

    /// <summary>Cancels every session's running call (the campaign is stopping).</summary>
    public CancellationToken Stopping { get; init; }

    public override IEngine NewSession() => new ReferenceSession(callTimeout, Limits with { Fuel = fuel }, Stopping);
}

/// <summary>A <see cref="ReferenceEngine"/> whose instantiations and calls each get a deadline.</summary>
internal sealed class ReferenceSession : IEngine
{
    private readonly ReferenceEngine _engine;
    private readonly CancellationTokenSource _deadline = new();
    private readonly CancellationTokenRegistration _stopping;
    private readonly TimeSpan _timeout;

    public ReferenceSession(TimeSpan timeout, ExecutionLimits limits, CancellationToken stopping)
    {
        _timeout = timeout;
        _engine = new ReferenceEngine(limits with { Cancellation = _deadline.Token }, FeatureSets.All);
        HostImports.DefineIn(_engine);
        _stopping = stopping.Register(_deadline.Cancel);
    }

    public string Name => _engine.Name;
    public string Version => _engine.Version;
    public Features Features => _engine.Features;

    public Outcome Compile(ReadOnlyMemory<byte> binary) => _engine.Compile(binary);
    public Outcome Instantiate(object module) => Timed(() => _engine.Instantiate(module));
    public void Register(string name, object instance) => _engine.Register(name, instance);
    public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args) => Timed(() => _engine.Invoke(instance, export, args));
    public Outcome Get(object instance, string export) => _engine.Get(instance, export);
    public Outcome State(object instance, bool memoryBytes = false) => _engine.State(instance, memoryBytes);
    public IReadOnlyList<Value> TakeTrace() => _engine.TakeTrace();

    private Outcome Timed(Func<Outcome> action)
    {
        _deadline.CancelAfter(_timeout);
        try
        {
            return action();
        }
        finally
        {
            _deadline.TryReset();
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _deadline.Dispose();
        _engine.Dispose();
    }
}

/// <summary>An external engine: one runner process per worker, a fresh runner session per case; a dead runner is restarted by the next request.</summary>
public sealed class RunnerHost(EngineEntry entry, RunnerLimits limits) : EngineHost
{
    private readonly RunnerProcess _process = entry.NewProcess();

    public override string Name => entry.Name;

    /// <summary>The runner process (for tests that kill it).</summary>
    public RunnerProcess Process => _process;

    public override IEngine NewSession() => entry.Create(limits, _process);

    public override void Dispose()
    {
        _process.Dispose();
        base.Dispose();
    }
}
