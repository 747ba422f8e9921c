using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Script;

/// <summary>
/// Runs the commands of a <c>.wast</c> script against an <see cref="IEngine"/>, as strictly as
/// the spec's reference interpreter (script/runner.ml): failure classes must match (a malformed
/// module never satisfies <c>assert_invalid</c>), expected messages must be prefixes of the
/// engine's, results compare bit-exact (see <see cref="ResultMatcher"/>).
/// </summary>
/// <remarks>
/// Unlike the reference interpreter, a failing command does not end the script: every command
/// gets a result. A command that needs a module which failed is failed too (its module's line is
/// named); one that needs a module the engine could not run (<see cref="Outcome.Unsupported"/>)
/// is skipped with the reason. Text modules are encoded to binary and compiled through the engine,
/// so every engine sees the same bytes. With <see cref="MessageMatching.ByClass"/> (for engines other
/// than the reference interpreter) failures compare by class and trap kind, not by message.
/// </remarks>
public sealed class ScriptRunner(IEngine engine, MessageMatching matching = MessageMatching.Exact)
{
    private readonly Dictionary<string, Slot> _modules = [];
    private readonly Dictionary<string, Slot> _instances = [];
    private Slot? _lastModule;
    private Slot? _current;

    /// <summary>A module or instance the script defined: its handle, or why there is none.</summary>
    private sealed record Slot(object? Handle, int Line, string? Problem = null, bool Skipped = false);

    /// <summary>Runs every command of <paramref name="script"/>; <paramref name="path"/> names the file in the result.</summary>
    public ScriptResult Run(WastScript script, string path)
    {
        var results = new List<CommandResult>(script.Commands.Count);
        foreach (var command in script.Commands) results.Add(Run(command));
        return new ScriptResult(path, results);
    }

    /// <summary>
    /// Reads and runs the script at <paramref name="fullPath"/>: a <c>.wast</c>, or wast2json output
    /// (<c>.json</c>, see <see cref="Json.ScriptFiles"/>). A script that cannot be read is one failure with the error.
    /// </summary>
    public static ScriptResult RunFile(IEngine engine, string fullPath, string path, MessageMatching matching = MessageMatching.Exact)
    {
        WastScript script;
        try
        {
            script = Json.ScriptFiles.Read(fullPath, engine.Features);
        }
        catch (Engine.WasmException e) when (e is ParseException or Json.JsonScriptException)
        {
            return new ScriptResult(path, [], e.Describe());
        }
        return new ScriptRunner(engine, matching).Run(script, path);
    }

    /// <summary>Runs one command.</summary>
    public CommandResult Run(Command command) => command switch
    {
        ModuleCommand m => RunModule(m),
        InstanceCommand i => RunInstance(i),
        RegisterCommand r => RunRegister(r),
        ActionCommand a => RunAction(a),
        AssertReturn a => AssertReturn(a),
        AssertTrap a => Expect(a.Location, Name("assert_trap", a.Action), Perform(a.Action), $"trap: {a.Message}",
            o => o is Outcome.Trap t && IsTrap(t, a.Message)),
        AssertExhaustion a => Expect(a.Location, Name("assert_exhaustion", a.Action), Perform(a.Action), $"exhausted: {a.Message}",
            o => o is Outcome.Exhausted x && (matching == MessageMatching.ByClass
                || Engine.Execution.ExhaustionException.MessageOf(x.Kind).StartsWith(a.Message, StringComparison.Ordinal))),
        AssertException a => Expect(a.Location, Name("assert_exception", a.Action), Perform(a.Action), "an uncaught exception",
            o => o is Outcome.Thrown),
        AssertMalformed a => Expect(a.Location, "assert_malformed", Compile(a.Module.Source), $"malformed: {a.Message}",
            o => IsRejected<Outcome.Malformed>(o, a.Message)),
        AssertInvalid a => Expect(a.Location, "assert_invalid", Compile(a.Module.Source), $"invalid: {a.Message}",
            o => IsRejected<Outcome.Invalid>(o, a.Message)),
        AssertMalformedCustom a => Expect(a.Location, "assert_malformed_custom", Compile(a.Module.Source), $"malformed custom: {a.Message}",
            o => IsRejected<Outcome.Malformed>(o, a.Message)),
        AssertInvalidCustom a => Expect(a.Location, "assert_invalid_custom", Compile(a.Module.Source), $"invalid custom: {a.Message}",
            o => IsRejected<Outcome.Invalid>(o, a.Message)),
        AssertUnlinkable a => Expect(a.Location, "assert_unlinkable", InstantiateFor(a.Module), $"unlinkable: {a.Message}",
            o => o is Outcome.Unlinkable m && (matching == MessageMatching.ByClass || m.Message.StartsWith(a.Message, StringComparison.Ordinal))),
        AssertUninstantiable a => Expect(a.Location, "assert_trap (module)", InstantiateFor(a.Module), $"trap: {a.Message}",
            o => o is Outcome.Trap t && IsTrap(t, a.Message) || o is Outcome.Thrown),
        _ => new CommandResult(command.Location.Line, command.GetType().Name, CommandStatus.Skipped,
            Reason: $"the script runner does not run {command.GetType().Name} commands"),
    };

    /// <summary>Whether a trap is the expected one: by message prefix, or (by class) by kind up to <see cref="TrapClasses"/>.</summary>
    private bool IsTrap(Outcome.Trap trap, string expected) => matching == MessageMatching.Exact
        ? trap.Message.StartsWith(expected, StringComparison.Ordinal)
        : Engine.Execution.TrapMessages.FromMessage(expected) is not { } kind || TrapClasses.Same(kind, trap.Kind);

    /// <summary>Whether a module was rejected as expected: in class <typeparamref name="T"/> with the message as prefix, or (by class) at all.</summary>
    private bool IsRejected<T>(Outcome outcome, string expected) where T : Outcome => matching == MessageMatching.Exact
        ? outcome is T && MessageOf(outcome).StartsWith(expected, StringComparison.Ordinal)
        : outcome is Outcome.Malformed or Outcome.Invalid;

    private static string MessageOf(Outcome outcome) => outcome switch
    {
        Outcome.Malformed m => m.Message,
        Outcome.Invalid i => i.Message,
        _ => "",
    };

    // --- Modules and instances ---

    private CommandResult RunModule(ModuleCommand m)
    {
        int line = m.Location.Line;
        string name = m.IsDefinition ? "module definition" : "module";
        var compiled = Compile(m.Source);
        if (compiled is not Outcome.Compiled c)
        {
            var failed = FailedSlot(line, compiled);
            Bind(_modules, m.Id, failed);
            _lastModule = failed;
            if (!m.IsDefinition) BindInstance(m.Id, failed);
            return SlotResult(line, name, failed, "a valid module", compiled);
        }
        var module = new Slot(c.Module, line);
        Bind(_modules, m.Id, module);
        _lastModule = module;
        if (m.IsDefinition) return Passed(line, name);
        var instance = Instantiate(module, line);
        BindInstance(m.Id, instance.Slot);
        return SlotResult(line, name, instance.Slot, "an instance", instance.Outcome);
    }

    private CommandResult RunInstance(InstanceCommand i)
    {
        int line = i.Location.Line;
        var module = LookupModule(i.ModuleId, line);
        var instance = Instantiate(module, line);
        BindInstance(i.InstanceId, instance.Slot);
        return SlotResult(line, "module instance", instance.Slot, "an instance", instance.Outcome);
    }

    private CommandResult RunRegister(RegisterCommand r)
    {
        int line = r.Location.Line;
        var instance = LookupInstance(r.ModuleId, line);
        if (instance.Handle is null) return Dependent(line, $"register \"{r.Name}\"", "a module to register", instance);
        engine.Register(r.Name, instance.Handle);
        return Passed(line, $"register \"{r.Name}\"");
    }

    private (Slot Slot, Attempt Outcome) Instantiate(Slot module, int line)
    {
        if (module.Handle is null) return (module, new Attempt(null, module));
        var outcome = engine.Instantiate(module.Handle);
        return outcome is Outcome.Instantiated inst
            ? (new Slot(inst.Instance, line), outcome)
            : (FailedSlot(line, outcome), outcome);
    }

    /// <summary>The instantiation that assert_unlinkable / assert_trap on a module asks about.</summary>
    private Attempt InstantiateFor(Command module)
    {
        if (module is ModuleCommand m)
        {
            var compiled = Compile(m.Source);
            return compiled is Outcome.Compiled c ? engine.Instantiate(c.Module) : compiled;
        }
        var slot = LookupModule(((InstanceCommand)module).ModuleId, module.Location.Line);
        return slot.Handle is { } handle ? engine.Instantiate(handle) : new Attempt(null, slot);
    }

    /// <summary>Parses (quote), encodes (text) and compiles a script module on the engine.</summary>
    private Outcome Compile(ModuleSource source)
    {
        try
        {
            return source switch
            {
                BinaryModule b => engine.Compile(b.Bytes.ToArray()),
                TextModule t => engine.Compile(Encoder.Encode(t.Module)),
                QuotedModule q => engine.Compile(Encoder.Encode(q.Parse(engine.Features))),
                _ => new Outcome.Crash($"unknown module source {source.GetType().Name}"),
            };
        }
        catch (ParseException e)
        {
            return new Outcome.Malformed(e.Message);
        }
    }

    // --- Actions ---

    private CommandResult RunAction(ActionCommand a) =>
        Expect(a.Location, Name("action", a.Action), Perform(a.Action), "the action completes", o => o is Outcome.Values);

    private CommandResult AssertReturn(AssertReturn a) =>
        Expect(a.Location, Name("assert_return", a.Action), Perform(a.Action), OutcomeText.Describe(a.Expected),
            o => o is Outcome.Values v && ResultMatcher.Matches(v.Results, a.Expected));

    /// <summary>Performs an action on its instance, if the instance is there.</summary>
    private Attempt Perform(ScriptAction action)
    {
        var instance = LookupInstance(action.ModuleId, action.Location.Line);
        if (instance.Handle is null) return new Attempt(null, instance);
        return action switch
        {
            InvokeAction i => engine.Invoke(instance.Handle, i.Name, i.Arguments.ToArray()),
            GetAction g => engine.Get(instance.Handle, g.Name),
            _ => new Outcome.Crash($"unknown action {action.GetType().Name}"),
        };
    }

    // --- Results ---

    private static CommandResult Expect(SourceLocation at, string name, Attempt attempt, string expected, Func<Outcome, bool> holds)
    {
        if (attempt.Missing is { } missing) return Dependent(at.Line, name, expected, missing);
        var actual = attempt.Outcome!;
        if (holds(actual)) return Passed(at.Line, name);
        return actual is Outcome.Unsupported u
            ? Skip(at.Line, name, u.Feature)
            : Failed(at.Line, name, expected, OutcomeText.Describe(actual));
    }

    private static CommandResult SlotResult(int line, string name, Slot slot, string expected, Attempt attempt) =>
        slot.Handle is not null ? Passed(line, name)
        : attempt.Missing is { } missing ? Dependent(line, name, expected, missing)
        : slot.Skipped ? Skip(line, name, slot.Problem!)
        : Failed(line, name, expected, OutcomeText.Describe(attempt.Outcome!));

    private static CommandResult Dependent(int line, string name, string expected, Slot missing) =>
        missing.Skipped ? Skip(line, name, missing.Problem!) : Failed(line, name, expected, NotRun(missing));

    private static CommandResult Passed(int line, string name) => new(line, name, CommandStatus.Passed);

    private static CommandResult Failed(int line, string name, string expected, string actual) =>
        new(line, name, CommandStatus.Failed, expected, actual);

    private static CommandResult Skip(int line, string name, string feature) =>
        new(line, name, CommandStatus.Skipped, Reason: feature);

    private static string Name(string command, ScriptAction action) =>
        $"{command} {(action is GetAction ? "get" : "invoke")} \"{action.Name}\"";

    // --- Bookkeeping ---

    private static Slot FailedSlot(int line, Outcome outcome) => outcome is Outcome.Unsupported u
        ? new Slot(null, line, u.Feature, Skipped: true)
        : new Slot(null, line, OutcomeText.Describe(outcome));

    private static void Bind(Dictionary<string, Slot> table, string? id, Slot slot)
    {
        if (id is not null) table[id] = slot;
    }

    private void BindInstance(string? id, Slot slot)
    {
        Bind(_instances, id, slot);
        _current = slot;
    }

    private Slot LookupModule(string? id, int line) =>
        id is null ? _lastModule ?? new Slot(null, line, "no module defined before this command")
        : _modules.GetValueOrDefault(id) ?? new Slot(null, line, $"unknown module ${id}");

    private Slot LookupInstance(string? id, int line) =>
        id is null ? _current ?? new Slot(null, line, "no module instantiated before this command")
        : _instances.GetValueOrDefault(id) ?? new Slot(null, line, $"unknown instance ${id}");

    /// <summary>What the engine answered, or the module the command needed that is not there.</summary>
    private readonly record struct Attempt(Outcome? Outcome, Slot? Missing)
    {
        public static implicit operator Attempt(Outcome outcome) => new(outcome, null);
    }

    private static string NotRun(Slot missing) => $"not run: the module at line {missing.Line} failed ({missing.Problem})";
}
