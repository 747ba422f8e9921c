using System.Text;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Wast.Script;

namespace WasmConform.Wast.Tests.Script;

/// <summary>
/// The script runner is strict: an engine that answers almost right (a NaN of the wrong class,
/// -0 for +0, a trap with another message, invalid where malformed is expected) fails the assertion.
/// </summary>
public class RunnerStrictnessTests
{
    /// <summary>An engine that answers every call of an export with a fixed outcome, and every compile with <see cref="CompileAnswer"/>.</summary>
    private sealed class ScriptedEngine(Dictionary<string, Outcome> answers) : IEngine
    {
        public Outcome CompileAnswer { get; init; } = new Outcome.Compiled(new object());
        public string Name => "scripted";
        public string Version => "1";
        public Outcome Compile(ReadOnlyMemory<byte> binary) => CompileAnswer;
        public Outcome Instantiate(object module) => new Outcome.Instantiated(new object());
        public void Register(string name, object instance) { }
        public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args) => answers[export];
        public Outcome Get(object instance, string export) => answers[export];
        public void Dispose() { }
    }

    private static CommandStatus RunLast(string script, IEngine engine)
    {
        var parsed = WastScript.Parse(Encoding.UTF8.GetBytes(script), "test.wast");
        return new ScriptRunner(engine).Run(parsed, "test.wast").Commands[^1].Status;
    }

    private static ScriptedEngine Answering(string export, Outcome outcome) => new(new() { [export] = outcome });

    private const string Module = "(module (func (export \"f\") (result f32) (f32.const 0)))\n";

    [Theory]
    [InlineData(0x7FC00000u, CommandStatus.Passed)]
    [InlineData(0xFFC00000u, CommandStatus.Passed)]
    [InlineData(0x7FC00001u, CommandStatus.Failed)]
    [InlineData(0x7FA00000u, CommandStatus.Failed)]
    public void Nan_canonical_accepts_only_canonical_nans(uint bits, CommandStatus expected)
    {
        var engine = Answering("f", new Outcome.Values([Value.F32Bits(bits)]));
        Assert.Equal(expected, RunLast(Module + "(assert_return (invoke \"f\") (f32.const nan:canonical))", engine));
    }

    [Theory]
    [InlineData(0x7FC00001u, CommandStatus.Passed)]
    [InlineData(0xFFE00000u, CommandStatus.Passed)]
    [InlineData(0x7FA00000u, CommandStatus.Failed)]
    [InlineData(0x3F800000u, CommandStatus.Failed)]
    public void Nan_arithmetic_accepts_only_quiet_nans(uint bits, CommandStatus expected)
    {
        var engine = Answering("f", new Outcome.Values([Value.F32Bits(bits)]));
        Assert.Equal(expected, RunLast(Module + "(assert_return (invoke \"f\") (f32.const nan:arithmetic))", engine));
    }

    [Theory]
    [InlineData(0x00000000u, CommandStatus.Passed)]
    [InlineData(0x80000000u, CommandStatus.Failed)]
    public void Positive_zero_is_not_negative_zero(uint bits, CommandStatus expected)
    {
        var engine = Answering("f", new Outcome.Values([Value.F32Bits(bits)]));
        Assert.Equal(expected, RunLast(Module + "(assert_return (invoke \"f\") (f32.const 0))", engine));
    }

    [Theory]
    [InlineData("integer divide by zero", CommandStatus.Passed)]
    [InlineData("integer overflow", CommandStatus.Failed)]
    public void Trap_message_must_start_with_the_expected_text(string message, CommandStatus expected)
    {
        var engine = Answering("f", new Outcome.Trap(TrapKind.IntegerDivideByZero, message));
        Assert.Equal(expected, RunLast(Module + "(assert_trap (invoke \"f\") \"integer divide by zero\")", engine));
    }

    [Fact]
    public void A_value_does_not_satisfy_assert_trap()
    {
        var engine = Answering("f", new Outcome.Values([Value.F32Bits(0)]));
        Assert.Equal(CommandStatus.Failed, RunLast(Module + "(assert_trap (invoke \"f\") \"unreachable\")", engine));
    }

    [Theory]
    [InlineData(true, CommandStatus.Passed)]
    [InlineData(false, CommandStatus.Failed)]
    public void Invalid_does_not_satisfy_assert_malformed(bool malformed, CommandStatus expected)
    {
        Outcome answer = malformed ? new Outcome.Malformed("unknown binary version") : new Outcome.Invalid("unknown binary version");
        var engine = new ScriptedEngine([]) { CompileAnswer = answer };
        Assert.Equal(expected, RunLast("(assert_malformed (module binary \"\\00asm\\02\\00\\00\\00\") \"unknown binary version\")", engine));
    }

    [Fact]
    public void Malformed_does_not_satisfy_assert_invalid()
    {
        var engine = new ScriptedEngine([]) { CompileAnswer = new Outcome.Malformed("type mismatch") };
        Assert.Equal(CommandStatus.Failed, RunLast("(assert_invalid (module (func (result i32))) \"type mismatch\")", engine));
    }

    [Fact]
    public void Wrong_number_of_results_fails()
    {
        var engine = Answering("f", new Outcome.Values([Value.F32Bits(0), Value.F32Bits(0)]));
        Assert.Equal(CommandStatus.Failed, RunLast(Module + "(assert_return (invoke \"f\") (f32.const 0))", engine));
    }

    [Fact]
    public void Unsupported_is_a_skip_with_the_reason_never_a_pass()
    {
        var engine = Answering("f", new Outcome.Unsupported("SIMD execution"));
        var parsed = WastScript.Parse(Encoding.UTF8.GetBytes(Module + "(assert_return (invoke \"f\") (f32.const 0))"), "t.wast");
        var last = new ScriptRunner(engine).Run(parsed, "t.wast").Commands[^1];
        Assert.Equal(CommandStatus.Skipped, last.Status);
        Assert.Equal("SIMD execution", last.Reason);
    }
}
