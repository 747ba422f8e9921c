using System.Text;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>§3.5.11 exports: each names an existing definition; names are distinct.</summary>
internal static class Exports
{
    /// <summary>Checks the exports and returns their canonical external types.</summary>
    public static ExternType[] Check(ModuleContext c)
    {
        var exports = c.Module.Exports;
        var result = new ExternType[exports.Count];
        for (int i = 0; i < exports.Count; i++)
        {
            var site = c.At("export", (uint)i);
            var e = exports[i];
            result[i] = e.Kind switch
            {
                ExternKind.Func => new ExternFunc(c.Func(e.Index, site).Id, !c.InexactFuncs[e.Index]),
                ExternKind.Table => new ExternTable(c.Table(e.Index, site)),
                ExternKind.Memory => new ExternMemory(c.Memory(e.Index, site)),
                ExternKind.Global => new ExternGlobal(c.Global(e.Index, site)),
                ExternKind.Tag => new ExternTag(new TagType(c.Tag(e.Index, site).Id)),
                _ => throw site.Fail("malformed export kind"),
            };
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < exports.Count; i++)
        {
            if (!names.Add(exports[i].Name))
            {
                throw c.At("export", (uint)i).Fail("duplicate export name \"" + Escape(exports[i].Name) + "\"");
            }
        }
        return result;
    }

    /// <summary>A name as the spec interpreter prints it: controls and non-ASCII as <c>\u{hh}</c>, quotes and backslashes escaped.</summary>
    internal static string Escape(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            int v = rune.Value;
            if (v < 0x20 || v >= 0x7F) sb.Append("\\u{").Append(v.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)).Append('}');
            else if (v is '"' or '\\') sb.Append('\\').Append((char)v);
            else sb.Append((char)v);
        }
        return sb.ToString();
    }
}
