using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Validation;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>
/// Which feature a module needs that an engine lacks, decided by the reference decoder and
/// validator: a module that is valid with every feature but not with the engine's needs one of
/// the missing ones. Modules that are malformed or invalid anyway go to the engine as they are.
/// </summary>
public static class FeatureCheck
{
    /// <summary>Every feature the project knows.</summary>
    public const Features All = FeatureSets.All;

    /// <summary>
    /// The name of a feature of <paramref name="binary"/> that <paramref name="available"/> lacks
    /// (e.g. <c>memory64</c>), or null when the engine can take the module (or the module is not valid anyway).
    /// </summary>
    public static string? Missing(ReadOnlySpan<byte> binary, Features available)
    {
        if ((available & All) == All) return null;
        if (TryDecode(binary) is { } module && (FeatureUse.Of(module) & ~available) is var lacking and not Features.None)
            return string.Join(" + ", FeatureNames.Names(lacking));
        if (Accepts(binary, available)) return null;
        if (!Accepts(binary, All)) return null;
        foreach (var feature in Enum.GetValues<Features>())
        {
            if (feature == Features.None || (available & feature) != 0 || (All & feature) == 0) continue;
            if (Accepts(binary, available | feature)) return FeatureNames.Of(feature);
        }
        return string.Join(" + ", Enum.GetValues<Features>()
            .Where(f => f != Features.None && (available & f) == 0 && (All & f) != 0)
            .Select(FeatureNames.Of)) + " (one or more)";
    }

    private static Engine.Syntax.Module? TryDecode(ReadOnlySpan<byte> binary)
    {
        try
        {
            return Decoder.Decode(binary, All);
        }
        catch (WasmException)
        {
            return null;
        }
    }

    private static bool Accepts(ReadOnlySpan<byte> binary, Features features)
    {
        try
        {
            Validator.Validate(Decoder.Decode(binary, features), features);
            return true;
        }
        catch (WasmException)
        {
            return false;
        }
    }
}

/// <summary>Feature names as the runner protocol spells them: <see cref="Features.MultiMemory"/> is <c>multi-memory</c>.</summary>
public static class FeatureNames
{
    /// <summary>The lower-case, dash-separated name of one feature.</summary>
    public static string Of(Features feature)
    {
        var name = feature.ToString();
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsDigit(name[i - 1])) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    /// <summary>The features named in <paramref name="names"/>; unknown names are ignored.</summary>
    public static Features Parse(IEnumerable<string> names)
    {
        var byName = Enum.GetValues<Features>().Where(f => f != Features.None).ToDictionary(Of, f => f);
        var result = Features.None;
        foreach (var n in names)
            if (byName.TryGetValue(n, out var f)) result |= f;
        return result;
    }

    /// <summary>All set flags of <paramref name="features"/>, by name.</summary>
    public static IEnumerable<string> Names(Features features) =>
        Enum.GetValues<Features>().Where(f => f != Features.None && (features & f) == f).Select(Of);
}
