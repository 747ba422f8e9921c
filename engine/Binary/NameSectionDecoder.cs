using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

/// <summary>
/// Decodes the contents of the <c>name</c> custom section (§7.4.1). Custom sections never make
/// a module malformed, so a section that does not follow the format yields no names instead
/// of an error.
/// </summary>
/// <remarks>
/// Subsections must come in increasing id order, each with its exact size; ids 0 (module),
/// 1 (functions) and 2 (locals) are decoded, other ids (types, fields, tags, and the ids of
/// the extended-name-section convention) are skipped. Indices in a map must be unique.
/// </remarks>
internal static class NameSectionDecoder
{
    /// <summary>The names in <paramref name="content"/> (the section's bytes after its name), or <c>null</c> when malformed.</summary>
    public static NameSection? TryDecode(ReadOnlySpan<byte> content)
    {
        var r = new CustomCursor(content);
        string? moduleName = null;
        EquatableArray<NameAssoc> functions = default;
        EquatableArray<IndirectNameAssoc> locals = default;
        int lastId = -1;
        while (!r.AtEnd)
        {
            if (!r.TryByte(out byte id) || id <= lastId || !r.TryU32(out uint size) || size > r.Left) return null;
            lastId = id;
            var sub = new CustomCursor(r.Take((int)size));
            bool ok = id switch
            {
                0 => sub.TryName(out moduleName),
                1 => TryNameMap(ref sub, out functions),
                2 => TryIndirectNameMap(ref sub, out locals),
                _ => sub.Skip(),
            };
            if (!ok || !sub.AtEnd) return null;
        }
        return new NameSection(moduleName, functions, locals);
    }

    private static bool TryNameMap(ref CustomCursor r, out EquatableArray<NameAssoc> map)
    {
        map = default;
        if (!r.TryU32(out uint n) || n > r.Left) return false;
        var items = new NameAssoc[n];
        var seen = new HashSet<uint>();
        for (int i = 0; i < items.Length; i++)
        {
            if (!r.TryU32(out uint index) || !seen.Add(index) || !r.TryName(out string? name)) return false;
            items[i] = new NameAssoc(index, name!);
        }
        map = items;
        return true;
    }

    private static bool TryIndirectNameMap(ref CustomCursor r, out EquatableArray<IndirectNameAssoc> map)
    {
        map = default;
        if (!r.TryU32(out uint n) || n > r.Left) return false;
        var items = new IndirectNameAssoc[n];
        var seen = new HashSet<uint>();
        for (int i = 0; i < items.Length; i++)
        {
            if (!r.TryU32(out uint index) || !seen.Add(index) || !TryNameMap(ref r, out var names)) return false;
            items[i] = new IndirectNameAssoc(index, names);
        }
        map = items;
        return true;
    }
}
