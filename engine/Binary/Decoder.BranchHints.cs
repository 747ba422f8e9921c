using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

// Branch hinting (custom sections appendix): the metadata.code.branch_hint section, read once the
// code section is known, since its offsets name instructions of the function bodies.
public static partial class Decoder
{
    /// <summary>
    /// The hints of the first <c>metadata.code.branch_hint</c> section of <paramref name="module"/>, by
    /// increasing function index; empty when the section does not follow its format (see <see cref="BranchHintSection"/>).
    /// </summary>
    /// <param name="bytes">The whole module.</param>
    /// <param name="features">The features the module was decoded with.</param>
    /// <param name="module">The decoded module.</param>
    /// <param name="codes">The code entries, with the offset where each function's code starts.</param>
    private static EquatableArray<FunctionBranchHints> ReadBranchHints(ReadOnlySpan<byte> bytes, Features features, Module module,
        (EquatableArray<ValType> Locals, EquatableArray<Instruction> Body, int Start)[] codes)
    {
        var section = module.Customs.First(c => c.Name == BranchHintSection.Name);
        if (BranchHintSection.TryRead(section.Content.AsSpan()) is not { } entries) return default;
        int imported = module.ImportsOf(ExternKind.Func).Count();
        var byFunction = new SortedDictionary<uint, FunctionBranchHints>();
        foreach (var entry in entries)
        {
            long defined = (long)entry.Function - imported;
            if (defined < 0 || defined >= codes.Length) return default;
            var body = codes[defined].Body;
            var offsets = InstructionOffsets(bytes, features, codes[defined].Start);
            var hints = new BranchHint[entry.Hints.Length];
            for (int i = 0; i < hints.Length; i++)
            {
                var (offset, kind) = entry.Hints[i];
                int index = BranchHintSection.InstructionAt(body, offsets, offset);
                if (index < 0) return default;
                hints[i] = new BranchHint(index, kind);
            }
            byFunction.TryAdd(entry.Function, new FunctionBranchHints(entry.Function, hints));
        }
        return byFunction.Values.ToArray();
    }

    /// <summary>
    /// The offset of each instruction of the function whose code (locals and body, after the size)
    /// starts at <paramref name="start"/>, counted from there; the last is the final <c>end</c>'s.
    /// The code was decoded before, so reading it again cannot fail.
    /// </summary>
    private static int[] InstructionOffsets(ReadOnlySpan<byte> bytes, Features features, int start)
    {
        var r = new WasmReader(bytes) { Features = features, Position = start };
        var cx = new Context(features) { Positions = [] };
        ReadLocals(ref r);
        ReadExpr(ref r, cx);
        var offsets = new int[cx.Positions.Count];
        for (int i = 0; i < offsets.Length; i++) offsets[i] = cx.Positions[i] - start;
        return offsets;
    }
}
