using WasmConform.Afl.Targets;

namespace WasmConform.Afl.Tests.Targets;

/// <summary>What <c>make afl</c> relies on: the plan and corpus of <c>prepare</c>, and the grouping of <c>replay</c>.</summary>
public sealed class ToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("afl-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Prepare_writes_seeds_and_names_the_assemblies_to_instrument()
    {
        var output = new StringWriter();
        int status = Preparation.Prepare(new DecoderTarget(), _folder, output);
        Assert.Equal(0, status);
        Assert.Contains("assemblies: WasmConform.Engine.dll", output.ToString());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "in")));
    }

    [Fact]
    public void Prepare_writes_the_text_dictionary_in_afl_syntax()
    {
        Preparation.Prepare(new TextTarget(), _folder, new StringWriter());
        var lines = File.ReadAllLines(Path.Combine(_folder, "dictionary"));
        Assert.Contains(lines, l => l.EndsWith("=\"i32.add\"", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches("^t[0-9]+=\".*\"$", l));
    }

    [Fact]
    public void Replay_of_handled_inputs_succeeds()
    {
        File.WriteAllBytes(Path.Combine(_folder, "a"), [1, 2, 3]);
        Assert.Equal(0, Replay.Run(new DecoderTarget(), [_folder], new StringWriter()));
    }

    [Fact]
    public void Replay_groups_escaping_exceptions_by_signature()
    {
        File.WriteAllBytes(Path.Combine(_folder, "a"), [1]);
        File.WriteAllBytes(Path.Combine(_folder, "b"), [2]);
        var output = new StringWriter();
        Assert.Equal(1, Replay.Run(new ThrowingTarget(), [_folder], output));
        Assert.Contains("2 escaped in 1 group(s)", output.ToString());
    }

    [Theory]
    [InlineData("reference vs wasmtime | invoke | trap kind", true)]
    [InlineData("reference vs v8 | invoke | result", false)]
    public void Replay_marks_findings_whose_signature_is_known(string signature, bool known)
    {
        File.WriteAllBytes(Path.Combine(_folder, "a"), [1]);
        var output = new StringWriter();
        Replay.Run(new ThrowingTarget(signature), [_folder], output, new HashSet<string> { "reference vs wasmtime | invoke | trap kind" });
        Assert.Equal(known, output.ToString().Contains("known: listed in fuzz/corpus/known-signatures.yaml"));
    }

    [Fact]
    public void Finding_signature_leaves_out_the_call_and_numbers()
    {
        var a = new FindingException("invoke f2 (i32:1, f64:0x1p+0): the reference interpreter crashed: System.IndexOutOfRangeException at 17");
        var b = new FindingException("invoke f0 (): the reference interpreter crashed: System.IndexOutOfRangeException at 2147483640");
        Assert.Equal(Replay.Signature(a), Replay.Signature(b));
    }

    [Fact]
    public void Finding_with_a_signature_is_grouped_by_it() =>
        Assert.Equal("FindingException: reference vs wasmtime | invoke | trap kind",
            Replay.Signature(new FindingException("invoke f1 (): trap kind: a vs b", "reference vs wasmtime | invoke | trap kind")));

    [Fact]
    public void Exception_signature_names_the_type_and_our_first_frame()
    {
        Exception caught;
        try
        {
            throw new IndexOutOfRangeException();
        }
        catch (Exception e)
        {
            caught = e;
        }
        Assert.Equal($"System.IndexOutOfRangeException at {typeof(ToolTests).FullName}.{nameof(Exception_signature_names_the_type_and_our_first_frame)}",
            Replay.Signature(caught));
    }

    private sealed class ThrowingTarget(string? signature = null) : FuzzTarget
    {
        public override string Name => "throwing";
        public override string Description => "throws for every input";
        public override IReadOnlyList<string> Assemblies => [];
        public override void Run(byte[] input) => throw new FindingException("always", signature);
        public override int WriteSeeds(SeedSources sources, string folder) => 0;
    }
}
