using System.Globalization;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Oracle;

/// <summary>
/// Compares the exported globals, memories and tables of two engines after a step: the same
/// globals with the same values, the same memories with the same sizes and SHA-256 hashes (when
/// the hashes differ and both sides carry the bytes, the first byte that differs), the same tables
/// with the same sizes and, for funcref tables, nulls in the same places (tables only when both
/// engines report them).
/// </summary>
public static class StateComparison
{
    /// <summary>
    /// The first difference between <paramref name="a"/> and <paramref name="b"/>, or null when
    /// they agree or either is missing. With <see cref="ValueRules.JavaScriptBoundary"/>, a v128 global
    /// that only one side reports is left out (<see cref="DifferenceRules.Unsupported"/>: V8 cannot
    /// read v128 globals from JavaScript).
    /// </summary>
    public static Difference? Compare(EngineState? a, EngineState? b, ValueRules rules)
    {
        if (a is null || b is null) return null;
        return CompareGlobals(a, b, rules) ?? CompareMemories(a, b) ?? CompareTables(a, b);
    }

    private static Difference? CompareTables(EngineState a, EngineState b)
    {
        if (a.Tables is not { } ours || b.Tables is not { } theirs) return null;
        var byName = theirs.AsSpan().ToArray().ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (ours.Count != byName.Count || ours.Any(t => !byName.ContainsKey(t.Name)))
            return new Difference("tables", "tables", "exported tables", Names(ours.Select(t => t.Name)), Names(byName.Keys));
        foreach (var table in ours)
        {
            var other = byName[table.Name];
            if (table.Size != other.Size)
                return new Difference("table size", "table size", $"table {table.Name} size", Elements(table.Size), Elements(other.Size));
            // Only where the baseline knows the table holds functions (a runner may not know the element type).
            if (table.NonNull is not { } mine || other.NonNull is not { } yours || mine == yours) continue;
            int at = mine.AsSpan().CommonPrefixLength(yours);
            return new Difference("table elements", "table elements", $"table {table.Name} element {at}", NullOrNot(mine, at), NullOrNot(yours, at));
        }
        return null;
    }

    private static string NullOrNot(string pattern, int index) => index >= pattern.Length ? "missing" : pattern[index] == '1' ? "non-null" : "null";

    private static string Elements(long n) => n.ToString(CultureInfo.InvariantCulture) + " elements";

    /// <summary>A table that has different sizes on the two sides (<see cref="DifferenceRules.TableGrowRefused"/>), described; null when there is none.</summary>
    public static string? TableSizeDifference(EngineState? a, EngineState? b)
    {
        if (a?.Tables is not { } ours || b?.Tables is not { } theirs) return null;
        foreach (var table in ours)
        {
            var other = theirs.AsSpan().ToArray().FirstOrDefault(t => t.Name == table.Name);
            if (other is not null && other.Size != table.Size)
                return $"table {table.Name}: {Elements(table.Size)} vs {Elements(other.Size)}";
        }
        return null;
    }

    private static Difference? CompareGlobals(EngineState a, EngineState b, ValueRules rules)
    {
        bool javaScriptBoundary = rules.JavaScriptBoundary;
        var theirs = b.Globals.AsSpan().ToArray().ToDictionary(g => g.Name, g => g.Value, StringComparer.Ordinal);
        var ours = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in a.Globals)
        {
            ours.Add(name);
            if (!theirs.TryGetValue(name, out var other))
            {
                if (javaScriptBoundary && value.Type.Kind == ValTypeKind.V128) continue;
                return new Difference("globals", "globals", "global " + name, "exported", "missing");
            }
            if (!ValueComparison.Same(value, other, rules))
                return new Difference("global", "global " + ValueComparison.TypeName(value), "global " + name,
                    ValueComparison.Describe(value), ValueComparison.Describe(other));
        }
        foreach (var (name, value) in b.Globals)
        {
            if (ours.Contains(name) || (javaScriptBoundary && value.Type.Kind == ValTypeKind.V128)) continue;
            return new Difference("globals", "globals", "global " + name, "missing", "exported");
        }
        return null;
    }

    private static Difference? CompareMemories(EngineState a, EngineState b)
    {
        var theirs = b.Memories.AsSpan().ToArray().ToDictionary(m => m.Name, StringComparer.Ordinal);
        if (a.Memories.Count != theirs.Count || a.Memories.Any(m => !theirs.ContainsKey(m.Name)))
            return new Difference("memories", "memories", "exported memories",
                Names(a.Memories.Select(m => m.Name)), Names(theirs.Keys));
        foreach (var ours in a.Memories)
        {
            var other = theirs[ours.Name];
            if (ours.Size != other.Size)
                return new Difference("memory size", "memory size", $"memory {ours.Name} size", Bytes(ours.Size), Bytes(other.Size));
            if (ours.Sha256 == other.Sha256) continue;
            if (FirstDifference(ours.Bytes, other.Bytes) is { } offset)
                return new Difference("memory contents", "memory contents", $"memory {ours.Name} byte {Hex(offset)}",
                    "0x" + ours.Bytes![offset].ToString("x2", CultureInfo.InvariantCulture),
                    "0x" + other.Bytes![offset].ToString("x2", CultureInfo.InvariantCulture));
            return new Difference("memory contents", "memory contents", $"memory {ours.Name}",
                "sha256 " + ours.Sha256[..Math.Min(16, ours.Sha256.Length)], "sha256 " + other.Sha256[..Math.Min(16, other.Sha256.Length)]);
        }
        return null;
    }

    /// <summary>Whether the comparison needs the memories' bytes: some memory has the same size and another hash on each side, and a side lacks its bytes.</summary>
    public static bool NeedsBytes(EngineState? a, EngineState? b)
    {
        if (a is null || b is null) return false;
        foreach (var ours in a.Memories)
        {
            var other = b.Memories.FirstOrDefault(m => m.Name == ours.Name);
            if (other is not null && ours.Size == other.Size && ours.Sha256 != other.Sha256 && (ours.Bytes is null || other.Bytes is null))
                return true;
        }
        return false;
    }

    /// <summary>The offset of the first byte where <paramref name="a"/> and <paramref name="b"/> differ, or null (also when either is missing).</summary>
    public static int? FirstDifference(byte[]? a, byte[]? b)
    {
        if (a is null || b is null) return null;
        int common = Math.Min(a.Length, b.Length);
        int same = a.AsSpan(0, common).CommonPrefixLength(b.AsSpan(0, common));
        return same < common ? same : a.Length == b.Length ? null : common;
    }

    /// <summary>A memory that has different sizes on the two sides (<see cref="DifferenceRules.MemoryGrowRefused"/>), described; null when there is none.</summary>
    public static string? MemorySizeDifference(EngineState? a, EngineState? b)
    {
        if (a is null || b is null) return null;
        foreach (var ours in a.Memories)
        {
            var other = b.Memories.FirstOrDefault(m => m.Name == ours.Name);
            if (other is not null && other.Size != ours.Size)
                return $"memory {ours.Name}: {Bytes(ours.Size)} vs {Bytes(other.Size)}";
        }
        return null;
    }

    private static string Names(IEnumerable<string> names) => "[" + string.Join(", ", names) + "]";

    private static string Bytes(long n) => n.ToString(CultureInfo.InvariantCulture) + " bytes";

    private static string Hex(int offset) => "0x" + offset.ToString("x", CultureInfo.InvariantCulture);
}
