using WasmConform.Engine.Binary;
using WasmConform.Engine.Tests.Binary;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>
/// Modules the suite gives in binary: each well-formed one validates, except that an
/// <c>assert_invalid</c> one fails with the expected message (as a prefix, the way the spec
/// runner compares). The eight benchmark modules validate under WebAssembly 1.0.
/// </summary>
public class SpecSuiteValidationTests
{
    public static IEnumerable<object[]> BenchModules() => TestData.BenchModules();

    [Theory]
    [MemberData(nameof(BenchModules))]
    public void Bench_module_validates_under_wasm1(string name)
    {
        var module = Decoder.Decode(TestData.BenchModule(name), FeatureSets.Wasm1);
        var validated = Validator.Validate(module, FeatureSets.Wasm1);
        Assert.Equal(module.Functions.Count, validated.Code.Count);
    }

    public static IEnumerable<object[]> Files() => SpecSuiteBinaryTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Binary_modules_of_the_suite_validate_as_expected(string file)
    {
        var failures = new List<string>();
        foreach (var m in WastBinaryModules.Read(File.ReadAllText(Path.Combine(TestData.TestSuite(), file))))
        {
            if (m.Command == "assert_malformed") continue;
            string? error = Check(m.Bytes);
            if (m.Command == "assert_invalid")
            {
                if (error is null || !error.StartsWith(m.Message, StringComparison.Ordinal))
                    failures.Add($"line {m.Line}: expected invalid \"{m.Message}\", got {(error is null ? "a valid module" : $"\"{error}\"")}");
            }
            else if (error is not null)
            {
                failures.Add($"line {m.Line}: {m.Command} module is invalid: \"{error}\"");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The validation error of a well-formed module, or null when it is valid.</summary>
    private static string? Check(byte[] bytes)
    {
        try
        {
            Validator.Validate(Decoder.Decode(bytes));
            return null;
        }
        catch (InvalidException e)
        {
            return e.Message;
        }
    }
}
