using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace WasmConform.Engine.Syntax;

/// <summary>
/// An immutable array with structural equality, so that the records of the module syntax
/// (<see cref="Module"/>, <see cref="FuncType"/>, instructions) compare by content.
/// The spec's <c>vec(X)</c> (§2.1.3, §5.1.3).
/// </summary>
/// <remarks>
/// <c>default(EquatableArray&lt;T&gt;)</c> is the empty array. Equality compares elements with
/// <see cref="EqualityComparer{T}.Default"/>; the hash code combines all elements.
/// </remarks>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    /// <summary>Wraps <paramref name="items"/> without copying; the caller must not mutate it afterwards.</summary>
    public EquatableArray(T[] items) => _items = items;

    /// <summary>The empty array.</summary>
    public static EquatableArray<T> Empty => default;

    /// <summary>Number of elements.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>Whether there are no elements.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The element at <paramref name="index"/>; throws <see cref="IndexOutOfRangeException"/> outside 0..Count-1.</summary>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>The elements as a read-only span (no copy).</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>A fresh copy of the elements.</summary>
    public T[] ToArray() => _items is null ? [] : (T[])_items.Clone();

    public bool Equals(EquatableArray<T> other)
    {
        var a = _items ?? [];
        var b = other._items ?? [];
        if (ReferenceEquals(a, b)) return true;
        if (a.Length != b.Length) return false;
        var cmp = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
            if (!cmp.Equals(a[i], b[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items ?? []) hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public ReadOnlySpan<T>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    public override string ToString() => $"[{string.Join(" ", _items ?? [])}]";

    public static implicit operator EquatableArray<T>(T[] items) => new(items);
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items.IsDefault ? [] : [.. items]);
}

/// <summary>Factory methods for <see cref="EquatableArray{T}"/> (also the collection-expression builder).</summary>
public static class EquatableArray
{
    /// <summary>Copies <paramref name="items"/> into a new array.</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());

    /// <summary>Copies a sequence into a new array.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items.ToArray());
}
