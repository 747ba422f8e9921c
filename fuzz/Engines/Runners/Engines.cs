using WasmConform.Engine.Execution;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>wasmtime (fuzz/runners/wasmtime): traps by <c>TrapCode</c> name.</summary>
public sealed class WasmtimeEngine(RunnerProcess process, RunnerLimits? limits = null, bool ownsProcess = true)
    : RunnerEngine(process, limits, ownsProcess)
{
    public override string Name => "wasmtime";

    protected override TrapKind? MapTrap(string code, string message) => TrapNames.FromWasmtime(code);

    /// <summary>Modules whose imports or exports the C API cannot describe (it would abort the runner).</summary>
    protected override string? Limitation(ReadOnlySpan<byte> binary) =>
        HostBoundary.NonBasicReference(binary) is not null
            ? "GC reference types in imports or exports (wasmtime's C API has only funcref and externref)"
            : null;
}

/// <summary>V8 through Node.js (fuzz/runners/v8): traps by the <c>RuntimeError</c> message.</summary>
public sealed class V8Engine(RunnerProcess process, RunnerLimits? limits = null, bool ownsProcess = true)
    : RunnerEngine(process, limits, ownsProcess)
{
    public override string Name => "v8";

    protected override TrapKind? MapTrap(string code, string message) => TrapNames.FromV8(message);
}

/// <summary>wazero (fuzz/runners/wazero): traps by the first line of the error text.</summary>
public sealed class WazeroEngine(RunnerProcess process, RunnerLimits? limits = null, bool ownsProcess = true)
    : RunnerEngine(process, limits, ownsProcess)
{
    public override string Name => "wazero";

    protected override TrapKind? MapTrap(string code, string message) => TrapNames.FromWazero(message);
}
