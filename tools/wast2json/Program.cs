using System.CommandLine;
using WasmConform.Engine;
using WasmConform.Wast.Json;
using WasmConform.Wast.Script;

namespace WasmConform.Wast2Json;

/// <summary>
/// Entry point of <c>wast2json</c>: converts a <c>.wast</c> script into wabt's JSON command list
/// and numbered module files (see <see cref="Wast.Json.Wast2Json"/>).
/// </summary>
public static class Program
{
    /// <summary>Exit status when the script was converted.</summary>
    public const int Ok = 0;

    /// <summary>Exit status when the script could not be read, parsed, converted or written.</summary>
    public const int Failed = 1;

    public static int Main(string[] args)
    {
        var input = new Argument<string>("file") { Description = "The .wast script to convert." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The JSON file to write (default: the script's name with .json, in the current folder). " +
                "Module files go beside it as NAME.0.wasm, NAME.1.wat, …",
        };
        var root = new RootCommand("""
            Convert a WebAssembly spec test script (.wast) into a JSON list of its commands and one
            file per module, in the format of wabt's wast2json: text modules encoded as .wasm,
            binary modules as their bytes, quoted modules of assertions as .wat text.
            Exit status: 0 converted; 1 the script could not be read, parsed or converted
            (the error is printed as file:line:column: message).
            """)
        {
            input, output,
        };
        root.SetAction(parse => Convert(parse.GetValue(input)!, parse.GetValue(output)));
        return root.Parse(args).Invoke();
    }

    private static int Convert(string input, string? output)
    {
        output ??= Path.GetFileNameWithoutExtension(input) + ".json";
        try
        {
            var script = WastScript.Parse(File.ReadAllBytes(input), input);
            var converted = Wast.Json.Wast2Json.Convert(script, input, Path.GetFileNameWithoutExtension(output));
            var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(output, converted.JsonBytes);
            foreach (var file in converted.Files) File.WriteAllBytes(Path.Combine(folder, file.Name), file.Bytes);
            return Ok;
        }
        catch (WasmException e)
        {
            Console.Error.WriteLine(e.Describe());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"wast2json: {e.Message}");
        }
        return Failed;
    }
}
