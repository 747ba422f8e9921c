using System.Diagnostics;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Engines.Runners;

namespace WasmConform.Fuzz.Tests.Engines;

/// <summary>External engines survive hanging and killed runners: the request fails, the next works.</summary>
public sealed class RunnerRecoveryTests
{
    private const string Loop = """(module (func (export "loop") (loop (br 0))) (func (export "one") (result i32) (i32.const 1)))""";

    private static (IEngine Engine, object Instance) Start(string name, TimeSpan callTimeout)
    {
        var engine = EngineCatalog.Find(name)!.Create(new RunnerLimits(CallTimeout: callTimeout, Grace: TimeSpan.FromSeconds(5)));
        var compiled = Assert.IsType<Outcome.Compiled>(engine.Compile(Wat.Binary(Loop)));
        return (engine, Assert.IsType<Outcome.Instantiated>(engine.Instantiate(compiled.Module)).Instance);
    }

    private static void Hanging_call_is_exhausted_in_time_then_the_engine_works(string name)
    {
        var (engine, instance) = Start(name, TimeSpan.FromMilliseconds(300));
        using var _ = engine;
        var watch = Stopwatch.StartNew();
        Assert.Equal(new Outcome.Exhausted(ExhaustionKind.Time), engine.Invoke(instance, "loop", []));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var fresh = Assert.IsType<Outcome.Instantiated>(engine.Instantiate(
            Assert.IsType<Outcome.Compiled>(engine.Compile(Wat.Binary(Loop))).Module)).Instance;
        Assert.Equal([Value.I32(1)], Assert.IsType<Outcome.Values>(engine.Invoke(fresh, "one", [])).Results.AsSpan().ToArray());
    }

    private static void Killed_runner_is_a_crash_then_the_engine_works(string name)
    {
        var (engine, instance) = Start(name, TimeSpan.FromSeconds(30));
        using var _ = engine;
        var runner = ((RunnerEngine)engine).Process;
        int pid = runner.ProcessId!.Value;
        var call = Task.Run(() => engine.Invoke(instance, "loop", []));
        Thread.Sleep(300);
        Process.GetProcessById(pid).Kill();
        var crash = Assert.IsType<Outcome.Crash>(call.Result);
        Assert.Contains("runner died", crash.Details);
        Assert.IsType<Outcome.Crash>(engine.Invoke(instance, "one", [])); // the instance went with the process
        var compiled = Assert.IsType<Outcome.Compiled>(engine.Compile(Wat.Binary(Loop)));
        var fresh = Assert.IsType<Outcome.Instantiated>(engine.Instantiate(compiled.Module)).Instance;
        Assert.Equal([Value.I32(1)], Assert.IsType<Outcome.Values>(engine.Invoke(fresh, "one", [])).Results.AsSpan().ToArray());
    }

    [EngineFact(EngineCatalog.Wasmtime)]
    public void Wasmtime_hanging_call_is_exhausted_in_time() => Hanging_call_is_exhausted_in_time_then_the_engine_works(EngineCatalog.Wasmtime);

    [EngineFact(EngineCatalog.Wasmtime)]
    public void Wasmtime_killed_runner_is_a_crash() => Killed_runner_is_a_crash_then_the_engine_works(EngineCatalog.Wasmtime);

    [EngineFact(EngineCatalog.V8)]
    public void V8_hanging_call_is_exhausted_in_time() => Hanging_call_is_exhausted_in_time_then_the_engine_works(EngineCatalog.V8);

    [EngineFact(EngineCatalog.V8)]
    public void V8_killed_runner_is_a_crash() => Killed_runner_is_a_crash_then_the_engine_works(EngineCatalog.V8);

    [EngineFact(EngineCatalog.Wazero)]
    public void Wazero_hanging_call_is_exhausted_in_time() => Hanging_call_is_exhausted_in_time_then_the_engine_works(EngineCatalog.Wazero);

    [EngineFact(EngineCatalog.Wazero)]
    public void Wazero_killed_runner_is_a_crash() => Killed_runner_is_a_crash_then_the_engine_works(EngineCatalog.Wazero);
}
