using WasmConform.Afl.Targets;
using WasmConform.Engine.Embedding;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Afl.Tests.Targets;

/// <summary>The differential target without afl-fuzz: agreement passes, a difference escapes.</summary>
public sealed class DifferentialTargetTests
{
    public static TheoryData<int> Seeds() => [0, 1, 2, 3, 4, 5, 6, 7];

    /// <summary>An input for <paramref name="seed"/>: even seeds get the comparable configuration, odd ones the extended one.</summary>
    private static byte[] Input(int seed)
    {
        var bytes = SeedInput.Bytes((ulong)seed, 0, 512);
        bytes[0] = (byte)((bytes[0] & ~1) | (seed & 1));
        return bytes;
    }

    private static IEngine Reference() => EngineCatalog.Find(EngineCatalog.Reference)!.Create();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reference_agrees_with_itself(int seed) =>
        new DifferentialTarget(Reference).Run(Input(seed));

    [Fact]
    public void First_byte_chooses_the_configuration()
    {
        Assert.Same(DifferentialTarget.Comparable, DifferentialTarget.ConfigFor([2, 1]));
        Assert.Same(DifferentialTarget.Extended, DifferentialTarget.ConfigFor([3, 1]));
        Assert.Same(DifferentialTarget.Comparable, DifferentialTarget.ConfigFor([]));
    }

    [Fact]
    public void Empty_input_is_a_module_too() => new DifferentialTarget(Reference).Run([]);

    [Fact]
    public void Engine_rejecting_the_module_is_a_finding()
    {
        var target = new DifferentialTarget(() => new RejectingEngine());
        var finding = Assert.Throws<FindingException>(() => target.Run(SeedInput.Bytes(1, 0, 512)));
        Assert.StartsWith("compile:", finding.Message);
    }

    [Fact]
    public void Agreeing_engines_compare_calls_beyond_compile_and_instantiate()
    {
        var target = new DifferentialTarget(Reference);
        target.Run(Input(2));
        Assert.True(target.AgreedSteps > 2, $"{target.AgreedSteps} steps compared");
    }

    [WasmtimeTheory]
    [MemberData(nameof(Seeds))]
    public void Reference_agrees_with_wasmtime(int seed) =>
        Shared.Wasmtime.Run(Input(seed));

    [WasmtimeFact]
    public void Wasmtime_takes_generated_modules_through_their_calls()
    {
        long before = Shared.Wasmtime.AgreedSteps;
        Shared.Wasmtime.Run(Input(2));
        Assert.True(Shared.Wasmtime.AgreedSteps - before > 2, $"{Shared.Wasmtime.AgreedSteps - before} steps compared");
    }

    /// <summary>One wasmtime runner for the tests of this class.</summary>
    private static class Shared
    {
        public static DifferentialTarget Wasmtime { get; } = new();
    }

    /// <summary>An engine that finds every module invalid.</summary>
    private sealed class RejectingEngine : IEngine
    {
        public string Name => "rejecting";
        public string Version => "1";
        public Outcome Compile(ReadOnlyMemory<byte> binary) => new Outcome.Invalid("type mismatch");
        public Outcome Instantiate(object module) => throw new InvalidOperationException("never compiled");
        public void Register(string name, object instance) { }
        public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args) => throw new InvalidOperationException("never instantiated");
        public Outcome Get(object instance, string export) => throw new InvalidOperationException("never instantiated");
        public void Dispose() { }
    }
}

/// <summary>A fact that runs only where the wasmtime runner is built (<c>make runners</c>), and says why when skipped.</summary>
public sealed class WasmtimeFactAttribute : FactAttribute
{
    public WasmtimeFactAttribute()
    {
        var entry = EngineCatalog.Find(EngineCatalog.Wasmtime)!;
        if (!entry.IsAvailable) Skip = $"wasmtime unavailable: {entry.Reason}";
    }
}

/// <summary>A theory that runs only where the wasmtime runner is built (<c>make runners</c>), and says why when skipped.</summary>
public sealed class WasmtimeTheoryAttribute : TheoryAttribute
{
    public WasmtimeTheoryAttribute()
    {
        var entry = EngineCatalog.Find(EngineCatalog.Wasmtime)!;
        if (!entry.IsAvailable) Skip = $"wasmtime unavailable: {entry.Reason}";
    }
}
