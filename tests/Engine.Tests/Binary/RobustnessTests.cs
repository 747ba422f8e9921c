using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>
/// Any byte string either decodes or throws <see cref="MalformedException"/>: truncations and
/// seeded random mutations of real modules; whatever still decodes also round-trips.
/// </summary>
public class RobustnessTests
{
    private const int MutationsPerModule = 3000;

    public static IEnumerable<object[]> Seeds()
    {
        foreach (var bench in TestData.BenchModules()) yield return bench;
        yield return ["every-section"];
    }

    private static byte[] SeedBytes(string name) =>
        name == "every-section" ? Encoder.Encode(SampleModules.EverySection()) : TestData.BenchModule(name);

    /// <summary>Decodes; a module that decodes must survive encode/decode. Returns the failure, if any.</summary>
    private static string? Check(byte[] bytes)
    {
        Module module;
        try
        {
            module = Decoder.Decode(bytes, FeatureSets.All);
        }
        catch (MalformedException)
        {
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name} decoding {Convert.ToHexString(bytes)}: {e.Message}";
        }
        return module.Equals(Decoder.Decode(Encoder.Encode(module), FeatureSets.All)) ? null : $"round trip differs for {Convert.ToHexString(bytes)}";
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_truncation_decodes_or_is_malformed(string seed)
    {
        var bytes = SeedBytes(seed);
        for (int length = 0; length < bytes.Length; length++)
        {
            string? failure = Check(bytes[..length]);
            Assert.True(failure is null, failure);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_mutations_decode_or_are_malformed(string seed)
    {
        var original = SeedBytes(seed);
        var random = new Random(seed.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        for (int i = 0; i < MutationsPerModule; i++)
        {
            string? failure = Check(Mutate(original, random));
            Assert.True(failure is null, failure);
        }
    }

    /// <summary>One to four edits after the header: a random byte, a flipped bit, a small delta, an insertion or a deletion.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && bytes.Count > 8; e++)
        {
            int at = 8 + random.Next(bytes.Count - 8);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 2: bytes[at] += (byte)random.Next(1, 4); break;
                case 3: bytes.Insert(at, (byte)random.Next(256)); break;
                default: bytes.RemoveAt(at); break;
            }
        }
        return [.. bytes];
    }
}
