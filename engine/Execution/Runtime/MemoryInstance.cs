using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>
/// A memory instance (§4.2.8): a vector of bytes whose length is a multiple of the page size,
/// and its current type (whose minimum follows the size as the memory grows).
/// </summary>
/// <remarks>
/// Bytes live in one managed array, so a memory holds at most <see cref="MaxBytes"/> bytes
/// (32767 pages of 64 KiB); <c>memory.grow</c> beyond that fails (returns -1), as the spec
/// permits. Multi-byte values are little-endian.
/// </remarks>
public sealed class MemoryInstance
{
    /// <summary>The largest byte length this implementation supports.</summary>
    public const long MaxBytes = 0x7FFF_0000;

    /// <summary>The bytes. Replaced by a larger array on growth: do not cache across calls or <c>memory.grow</c>.</summary>
    public byte[] Data { get; private set; }

    /// <summary>Current type: address type, limits (min = current size in pages), sharing, page size.</summary>
    public MemType Type { get; private set; }

    /// <summary>Creates a memory of <c>type.Limits.Min</c> pages, zero-filled.</summary>
    /// <exception cref="OutOfMemoryException">The initial size exceeds <see cref="MaxBytes"/>.</exception>
    public MemoryInstance(MemType type)
    {
        Type = type;
        ulong bytes = BytesFor(type.Limits.Min, type);
        if (bytes > MaxBytes) throw new OutOfMemoryException($"memory of {type.Limits.Min} pages exceeds the implementation limit");
        Data = new byte[bytes];
    }

    /// <summary>Page size in bytes (64 KiB unless custom page sizes say otherwise).</summary>
    public ulong PageSize => Type.PageSize;

    /// <summary>Current size in pages.</summary>
    public ulong Pages => (ulong)Data.LongLength / PageSize;

    /// <summary>
    /// Grows by <paramref name="delta"/> pages (§4.5.3.9 growmem). Returns the old size in
    /// pages, or -1 when the maximum, the address type's limit or the implementation limit would be passed.
    /// </summary>
    public long Grow(ulong delta)
    {
        ulong old = Pages;
        ulong max = Type.Limits.Max ?? (Type.AddrType == AddrType.I32 ? (1UL << 32) / PageSize : ulong.MaxValue / PageSize);
        if (delta > max - old) return -1;
        ulong pages = old + delta;
        ulong bytes = BytesFor(pages, Type);
        if (bytes > MaxBytes) return -1;
        if (delta != 0)
        {
            var grown = new byte[bytes];
            Data.CopyTo(grown, 0);
            Data = grown;
        }
        Type = Type with { Limits = Type.Limits with { Min = pages } };
        return (long)old;
    }

    private static ulong BytesFor(ulong pages, MemType type) =>
        pages > MaxBytes ? ulong.MaxValue : pages * type.PageSize;
}
