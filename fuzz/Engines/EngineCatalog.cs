using WasmConform.Engine;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Fuzz.Engines.Runners;
using WasmConform.Harness;
using WasmConform.Wast.Engines;

namespace WasmConform.Fuzz.Engines;

/// <summary>
/// One engine the project can run: whether it is available on this machine, and if not why;
/// how to start it. External engines run as runner processes (fuzz/runners/README.md).
/// </summary>
/// <param name="Name"><c>reference</c>, <c>wasmtime</c>, <c>v8</c> or <c>wazero</c>.</param>
/// <param name="Reason">Why the engine is unavailable; null when it is available.</param>
/// <param name="Command">How to start its runner; null for the reference interpreter and for unavailable engines.</param>
public sealed record EngineEntry(string Name, string? Reason, RunnerCommand? Command)
{
    /// <summary>Whether the engine can run here.</summary>
    public bool IsAvailable => Reason is null;

    /// <summary>Whether the engine runs in another process.</summary>
    public bool IsExternal => Name != EngineCatalog.Reference;

    /// <summary>A new runner process for this engine (started on its first request).</summary>
    /// <exception cref="InvalidOperationException">The engine is unavailable or is the reference interpreter.</exception>
    public RunnerProcess NewProcess() =>
        new(Command ?? throw new InvalidOperationException(Reason ?? $"{Name} does not run in a process"));

    /// <summary>
    /// A new engine: the reference interpreter (with the fuzzer's <c>env</c> host imports defined),
    /// or an adapter over <paramref name="process"/> (a new process of its own when null).
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine is unavailable (see <see cref="Reason"/>).</exception>
    public IEngine Create(RunnerLimits? limits = null, RunnerProcess? process = null)
    {
        if (!IsAvailable) throw new InvalidOperationException($"{Name} is unavailable: {Reason}");
        if (!IsExternal)
        {
            var engine = new ReferenceEngine(new ExecutionLimits { Fuel = (long?)limits?.Fuel }, FeatureSets.All);
            HostImports.DefineIn(engine);
            return engine;
        }
        bool owns = process is null;
        process ??= NewProcess();
        return Name switch
        {
            EngineCatalog.Wasmtime => new WasmtimeEngine(process, limits, owns),
            EngineCatalog.V8 => new V8Engine(process, limits, owns),
            _ => new WazeroEngine(process, limits, owns),
        };
    }
}

/// <summary>
/// The engines the project knows and where their runners are, relative to the repository:
/// the wasmtime runner is built by <c>make runners</c> / <c>make build</c> into <c>bin/runners/wasmtime/</c>
/// (or found in its project's own build output), the V8 one runs with <c>node</c>, the wazero one
/// is built into <c>bin/runners/wazero/</c> where Go and wazero's source are present.
/// </summary>
public static class EngineCatalog
{
    public const string Reference = "reference";
    public const string Wasmtime = "wasmtime";
    public const string V8 = "v8";
    public const string Wazero = "wazero";

    /// <summary>Every engine name, the reference interpreter first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Reference, Wasmtime, V8, Wazero];

    /// <summary>Environment variables that point at a runner explicitly (a wasmtime .dll, a V8 script, a wazero binary).</summary>
    public const string WasmtimeVariable = "WASMCONFORM_WASMTIME_RUNNER";
    public const string V8Variable = "WASMCONFORM_V8_RUNNER";
    public const string WazeroVariable = "WASMCONFORM_WAZERO_RUNNER";

    /// <summary>
    /// The V8 flags the V8 runner is started with: type reflection (the runner reads export types
    /// from it) and only those features whose encoding is final in Node 20's V8 (its GC, typed
    /// function references and memory64 are earlier drafts).
    /// </summary>
    public static IReadOnlyList<string> NodeFlags { get; } =
        ["--experimental-wasm-type-reflection", "--experimental-wasm-return-call", "--experimental-wasm-extended-const", "--experimental-wasm-relaxed-simd"];

    /// <summary>Every engine, available or not.</summary>
    public static IReadOnlyList<EngineEntry> All(string? repositoryRoot = null) =>
        [.. Names.Select(n => Find(n, repositoryRoot)!)];

    /// <summary>The engine called <paramref name="name"/>, or null when no engine has that name.</summary>
    public static EngineEntry? Find(string name, string? repositoryRoot = null)
    {
        string root = repositoryRoot ?? TestSuite.RepositoryRoot();
        return name switch
        {
            Reference => new EngineEntry(Reference, null, null),
            Wasmtime => FindWasmtime(root),
            V8 => FindV8(root),
            Wazero => FindWazero(root),
            _ => null,
        };
    }

    private static EngineEntry FindWasmtime(string root)
    {
        var candidates = FromVariable(WasmtimeVariable) ?? new[]
        {
            Path.Combine(root, "bin", "runners", "wasmtime", "wasmtime-runner.dll"),
            Path.Combine(root, "fuzz", "runners", "wasmtime", "bin", "Release", "net10.0", "wasmtime-runner.dll"),
            Path.Combine(root, "fuzz", "runners", "wasmtime", "bin", "Debug", "net10.0", "wasmtime-runner.dll"),
        };
        var dll = candidates.Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        if (dll is null)
            return new EngineEntry(Wasmtime, $"the wasmtime runner is not built (looked for {string.Join(", ", candidates)}): run 'make runners'", null);
        var dotnet = OnPath(DotnetHost()) ?? DotnetHost();
        return new EngineEntry(Wasmtime, null, new RunnerCommand(dotnet, ["exec", dll]));
    }

    private static EngineEntry FindV8(string root)
    {
        var script = FromVariable(V8Variable)?[0] ?? Path.Combine(root, "fuzz", "runners", "v8", "runner.js");
        if (!File.Exists(script)) return new EngineEntry(V8, $"the V8 runner script is missing: {script}", null);
        if (OnPath("node") is not { } node) return new EngineEntry(V8, "node (Node.js) is not on PATH", null);
        return new EngineEntry(V8, null, new RunnerCommand(node, [.. NodeFlags, script]));
    }

    private static EngineEntry FindWazero(string root)
    {
        var binary = FromVariable(WazeroVariable)?[0] ?? Path.Combine(root, "bin", "runners", "wazero", "wazero-runner");
        if (!File.Exists(binary))
            return new EngineEntry(Wazero,
                $"the wazero runner is not built ({binary} is missing): it needs Go and the module source of github.com/tetratelabs/wazero; 'make runners' builds it where both are present",
                null);
        return new EngineEntry(Wazero, null, new RunnerCommand(binary, []));
    }

    private static string[]? FromVariable(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path ? [Path.GetFullPath(path)] : null;

    /// <summary>The dotnet host running this process when it is one, else <c>dotnet</c>.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>The full path of <paramref name="program"/> found on PATH (or itself when it is a path that exists).</summary>
    public static string? OnPath(string program)
    {
        if (Path.IsPathRooted(program)) return File.Exists(program) ? program : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var full = Path.Combine(dir, program);
            if (File.Exists(full)) return full;
        }
        return null;
    }
}
