namespace WasmConform.Engine.Tests.Numerics;

/// <summary>
/// Random finite floats weighted toward the hard cases: zeros, subnormals, the edges of the
/// exponent range, values near 1, integers and halves (ties), as well as uniform bit patterns.
/// </summary>
internal static class FloatSamples
{
    public static IEnumerable<ulong> Finite(FloatFormat f, int seed, int count)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
            yield return Finite(f, random);
    }

    public static ulong Finite(FloatFormat f, Random random)
    {
        ulong fractionMask = (1UL << f.SignificandBits) - 1;
        int maxBiased = (1 << f.ExponentBits) - 2;
        ulong sign = random.Next(2) == 0 ? 0 : f.SignBit;
        ulong fraction = (ulong)random.NextInt64() & fractionMask;
        int biased = random.Next(7) switch
        {
            0 => random.Next(0, 3), // zero/subnormal and the least normals
            1 => maxBiased - random.Next(0, 3), // the largest values
            2 => f.Bias + random.Next(-3, 4), // near 1
            3 => f.Bias + random.Next(0, f.SignificandBits + 3), // integers and halves, when the fraction is short
            4 => f.Bias + random.Next(-60, 60),
            _ => random.Next(0, maxBiased + 1),
        };
        switch (random.Next(5))
        {
            case 0: fraction &= ~(fractionMask >> random.Next(1, 8)); break; // few significant bits
            case 1: fraction = random.Next(2) == 0 ? 0 : fractionMask; break;
            case 2: fraction &= fractionMask << random.Next(0, f.SignificandBits); break;
        }
        if (biased == 0 && random.Next(4) == 0)
            fraction = 0;
        return sign | ((ulong)biased << f.SignificandBits) | fraction;
    }
}
