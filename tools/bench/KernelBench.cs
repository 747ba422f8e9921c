using System.Diagnostics;
using System.Globalization;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;

namespace WasmConform.Bench;

/// <summary>The shared benchmark set: each C kernel's <c>run(BENCH_N)</c>, checksum checked against checksums.txt.</summary>
public static class KernelBench
{
    private sealed record Kernel(string Name, int N, int Checksum);

    public static int Run(string dir)
    {
        string checksums = Path.Combine(dir, "checksums.txt");
        if (!File.Exists(checksums))
        {
            Console.Error.WriteLine($"bench: no benchmark set at {Path.GetFullPath(dir)} (expected checksums.txt and wasm/)");
            return 3;
        }
        Console.WriteLine($"{"module",-8} {"n",8} {"checksum",12} {"compile ms",10} {"run s (median of " + Program.Runs + ")",22}");
        bool ok = true;
        double logSum = 0;
        int count = 0;
        foreach (var kernel in Kernels(checksums))
        {
            var module = CompiledModule.FromBinary(File.ReadAllBytes(Path.Combine(dir, "wasm", kernel.Name + ".wasm")));
            var watch = Stopwatch.StartNew();
            module.CompileAll();
            double compileMs = watch.Elapsed.TotalMilliseconds;
            int checksum = 0;
            double seconds = Program.Median(Program.Runs, () =>
                checksum = new Linker().Instantiate(new Store(), module).Invoke("run", Value.I32(kernel.N))[0].AsI32);
            ok &= checksum == kernel.Checksum;
            logSum += Math.Log(seconds);
            count++;
            Console.WriteLine($"{kernel.Name,-8} {kernel.N,8} {(checksum == kernel.Checksum ? "ok" : "WRONG " + checksum),12} {compileMs,10:F1} {seconds,22:F3}");
        }
        if (count > 0) Console.WriteLine($"geometric mean of run times: {Math.Exp(logSum / count):F3} s");
        return ok ? 0 : 1;
    }

    /// <summary>The first row of each kernel in checksums.txt: name, BENCH_N, u32 and i32 checksums.</summary>
    private static IEnumerable<Kernel> Kernels(string checksums)
    {
        var seen = new HashSet<string>();
        foreach (var line in File.ReadLines(checksums))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (seen.Add(f[0]))
                yield return new Kernel(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture));
        }
    }
}
