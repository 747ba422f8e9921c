using WasmConform.Engine;
using WasmConform.Engine.Execution;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Json;
using WasmConform.Wast.Script;

namespace WasmConform.Wast.Tests.Json;

/// <summary>Converts scripts to JSON in memory, reads them back, and runs scripts on the reference interpreter.</summary>
internal static class JsonConversion
{
    /// <summary>Parses and converts the .wast at <paramref name="path"/> (module files named after it).</summary>
    public static JsonScript Convert(string path) =>
        Wast2Json.Convert(WastScript.ParseFile(path), path, Path.GetFileNameWithoutExtension(path));

    /// <summary>Parses and converts a script given as text.</summary>
    public static JsonScript Convert(string text, string stem) =>
        Wast2Json.Convert(WastScript.Parse(System.Text.Encoding.UTF8.GetBytes(text), stem + ".wast"), stem + ".wast", stem);

    /// <summary>Reads a converted script back, its module files from memory.</summary>
    public static WastScript ReadBack(JsonScript json, string path)
    {
        var files = json.Files.ToDictionary(f => f.Name, f => f.Bytes);
        return JsonScriptReader.Read(json.JsonBytes, path,
            name => files.TryGetValue(name, out var bytes) ? bytes : throw new FileNotFoundException($"no module file {name}"));
    }

    /// <summary>Runs a script on a fresh reference engine with every feature, interrupted after a minute.</summary>
    public static ScriptResult Run(WastScript script, string path)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var engine = new ReferenceEngine(new ExecutionLimits { Cancellation = deadline.Token }, FeatureSets.All);
        return new ScriptRunner(engine).Run(script, path);
    }
}
