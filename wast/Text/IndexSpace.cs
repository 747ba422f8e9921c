using System.Text;

namespace WasmConform.Wast.Text;

/// <summary>
/// One index space of a module or function (§6.6.1 identifier contexts): indices are handed
/// out in order, and identifiers map to the index they were bound to.
/// </summary>
internal sealed class IndexSpace(string category)
{
    private Dictionary<string, uint>? _names;

    /// <summary>The category in error messages: "function", "local", "data segment", …</summary>
    public string Category { get; } = category;

    /// <summary>Indices handed out so far.</summary>
    public uint Count { get; private set; }

    /// <summary>Takes the next index, bound to <paramref name="name"/> if given; false when the name is already bound.</summary>
    public bool TryBind(string? name, out uint index)
    {
        index = Count++;
        if (name is null) return true;
        _names ??= new Dictionary<string, uint>(StringComparer.Ordinal);
        return _names.TryAdd(name, index);
    }

    /// <summary>Takes <paramref name="count"/> anonymous indices.</summary>
    public void Skip(uint count) => Count += count;

    /// <summary>The index bound to <paramref name="name"/>.</summary>
    public bool TryLookup(string name, out uint index)
    {
        index = 0;
        return _names is not null && _names.TryGetValue(name, out index);
    }

    /// <summary>How an identifier is written in messages: <c>$name</c>, or <c>$"…"</c> when it needs quotes.</summary>
    public static string Show(string name)
    {
        bool plain = name.Length > 0;
        foreach (char c in name)
            if (c > 0x7E || !CharClass.IsIdChar((byte)c)) plain = false;
        if (plain) return "$" + name;
        var sb = new StringBuilder("$\"");
        foreach (char c in name)
            sb.Append(c switch { '"' => "\\\"", '\\' => "\\\\", < ' ' => $"\\{(int)c:x2}", _ => c.ToString() });
        return sb.Append('"').ToString();
    }
}
