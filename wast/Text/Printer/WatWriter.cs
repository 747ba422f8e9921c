using System.Text;

namespace WasmConform.Wast.Text;

/// <summary>Line-oriented text output with two-space indentation, for the WAT printer.</summary>
internal sealed class WatWriter
{
    /// <summary>Lines longer than this (indentation included) are broken where the layout allows.</summary>
    public const int Width = 100;

    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Indentation stops growing past this many levels, so that deeply nested code stays linear in size.</summary>
    public const int MaxIndent = 40;

    /// <summary>Columns of indentation the next line gets.</summary>
    public int Column => 2 * Math.Min(_depth, MaxIndent);

    /// <summary>Writes <paramref name="line"/> at the current indentation.</summary>
    public void Line(string line)
    {
        _text.Append(' ', Column).Append(line).Append('\n');
    }

    /// <summary>Indents the following lines one level more.</summary>
    public void Indent() => _depth++;

    /// <summary>Indents the following lines one level less (never below the left margin).</summary>
    public void Dedent() => _depth = Math.Max(0, _depth - 1);

    /// <summary>Appends <paramref name="suffix"/> to the last line written (a closing parenthesis).</summary>
    public void Close(string suffix = ")")
    {
        if (_text.Length == 0 || _text[^1] != '\n')
        {
            _text.Append(suffix);
            return;
        }
        _text.Insert(_text.Length - 1, suffix);
    }

    public override string ToString() => _text.ToString();
}
