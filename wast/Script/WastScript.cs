using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Script;

/// <summary>A <c>.wast</c> script: its commands in order.</summary>
/// <param name="File">The name positions are reported against.</param>
/// <param name="Commands">The commands.</param>
public sealed record WastScript(string File, EquatableArray<Command> Commands)
{
    /// <summary>
    /// Parses a script. A file of bare module fields is one module command. Throws
    /// <see cref="Text.ParseException"/> for a syntax error outside quoted modules.
    /// </summary>
    public static WastScript Parse(byte[] source, string file) => ScriptParser.Parse(source, file);

    /// <summary>Reads and parses the script at <paramref name="path"/> (bytes as they are: the suite has raw control bytes in comments).</summary>
    public static WastScript ParseFile(string path) => Parse(System.IO.File.ReadAllBytes(path), path);
}
