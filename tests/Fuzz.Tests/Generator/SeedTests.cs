using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Generator;
using WasmConform.Harness;

namespace WasmConform.Fuzz.Tests.Generator;

/// <summary>Seeds from the benchmarks and the suite: mutated and instrumented, they stay valid and end.</summary>
public sealed class SeedTests
{
    private const Features Wasm3 = FeatureSets.Wasm3;

    /// <summary>The benchmark modules, beside the suite (<c>../shared/bench/wasm</c>); fails when they are not there.</summary>
    private static List<Seed> BenchSeeds()
    {
        var folder = Path.Combine(Path.GetDirectoryName(TestSuite.Root)!, "bench", "wasm");
        Assert.True(Directory.Exists(folder), $"benchmark modules not found at {folder} (they sit beside the suite, see {TestSuite.EnvironmentVariable})");
        var seeds = SeedCorpus.Load(folder, Wasm3);
        Assert.NotEmpty(seeds);
        return seeds;
    }

    private static List<Seed> SuiteSeeds()
    {
        var core = Path.Combine(TestSuite.Require(), "core");
        var seeds = new List<Seed>();
        foreach (var name in (string[])["i32.wast", "f64.wast", "memory.wast", "br_table.wast", "call_indirect.wast", "binary.wast", "loop.wast", "conversions.wast"])
            seeds.AddRange(SeedCorpus.Load(Path.Combine(core, name), Wasm3));
        return seeds;
    }

    [Fact]
    public void Suite_files_give_text_and_binary_seeds_that_import_nothing()
    {
        var seeds = SuiteSeeds();
        Assert.Contains(seeds, s => s.Origin.Contains("binary.wast", StringComparison.Ordinal));
        Assert.Contains(seeds, s => s.Origin.Contains("i32.wast", StringComparison.Ordinal));
        Assert.All(seeds, s => Assert.True(s.Module.Imports.IsEmpty, s.Origin));
    }

    [Fact]
    public void Mutated_bench_and_suite_modules_stay_valid_and_instrumented_ones_too()
    {
        foreach (var (seed, n) in BenchSeeds().Concat(SuiteSeeds()).Select((s, n) => (s, n)))
        {
            for (int i = 0; i < 20; i++)
            {
                var mutated = SeedMutator.Mutate(seed.Module, new ChoiceStream(SeedInput.Bytes((ulong)n, i, 64)), Wasm3);
                Validator.Validate(FuelInstrumentation.Apply(mutated, 1000), Wasm3);
            }
        }
    }

    [Fact]
    public void Mutations_change_most_seeds()
    {
        var seeds = BenchSeeds();
        int changed = 0, total = 0;
        foreach (var seed in seeds)
        {
            for (int i = 0; i < 10; i++, total++)
                if (SeedMutator.Mutate(seed.Module, new ChoiceStream(SeedInput.Bytes(3, i, 64)), Wasm3) != seed.Module) changed++;
        }
        Assert.True(changed > total / 2, $"only {changed} of {total} mutated modules differ from their seed");
    }

    [Fact]
    public void An_instrumented_module_returns_what_the_original_returns()
    {
        var fib = BenchSeeds().Single(s => s.Origin.EndsWith("fib.wasm", StringComparison.Ordinal)).Module;
        var expected = Instantiate(fib).Invoke("run", Value.I32(15));
        var actual = Instantiate(FuelInstrumentation.Apply(fib, 1_000_000)).Invoke("run", Value.I32(15));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void An_instrumented_module_exits_with_the_fuel_code_when_its_fuel_runs_out()
    {
        var fib = BenchSeeds().Single(s => s.Origin.EndsWith("fib.wasm", StringComparison.Ordinal)).Module;
        var instance = Instantiate(FuelInstrumentation.Apply(fib, 100));
        var e = Assert.Throws<ExitException>(() => instance.Invoke("run", Value.I32(33)));
        Assert.Equal(GeneratedModule.FuelExitCode, e.Code);
    }

    [Fact]
    public void Instrumentation_renumbers_calls_exports_and_the_start_function()
    {
        var module = new Module
        {
            Types = [RecType.Single(SubType.Plain(FuncType.Empty))],
            Imports = [new Import("m", "f", new ExternFunc(0))],
            Functions = [new Function(0, [], [new IndexInstruction(Opcode.Call, 0), new IndexInstruction(Opcode.Call, 2)]),
                new Function(0, [], [new IndexInstruction(Opcode.Call, 1)])],
            Exports = [new Export("a", ExternKind.Func, 1)],
            Start = 2,
        };
        var instrumented = FuelInstrumentation.Apply(module, 5);
        Validator.Validate(instrumented);
        var calls = instrumented.Functions[0].Body.OfType<IndexInstruction>().Where(i => i.Op == Opcode.Call).Select(i => i.Index);
        Assert.Equal([1u, 0u, 3u], calls);
        Assert.Equal(2u, instrumented.Exports[0].Index);
        Assert.Equal(3u, instrumented.Start);
    }

    [Fact]
    public void Instrumentation_drops_branch_hints_whose_instructions_it_moves()
    {
        var module = new Module
        {
            Types = [RecType.Single(SubType.Plain(new FuncType([ValType.I32], [])))],
            Functions = [new Function(0, [], [new IndexInstruction(Opcode.LocalGet, 0), new BlockInstruction(Opcode.If, BlockType.Empty), new Instruction(Opcode.End)])],
            BranchHints = [new FunctionBranchHints(0, [new BranchHint(1, BranchHintKind.Likely)])],
        };
        var hinted = Decoder.Decode(Encoder.Encode(module));
        var instrumented = FuelInstrumentation.Apply(hinted, 5);
        Assert.True(instrumented.BranchHints.IsEmpty);
        Assert.DoesNotContain(instrumented.Customs, c => c.Name == "metadata.code.branch_hint");
        Validator.Validate(Decoder.Decode(Encoder.Encode(instrumented)), FeatureSets.All);
    }

    private static ModuleInstance Instantiate(Module module) =>
        new HostImports().DefineIn(new Linker()).Instantiate(new Store(), CompiledModule.FromModule(module));
}
