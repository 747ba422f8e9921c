namespace WasmConform.Engine.Tests.Numerics;

/// <summary>Random integers weighted toward the interesting ones: small, near the limits, sparse bits.</summary>
internal static class IntegerSamples
{
    public static int Int32(Random random) => (int)Int64(random);

    public static long Int64(Random random) => random.Next(6) switch
    {
        0 => random.NextInt64(-40, 40),
        1 => long.MinValue + random.NextInt64(0, 3),
        2 => long.MaxValue - random.NextInt64(0, 3),
        3 => (int.MinValue + random.NextInt64(0, 3)) * (random.Next(2) == 0 ? 1 : -1),
        4 => 1L << random.Next(64) ^ (random.Next(2) == 0 ? 0 : -1),
        _ => random.NextInt64(long.MinValue, long.MaxValue),
    };
}
