namespace WasmConform.Engine.Execution;

/// <summary>
/// An exception instance (§4.2.11, exception handling): the tag it was thrown with and its
/// payload, the tag's parameter values as stack cells (two per v128). <c>exnref</c> values refer to it.
/// </summary>
public sealed class ExceptionInstance(TagInstance tag, Slot[] payload)
{
    /// <summary>The tag.</summary>
    public TagInstance Tag { get; } = tag;

    /// <summary>The payload cells, in parameter order.</summary>
    public Slot[] Payload { get; } = payload;
}

/// <summary>
/// A WebAssembly exception left the outermost call without being caught (the script's
/// <c>assert_exception</c>). Not a trap.
/// </summary>
public sealed class UncaughtException(ExceptionInstance exception)
    : WasmException("uncaught exception")
{
    /// <summary>The exception that was thrown.</summary>
    public ExceptionInstance Exception { get; } = exception;
}
