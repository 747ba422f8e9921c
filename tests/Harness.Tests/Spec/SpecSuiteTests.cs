using System.Text;
using WasmConform.Harness;
using WasmConform.Wast.Script;
using Xunit.Abstractions;

namespace WasmConform.Harness.Tests.Spec;

/// <summary>
/// The official suite under <c>dotnet test</c>: one test per <c>.wast</c> file, run on the
/// reference interpreter. A file fails when any command fails that harness/expected-failures.yaml
/// does not list as a known gap; skipped commands are written to the test output with their reasons.
/// </summary>
public class SpecSuiteTests(ITestOutputHelper output)
{
    private const string SuiteMissing = "(the spec test suite)";

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (!Directory.Exists(TestSuite.Root))
        {
            data.Add(SuiteMissing);
            return data;
        }
        foreach (var file in TestSuite.Files(TestSuite.Root, [TestSuite.Root])) data.Add(file.RelativePath);
        return data;
    }

    private static readonly Lazy<ExpectedFailures> Expected = new(() => ExpectedFailures.Load(ExpectedFailures.DefaultPath));

    [Theory]
    [MemberData(nameof(Files))]
    public void Spec_file_has_no_unexpected_failures(string path)
    {
        Assert.True(path != SuiteMissing, $"spec test suite not found at {TestSuite.Root}: set {TestSuite.EnvironmentVariable} to its folder");
        var file = new SuiteFile(Path.Combine(TestSuite.Root, path), path);
        var report = FileReport.From(file, ReferenceSpec.Run(file), Expected.Value, 0);

        output.WriteLine($"{path}: {report.Passed} passed, {report.Failed} failed ({report.Failed - report.UnexpectedFailures} known gaps), {report.Skipped} skipped");
        foreach (var group in report.Skips.GroupBy(s => s.Reason))
            output.WriteLine($"  skipped {group.Count()}: {group.Key}");

        var unexpected = report.Failures.Where(f => !f.Known).ToList();
        if (unexpected.Count > 0)
        {
            var message = new StringBuilder($"{unexpected.Count} command(s) of {path} failed:\n");
            foreach (var f in unexpected.Take(40))
                message.AppendLine($"  line {f.Line}: {f.Command}: expected {f.Expected}, got {f.Actual}");
            if (unexpected.Count > 40) message.AppendLine($"  … and {unexpected.Count - 40} more");
            Assert.Fail(message.ToString());
        }
        var entry = Expected.Value.For(path);
        Assert.True(entry is null || report.Failed > 0,
            $"{path} is listed in harness/{ExpectedFailures.FileName} ({entry?.Reason}) but has no failures any more: remove the entry");
    }
}
