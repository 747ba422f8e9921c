using System.Security.Cryptography;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Engines.Runners;

namespace WasmConform.Fuzz.Tests.Engines;

/// <summary>
/// What every engine of the catalog must answer through <see cref="IEngine"/>, the reference
/// interpreter included: one method per behaviour, each subclass runs them on its engine.
/// </summary>
public abstract class EngineContract(string engineName) : IDisposable
{
    private readonly Lazy<IEngine> _lazy = new(() =>
        EngineCatalog.Find(engineName)!.Create(new RunnerLimits(CallTimeout: TimeSpan.FromSeconds(5))));

    private IEngine _engine => _lazy.Value;

    protected IEngine Engine => _engine;

    protected object Instance(string wat)
    {
        var compiled = Assert.IsType<Outcome.Compiled>(_engine.Compile(Wat.Binary(wat)));
        return Assert.IsType<Outcome.Instantiated>(_engine.Instantiate(compiled.Module)).Instance;
    }

    protected Outcome Call(object instance, string export, params Value[] args) => _engine.Invoke(instance, export, args);

    protected void Adds_two_i32s()
    {
        var i = Instance("""(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))""");
        var values = Assert.IsType<Outcome.Values>(Call(i, "add", Value.I32(-7), Value.I32(3)));
        Assert.Equal([Value.I32(-4)], values.Results.AsSpan().ToArray());
    }

    protected void Passes_numbers_bit_exactly()
    {
        var i = Instance("""
            (module
              (func (export "i64") (param i64) (result i64) (local.get 0))
              (func (export "f32") (param f32) (result f32) (local.get 0))
              (func (export "f64") (param f64) (result f64) (local.get 0)))
            """);
        foreach (var (export, value) in new[]
        {
            ("i64", Value.I64(long.MinValue)),
            ("f32", Value.F32Bits(0x8000_0000)),        // -0
            ("f32", Value.F32Bits(0x0000_0001)),        // smallest subnormal
            ("f64", Value.F64Bits(0xFFF0_0000_0000_0000)), // -inf
        })
        {
            var values = Assert.IsType<Outcome.Values>(Call(i, export, value));
            Assert.Equal(value.Bits, values.Results[0].Bits);
        }
    }

    protected void Rejects_a_truncated_module()
    {
        var outcome = _engine.Compile(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01 });
        Assert.True(outcome is Outcome.Malformed or Outcome.Invalid, $"got {outcome}");
    }

    protected void Traps_with_the_spec_kind()
    {
        var i = Instance("""
            (module (memory 1)
              (func (export "div") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
              (func (export "unreachable") (unreachable))
              (func (export "load") (result i32) (i32.load (i32.const 65536))))
            """);
        Assert.Equal(TrapKind.IntegerDivideByZero, Assert.IsType<Outcome.Trap>(Call(i, "div", Value.I32(0))).Kind);
        Assert.Equal(TrapKind.Unreachable, Assert.IsType<Outcome.Trap>(Call(i, "unreachable")).Kind);
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, Assert.IsType<Outcome.Trap>(Call(i, "load")).Kind);
    }

    protected void Exits_through_env_exit()
    {
        var i = Instance("""
            (module (import "env" "exit" (func $exit (param i32)))
              (func (export "run") (result i32) (call $exit (i32.const 7)) (i32.const 1)))
            """);
        Assert.Equal(new Outcome.Exit(7), Call(i, "run"));
    }

    protected void Returns_the_log_trace()
    {
        var i = Instance("""
            (module
              (import "env" "log_i32" (func $li (param i32)))
              (import "env" "log_i64" (func $ll (param i64)))
              (import "env" "log_f64" (func $ld (param f64)))
              (func (export "run") (call $li (i32.const -1)) (call $ll (i64.const 5)) (call $ld (f64.const 0.5))))
            """);
        _engine.TakeTrace();
        Assert.IsType<Outcome.Values>(Call(i, "run"));
        Assert.Equal([Value.I32(-1), Value.I64(5), Value.F64Bits(0x3FE0_0000_0000_0000)], _engine.TakeTrace());
        Assert.Empty(_engine.TakeTrace());
    }

    protected void Reports_exported_globals_and_memory_hashes()
    {
        var i = Instance("""
            (module (memory (export "mem") 1) (data (i32.const 0) "hi")
              (global (export "g") (mut i64) (i64.const 42))
              (func (export "set") (global.set 0 (i64.const -2))))
            """);
        Assert.IsType<Outcome.Values>(Call(i, "set"));
        var state = Assert.IsType<Outcome.Snapshot>(_engine.State(i, memoryBytes: true)).State;
        var expectedBytes = new byte[65536];
        expectedBytes[0] = (byte)'h';
        expectedBytes[1] = (byte)'i';
        Assert.Equal([new GlobalState("g", Value.I64(-2))], state.Globals.AsSpan().ToArray());
        var memory = Assert.Single(state.Memories.AsSpan().ToArray());
        Assert.Equal(("mem", 65536L, Convert.ToHexStringLower(SHA256.HashData(expectedBytes))), (memory.Name, memory.Size, memory.Sha256));
        Assert.Equal(expectedBytes, memory.Bytes);
    }

    protected void Reports_exported_table_sizes_and_nulls()
    {
        var i = Instance("""
            (module (table (export "t") 3 funcref) (func $f) (elem (i32.const 1) $f)
              (func (export "grow") (drop (table.grow 0 (ref.null func) (i32.const 2)))))
            """);
        Assert.IsType<Outcome.Values>(Call(i, "grow"));
        var state = Assert.IsType<Outcome.Snapshot>(_engine.State(i)).State;
        Assert.NotNull(state.Tables);
        Assert.Equal([new TableState("t", 5, "01000")], state.Tables.Value.AsSpan().ToArray());
    }

    protected void Round_trips_host_references()
    {
        var i = Instance("""(module (func (export "id") (param externref) (result externref) (local.get 0)))""");
        var host = Value.Ref(HeapType.Extern, new HostReference(5));
        Assert.Equal(host, Assert.IsType<Outcome.Values>(Call(i, "id", host)).Results[0]);
        var values = Assert.IsType<Outcome.Values>(Call(i, "id", Value.Null(HeapType.Extern)));
        Assert.True(values.Results[0].IsNull);
    }

    protected void Links_registered_instances_and_spectest()
    {
        var a = Instance("""(module (func (export "seven") (result i32) (i32.const 7)))""");
        Engine.Register("A", a);
        var b = Instance("""
            (module (import "A" "seven" (func $seven (result i32)))
              (import "spectest" "global_i32" (global $g i32))
              (func (export "sum") (result i32) (i32.add (call $seven) (global.get $g))))
            """);
        Assert.Equal([Value.I32(673)], Assert.IsType<Outcome.Values>(Call(b, "sum")).Results.AsSpan().ToArray());
    }

    protected void Reports_an_unknown_import_as_unlinkable()
    {
        var compiled = Assert.IsType<Outcome.Compiled>(_engine.Compile(Wat.Binary("""(module (import "nowhere" "f" (func)))""")));
        Assert.IsType<Outcome.Unlinkable>(_engine.Instantiate(compiled.Module));
    }

    public void Dispose()
    {
        if (_lazy.IsValueCreated) _lazy.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
