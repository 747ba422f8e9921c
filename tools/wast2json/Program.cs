namespace WasmConform.Wast2Json;

/// <summary>Entry point of <c>wast2json</c>.</summary>
public static class Program
{
    public static int Main(string[] args) => 0;
}
