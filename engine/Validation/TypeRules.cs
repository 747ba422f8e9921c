using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>§3.2.4–3.2.6 validity of limits, memory types and table types.</summary>
internal static class TypeRules
{
    /// <summary>§3.2.6 a table type: a valid element type, and limits within 2^32-1 (2^64-1 for i64).</summary>
    /// <returns>The table type with its element type canonical.</returns>
    public static TableType CheckTable(ModuleContext c, TableType t, ErrorSite site)
    {
        var elem = c.Canon(t.ElemType, site);
        if (t.AddrType == AddrType.I64)
            CheckLimits(t.Limits, ulong.MaxValue, "table size must be at most 2^64-1 for i64", site);
        else
            CheckLimits(t.Limits, uint.MaxValue, "table size must be at most 2^32-1 for i32", site);
        return elem == t.ElemType ? t : t with { ElemType = elem };
    }

    /// <summary>
    /// §3.2.5 a memory type: limits within 2^16 pages for i32 and 2^48 pages for i64; with the
    /// custom-page-sizes proposal and 1-byte pages, within 2^32-1 (i32) or 2^64-1 (i64) bytes;
    /// a shared memory (threads proposal) needs a maximum. Without memory64 the message is
    /// WebAssembly 2.0's.
    /// </summary>
    public static void CheckMemory(MemType m, ErrorSite site, Features features)
    {
        uint pageLog2 = m.PageSizeLog2 ?? 16;
        if (pageLog2 is not (0 or 16)) throw site.Fail("invalid custom page size");
        var (range, message) = (m.AddrType, pageLog2) switch
        {
            (AddrType.I32, 16) when (features & Features.Memory64) == 0 => (1UL << 16, "memory size must be at most 65536 pages (4GiB)"),
            (AddrType.I32, 16) => (1UL << 16, "memory size must be at most 2^16 pages (4 GiB) for i32"),
            (AddrType.I64, 16) => (1UL << 48, "memory size must be at most 2^48 pages (256 TiB) for i64"),
            (AddrType.I32, _) => (uint.MaxValue, "memory size must be at most 2^32 - 1 bytes for i32"),
            _ => (ulong.MaxValue, "memory size must be at most 2^64 - 1 bytes for i64"),
        };
        CheckLimits(m.Limits, range, message, site);
        if (m.Shared && m.Limits.Max is null) throw site.Fail("shared memory must have maximum");
    }

    /// <summary>§3.2.4 limits: minimum and maximum within <paramref name="range"/>, minimum not above maximum.</summary>
    public static void CheckLimits(Limits limits, ulong range, string message, ErrorSite site)
    {
        if (limits.Min > range) throw site.Fail(message);
        if (limits.Max is not { } max) return;
        if (max > range) throw site.Fail(message);
        if (limits.Min > max) throw site.Fail("size minimum must not be greater than maximum");
    }
}
