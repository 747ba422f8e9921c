using System.Diagnostics;
using System.Globalization;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;

namespace WasmConform.Bench;

/// <summary>
/// <c>make bench</c>: whole-program benchmarks. Runs every kernel of the shared benchmark set
/// (<c>../shared/bench</c>, or the folder given) on the reference interpreter, checks its
/// checksum and prints the time per module.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string dir = args.Length > 0 ? args[0] : Path.Combine(RepositoryRoot(), "..", "shared", "bench");
        string checksums = Path.Combine(dir, "checksums.txt");
        if (!File.Exists(checksums))
        {
            Console.Error.WriteLine($"bench: no benchmark set at {Path.GetFullPath(dir)} (expected checksums.txt and wasm/)");
            return 3;
        }
        int runs = int.TryParse(Environment.GetEnvironmentVariable("BENCH_RUNS"), out var r) ? r : 3;
        Console.WriteLine($"{"module",-8} {"n",8} {"checksum",12} {"compile ms",10} {"run s (median of " + runs + ")",22}");
        bool ok = true;
        double logSum = 0;
        int count = 0;
        foreach (var kernel in Kernels(checksums))
        {
            var result = RunKernel(Path.Combine(dir, "wasm", kernel.Name + ".wasm"), kernel, runs);
            ok &= result.ChecksumOk;
            logSum += Math.Log(result.RunSeconds);
            count++;
            Console.WriteLine($"{kernel.Name,-8} {kernel.N,8} {(result.ChecksumOk ? "ok" : "WRONG " + result.Checksum),12} {result.CompileMs,10:F1} {result.RunSeconds,22:F3}");
        }
        if (count > 0) Console.WriteLine($"geometric mean of run times: {Math.Exp(logSum / count):F3} s");
        return ok ? 0 : 1;
    }

    private sealed record Kernel(string Name, int N, int Checksum);

    private sealed record KernelResult(bool ChecksumOk, int Checksum, double CompileMs, double RunSeconds);

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

    private static KernelResult RunKernel(string path, Kernel kernel, int runs)
    {
        var bytes = File.ReadAllBytes(path);
        var watch = Stopwatch.StartNew();
        var module = CompiledModule.FromBinary(bytes);
        module.CompileAll();
        double compileMs = watch.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        int checksum = 0;
        for (int i = 0; i < runs; i++)
        {
            var instance = new Linker().Instantiate(new Store(), module);
            watch.Restart();
            checksum = instance.Invoke("run", Value.I32(kernel.N))[0].AsI32;
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        return new KernelResult(checksum == kernel.Checksum, checksum, compileMs, times[times.Count / 2]);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WasmConform.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
