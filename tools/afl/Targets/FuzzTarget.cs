namespace WasmConform.Afl.Targets;

/// <summary>
/// One fuzz target: a function of a byte string that returns normally for every input our code
/// handles as it should (including the typed rejections of bad input), and lets an exception
/// escape for a finding, so that afl-fuzz records the input as a crash.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The name <c>make afl TARGET=…</c> and the program take: <c>decoder</c>, <c>validator</c>, <c>text</c>, <c>differential</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line on what the target feeds the input to.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// The file names of the project's assemblies whose code the target exercises; these are the
    /// ones instrumented for coverage (the program's own assembly and the libraries are not).
    /// </summary>
    public abstract IReadOnlyList<string> Assemblies { get; }

    /// <summary>
    /// afl-fuzz's time limit for one input, in milliseconds; an input that takes longer is a hang.
    /// </summary>
    public virtual int TimeoutMilliseconds => 2000;

    /// <summary>Runs one input.</summary>
    /// <exception cref="Exception">Any exception is a finding: an unexpected exception of our code, or a <see cref="FindingException"/>.</exception>
    public abstract void Run(byte[] input);

    /// <summary>Writes the initial corpus into <paramref name="folder"/> (one file per input); returns how many files it wrote.</summary>
    public abstract int WriteSeeds(SeedSources sources, string folder);

    /// <summary>The lines of an afl-fuzz dictionary for this target (<c>name="value"</c>), or none.</summary>
    public virtual IEnumerable<string> Dictionary() => [];

    /// <summary>
    /// Writes each distinct input of <paramref name="inputs"/> into <paramref name="folder"/> as
    /// <c>seed-0000</c>, <c>seed-0001</c>, …, up to <paramref name="limit"/> files; returns how many it wrote.
    /// </summary>
    protected static int WriteDistinct(string folder, IEnumerable<byte[]> inputs, int limit)
    {
        Directory.CreateDirectory(folder);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (seen.Count == limit) break;
            if (!seen.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input)))) continue;
            File.WriteAllBytes(Path.Combine(folder, $"seed-{seen.Count - 1:D4}"), input);
        }
        return seen.Count;
    }
}

/// <summary>
/// A finding that is not an exception of the code under test: a divergence between engines, or
/// an outcome that should be impossible (a generated module the reference interpreter rejects).
/// </summary>
/// <param name="message">What was found, for people.</param>
/// <param name="signature">What deduplicates it (a divergence's signature); null to derive one from the message.</param>
public sealed class FindingException(string message, string? signature = null) : Exception(message)
{
    /// <summary>What deduplicates the finding, when its maker knows.</summary>
    public string? Signature { get; } = signature;
}
