using WasmConform.Harness;
using WasmConform.Harness.Reports;

namespace WasmConform.Harness.Tests.Spec;

/// <summary>The conformance matrix: groups by engines, passed out of run.</summary>
public sealed class ConformanceMatrixTests
{
    private static FileReport File(string path, string group, int passed, int failed, int skipped) =>
        new(path, group, passed + failed + skipped, passed, failed, skipped, [], [], null, 0);

    private static ConformanceMatrix Matrix() => ConformanceMatrix.Of(
        [
            new SpecReport("reference", 1, new SpecTotals(2, 12, 11, 1, 0),
                [File("core/a.wast", "core", 9, 1, 0), File("core/simd/b.wast", "simd", 2, 0, 0)]),
            new SpecReport("v8", 1, new SpecTotals(2, 12, 8, 0, 4),
                [File("core/a.wast", "core", 8, 0, 2), File("core/simd/b.wast", "simd", 0, 0, 2)]),
        ],
        new Dictionary<string, string> { ["wazero"] = "not built" });

    [Fact]
    public void A_cell_is_passed_out_of_run_with_the_percentage() =>
        Assert.Equal("9/10 (90.0%)", Matrix().Cell("reference", "core").ToString());

    [Fact]
    public void A_group_an_engine_skipped_whole_says_so() =>
        Assert.Equal("skipped", Matrix().Cell("v8", "simd").ToString());

    [Fact]
    public void The_markdown_has_a_row_per_group_and_names_engines_not_run()
    {
        var md = Matrix().ToMarkdown();
        Assert.Contains("| core | 9/10 (90.0%) | 8/8 (100.0%) |", md);
        Assert.Contains("| simd | 2/2 (100.0%) | skipped |", md);
        Assert.Contains("- wazero: not built", md);
    }
}
