using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

/// <summary>
/// The branch hint section (custom sections appendix, code metadata): the custom section named
/// <c>metadata.code.branch_hint</c>, holding <c>vec(funcidx vec(off:u32 size:u32 hint:byte))</c>
/// with <c>size</c> 1 and <c>hint</c> 0 (unlikely) or 1 (likely). <c>off</c> is the byte offset of
/// the hinted instruction from the start of the function's code after its size, that is from the
/// locals declaration (as the spec text and the branch-hinting overview word it).
/// </summary>
/// <remarks>
/// Custom sections never make a module malformed: a section that does not follow the format reads
/// as no hints. What counts as following it is what the spec interpreter's handler
/// (<c>custom/handler_branch_hint.ml</c>) decodes: an offset names the first instruction that
/// starts at or after it (<c>else</c> and <c>end</c> are not instructions), bytes after the
/// vector are ignored, function entries may come in any order; of two entries for one function
/// the first counts. Entries for a function that is not defined here, an offset past the last
/// instruction, a size other than 1 or a hint byte other than 0 and 1 make the whole section unreadable.
/// </remarks>
internal static class BranchHintSection
{
    /// <summary>The custom section's name.</summary>
    public const string Name = "metadata.code.branch_hint";

    /// <summary>One function's entry as the section holds it: instruction offsets, not yet instruction indices.</summary>
    public readonly record struct RawEntry(uint Function, (uint Offset, BranchHintKind Kind)[] Hints);

    /// <summary>The entries of <paramref name="content"/> (the section's bytes after its name), or <c>null</c> when it does not follow the format.</summary>
    public static RawEntry[]? TryRead(ReadOnlySpan<byte> content)
    {
        var r = new CustomCursor(content);
        if (!r.TryU32(out uint count) || count > r.Left) return null;
        var entries = new RawEntry[count];
        for (int i = 0; i < entries.Length; i++)
        {
            if (!r.TryU32(out uint function) || !r.TryU32(out uint n) || n > r.Left) return null;
            var hints = new (uint, BranchHintKind)[n];
            for (int k = 0; k < hints.Length; k++)
            {
                if (!r.TryU32(out uint offset) || !r.TryU32(out uint size) || size != 1 || !r.TryByte(out byte hint) || hint > 1)
                    return null;
                hints[k] = (offset, (BranchHintKind)hint);
            }
            entries[i] = new RawEntry(function, hints);
        }
        return entries;
    }

    /// <summary>
    /// The index of the instruction an offset names: the first entry of <paramref name="body"/> that is
    /// not a structural marker and starts at or after <paramref name="offset"/>; −1 when there is none.
    /// </summary>
    /// <param name="body">The function body.</param>
    /// <param name="offsets">The offset of each entry of <paramref name="body"/>, increasing.</param>
    /// <param name="offset">The offset from the section.</param>
    public static int InstructionAt(EquatableArray<Instruction> body, ReadOnlySpan<int> offsets, uint offset)
    {
        for (int i = 0; i < body.Count; i++)
            if ((uint)offsets[i] >= offset && !IsMarker(body[i].Op)) return i;
        return -1;
    }

    /// <summary>Whether an entry of a flat body only marks structure (<c>else</c>, <c>end</c>, legacy handlers) and is no instruction of its own.</summary>
    public static bool IsMarker(Opcode op) => op is Opcode.Else or Opcode.End or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate;

    /// <summary>
    /// The section's bytes after its name for <paramref name="module"/>'s <see cref="Module.BranchHints"/>,
    /// with <paramref name="offsetsOf"/> giving the encoded offset of each instruction of a body.
    /// </summary>
    /// <exception cref="ArgumentException">A hint names a function that is not defined, or an instruction outside its body.</exception>
    public static byte[] Encode(Module module, Func<Function, int[]> offsetsOf)
    {
        var w = new WasmWriter();
        int imported = module.ImportsOf(ExternKind.Func).Count();
        w.WriteLength(module.BranchHints.Count);
        foreach (var entry in module.BranchHints)
        {
            long defined = (long)entry.Function - imported;
            if (defined < 0 || defined >= module.Functions.Count)
                throw new ArgumentException($"branch hints for function {entry.Function}, which is not defined in the module");
            var offsets = offsetsOf(module.Functions[(int)defined]);
            w.WriteU32(entry.Function);
            w.WriteLength(entry.Hints.Count);
            foreach (var hint in entry.Hints)
            {
                if ((uint)hint.Instruction >= (uint)offsets.Length)
                    throw new ArgumentException($"branch hint on instruction {hint.Instruction} of function {entry.Function}, which has no such instruction");
                w.WriteU32((uint)offsets[hint.Instruction]);
                w.WriteU32(1);
                w.WriteByte((byte)hint.Kind);
            }
        }
        return w.ToArray();
    }
}
