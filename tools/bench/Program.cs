using WasmConform.Harness;

namespace WasmConform.Bench;

/// <summary>
/// <c>make bench</c>: whole-program benchmarks, each section printing its own table —
/// the shared C kernels on the reference interpreter (checksums checked), the SIMD kernel,
/// parsing the whole spec suite, and the fuzz generator's throughput. <c>make bench ARGS="kernels"</c> runs one section.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var sections = args.Length > 0 ? args : ["kernels", "simd", "parse", "generator"];
        int status = 0;
        foreach (var section in sections)
        {
            Console.WriteLine($"== {section}");
            status |= section switch
            {
                "kernels" => KernelBench.Run(TestSuite.SharedFolder("bench") ?? Path.Combine(TestSuite.RepositoryRoot(), "..", "shared", "bench")),
                "simd" => SimdBench.Run(),
                "parse" => ParseBench.Run(),
                "generator" => GeneratorBench.Run(),
                _ => Unknown(section),
            };
            Console.WriteLine();
        }
        return status;
    }

    private static int Unknown(string section)
    {
        Console.Error.WriteLine($"bench: unknown section \"{section}\" (kernels, simd, parse, generator)");
        return 2;
    }

    /// <summary>How many timed runs each measurement takes (median reported): $BENCH_RUNS, default 3.</summary>
    public static int Runs => int.TryParse(Environment.GetEnvironmentVariable("BENCH_RUNS"), out var r) && r > 0 ? r : 3;

    /// <summary>The median of <paramref name="runs"/> timings of <paramref name="action"/>, in seconds.</summary>
    public static double Median(int runs, Action action)
    {
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
