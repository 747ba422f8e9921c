using WasmConform.Harness;

namespace WasmConform.Harness.Tests.Spec;

/// <summary>Which files a run takes: .wast scripts and wast2json output, named as the suite names them.</summary>
public class ScriptDiscoveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("discovery-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private IReadOnlyList<string> Found() =>
        TestSuite.Files(Path.Combine(_dir, "suite"), [Path.Combine(_dir, "converted")]).Select(f => f.RelativePath).ToList();

    [Fact]
    public void Wast2json_output_is_found_beside_wast_scripts()
    {
        Write("converted/core/a.json", "{\"source_filename\": \"a.wast\",\n \"commands\": [\n]}\n");
        Write("converted/core/b.wast", "(module)");
        Assert.Equal(["core/a.json", "core/b.wast"], Found());
    }

    [Fact]
    public void Other_json_files_are_not_scripts()
    {
        Write("converted/package.json", "{\"name\": \"x\"}");
        Assert.Empty(Found());
    }

    [Fact]
    public void Json_script_is_keyed_by_the_wast_it_was_converted_from()
    {
        Assert.Equal("core/gc/array.wast", new SuiteFile("/x/core/gc/array.json", "core/gc/array.json").WastPath);
    }

    [Fact]
    public void Json_script_under_legacy_gets_legacy_exceptions()
    {
        var file = new SuiteFile("/x/legacy/exceptions/try_catch.json", "legacy/exceptions/try_catch.json");
        Assert.True(ReferenceSpec.FeaturesFor(file).HasFlag(Engine.Features.LegacyExceptions));
    }
}
