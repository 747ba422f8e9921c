using System.Text;
using WasmConform.Afl.Targets;

namespace WasmConform.Afl.Tests.Targets;

/// <summary>
/// Each target's entry point returns for inputs our code rejects with its typed errors, so that
/// CI runs the targets' code without afl-fuzz.
/// </summary>
public sealed class EntryPointTests
{
    public static TheoryData<string, string> BinaryCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in (string[])["decoder", "validator"])
            foreach (var input in Inputs.Binary.Keys) data.Add(target, input);
        return data;
    }

    public static TheoryData<string> TextCases() => [.. Inputs.Text.Keys];

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_target_handles_input(string target, string input) =>
        FuzzTargets.Create(target)!.Run(Inputs.Binary[input]);

    [Theory]
    [MemberData(nameof(TextCases))]
    public void Text_target_handles_input(string input) =>
        new TextTarget().Run(Encoding.UTF8.GetBytes(Inputs.Text[input]));

    [Fact]
    public void Every_named_target_exists_under_its_name()
    {
        foreach (var name in FuzzTargets.Names) Assert.Equal(name, FuzzTargets.Create(name)!.Name);
    }

    [Fact]
    public void Unknown_target_name_gives_none() => Assert.Null(FuzzTargets.Create("linker"));
}
