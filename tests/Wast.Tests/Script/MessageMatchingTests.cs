using System.Text;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Wast.Script;

namespace WasmConform.Wast.Tests.Script;

/// <summary>By-class matching, for engines whose messages are their own.</summary>
public sealed class MessageMatchingTests
{
    private sealed class Answering(Outcome compile, Outcome invoke) : IEngine
    {
        public string Name => "other";
        public string Version => "1";
        public Outcome Compile(ReadOnlyMemory<byte> binary) => compile;
        public Outcome Instantiate(object module) => new Outcome.Instantiated(new object());
        public void Register(string name, object instance) { }
        public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args) => invoke;
        public Outcome Get(object instance, string export) => invoke;
        public void Dispose() { }
    }

    private static CommandStatus Last(string script, IEngine engine, MessageMatching matching)
    {
        var parsed = WastScript.Parse(Encoding.UTF8.GetBytes(script), "test.wast");
        return new ScriptRunner(engine, matching).Run(parsed, "test.wast").Commands[^1].Status;
    }

    private const string Module = "(module (func (export \"f\")))\n";
    private static readonly Outcome Compiled = new Outcome.Compiled(new object());

    [Fact]
    public void By_class_an_invalid_answer_satisfies_assert_malformed()
    {
        var engine = new Answering(new Outcome.Invalid("something else"), new Outcome.Values([]));
        const string script = "(assert_malformed (module quote \"(func)\") \"unexpected token\")";
        Assert.Equal(CommandStatus.Passed, Last(script, engine, MessageMatching.ByClass));
        Assert.Equal(CommandStatus.Failed, Last(script, engine, MessageMatching.Exact));
    }

    [Fact]
    public void By_class_a_trap_matches_by_kind_group_not_text()
    {
        var engine = new Answering(Compiled, new Outcome.Trap(TrapKind.OutOfBoundsTableAccess, "table index is out of bounds"));
        string script = Module + "(assert_trap (invoke \"f\") \"undefined element\")";
        Assert.Equal(CommandStatus.Passed, Last(script, engine, MessageMatching.ByClass));
        Assert.Equal(CommandStatus.Failed, Last(script, engine, MessageMatching.Exact));
    }

    [Fact]
    public void By_class_a_trap_of_another_kind_fails()
    {
        var engine = new Answering(Compiled, new Outcome.Trap(TrapKind.Unreachable, "unreachable"));
        Assert.Equal(CommandStatus.Failed, Last(Module + "(assert_trap (invoke \"f\") \"integer divide by zero\")", engine, MessageMatching.ByClass));
    }

    [Theory]
    [InlineData(TrapKind.NullStructureReference, TrapKind.NullReference)]
    [InlineData(TrapKind.InvalidConversionToInteger, TrapKind.IntegerOverflow)]
    [InlineData(TrapKind.UninitializedElement, TrapKind.IndirectCallTypeMismatch)]
    public void Trap_classes_group_what_engines_report_as_one(TrapKind a, TrapKind b) => Assert.True(TrapClasses.Same(a, b));

    [Fact]
    public void Trap_classes_keep_memory_and_table_apart() =>
        Assert.False(TrapClasses.Same(TrapKind.OutOfBoundsMemoryAccess, TrapKind.OutOfBoundsTableAccess));
}
