using System.Globalization;
using System.Text;

namespace WasmConform.Wast.Json;

/// <summary>
/// Builds JSON text laid out as wabt's <c>wast2json</c> lays it out: <c>"key": value</c> pairs
/// separated by <c>", "</c>, every value of a constant as a string, and strings escaped the way
/// wabt escapes them (control characters, <c>"</c> and <c>\</c> as <c>\u00XX</c>, everything else
/// as it is), so our output and wabt's can be compared line by line.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new();
    private bool _first = true;

    /// <summary>Opens an object: <c>{</c>.</summary>
    public JsonText Open()
    {
        _text.Append('{');
        _first = true;
        return this;
    }

    /// <summary>Closes an object: <c>}</c>.</summary>
    public JsonText Close()
    {
        _text.Append('}');
        _first = false;
        return this;
    }

    /// <summary>Writes <c>"key": </c>, preceded by a separator unless it is the first member.</summary>
    public JsonText Key(string key)
    {
        if (!_first) _text.Append(", ");
        _text.Append('"').Append(key).Append("\": ");
        _first = false;
        return this;
    }

    /// <summary>A member whose value is an escaped string.</summary>
    public JsonText String(string key, string value)
    {
        Key(key);
        return Quoted(value);
    }

    /// <summary>A member whose value is a number.</summary>
    public JsonText Number(string key, long value)
    {
        Key(key);
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>An escaped string value.</summary>
    public JsonText Quoted(string value)
    {
        Escape(_text, value);
        return this;
    }

    /// <summary>A member holding a list; <paramref name="item"/> writes each element.</summary>
    public JsonText List<T>(string key, IEnumerable<T> items, Action<JsonText, T> item)
    {
        Key(key);
        _text.Append('[');
        bool first = true;
        foreach (var x in items)
        {
            if (!first) _text.Append(", ");
            first = false;
            _first = true;
            item(this, x);
        }
        _text.Append(']');
        _first = false;
        return this;
    }

    /// <summary>Raw text, written as it is.</summary>
    public JsonText Raw(string text)
    {
        _text.Append(text);
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>Appends <paramref name="value"/> in quotes, with wabt's escapes.</summary>
    public static void Escape(StringBuilder to, string value)
    {
        to.Append('"');
        foreach (char c in value)
        {
            if (c < 0x20 || c == '"' || c == '\\') to.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else to.Append(c);
        }
        to.Append('"');
    }
}
