namespace WasmConform.Wast.Script;

/// <summary>What became of one command of a script.</summary>
public enum CommandStatus : byte
{
    /// <summary>The command did what it asserts (or, for a plain action or module, ran without failing).</summary>
    Passed,
    /// <summary>The command did not do what it asserts.</summary>
    Failed,
    /// <summary>The command could not be run, for the stated reason (a feature not built yet, a module it needs was skipped).</summary>
    Skipped,
}

/// <summary>The result of one command: where it is, what it is, and what happened.</summary>
/// <param name="Line">1-based line of the command in its file.</param>
/// <param name="Command">The command's keyword, e.g. <c>assert_return</c>, with the action or export name when there is one.</param>
/// <param name="Status">Passed, failed or skipped.</param>
/// <param name="Expected">For a failure: what the command expected.</param>
/// <param name="Actual">For a failure: what the engine did.</param>
/// <param name="Reason">For a skip: why.</param>
public sealed record CommandResult(int Line, string Command, CommandStatus Status, string? Expected = null, string? Actual = null, string? Reason = null);

/// <summary>The results of running one script file, command by command, in order.</summary>
/// <param name="Path">The file's path relative to the suite root, with forward slashes (e.g. <c>core/simd/simd_lane.wast</c>).</param>
/// <param name="Commands">One result per command.</param>
/// <param name="Error">When the file itself could not be read or parsed: the message (<c>file:line:column: message</c>); its commands are then absent.</param>
public sealed record ScriptResult(string Path, IReadOnlyList<CommandResult> Commands, string? Error = null)
{
    public int Passed => Commands.Count(c => c.Status == CommandStatus.Passed);
    public int Failed => Commands.Count(c => c.Status == CommandStatus.Failed) + (Error is null ? 0 : 1);
    public int Skipped => Commands.Count(c => c.Status == CommandStatus.Skipped);
}
