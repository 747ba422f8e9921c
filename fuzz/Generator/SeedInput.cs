namespace WasmConform.Fuzz.Generator;

/// <summary>
/// Derives the generator's input bytes from a numeric seed, identically on every machine and
/// .NET version: SplitMix64 expands (seed, index) into the state of a xoshiro256** generator
/// (Blackman and Vigna), whose output words are written little-endian. Never
/// <see cref="System.Random"/>, whose algorithm is not part of its contract.
/// </summary>
public static class SeedInput
{
    /// <summary>
    /// The input of module <paramref name="index"/> of a run with seed <paramref name="seed"/>:
    /// <paramref name="length"/> bytes.
    /// </summary>
    public static byte[] Bytes(ulong seed, long index, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var rng = new Xoshiro256StarStar(seed ^ ((ulong)index * 0xD1B54A32D192ED03UL));
        var bytes = new byte[length];
        for (int i = 0; i < length; i += 8)
        {
            ulong word = rng.Next();
            for (int j = 0; j < 8 && i + j < length; j++) bytes[i + j] = (byte)(word >> (8 * j));
        }
        return bytes;
    }
}

/// <summary>The xoshiro256** 1.0 generator, seeded through SplitMix64. Deterministic everywhere.</summary>
public struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose four state words are the first four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 bits.</summary>
    public ulong Next()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>One step of SplitMix64 (Steele, Lea and Flood): advances <paramref name="x"/> and returns a mixed word.</summary>
    public static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
