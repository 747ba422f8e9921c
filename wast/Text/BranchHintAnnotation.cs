using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// Branch hint annotations (custom sections appendix, code metadata):
/// <c>(@metadata.code.branch_hint "\00" | "\01")</c> hints the first instruction that follows it in
/// its function (the instruction's first token, which for a folded instruction is its "("); together
/// they denote the <c>metadata.code.branch_hint</c> section. Errors are the spec interpreter's
/// "@metadata.code.branch_hint annotation: …" messages, raised while parsing; that the hinted
/// instruction is an <c>if</c> or <c>br_if</c> is a validation rule (see <see cref="Engine.Features.BranchHinting"/>).
/// </summary>
internal static class BranchHintAnnotation
{
    /// <summary>The annotation id.</summary>
    public const string Id = "metadata.code.branch_hint";

    private const string Prefix = "@metadata.code.branch_hint annotation: ";

    /// <summary>
    /// A function definition: its index, the token range of its field (<paramref name="FieldStart"/> is
    /// its "(", <paramref name="FieldEnd"/> the token after its ")"), and the token where each entry of
    /// its body starts (−1 for entries that are no instructions: <c>else</c>, <c>end</c>, legacy handlers).
    /// </summary>
    public readonly record struct FunctionBody(uint Function, int FieldStart, int FieldEnd, int[] Starts);

    /// <summary>
    /// The hints of <paramref name="annotations"/> (in source order), per function by increasing index.
    /// Each annotation must hold strings only ("unexpected token") that make one byte 0 or 1 ("invalid
    /// hint value"), stand in a function definition ("not in a function") before one of its instructions
    /// ("invalid placement"); then a function's hints must name its instructions in increasing order
    /// ("duplicate annotation": two hints on one instruction).
    /// </summary>
    /// <exception cref="ParseException">An annotation breaks a rule.</exception>
    public static EquatableArray<FunctionBranchHints> Collect(TokenList source, IReadOnlyList<Annotation> annotations, IReadOnlyList<FunctionBody> bodies)
    {
        var hints = new List<(Annotation At, uint Function, BranchHint Hint)>(annotations.Count);
        foreach (var a in annotations) hints.Add(Parse(source, a, bodies));
        var byFunction = new SortedDictionary<uint, List<BranchHint>>();
        foreach (var (a, function, hint) in hints)
        {
            if (!byFunction.TryGetValue(function, out var list)) byFunction[function] = list = [];
            if (list.Count > 0 && list[^1].Instruction >= hint.Instruction) throw Error(source, a, "duplicate annotation");
            list.Add(hint);
        }
        return byFunction.Select(p => new FunctionBranchHints(p.Key, p.Value.ToArray())).ToArray();
    }

    // One annotation: its function and the body index of the instruction it hints.
    private static (Annotation, uint, BranchHint) Parse(TokenList source, Annotation a, IReadOnlyList<FunctionBody> bodies)
    {
        var r = new TokenReader(CustomAnnotation.Items(source, a));
        var payload = new List<byte>();
        while (!r.At(TokenKind.Eof))
        {
            if (!r.At(TokenKind.String)) throw r.Error(r.Current, Prefix + "unexpected token");
            payload.AddRange(r.ReadStringBytes());
        }
        int k = -1;
        for (int i = 0; i < bodies.Count && k < 0; i++)
            if (bodies[i].FieldStart < a.TokenIndex && a.TokenIndex < bodies[i].FieldEnd) k = i;
        if (k < 0) throw Error(source, a, "not in a function");
        if (payload is not [var value and (0 or 1)]) throw Error(source, a, "invalid hint value");
        int instruction = Following(bodies[k].Starts, a.TokenIndex);
        if (instruction < 0) throw Error(source, a, "invalid placement");
        return (a, bodies[k].Function, new BranchHint(instruction, (BranchHintKind)value));
    }

    // The body index of the instruction that starts first at or after token `from`; −1 when none does.
    private static int Following(int[] starts, int from)
    {
        int best = -1;
        for (int i = 0; i < starts.Length; i++)
            if (starts[i] >= from && (best < 0 || starts[i] < starts[best])) best = i;
        return best;
    }

    private static ParseException Error(TokenList source, Annotation a, string what) => new(Prefix + what, source.File, a.Line, a.Column);
}
