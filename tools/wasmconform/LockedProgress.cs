namespace WasmConform.Cli;

/// <summary>Reports progress synchronously, one report at a time, on the reporting thread (unlike <see cref="Progress{T}"/>, which posts and may reorder).</summary>
public sealed class LockedProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _lock = new();

    public void Report(T value)
    {
        lock (_lock) report(value);
    }
}
