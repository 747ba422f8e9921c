using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Oracle;

/// <summary>A known, legitimate way in which engines differ: its name (as reports count it) and why it is not a bug.</summary>
/// <param name="Name">Short name, e.g. <c>exhaustion</c>.</param>
/// <param name="Reason">Why engines may legitimately differ there.</param>
public sealed record DifferenceRule(string Name, string Reason);

/// <summary>
/// Every difference between engines that the oracle does not count as a divergence, each with
/// its reason, in one place. Some end the comparison of a case as inconclusive (exhaustion,
/// relaxed SIMD, a refused <c>memory.grow</c>), one takes an engine out of a case (unsupported),
/// the others widen what counts as equal (NaN bits, trap classes, rejection classes, messages).
/// </summary>
public static class DifferenceRules
{
    /// <summary>Call-stack, fuel and time exhaustion: inconclusive.</summary>
    public static readonly DifferenceRule Exhaustion = new("exhaustion",
        "each engine has its own call-stack depth, fuel accounting and speed (the appendix on implementation limitations leaves them to each engine); " +
        "the generated module's own fuel and depth counters (exit codes 101 and 102) are deterministic and are compared like any exit");

    /// <summary>A module using relaxed SIMD: inconclusive on any difference.</summary>
    public static readonly DifferenceRule RelaxedSimd = new("relaxed-simd",
        "relaxed SIMD instructions have implementation-defined results (§4.3, relaxed operations), and any later value, " +
        "address or branch may depend on one");

    /// <summary>NaN payloads and signs of float results when the case does not canonicalise NaNs.</summary>
    public static readonly DifferenceRule NanBits = new("nan-bits",
        "arithmetic float operations return a non-deterministic NaN (§4.3.3, nans); without canonicalisation a NaN equals any NaN");

    /// <summary>V8's JavaScript boundary: NaN payloads are not kept.</summary>
    public static readonly DifferenceRule JavaScriptNans = new("js-boundary-nans",
        "V8 hands f32/f64 results, globals and logged values across the JavaScript boundary as numbers, and does not keep " +
        "NaN payloads there (a global holding nan:0x1 reads back as the canonical NaN); a NaN from V8 equals any NaN");

    /// <summary>wasmtime's embedding API reads an externref that wraps an internal reference as null.</summary>
    public static readonly DifferenceRule OpaqueExternrefs = new("opaque-externrefs",
        "wasmtime's .NET embedding can only hand out externrefs that hold host objects: one made by extern.convert_any " +
        "from an internal reference reads as null there, so such a reference equals a null from wasmtime");

    /// <summary>A memory whose size differs after a step: inconclusive.</summary>
    public static readonly DifferenceRule MemoryGrowRefused = new("memory-grow",
        "memory.grow may fail for any request (§4.4.7, memory.grow: failure is always allowed), so memories of different " +
        "sizes and whatever follows from them are no divergence");

    /// <summary>A table whose size differs after a step: inconclusive.</summary>
    public static readonly DifferenceRule TableGrowRefused = new("table-grow",
        "table.grow may fail for any request (§4.4.6, table.grow: failure can occur in other cases than exceeding the " +
        "maximum), so tables of different sizes and whatever follows from them are no divergence");

    /// <summary>An engine lacking a feature the case needs: it sits out the rest of the case.</summary>
    public static readonly DifferenceRule Unsupported = new("unsupported",
        "the engine (or its embedding API) cannot run what the step needs, e.g. a v128 across V8's JavaScript boundary");

    /// <summary>Trap kinds compared by class.</summary>
    public static readonly DifferenceRule TrapClasses = new("trap-classes",
        "production engines name some traps as one (Wast.Script.TrapClasses: V8's 'float unrepresentable in integer range' " +
        "is both integer overflow and invalid conversion, wasmtime's TableOutOfBounds both undefined element and table bounds, …)");

    /// <summary>Malformed and invalid compared as one.</summary>
    public static readonly DifferenceRule RejectionClass = new("rejection-class",
        "runners that cannot tell a malformed module from an invalid one answer invalid; a rejection equals a rejection");

    /// <summary>Messages of traps, rejections and exceptions are not compared.</summary>
    public static readonly DifferenceRule Messages = new("messages",
        "every engine words its errors its own way; kinds, codes and values are compared, texts are not");

    /// <summary>Every rule, for reports.</summary>
    public static IReadOnlyList<DifferenceRule> All { get; } =
        [Exhaustion, RelaxedSimd, NanBits, JavaScriptNans, OpaqueExternrefs, MemoryGrowRefused, TableGrowRefused, Unsupported, TrapClasses, RejectionClass, Messages];

    /// <summary>Engines whose f32/f64 values cross a JavaScript boundary (<see cref="JavaScriptNans"/>).</summary>
    public static IReadOnlySet<string> JavaScriptEngines { get; } = new HashSet<string>(StringComparer.Ordinal) { "v8" };

    /// <summary>Engines whose externrefs of internal references read as null (<see cref="OpaqueExternrefs"/>).</summary>
    public static IReadOnlySet<string> OpaqueExternrefEngines { get; } = new HashSet<string>(StringComparer.Ordinal) { "wasmtime" };

    /// <summary>How values compare between two engines in a case: the NaN rule, and the boundaries of the engines' embeddings.</summary>
    public static ValueRules ValueRulesFor(OracleContext context, string baseline, string other)
    {
        bool javaScript = JavaScriptEngines.Contains(baseline) || JavaScriptEngines.Contains(other);
        var nans = !context.CanonicalNans || javaScript ? NanComparison.AnyNan : NanComparison.Exact;
        return new ValueRules(nans, javaScript, OpaqueExternrefEngines.Contains(baseline) || OpaqueExternrefEngines.Contains(other));
    }

    /// <summary>Whether two trap kinds count as the same (<see cref="TrapClasses"/>).</summary>
    public static bool SameTrap(TrapKind a, TrapKind b) => Wast.Script.TrapClasses.Same(a, b);

    /// <summary>Whether <paramref name="op"/> is a relaxed SIMD instruction (0xFD 0x100 … 0x1FF).</summary>
    public static bool IsRelaxedSimd(Opcode op)
    {
        var info = OpcodeTable.Info(op);
        return info.Prefix == 0xFD && info.Code is >= 0x100 and < 0x200;
    }

    /// <summary>Whether any function body of <paramref name="module"/> uses relaxed SIMD (<see cref="RelaxedSimd"/>).</summary>
    public static bool UsesRelaxedSimd(Module module)
    {
        foreach (var function in module.Functions)
            foreach (var instruction in function.Body)
                if (IsRelaxedSimd(instruction.Op)) return true;
        return false;
    }
}

/// <summary>How float NaNs compare (see <see cref="DifferenceRules"/>).</summary>
public enum NanComparison : byte
{
    /// <summary>Bit for bit: the case canonicalises NaNs, so every engine must give the same bits.</summary>
    Exact,
    /// <summary>Any NaN equals any NaN of the same type (<see cref="DifferenceRules.NanBits"/>, <see cref="DifferenceRules.JavaScriptNans"/>).</summary>
    AnyNan,
}

/// <summary>How values of two engines compare (see <see cref="DifferenceRules.ValueRulesFor"/>).</summary>
/// <param name="Nans">How NaNs compare.</param>
/// <param name="JavaScriptBoundary">One engine is V8: a v128 global it cannot read is left out.</param>
/// <param name="OpaqueExternrefs">One engine reads externrefs of internal references as null.</param>
public readonly record struct ValueRules(NanComparison Nans, bool JavaScriptBoundary = false, bool OpaqueExternrefs = false);

/// <summary>What the oracle needs to know about a case besides the engines' records.</summary>
/// <param name="CanonicalNans">The generator canonicalised NaNs (<see cref="Generator.GeneratorConfig.CanonicalizeNans"/>).</param>
/// <param name="RelaxedSimd">The module uses relaxed SIMD instructions.</param>
public sealed record OracleContext(bool CanonicalNans, bool RelaxedSimd);
