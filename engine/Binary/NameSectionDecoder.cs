using System.Text;
using System.Text.Unicode;
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
        var r = new Cursor(content);
        string? moduleName = null;
        EquatableArray<NameAssoc> functions = default;
        EquatableArray<IndirectNameAssoc> locals = default;
        int lastId = -1;
        while (!r.AtEnd)
        {
            if (!r.TryByte(out byte id) || id <= lastId || !r.TryU32(out uint size) || size > r.Left) return null;
            lastId = id;
            var sub = new Cursor(r.Take((int)size));
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

    private static bool TryNameMap(ref Cursor r, out EquatableArray<NameAssoc> map)
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

    private static bool TryIndirectNameMap(ref Cursor r, out EquatableArray<IndirectNameAssoc> map)
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

    /// <summary>A non-throwing reader over the section's bytes.</summary>
    private ref struct Cursor(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public readonly bool AtEnd => _rest.IsEmpty;
        public readonly int Left => _rest.Length;

        public bool TryByte(out byte b)
        {
            b = 0;
            if (_rest.IsEmpty) return false;
            b = _rest[0];
            _rest = _rest[1..];
            return true;
        }

        public ReadOnlySpan<byte> Take(int n)
        {
            var taken = _rest[..n];
            _rest = _rest[n..];
            return taken;
        }

        public bool Skip()
        {
            _rest = default;
            return true;
        }

        /// <summary>A u32 with the limits of §5.2.2.</summary>
        public bool TryU32(out uint value)
        {
            value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                if (!TryByte(out byte b)) return false;
                if (shift == 28 && (b & 0x70) != 0) return false;
                value |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return true;
            }
            return false;
        }

        public bool TryName(out string? name)
        {
            name = null;
            if (!TryU32(out uint n) || n > Left) return false;
            var bytes = Take((int)n);
            if (!Utf8.IsValid(bytes)) return false;
            name = Encoding.UTF8.GetString(bytes);
            return true;
        }
    }
}
