namespace WasmConform.Engine.Embedding;

/// <summary>
/// One WebAssembly engine, as the script runner and the fuzzer see it. Every answer is an
/// <see cref="Outcome"/>; an engine never throws for anything a module or call can cause.
/// </summary>
/// <remarks>
/// Handles returned in <see cref="Outcome.Compiled"/> and <see cref="Outcome.Instantiated"/>
/// are opaque and belong to the engine that made them. Imports are resolved by module name
/// against the engine's <c>spectest</c> host module and the instances given to
/// <see cref="Register"/>.
/// </remarks>
public interface IEngine : IDisposable
{
    /// <summary>Short name: <c>reference</c>, <c>wasmtime</c>, <c>v8</c>, <c>wazero</c>.</summary>
    string Name { get; }

    /// <summary>The engine's version as it reports it.</summary>
    string Version { get; }

    /// <summary>Decodes and validates a binary module: <see cref="Outcome.Compiled"/>, <see cref="Outcome.Malformed"/> or <see cref="Outcome.Invalid"/>.</summary>
    Outcome Compile(ReadOnlyMemory<byte> binary);

    /// <summary>Instantiates a compiled module: <see cref="Outcome.Instantiated"/>, <see cref="Outcome.Unlinkable"/>, <see cref="Outcome.Trap"/>, …</summary>
    Outcome Instantiate(object module);

    /// <summary>Makes <paramref name="instance"/>'s exports importable under module name <paramref name="name"/>.</summary>
    void Register(string name, object instance);

    /// <summary>Calls the exported function <paramref name="export"/>.</summary>
    Outcome Invoke(object instance, string export, IReadOnlyList<Value> args);

    /// <summary>Reads the exported global <paramref name="export"/>: <see cref="Outcome.Values"/> with one value.</summary>
    Outcome Get(object instance, string export);

    /// <summary>The features the engine runs; a module using others is <see cref="Outcome.Unsupported"/>.</summary>
    Features Features => FeatureSets.Wasm3;

    /// <summary>
    /// The exported globals and memories of <paramref name="instance"/> (<see cref="Outcome.Snapshot"/>),
    /// with the memories' bytes when <paramref name="memoryBytes"/>; for the oracle, after each call.
    /// </summary>
    Outcome State(object instance, bool memoryBytes = false) => new Outcome.Unsupported("state snapshots");

    /// <summary>
    /// The values logged through the fuzzer's host imports (<c>env.log_*</c>) since the last call
    /// of this method, in call order; the log is then empty.
    /// </summary>
    IReadOnlyList<Value> TakeTrace() => [];
}
