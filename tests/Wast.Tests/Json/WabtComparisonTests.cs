using System.Collections.Concurrent;
using System.Text;
using WasmConform.Wast.Json;
using WasmConform.Wast.Script;
using WasmConform.Wast.Tests.Suite;
using Xunit.Abstractions;

namespace WasmConform.Wast.Tests.Json;

/// <summary>
/// Our wast2json against wabt's (1.0.32, Debian's package) on the MVP and 2.0 scripts of core/
/// (core/*.wast, core/simd/, core/bulk-memory/): the same commands in the same order with the
/// same expectations, module files decoding to the same modules; and wabt's output read back runs
/// as the .wast does. wabt 1.0.32 predates some of the suite's syntax: the files it cannot
/// convert, and the few commands where its output differs from ours, are listed with the reason.
/// </summary>
public class WabtComparisonTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var files = TestSuite.WastFiles().Where(IsMvpOr2).ToList();
        if (files.Count == 0) data.Add(TestSuite.MissingRow);
        foreach (var f in files) data.Add(f);
        return data;
    }

    private static bool IsMvpOr2(string file) =>
        file.Count(c => c == '/') == 1 && file.StartsWith("core/", StringComparison.Ordinal)
        || file.StartsWith("core/simd/", StringComparison.Ordinal)
        || file.StartsWith("core/bulk-memory/", StringComparison.Ordinal);

    [WabtTheory]
    [MemberData(nameof(Files))]
    public void Json_describes_the_same_commands_as_wabts(string file)
    {
        string path = TestSuite.PathOf(file);
        var wabt = WabtOutput.Of(path);
        if (WabtGaps.CannotConvert.TryGetValue(file, out var why))
        {
            Assert.True(wabt.Error is not null, $"{file} is listed as one wabt cannot convert ({why}), but it converts now: remove it from the list");
            output.WriteLine($"{file}: wabt cannot convert it ({why}): {wabt.Error}");
            return;
        }
        Assert.True(wabt.Error is null, $"wabt cannot convert {file}: {wabt.Error}");

        var ours = JsonConversion.Convert(path);
        var files = ours.Files.ToDictionary(f => f.Name, f => f.Bytes);
        var differences = JsonComparer.Compare(ours.JsonBytes, name => files[name], wabt.Json, wabt.File, WabtGaps.WithFuncrefElements);
        var known = WabtGaps.Differences.GetValueOrDefault(file);
        foreach (var d in differences.Where(d => known?.Lines.Contains(d.Line) == true))
            output.WriteLine($"{file}: {d} (known: {known!.Reason})");
        var unexplained = differences.Where(d => known?.Lines.Contains(d.Line) != true).ToList();
        Assert.True(unexplained.Count == 0, $"{file} differs from wabt's:\n  " + string.Join("\n  ", unexplained));
        if (known is not null)
        {
            var gone = known.Lines.Where(line => differences.All(d => d.Line != line)).ToList();
            Assert.True(gone.Count == 0, $"{file}: the listed differences at lines {string.Join(", ", gone)} are gone: remove them from the list");
        }
    }

    [WabtTheory]
    [MemberData(nameof(Files))]
    public void Wabts_json_runs_as_the_wast_does(string file)
    {
        string path = TestSuite.PathOf(file);
        if (WabtGaps.CannotConvert.ContainsKey(file)) return;
        var wabt = WabtOutput.Of(path);
        Assert.True(wabt.Error is null, $"wabt cannot convert {file}: {wabt.Error}");

        var direct = JsonConversion.Run(WastScript.ParseFile(path), file);
        var viaWabt = JsonConversion.Run(JsonScriptReader.Read(wabt.Json, wabt.JsonPath, wabt.File), file);
        var modules = WabtGaps.ModuleDifferences.GetValueOrDefault(file);
        Assert.Equal(direct.Commands.Count, viaWabt.Commands.Count);
        var differences = new StringBuilder();
        for (int i = 0; i < direct.Commands.Count; i++)
        {
            var (a, b) = (direct.Commands[i], viaWabt.Commands[i]);
            if (a.Status == b.Status || modules?.Lines.Contains(b.Line) == true) continue;
            differences.AppendLine($"  line {b.Line}: .wast {a.Status} ({a.Actual ?? a.Reason}), wabt's JSON {b.Status} ({b.Actual ?? b.Reason})");
        }
        Assert.True(differences.Length == 0, $"{file}: wabt's JSON runs differently\n{differences}");
    }

    /// <summary>wabt's output for one script, read into memory (each script is converted once per test run).</summary>
    private sealed class WabtOutput
    {
        private static readonly ConcurrentDictionary<string, Lazy<WabtOutput>> Cache = new();

        private readonly Dictionary<string, byte[]> _files;

        private WabtOutput(string jsonPath, string? error, byte[] json, Dictionary<string, byte[]> files)
        {
            JsonPath = jsonPath;
            Error = error;
            Json = json;
            _files = files;
        }

        public string JsonPath { get; }
        public string? Error { get; }
        public byte[] Json { get; }

        public byte[] File(string name) => _files.TryGetValue(name, out var bytes) ? bytes : throw new FileNotFoundException($"wabt wrote no {name}");

        public static WabtOutput Of(string wast) => Cache.GetOrAdd(wast, w => new Lazy<WabtOutput>(() => Convert(w))).Value;

        private static WabtOutput Convert(string wast)
        {
            var folder = Directory.CreateTempSubdirectory("wabt-wast2json-").FullName;
            try
            {
                var json = Path.Combine(folder, Path.GetFileNameWithoutExtension(wast) + ".json");
                var (code, _, stderr) = Wabt.Convert(wast, json);
                if (code != 0) return new WabtOutput(json, $"exit status {code}: {stderr.Split('\n', 2)[0].Trim()}", [], []);
                var files = Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => System.IO.File.ReadAllBytes(f));
                return new WabtOutput(json, null, files[Path.GetFileName(json)], files);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
