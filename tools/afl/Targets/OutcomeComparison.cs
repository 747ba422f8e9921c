using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;

namespace WasmConform.Afl.Targets;

/// <summary>
/// How the differential target compares two engines' answers to the same step, after DESIGN.md's
/// rules: outcome kinds must match (malformed and invalid count as one rejection, messages are
/// not compared), trap kinds up to their class (<see cref="TrapClasses"/>), exit codes exactly,
/// integers and <c>v128</c> bit for bit, floats bit for bit except that any NaN equals any NaN,
/// references by null-ness (see <see cref="ExternalizedShownAsNull"/>). Exhaustion and unsupported features are not differences; the caller
/// stops comparing there.
/// </summary>
internal static class OutcomeComparison
{
    /// <summary>What differs between <paramref name="a"/> and <paramref name="b"/>, or null when they agree.</summary>
    public static string? Outcomes(Outcome a, Outcome b) => (a, b) switch
    {
        (Outcome.Compiled, Outcome.Compiled) or (Outcome.Instantiated, Outcome.Instantiated)
            or (Outcome.Unlinkable, Outcome.Unlinkable) or (Outcome.Thrown, Outcome.Thrown) => null,
        (Outcome.Malformed or Outcome.Invalid, Outcome.Malformed or Outcome.Invalid) => null,
        (Outcome.Trap ta, Outcome.Trap tb) => TrapClasses.Same(ta.Kind, tb.Kind) ? null : $"trap kinds differ: {ta.Kind} vs {tb.Kind}",
        (Outcome.Exit ea, Outcome.Exit eb) => ea.Code == eb.Code ? null : $"exit codes differ: {ea.Code} vs {eb.Code}",
        (Outcome.Values va, Outcome.Values vb) => Values("result", va.Results, vb.Results),
        _ => $"outcomes differ: {OutcomeText.Describe(a)} vs {OutcomeText.Describe(b)}",
    };

    /// <summary>What differs between two lists of values (results, or logged values), or null.</summary>
    public static string? Values(string what, IReadOnlyList<Value> a, IReadOnlyList<Value> b)
    {
        if (a.Count != b.Count) return $"{what} counts differ: {a.Count} vs {b.Count}";
        for (int i = 0; i < a.Count; i++)
            if (!Same(a[i], b[i])) return $"{what} {i} differs: {a[i]} vs {b[i]}";
        return null;
    }

    /// <summary>
    /// What differs between two snapshots of exported globals and memories, or null. A memory of
    /// another size is no difference (<c>memory.grow</c> may fail in any engine, §4.4.7); the caller
    /// stops comparing there, see <see cref="MemorySizesDiffer"/>.
    /// </summary>
    public static string? States(EngineState a, EngineState b)
    {
        var globals = b.Globals.ToDictionary(g => g.Name, g => g.Value, StringComparer.Ordinal);
        foreach (var g in a.Globals)
        {
            if (globals.TryGetValue(g.Name, out var other) && !Same(g.Value, other))
                return $"global {g.Name} differs: {g.Value} vs {other}";
        }
        var memories = b.Memories.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var m in a.Memories)
        {
            if (memories.TryGetValue(m.Name, out var other) && m.Size == other.Size && m.Sha256 != other.Sha256)
                return $"memory {m.Name} contents differ (SHA-256 {m.Sha256} vs {other.Sha256})";
        }
        return null;
    }

    /// <summary>Whether an exported memory has different sizes in the two snapshots.</summary>
    public static bool MemorySizesDiffer(EngineState a, EngineState b) =>
        a.Memories.Any(m => b.Memories.Any(o => o.Name == m.Name && o.Size != m.Size));

    /// <summary>Whether two values are the same under the rules above.</summary>
    public static bool Same(Value a, Value b)
    {
        if (a.Type.Kind != b.Type.Kind) return false;
        return a.Type.Kind switch
        {
            ValTypeKind.F32 => a.Bits == b.Bits || (float.IsNaN(BitConverter.UInt32BitsToSingle((uint)a.Bits)) && float.IsNaN(BitConverter.UInt32BitsToSingle((uint)b.Bits))),
            ValTypeKind.F64 => a.Bits == b.Bits || (double.IsNaN(BitConverter.UInt64BitsToDouble(a.Bits)) && double.IsNaN(BitConverter.UInt64BitsToDouble(b.Bits))),
            ValTypeKind.Ref => (a.Reference is null) == (b.Reference is null) || ExternalizedShownAsNull(a, b),
            _ => a.Bits == b.Bits && a.High == b.High,
        };
    }

    /// <summary>
    /// Whether <paramref name="a"/> (the reference interpreter's) is an <c>externref</c> holding an
    /// internal reference (made by <c>extern.convert_any</c>) that <paramref name="b"/> shows as null:
    /// wasmtime's .NET embedding, which its runner uses, knows only host objects as <c>externref</c>
    /// values and hands out any other as null (inside wasmtime, <c>ref.is_null</c> still says 0).
    /// Host references (<c>ref.extern N</c>) are compared as any other.
    /// </summary>
    public static bool ExternalizedShownAsNull(Value a, Value b) =>
        a.Reference is not null and not IHostReference && b.Reference is null && b.Type.Ref.Heap.Kind == HeapKind.Extern;
}
