using System.Text;
using WasmConform.Wast.Script;

namespace WasmConform.Wast.Json;

/// <summary>Script files in either form: <c>.wast</c> text, or wast2json output (<c>.json</c> with its module files).</summary>
public static class ScriptFiles
{
    /// <summary>How many bytes <see cref="IsJsonScript"/> looks at.</summary>
    private const int HeaderBytes = 512;

    /// <summary>
    /// Whether <paramref name="path"/> is a JSON script: a <c>.json</c> file that starts as wast2json
    /// output does (an object whose first member is <c>source_filename</c> or <c>commands</c>).
    /// Unreadable files are not.
    /// </summary>
    public static bool IsJsonScript(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[HeaderBytes];
            int n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var head = Encoding.UTF8.GetString(buffer, 0, n).TrimStart();
            if (!head.StartsWith('{')) return false;
            head = head[1..].TrimStart();
            return head.StartsWith("\"source_filename\"", StringComparison.Ordinal) || head.StartsWith("\"commands\"", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a script: a <c>.json</c> file as wast2json output (<see cref="JsonScriptReader"/>),
    /// anything else as <c>.wast</c> text, its modules in the text format of <paramref name="features"/>.
    /// </summary>
    /// <exception cref="Text.ParseException">A <c>.wast</c> with a syntax error.</exception>
    /// <exception cref="JsonScriptException">A JSON script that cannot be read.</exception>
    public static WastScript Read(string path, Engine.Features features = Engine.FeatureSets.All) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JsonScriptReader.ReadFile(path) : WastScript.ParseFile(path, features);
}
