using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Script;

/// <summary>A <c>.wast</c> script: its commands in order.</summary>
/// <param name="File">The name positions are reported against.</param>
/// <param name="Commands">The commands.</param>
public sealed record WastScript(string File, EquatableArray<Command> Commands)
{
    /// <summary>
    /// Parses a script, its modules in the text format of <paramref name="features"/>. A file of
    /// bare module fields is one module command. Throws <see cref="Text.ParseException"/> for a
    /// syntax error outside quoted modules.
    /// </summary>
    public static WastScript Parse(byte[] source, string file, Engine.Features features = Engine.FeatureSets.All) =>
        ScriptParser.Parse(source, file, features);

    /// <summary>Reads and parses the script at <paramref name="path"/> (bytes as they are: the suite has raw control bytes in comments).</summary>
    public static WastScript ParseFile(string path, Engine.Features features = Engine.FeatureSets.All) =>
        Parse(System.IO.File.ReadAllBytes(path), path, features);
}
