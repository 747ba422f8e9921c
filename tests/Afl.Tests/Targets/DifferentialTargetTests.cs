using WasmConform.Afl.Targets;
using WasmConform.Engine.Embedding;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Afl.Tests.Targets;

/// <summary>The differential target without afl-fuzz: agreement passes, a divergence escapes.</summary>
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

    /// <summary>The reference interpreter again, under another name, as the engine compared with it.</summary>
    private static EngineHost SecondReference() => new ReferenceHost(DifferentialTarget.CallTimeout, name: "reference-2");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reference_agrees_with_itself(int seed) => new DifferentialTarget(SecondReference).Run(Input(seed));

    [Fact]
    public void Empty_input_is_a_module_too() => new DifferentialTarget(SecondReference).Run([]);

    [Fact]
    public void First_byte_chooses_the_configuration()
    {
        Assert.Same(DifferentialTarget.Comparable, DifferentialTarget.ConfigFor([2, 1]));
        Assert.Same(DifferentialTarget.Extended, DifferentialTarget.ConfigFor([3, 1]));
        Assert.Same(DifferentialTarget.Comparable, DifferentialTarget.ConfigFor([]));
    }

    [Fact]
    public void Agreeing_engines_compare_calls_beyond_compile_and_instantiate()
    {
        var target = new DifferentialTarget(SecondReference);
        target.Run(Input(2));
        Assert.Equal(CaseVerdict.Agreed, target.LastCase!.Verdict);
        Assert.True(target.LastCase.Steps.Count > 2, $"{target.LastCase.Steps.Count} steps");
    }

    [Fact]
    public void Engine_rejecting_the_module_is_a_finding()
    {
        var target = new DifferentialTarget(() => new RejectingHost());
        var finding = Assert.Throws<FindingException>(() => target.Run(Input(2)));
        Assert.StartsWith("compile:", finding.Message);
        Assert.Contains("compile", finding.Signature);
    }

    [WasmtimeTheory]
    [MemberData(nameof(Seeds))]
    public void Reference_agrees_with_wasmtime(int seed) => Shared.Wasmtime.Run(Input(seed));

    [WasmtimeFact]
    public void Wasmtime_takes_generated_modules_through_their_calls()
    {
        Shared.Wasmtime.Run(Input(2));
        Assert.Equal(CaseVerdict.Agreed, Shared.Wasmtime.LastCase!.Verdict);
        Assert.True(Shared.Wasmtime.LastCase.Steps.Count > 2, $"{Shared.Wasmtime.LastCase.Steps.Count} steps");
    }

    /// <summary>One wasmtime runner for the tests of this class.</summary>
    private static class Shared
    {
        public static DifferentialTarget Wasmtime { get; } = new();
    }

    /// <summary>An engine that finds every module invalid.</summary>
    private sealed class RejectingHost : EngineHost
    {
        public override string Name => "rejecting";

        public override IEngine NewSession() => new RejectingEngine();
    }

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
