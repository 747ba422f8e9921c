namespace WasmConform.Cli;

/// <summary>The process exit statuses of <c>wasmconform</c>, for CI to act on.</summary>
public static class ExitCodes
{
    /// <summary>Success: the call returned values, the run found nothing wrong.</summary>
    public const int Ok = 0;
    /// <summary>The call trapped or threw an uncaught exception; or failures were found.</summary>
    public const int Failure = 1;
    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
    /// <summary>The input could not be used: unreadable file, malformed, invalid or unlinkable module.</summary>
    public const int BadInput = 3;
    /// <summary>Execution ran out of call depth, fuel or time.</summary>
    public const int Exhausted = 4;
}
