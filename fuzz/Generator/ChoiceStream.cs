namespace WasmConform.Fuzz.Generator;

/// <summary>
/// Turns an arbitrary byte string into a sequence of choices (integers in ranges, booleans,
/// weighted picks), the way a coverage-guided fuzzer's input drives a structured generator.
/// Each choice consumes as few bytes as its range needs, so a mutation of one byte changes
/// one decision, and a shorter input means fewer, smaller decisions.
/// </summary>
/// <remarks>
/// When the bytes run out every choice returns its smallest value: the minimum of a range,
/// <c>false</c>, the first option with a non-zero weight. A generator checks
/// <see cref="IsExhausted"/> to stop growing and close what it has open. A choice that finds
/// only part of the bytes it needs uses the bytes it found.
/// </remarks>
public sealed class ChoiceStream
{
    private readonly byte[] _data;
    private int _position;

    /// <summary>A stream over <paramref name="data"/> (not copied; do not change it while in use).</summary>
    public ChoiceStream(byte[] data) => _data = data ?? throw new ArgumentNullException(nameof(data));

    /// <summary>Whether every byte has been used: from now on every choice is the smallest.</summary>
    public bool IsExhausted => _position >= _data.Length;

    /// <summary>Bytes not yet used.</summary>
    public int Remaining => _data.Length - _position;

    /// <summary>An integer in <c>[min, max]</c> (both inclusive); <paramref name="min"/> when exhausted.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is less than <paramref name="min"/>.</exception>
    public int Int(int min, int max)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max), $"empty range [{min}, {max}]");
        return (int)(min + (long)Below((ulong)((long)max - min) + 1));
    }

    /// <summary>An unsigned integer in <c>[min, max]</c>; <paramref name="min"/> when exhausted.</summary>
    public ulong UInt64(ulong min, ulong max)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max), $"empty range [{min}, {max}]");
        ulong span = max - min;
        return span == ulong.MaxValue ? ReadBits(8) : min + Below(span + 1);
    }

    /// <summary>32 arbitrary bits (0 when exhausted).</summary>
    public uint Bits32() => (uint)ReadBits(4);

    /// <summary>64 arbitrary bits (0 when exhausted).</summary>
    public ulong Bits64() => ReadBits(8);

    /// <summary>A boolean; <c>false</c> when exhausted.</summary>
    public bool Bool() => Below(2) == 1;

    /// <summary><c>true</c> with probability about <paramref name="percent"/>/100; <c>false</c> when exhausted (unless 100).</summary>
    public bool Chance(int percent) => percent >= 100 || (percent > 0 && (int)Below(100) >= 100 - percent);

    /// <summary>
    /// The index of an option chosen with probability proportional to its weight (weights ≥ 0,
    /// at least one positive); the first option with a positive weight when exhausted.
    /// </summary>
    /// <exception cref="ArgumentException">No weight is positive, or one is negative.</exception>
    public int Weighted(ReadOnlySpan<int> weights)
    {
        long total = 0;
        foreach (int w in weights)
        {
            if (w < 0) throw new ArgumentException("negative weight", nameof(weights));
            total += w;
        }
        if (total == 0) throw new ArgumentException("no option has a positive weight", nameof(weights));
        long r = (long)Below((ulong)total);
        for (int i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0) return i;
        }
        throw new InvalidOperationException("unreachable: weights sum checked above");
    }

    /// <summary>One of <paramref name="items"/> (not empty), uniformly; the first when exhausted.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        if (items.Count == 0) throw new ArgumentException("nothing to pick from", nameof(items));
        return items[Int(0, items.Count - 1)];
    }

    /// <summary>Fills <paramref name="buffer"/> with the next bytes; zeros once exhausted.</summary>
    public void Fill(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, Remaining);
        _data.AsSpan(_position, n).CopyTo(buffer);
        buffer[n..].Clear();
        _position += n;
    }

    /// <summary>A value in <c>[0, bound)</c> (bound ≥ 1) from as many bytes as the bound needs.</summary>
    private ulong Below(ulong bound)
    {
        if (bound <= 1) return 0;
        ulong largest = bound - 1;
        int bytes = (64 - System.Numerics.BitOperations.LeadingZeroCount(largest) + 7) / 8;
        ulong raw = ReadBits(bytes);
        return raw <= largest ? raw : raw % bound;
    }

    private ulong ReadBits(int bytes)
    {
        ulong value = 0;
        for (int i = 0; i < bytes && _position < _data.Length; i++) value = (value << 8) | _data[_position++];
        return value;
    }
}
