using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;
using WasmConform.Harness;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Afl;

/// <summary>
/// Where initial corpora come from, read when the corpus is written (never copied into the
/// repository): the benchmark modules (<c>shared/bench/wasm</c> beside the suite), the official
/// suite (<see cref="TestSuite.Root"/>), and modules the generator makes. A folder that does not
/// exist contributes nothing.
/// </summary>
/// <param name="BenchFolder">The folder of the benchmark <c>.wasm</c> files.</param>
/// <param name="SuiteFolder">The suite's root folder.</param>
public sealed record SeedSources(string BenchFolder, string SuiteFolder)
{
    /// <summary>Seeds larger than this many bytes are left out: afl-fuzz works best from small inputs.</summary>
    public const int MaxSeedBytes = 4096;

    /// <summary>The folders on this machine: the suite's root, and <c>bench/wasm</c> beside it.</summary>
    public static SeedSources Find()
    {
        var suite = TestSuite.Root;
        return new SeedSources(Path.GetFullPath(Path.Combine(suite, "..", "bench", "wasm")), suite);
    }

    /// <summary>The benchmark modules' bytes, in file-name order.</summary>
    public IEnumerable<byte[]> BenchModules() =>
        Directory.Exists(BenchFolder)
            ? Directory.EnumerateFiles(BenchFolder, "*.wasm").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)
            : [];

    /// <summary>
    /// The suite's <c>.wast</c> files under <paramref name="folder"/> (relative to the suite root)
    /// of at most <paramref name="maxBytes"/> bytes, in path order.
    /// </summary>
    public IEnumerable<string> SuiteScripts(string folder, int maxBytes)
    {
        var root = Path.Combine(SuiteFolder, folder);
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*.wast", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length <= maxBytes)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// Module binaries from the scripts of the suite's <c>core</c> folder: the bytes of
    /// <c>(module binary …)</c> commands (malformed ones included) and text modules encoded,
    /// small ones only, at most <paramref name="perScript"/> from each script.
    /// </summary>
    public IEnumerable<byte[]> SuiteModules(int perScript)
    {
        foreach (var file in SuiteScripts("core", int.MaxValue))
        {
            WastScript script;
            try
            {
                script = WastScript.ParseFile(file);
            }
            catch (ParseException)
            {
                continue;
            }
            int taken = 0;
            foreach (var command in script.Commands.AsEnumerable())
            {
                if (taken == perScript) break;
                if (Binary(ModuleOf(command)) is { Length: > 8 and <= MaxSeedBytes } bytes)
                {
                    taken++;
                    yield return bytes;
                }
            }
        }
    }

    /// <summary>Encoded modules from the generator: <paramref name="count"/> per configuration, small ones.</summary>
    public static IEnumerable<byte[]> GeneratedModules(int count) =>
        SmallModules(count).Select(Encoder.Encode).Where(b => b.Length <= MaxSeedBytes);

    /// <summary>Modules from the generator in the text format, folded and flat: <paramref name="count"/> per configuration and style, small ones.</summary>
    public static IEnumerable<byte[]> GeneratedTexts(int count) =>
        SmallModules(count)
            .SelectMany(m => new[] { WatPrinter.Print(m, WatStyle.Folded), WatPrinter.Print(m, WatStyle.Flat) })
            .Select(System.Text.Encoding.UTF8.GetBytes).Where(b => b.Length <= MaxSeedBytes);

    /// <summary><paramref name="count"/> small modules of the default configuration, then as many with every feature.</summary>
    private static IEnumerable<Module> SmallModules(int count)
    {
        var small = new SizeLimits { MaxFunctions = 3, MaxInstructions = 40 };
        GeneratorConfig[] configs =
        [
            GeneratorConfig.Default with { Limits = small },
            GeneratorConfig.AllFeatures with { Limits = small },
        ];
        for (int c = 0; c < configs.Length; c++)
        {
            for (int i = 0; i < count; i++) yield return ModuleGenerator.Generate(SeedInput.Bytes((ulong)c + 1, i, 512), configs[c]);
        }
    }

    private static ModuleSource? ModuleOf(Command command) => command switch
    {
        ModuleCommand m => m.Source,
        AssertMalformed a => a.Module.Source,
        AssertInvalid a => a.Module.Source,
        AssertUnlinkable { Module: ModuleCommand m } => m.Source,
        AssertUninstantiable { Module: ModuleCommand m } => m.Source,
        _ => null,
    };

    private static byte[]? Binary(ModuleSource? source) => source switch
    {
        BinaryModule b => b.Bytes.ToArray(),
        TextModule t => TryEncode(t.Module),
        _ => null,
    };

    /// <summary>The module's encoding; null for the few modules of assertions that have none (an alignment exponent of 64, say).</summary>
    private static byte[]? TryEncode(Module module)
    {
        try
        {
            return Encoder.Encode(module);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
