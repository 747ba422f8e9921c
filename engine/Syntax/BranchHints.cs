namespace WasmConform.Engine.Syntax;

// Branch hinting (custom sections appendix, code metadata): hints that a conditional branch is
// likely or unlikely to be taken. They do not affect the semantics; the binary format carries
// them in the `metadata.code.branch_hint` custom section, the text format as
// `(@metadata.code.branch_hint "\00" | "\01")` annotations before the instruction.

/// <summary>What a branch hint says, with its binary encoding.</summary>
public enum BranchHintKind : byte
{
    /// <summary><c>0x00</c>: the branch is likely not taken.</summary>
    Unlikely = 0,

    /// <summary><c>0x01</c>: the branch is likely taken.</summary>
    Likely = 1,
}

/// <summary>A hint on one instruction of a function body.</summary>
/// <param name="Instruction">
/// The index of the hinted instruction in <see cref="Function.Body"/> (flat, binary order, so the
/// binary byte offset follows from the encoding of the instructions before it).
/// </param>
/// <param name="Kind">Likely or unlikely.</param>
public readonly record struct BranchHint(int Instruction, BranchHintKind Kind);

/// <summary>The branch hints of one function, in increasing instruction order when well-formed.</summary>
/// <param name="Function">The funcidx (imports included) of a defined function.</param>
/// <param name="Hints">Its hints.</param>
public sealed record FunctionBranchHints(uint Function, EquatableArray<BranchHint> Hints);
