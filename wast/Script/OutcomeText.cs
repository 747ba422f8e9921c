using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Script;

/// <summary>One-line descriptions of outcomes and expected results, for reports (<c>expected</c> / <c>actual</c>).</summary>
public static class OutcomeText
{
    /// <summary>e.g. <c>i32:42 f64:nan</c>, <c>trap: integer overflow</c>, <c>invalid: type mismatch</c>.</summary>
    public static string Describe(Outcome outcome) => outcome switch
    {
        Outcome.Values v => v.Results.Count == 0 ? "no values" : string.Join(" ", v.Results.AsSpan().ToArray()),
        Outcome.Trap t => $"trap: {t.Message}",
        Outcome.Malformed m => $"malformed: {m.Message}",
        Outcome.Invalid i => $"invalid: {i.Message}",
        Outcome.Unlinkable u => $"unlinkable: {u.Message}",
        Outcome.Exit e => $"exit: {e.Code}",
        Outcome.Exhausted x => $"exhausted: {ExhaustionException.MessageOf(x.Kind)}",
        Outcome.Thrown t => $"uncaught exception: {t.Message}",
        Outcome.Compiled => "a valid module",
        Outcome.Instantiated => "an instance",
        Outcome.Unsupported u => $"unsupported: {u.Feature}",
        Outcome.Crash c => $"crash: {FirstLine(c.Details)}",
        _ => outcome.ToString(),
    };

    /// <summary>The expected results of an <c>assert_return</c>, e.g. <c>i32:1 f32:nan:canonical</c>.</summary>
    public static string Describe(IReadOnlyList<ResultPattern> expected) =>
        expected.Count == 0 ? "no values" : string.Join(" ", expected.Select(Describe));

    /// <summary>One result pattern.</summary>
    public static string Describe(ResultPattern pattern) => pattern switch
    {
        ValueResult v => v.Value.ToString(),
        NanResult n => $"{(n.Type == ValTypeKind.F32 ? "f32" : "f64")}:nan:{n.Kind.ToString().ToLowerInvariant()}",
        V128Result v => $"v128:{v.Shape.ToString().ToLowerInvariant()}:" + string.Join(",", v.Lanes.AsSpan().ToArray().Select(l =>
            l.Nan is { } nan ? "nan:" + nan.ToString().ToLowerInvariant() : "0x" + l.Bits.ToString("x", System.Globalization.CultureInfo.InvariantCulture))),
        RefNullResult r => r.Heap is { } heap ? $"ref.null {heap}" : "ref.null",
        RefTypeResult r => $"ref.{r.Heap}",
        EitherResult e => "either(" + string.Join(" | ", e.Alternatives.AsSpan().ToArray().Select(Describe)) + ")",
        _ => pattern.ToString() ?? "?",
    };

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n');
        return newline < 0 ? text : text[..newline].TrimEnd();
    }
}
