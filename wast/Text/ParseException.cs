using WasmConform.Engine;

namespace WasmConform.Wast.Text;

/// <summary>
/// A syntax error in the text format (§6) or in a script: the module or script is malformed.
/// <see cref="Exception.Message"/> is the spec interpreter's wording alone ("unexpected token",
/// "unknown operator i32.foo", "unclosed string literal", …); <see cref="WasmException.Location"/>
/// is <c>file:line:column</c> (1-based line, 1-based column counted in bytes).
/// </summary>
public sealed class ParseException : WasmException
{
    /// <summary>Creates the error for <paramref name="message"/> at a source position.</summary>
    public ParseException(string message, string file, int line, int column)
        : base(message, $"{file}:{line}:{column}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The source the error is in (a file path, or a name given by the caller).</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column, in bytes from the start of the line.</summary>
    public int Column { get; }
}
