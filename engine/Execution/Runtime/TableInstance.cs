using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>
/// A table instance (§4.2.7): a vector of references (<c>null</c> is the null reference) and
/// its current type (canonical, with min following the size).
/// </summary>
/// <remarks>Holds at most <see cref="MaxElements"/> entries; growth beyond fails (returns -1).</remarks>
public sealed class TableInstance
{
    /// <summary>The largest element count this implementation supports.</summary>
    public const long MaxElements = 10_000_000;

    private object?[] _elements;

    /// <summary>Current type: address type, limits (min = current size), element reference type.</summary>
    public TableType Type { get; private set; }

    /// <summary>Creates a table of <c>type.Limits.Min</c> entries, each <paramref name="init"/>.</summary>
    /// <exception cref="OutOfMemoryException">The initial size exceeds <see cref="MaxElements"/>.</exception>
    public TableInstance(TableType type, object? init)
    {
        if (type.Limits.Min > MaxElements) throw new OutOfMemoryException($"table of {type.Limits.Min} elements exceeds the implementation limit");
        Type = type;
        _elements = new object?[type.Limits.Min];
        if (init is not null) Array.Fill(_elements, init);
    }

    /// <summary>The entries; the array is replaced on growth.</summary>
    public object?[] Elements => _elements;

    /// <summary>Current size in elements.</summary>
    public int Size => _elements.Length;

    /// <summary>
    /// Grows by <paramref name="delta"/> entries filled with <paramref name="init"/> (§4.5.3.8 growtable).
    /// Returns the old size, or -1 when the maximum or a limit would be passed.
    /// </summary>
    public long Grow(ulong delta, object? init)
    {
        ulong old = (ulong)_elements.Length;
        ulong max = Type.Limits.Max ?? (Type.AddrType == AddrType.I32 ? uint.MaxValue : ulong.MaxValue);
        if (delta > max - old || old + delta > MaxElements) return -1;
        int size = (int)(old + delta);
        if (delta != 0)
        {
            var grown = new object?[size];
            _elements.CopyTo(grown, 0);
            if (init is not null) Array.Fill(grown, init, (int)old, (int)delta);
            _elements = grown;
        }
        Type = Type with { Limits = Type.Limits with { Min = (ulong)size } };
        return (long)old;
    }
}
