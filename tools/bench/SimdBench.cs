using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Harness;
using WasmConform.Wast.Text;

namespace WasmConform.Bench;

/// <summary>
/// The SIMD kernel (tools/bench/kernels/simd.wat): its vector version must give the checksum of
/// its scalar version, lane for lane; both are timed.
/// </summary>
public static class SimdBench
{
    private const int Passes = 400;

    public static int Run()
    {
        var path = Path.Combine(TestSuite.RepositoryRoot(), "tools", "bench", "kernels", "simd.wat");
        var module = CompiledModule.FromModule(WatParser.ParseModule(File.ReadAllBytes(path), path));
        int vector = 0, scalar = 0;
        double vectorSeconds = Program.Median(Program.Runs, () =>
            vector = new Linker().Instantiate(new Store(), module).Invoke("run_simd", Value.I32(Passes))[0].AsI32);
        double scalarSeconds = Program.Median(Program.Runs, () =>
            scalar = new Linker().Instantiate(new Store(), module).Invoke("run_scalar", Value.I32(Passes))[0].AsI32);
        Console.WriteLine($"{"kernel",-12} {"passes",8} {"checksum",12} {"run s (median of " + Program.Runs + ")",22}");
        Console.WriteLine($"{"simd",-12} {Passes,8} {(vector == scalar ? "ok" : "WRONG"),12} {vectorSeconds,22:F3}");
        Console.WriteLine($"{"simd-scalar",-12} {Passes,8} {vector:x8} {scalarSeconds,22:F3}");
        return vector == scalar ? 0 : 1;
    }
}
