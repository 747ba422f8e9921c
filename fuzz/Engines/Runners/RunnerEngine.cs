using System.Text.Json;
using WasmConform.Engine;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>Per-call limits of an external engine.</summary>
/// <param name="Fuel">Fuel for each call (instructions as the engine counts them); null for none.</param>
/// <param name="CallTimeout">Wall-clock limit of one call (instantiate or invoke), enforced by the runner.</param>
/// <param name="CompileTimeout">How long a compile may take.</param>
/// <param name="Grace">How much longer than its deadline the adapter waits before it kills a silent runner.</param>
public sealed record RunnerLimits(ulong? Fuel = null, TimeSpan? CallTimeout = null, TimeSpan? CompileTimeout = null, TimeSpan? Grace = null)
{
    public TimeSpan Call => CallTimeout ?? TimeSpan.FromSeconds(10);
    public TimeSpan Compile => CompileTimeout ?? TimeSpan.FromSeconds(60);
    public TimeSpan Slack => Grace ?? TimeSpan.FromSeconds(5);
}

/// <summary>A module or instance inside a runner: its id there, and the runner session it belongs to.</summary>
public sealed record RunnerHandle(long Session, string Id);

/// <summary>
/// An engine in another process, behind the runner protocol (fuzz/runners/README.md). Maps every
/// response onto the outcome model: a dead runner is a <see cref="Outcome.Crash"/> with its stderr
/// tail, a silent one <see cref="Outcome.Exhausted"/> (time); the process is restarted for the next
/// request. Modules that need a feature the engine lacks (see <see cref="FeatureProbe"/>) are
/// <see cref="Outcome.Unsupported"/> without asking it.
/// </summary>
/// <remarks>Not thread-safe. Trap names are mapped by the subclass, by name or message.</remarks>
public abstract class RunnerEngine : IEngine
{
    private readonly RunnerProcess _process;
    private readonly bool _ownsProcess;
    private readonly List<Value> _trace = [];
    private int _resets;
    private Features? _features;

    /// <summary>Drives <paramref name="process"/>; starts a fresh session in it if it already runs.</summary>
    protected RunnerEngine(RunnerProcess process, RunnerLimits? limits = null, bool ownsProcess = true)
    {
        _process = process;
        _ownsProcess = ownsProcess;
        Limits = limits ?? new RunnerLimits();
        if (process.IsRunning) Reset();
    }

    public abstract string Name { get; }

    /// <summary>The limits of each call.</summary>
    public RunnerLimits Limits { get; }

    /// <summary>The process behind the engine.</summary>
    public RunnerProcess Process => _process;

    public string Version => (_process.Hello ?? Start())?.Version ?? "unavailable";

    /// <summary>The features the engine accepts, found by <see cref="FeatureProbe"/> once per runner command.</summary>
    public Features Features => _features ??= FeatureProbe.Run(_process.Command.ToString(), CompileRaw);

    /// <summary>The engine's trap kind for a <c>trap</c> response (<c>code</c> and <c>message</c>); null when it is not a spec trap.</summary>
    protected abstract TrapKind? MapTrap(string code, string message);

    /// <summary>Drops every module, instance and registration in the runner.</summary>
    public void Reset()
    {
        _resets++;
        _trace.Clear();
        if (!_process.IsRunning) return;
        Ask(w => w.WriteString("op", "reset"), Limits.Compile, out _)?.Dispose();
    }

    public Outcome Compile(ReadOnlyMemory<byte> binary)
    {
        if (FeatureCheck.Missing(binary.Span, Features) is { } feature)
            return new Outcome.Unsupported($"{feature} ({Name} lacks it)");
        if (Limitation(binary.Span) is { } limitation)
            return new Outcome.Unsupported(limitation);
        return CompileRaw(binary.ToArray());
    }

    /// <summary>Why the engine's embedding cannot take this module although it has its features; null when it can.</summary>
    protected virtual string? Limitation(ReadOnlySpan<byte> binary) => null;

    private Outcome CompileRaw(byte[] binary)
    {
        using var doc = Ask(w =>
        {
            w.WriteString("op", "compile");
            w.WriteBase64String("wasm", binary);
        }, Limits.Compile, out var failed);
        if (doc is null) return failed!;
        var r = doc.RootElement;
        return Result(r) switch
        {
            "compiled" => new Outcome.Compiled(new RunnerHandle(Session, Text(r, "module"))),
            "malformed" => new Outcome.Malformed(Text(r, "message")),
            "invalid" => new Outcome.Invalid(Text(r, "message")),
            "unsupported" => new Outcome.Unsupported(Text(r, "feature")),
            _ => Unexpected(r),
        };
    }

    public Outcome Instantiate(object module)
    {
        if (Stale(module) is { } stale) return stale;
        using var doc = Ask(w =>
        {
            w.WriteString("op", "instantiate");
            w.WriteString("module", ((RunnerHandle)module).Id);
            WriteLimits(w);
        }, Limits.Call + Limits.Slack, out var failed);
        if (doc is null) return failed!;
        var r = doc.RootElement;
        AppendTrace(r);
        return Result(r) switch
        {
            "instance" => new Outcome.Instantiated(new RunnerHandle(Session, Text(r, "instance"))),
            "unlinkable" => new Outcome.Unlinkable(Text(r, "message")),
            _ => CallOutcome(r),
        };
    }

    public void Register(string name, object instance)
    {
        if (Stale(instance) is not null) return;
        Ask(w =>
        {
            w.WriteString("op", "register");
            w.WriteString("instance", ((RunnerHandle)instance).Id);
            w.WriteString("as", name);
        }, Limits.Compile, out _)?.Dispose();
    }

    public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args)
    {
        if (Stale(instance) is { } stale) return stale;
        foreach (var a in args)
            if (a.Reference is not null and not HostReference)
                return new Outcome.Unsupported($"passing a {a.Type} reference to {Name}");
        using var doc = Ask(w =>
        {
            w.WriteString("op", "invoke");
            w.WriteString("instance", ((RunnerHandle)instance).Id);
            w.WriteString("export", export);
            w.WriteStartArray("args");
            foreach (var a in args) WireValue.Write(w, a);
            w.WriteEndArray();
            WriteLimits(w);
        }, Limits.Call + Limits.Slack, out var failed);
        if (doc is null) return failed!;
        AppendTrace(doc.RootElement);
        return CallOutcome(doc.RootElement);
    }

    public Outcome Get(object instance, string export)
    {
        if (Stale(instance) is { } stale) return stale;
        using var doc = Ask(w =>
        {
            w.WriteString("op", "get");
            w.WriteString("instance", ((RunnerHandle)instance).Id);
            w.WriteString("export", export);
        }, Limits.Compile, out var failed);
        return doc is null ? failed! : CallOutcome(doc.RootElement);
    }

    public Outcome State(object instance, bool memoryBytes = false)
    {
        if (Stale(instance) is { } stale) return stale;
        using var doc = Ask(w =>
        {
            w.WriteString("op", "state");
            w.WriteString("instance", ((RunnerHandle)instance).Id);
            w.WriteBoolean("memory_bytes", memoryBytes);
        }, Limits.Compile, out var failed);
        if (doc is null) return failed!;
        var r = doc.RootElement;
        if (Result(r) != "state") return Unexpected(r);
        try
        {
            var globals = r.GetProperty("globals").EnumerateObject()
                .Select(p => new GlobalState(p.Name, WireValue.Read(p.Value))).ToArray();
            var memories = r.GetProperty("memories").EnumerateObject().Select(p => new MemoryState(
                p.Name, p.Value.GetProperty("size").GetInt64(), Text(p.Value, "sha256"),
                p.Value.TryGetProperty("bytes", out var b) ? b.GetBytesFromBase64() : null)).ToArray();
            // "tables" is optional: a runner without it has its tables left out of the comparison.
            TableState[]? tables = r.TryGetProperty("tables", out var t)
                ? [.. t.EnumerateObject().Select(p => new TableState(p.Name, p.Value.GetProperty("size").GetInt64(),
                    p.Value.TryGetProperty("nonnull", out var n) ? n.GetString() : null))]
                : null;
            return new Outcome.Snapshot(new EngineState([.. globals], [.. memories], tables is null ? null : [.. tables]));
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return new Outcome.Crash($"{Name}: bad state response {r}: {e.Message}");
        }
    }

    public IReadOnlyList<Value> TakeTrace()
    {
        Value[] taken = [.. _trace];
        _trace.Clear();
        return taken;
    }

    // --- Responses ---

    /// <summary>The outcome of a call response: values, trap, exit, exhaustion, exception.</summary>
    private Outcome CallOutcome(JsonElement r)
    {
        try
        {
            return Result(r) switch
            {
                "values" => new Outcome.Values([.. r.GetProperty("values").EnumerateArray().Select(WireValue.Read)]),
                "trap" => Trap(Text(r, "code"), Text(r, "message")),
                "exit" => new Outcome.Exit(r.GetProperty("code").GetInt32()),
                "exhausted" => new Outcome.Exhausted(Text(r, "resource") switch
                {
                    "stack" => ExhaustionKind.CallStack,
                    "fuel" => ExhaustionKind.Fuel,
                    _ => ExhaustionKind.Time,
                }),
                "exception" => new Outcome.Thrown(Text(r, "message")),
                "unsupported" => new Outcome.Unsupported(Text(r, "feature")),
                _ => Unexpected(r),
            };
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return new Outcome.Crash($"{Name}: bad response {r}: {e.Message}");
        }
    }

    /// <summary>A trap in spec terms: the message starts with the spec's text of the kind, then the engine's own words.</summary>
    private Outcome Trap(string code, string message) => MapTrap(code, message) is { } kind
        ? new Outcome.Trap(kind, $"{TrapMessages.Of(kind)} ({Name}: {message})")
        : new Outcome.Trap(TrapKind.HostTrap, $"{Name} {code}: {message}");

    private Outcome Unexpected(JsonElement r) => Result(r) == "error"
        ? new Outcome.Crash($"{Name} runner error: {(r.TryGetProperty("message", out var m) ? m.GetString() : r.ToString())}")
        : new Outcome.Crash($"{Name}: unexpected response {r}");

    private void AppendTrace(JsonElement r)
    {
        if (!r.TryGetProperty("trace", out var trace) || trace.ValueKind != JsonValueKind.Array) return;
        foreach (var v in trace.EnumerateArray())
        {
            try
            {
                _trace.Add(WireValue.Read(v));
            }
            catch (FormatException) { }
        }
    }

    // --- Transport ---

    /// <summary>The current runner session: changes when the process restarts or the engine resets.</summary>
    private long Session => ((long)_process.Generation << 32) | (uint)_resets;

    private Outcome? Stale(object handle) => handle is RunnerHandle h && h.Session == Session
        ? null
        : new Outcome.Crash($"{Name}: the runner restarted since this module or instance was made; it is gone");

    private RunnerHello? Start() => _process.EnsureStarted() is null ? _process.Hello : null;

    private void WriteLimits(Utf8JsonWriter w)
    {
        if (Limits.Fuel is { } fuel) w.WriteNumber("fuel", fuel);
        w.WriteNumber("timeout_ms", (long)Limits.Call.TotalMilliseconds);
    }

    /// <summary>
    /// Sends a request and returns the response document, or null with <paramref name="failed"/>
    /// set: <see cref="Outcome.Crash"/> when the runner died, <see cref="Outcome.Exhausted"/> (time) when it was silent.
    /// </summary>
    private JsonDocument? Ask(Action<Utf8JsonWriter> fields, TimeSpan timeout, out Outcome? failed)
    {
        var reply = _process.Request(fields, timeout);
        switch (reply)
        {
            case RunnerReply.Answered a:
                failed = null;
                return a.Response;
            case RunnerReply.TimedOut:
                failed = new Outcome.Exhausted(ExhaustionKind.Time);
                return null;
            case RunnerReply.Died d:
                failed = new Outcome.Crash($"{Name} runner died: {d.Details}");
                return null;
            default:
                failed = new Outcome.Crash($"{Name}: no reply");
                return null;
        }
    }

    private static string Result(JsonElement r) =>
        r.TryGetProperty("result", out var e) ? e.GetString() ?? "" : "";

    private static string Text(JsonElement r, string field) =>
        r.TryGetProperty(field, out var e) && e.GetString() is { } s ? s : throw new FormatException($"missing \"{field}\"");

    public void Dispose()
    {
        if (_ownsProcess) _process.Dispose();
        GC.SuppressFinalize(this);
    }
}
