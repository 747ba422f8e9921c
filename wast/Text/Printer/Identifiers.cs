using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// Symbolic identifiers (§6.3.5) for the printer, taken from the name section: a name becomes
/// <c>$name</c> when every character is an identifier character and no earlier index of the
/// same space already uses it; other indices stay numeric.
/// </summary>
internal static class Identifiers
{
    /// <summary>Whether <c>$<paramref name="name"/></c> is a well-formed identifier (§6.3.5 idchar+).</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0) return false;
        foreach (char c in name)
            if (c > 0x7F || !CharClass.IsIdChar((byte)c)) return false;
        return true;
    }

    /// <summary>
    /// One entry per index below <paramref name="count"/>: <c>$name</c>, or <c>null</c> where the
    /// index has no usable name (none given, not an identifier, or taken by a smaller index).
    /// </summary>
    public static string?[] Assign(IEnumerable<NameAssoc> names, int count)
    {
        var ids = new string?[count];
        var given = names.Where(n => n.Index < (uint)count && IsValid(n.Name)).OrderBy(n => n.Index);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, name) in given)
        {
            if (ids[index] is not null) continue;
            string id = "$" + name;
            if (used.Add(id)) ids[index] = id;
        }
        return ids;
    }
}
