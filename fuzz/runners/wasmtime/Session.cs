using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Wasmtime;

namespace WasmConform.Runners.Wasmtime;

/// <summary>
/// One engine with one store: the modules, instances and registrations of the requests so far.
/// <c>reset</c> starts a fresh store. Fuel and an epoch deadline bound every call.
/// </summary>
public sealed class Session : IDisposable
{
    /// <summary>Milliseconds between epoch ticks: the granularity of <c>timeout_ms</c>.</summary>
    private const int TickMilliseconds = 2;

    /// <summary>Fuel and deadline when a request gives none: effectively unbounded.</summary>
    private const ulong Unbounded = 1UL << 60;

    /// <summary>
    /// The features enabled in <see cref="Config"/>, in the protocol's spelling. Threads stay off:
    /// the .NET binding cannot enable shared memories (<c>Config::shared_memory</c>), without which
    /// atomics modules compile but do not instantiate.
    /// </summary>
    public static readonly string[] Features =
    [
        "mutable-globals", "sign-extension", "saturating-float-to-int", "multi-value", "bulk-memory",
        "reference-types", "simd", "relaxed-simd", "tail-call", "extended-const", "multi-memory",
        "memory64", "function-references", "gc", "exceptions", "wide-arithmetic",
    ];

    private readonly global::Wasmtime.Engine _engine;
    private readonly Thread _ticker;
    private volatile bool _disposed;
    private Store _store = null!;
    private Linker _linker = null!;
    private readonly Dictionary<string, Module> _modules = [];
    private readonly Dictionary<string, Instance> _instances = [];
    private readonly Dictionary<uint, HostRef> _hosts = [];
    private readonly List<Traced> _trace = [];
    private int _next;

    public Session()
    {
        var config = new Config()
            .WithFuelConsumption(true)
            .WithEpochInterruption(true)
            .WithBulkMemory(true)
            .WithMultiValue(true)
            .WithReferenceTypes(true)
            .WithSIMD(true)
            .WithRelaxedSIMD(true, true)
            .WithTailCalls(true)
            .WithMultiMemory(true)
            .WithMemory64(true)
            .WithFunctionReferences(true)
            .WithGc(true)
            .WithExceptions(true)
            .WithWasmThreads(false)
            .WithWideArithmetic(true);
        _engine = new global::Wasmtime.Engine(config);
        _ticker = new Thread(Tick) { IsBackground = true, Name = "epoch" };
        _ticker.Start();
        NewStore();
    }

    private void Tick()
    {
        while (!_disposed)
        {
            Thread.Sleep(TickMilliseconds);
            _engine.IncrementEpoch();
        }
    }

    private void NewStore()
    {
        _linker?.Dispose();
        _store?.Dispose();
        foreach (var m in _modules.Values) m.Dispose();
        _modules.Clear();
        _instances.Clear();
        _hosts.Clear();
        _store = new Store(_engine);
        _linker = new Linker(_engine) { AllowShadowing = true };
        Host.Define(_linker, _store, _trace);
    }

    /// <summary>Serves one request.</summary>
    /// <exception cref="RequestException">Unknown op or handle, or a missing field.</exception>
    public Response Handle(JsonElement request) => Text(request, "op") switch
    {
        "hello" => new Response("hello", w =>
        {
            w.WriteString("engine", "wasmtime");
            w.WriteString("version", typeof(global::Wasmtime.Engine).Assembly.GetName().Version?.ToString(3) ?? "?");
            w.WriteStartArray("features");
            foreach (var f in Features) w.WriteStringValue(f);
            w.WriteEndArray();
        }),
        "reset" => Reset(),
        "compile" => Compile(request),
        "instantiate" => Instantiate(request),
        "register" => Register(request),
        "invoke" => Invoke(request),
        "get" => Get(request),
        "state" => State(request),
        var op => throw new RequestException($"unknown op \"{op}\""),
    };

    private Response Reset()
    {
        NewStore();
        return Response.Ok;
    }

    private Response Compile(JsonElement request)
    {
        var bytes = Convert.FromBase64String(Text(request, "wasm"));
        try
        {
            var module = Module.FromBytes(_engine, "module", bytes);
            string id = "m" + (++_next).ToString(CultureInfo.InvariantCulture);
            _modules[id] = module;
            return new Response("compiled", w => w.WriteString("module", id));
        }
        catch (WasmtimeException e)
        {
            return new Response("invalid", w => w.WriteString("message", Cause(e.Message)));
        }
    }

    private Response Instantiate(JsonElement request)
    {
        var module = Lookup(_modules, Text(request, "module"), "module");
        Limit(request);
        try
        {
            var instance = _linker.Instantiate(_store, module);
            string id = "i" + (++_next).ToString(CultureInfo.InvariantCulture);
            _instances[id] = instance;
            return new Response("instance", w => w.WriteString("instance", id)).WithTrace(TakeTrace());
        }
        catch (Exception e) when (e is WasmtimeException && e is not TrapException && e.InnerException is not ExitSignal && !IsThrown(e))
        {
            return new Response("unlinkable", w => w.WriteString("message", Cause(e.Message))).WithTrace(TakeTrace());
        }
        catch (WasmtimeException e)
        {
            return Failure(e).WithTrace(TakeTrace());
        }
    }

    private Response Register(JsonElement request)
    {
        var instance = Lookup(_instances, Text(request, "instance"), "instance");
        _linker.DefineInstance(_store, Text(request, "as"), instance);
        return Response.Ok;
    }

    private Response Invoke(JsonElement request)
    {
        var instance = Lookup(_instances, Text(request, "instance"), "instance");
        string export = Text(request, "export");
        var function = instance.GetFunction(export) ?? throw new RequestException($"no exported function \"{export}\"");
        var args = new List<ValueBox>();
        if (request.TryGetProperty("args", out var list))
            foreach (var a in list.EnumerateArray()) args.Add(Wire.ReadArgument(a, HostFor));
        Limit(request);
        try
        {
            object? result = function.Invoke(args.ToArray());
            var kinds = function.Results;
            return new Response("values", w =>
            {
                w.WriteStartArray("values");
                for (int i = 0; i < kinds.Count; i++)
                    Wire.WriteValue(w, kinds[i], kinds.Count == 1 ? result : ((object?[])result!)[i]);
                w.WriteEndArray();
            }).WithTrace(TakeTrace());
        }
        catch (WasmtimeException e)
        {
            return Failure(e).WithTrace(TakeTrace());
        }
    }

    private Response Get(JsonElement request)
    {
        var instance = Lookup(_instances, Text(request, "instance"), "instance");
        string export = Text(request, "export");
        var global = instance.GetGlobal(export) ?? throw new RequestException($"no exported global \"{export}\"");
        var value = global.GetValue();
        return new Response("values", w =>
        {
            w.WriteStartArray("values");
            Wire.WriteValue(w, global.Kind, value);
            w.WriteEndArray();
        });
    }

    private Response State(JsonElement request)
    {
        var instance = Lookup(_instances, Text(request, "instance"), "instance");
        bool withBytes = request.TryGetProperty("memory_bytes", out var b) && b.GetBoolean();
        var globals = instance.GetGlobals().Select(g => (g.Name, g.Global.Kind, Value: g.Global.GetValue())).ToList();
        var memories = instance.GetMemories().Select(m => (m.Name, m.Memory)).ToList();
        var tables = instance.GetTables().Select(t => (t.Name, t.Table)).ToList();
        return new Response("state", w =>
        {
            w.WriteStartObject("globals");
            foreach (var (name, kind, value) in globals)
            {
                w.WritePropertyName(name);
                Wire.WriteValue(w, kind, value);
            }
            w.WriteEndObject();
            w.WriteStartObject("memories");
            foreach (var (name, memory) in memories)
            {
                w.WriteStartObject(name);
                WriteMemory(w, memory, withBytes);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("tables");
            foreach (var (name, table) in tables)
            {
                w.WriteStartObject(name);
                WriteTable(w, table);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    /// <summary>A table's size and, for a funcref table, which elements are non-null (<c>1</c>) or null (<c>0</c>).</summary>
    private static void WriteTable(Utf8JsonWriter w, Table table)
    {
        ulong size = table.GetSize();
        w.WriteNumber("size", size);
        if (table.Kind != TableKind.FuncRef) return;
        var pattern = new System.Text.StringBuilder((int)size);
        for (uint i = 0; i < size; i++)
            pattern.Append(table.GetElement(i) is Function { IsNull: false } ? '1' : '0');
        w.WriteString("nonnull", pattern.ToString());
    }

    private static unsafe void WriteMemory(Utf8JsonWriter w, Memory memory, bool withBytes)
    {
        long length = memory.GetLength();
        byte* start = (byte*)memory.GetPointer();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (long offset = 0; offset < length; offset += 1 << 30)
            hash.AppendData(new ReadOnlySpan<byte>(start + offset, (int)Math.Min(1 << 30, length - offset)));
        w.WriteNumber("size", length);
        w.WriteString("sha256", Convert.ToHexStringLower(hash.GetHashAndReset()));
        if (withBytes && length <= int.MaxValue)
            w.WriteBase64String("bytes", new ReadOnlySpan<byte>(start, (int)length));
    }

    /// <summary>Sets the fuel and the epoch deadline of the next call from the request's <c>fuel</c> and <c>timeout_ms</c>.</summary>
    private void Limit(JsonElement request)
    {
        ulong fuel = request.TryGetProperty("fuel", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetUInt64() : Unbounded;
        ulong ticks = request.TryGetProperty("timeout_ms", out var t) && t.ValueKind == JsonValueKind.Number
            ? t.GetUInt64() / TickMilliseconds + 1
            : Unbounded;
        _store.Fuel = fuel;
        _store.SetEpochDeadline(ticks);
    }

    /// <summary>Whether <paramref name="e"/> is a WebAssembly exception that nothing caught (in a call or a start function).</summary>
    private static bool IsThrown(Exception e) => e.Message.Contains("thrown Wasm exception", StringComparison.Ordinal);

    /// <summary>How a call that raised <paramref name="e"/> ended: exit, trap, exhaustion or uncaught exception.</summary>
    private static Response Failure(WasmtimeException e)
    {
        if (e.InnerException is ExitSignal exit)
            return new Response("exit", w => w.WriteNumber("code", exit.Code));
        if (IsThrown(e))
            return new Response("exception", w => w.WriteString("message", Cause(e.Message)));
        if (e is not TrapException trap)
            return new Response("trap", w =>
            {
                w.WriteString("code", "Host");
                w.WriteString("message", Cause(e.Message));
            });
        // By name: wasmtime renumbered TrapCode in v42, names are stable.
        string name = trap.Type.ToString();
        return name switch
        {
            "StackOverflow" => Exhausted("stack"),
            "OutOfFuel" => Exhausted("fuel"),
            "Interrupt" => Exhausted("time"),
            "UncaughtException" => new Response("exception", w => w.WriteString("message", Cause(e.Message))),
            _ => new Response("trap", w =>
            {
                w.WriteString("code", name);
                w.WriteString("message", Cause(e.Message));
            }),
        };

        static Response Exhausted(string resource) => new("exhausted", w => w.WriteString("resource", resource));
    }

    /// <summary>The innermost cause of a wasmtime error text: its last line, without "wasm trap: " and the cause number.</summary>
    public static string Cause(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string last = lines.Length == 0 ? message : lines[^1];
        int colon = last.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && last[..colon].All(char.IsAsciiDigit)) last = last[(colon + 2)..];
        return last.StartsWith("wasm trap: ", StringComparison.Ordinal) ? last["wasm trap: ".Length..] : last;
    }

    private List<Traced> TakeTrace()
    {
        var taken = new List<Traced>(_trace);
        _trace.Clear();
        return taken;
    }

    private HostRef HostFor(uint id)
    {
        if (!_hosts.TryGetValue(id, out var host)) _hosts[id] = host = new HostRef(id);
        return host;
    }

    private static T Lookup<T>(Dictionary<string, T> table, string id, string what) =>
        table.TryGetValue(id, out var value) ? value : throw new RequestException($"unknown {what} \"{id}\"");

    private static string Text(JsonElement request, string field) =>
        request.TryGetProperty(field, out var e) && e.GetString() is { } s ? s : throw new RequestException($"missing \"{field}\"");

    public void Dispose()
    {
        _disposed = true;
        _linker.Dispose();
        _store.Dispose();
        foreach (var m in _modules.Values) m.Dispose();
        _engine.Dispose();
    }
}
