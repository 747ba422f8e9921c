using System.Globalization;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Tests.Binary;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>
/// The shared benchmark kernels (real programs compiled by clang) give the checksums that
/// shared/bench/checksums.txt lists, which several other engines agree on.
/// </summary>
public class BenchKernelTests
{
    public static TheoryData<string, int, int> Kernels()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var line in File.ReadLines(Path.Combine(TestData.SharedDirectory("bench"), "checksums.txt")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_gives_the_listed_checksum(string kernel, int n, int checksum)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.SharedDirectory("bench"), "wasm", kernel + ".wasm"));
        var instance = new Linker().Instantiate(new Store(), CompiledModule.FromBinary(bytes));
        Assert.Equal(Value.I32(checksum), instance.Invoke("run", Value.I32(n))[0]);
    }
}
