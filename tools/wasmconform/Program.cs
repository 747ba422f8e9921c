namespace WasmConform.Cli;

/// <summary>Entry point of <c>wasmconform</c>.</summary>
public static class Program
{
    public static int Main(string[] args) => 0;
}
