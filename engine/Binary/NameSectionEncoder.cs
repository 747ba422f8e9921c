using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

/// <summary>Encodes a <see cref="NameSection"/> as the contents of a <c>name</c> custom section (§7.4.1).</summary>
internal static class NameSectionEncoder
{
    /// <summary>The section's bytes after its name: the module, function and local name subsections that are not empty.</summary>
    public static byte[] Encode(NameSection names)
    {
        var w = new WasmWriter();
        if (names.ModuleName is { } moduleName)
        {
            w.WriteByte(0);
            int mark = w.BeginSized();
            w.WriteName(moduleName);
            w.EndSized(mark);
        }
        if (!names.FunctionNames.IsEmpty)
        {
            w.WriteByte(1);
            int mark = w.BeginSized();
            WriteNameMap(w, names.FunctionNames);
            w.EndSized(mark);
        }
        if (!names.LocalNames.IsEmpty)
        {
            w.WriteByte(2);
            int mark = w.BeginSized();
            w.WriteLength(names.LocalNames.Count);
            foreach (var entry in names.LocalNames)
            {
                w.WriteU32(entry.Index);
                WriteNameMap(w, entry.Names);
            }
            w.EndSized(mark);
        }
        return w.ToArray();
    }

    private static void WriteNameMap(WasmWriter w, EquatableArray<NameAssoc> map)
    {
        w.WriteLength(map.Count);
        foreach (var (index, name) in map)
        {
            w.WriteU32(index);
            w.WriteName(name);
        }
    }
}
