namespace WasmConform.Engine.Syntax;

// §2.4 Instructions. A function body or constant expression is a flat sequence of
// instructions in binary order: structured instructions (block, loop, if, try_table, try)
// are followed by their body, an optional `else` (or legacy `catch`/`catch_all`/`delegate`),
// and an explicit `end` — except a legacy `try … delegate l`, which `delegate` closes with no
// `end`, as in the binary format. The final `end` of a body or expression is implicit and not stored.
//
// The record type of an instruction is fixed by its opcode's ImmediateKind (see OpcodeTable):
// an instruction without immediates is a plain `Instruction`.

/// <summary>An instruction (§2.4). Plain instances carry no immediate; subclasses add them.</summary>
/// <param name="Op">The instruction; its <see cref="OpcodeTable"/> row says which immediates it has.</param>
public record Instruction(Opcode Op)
{
    /// <summary>The text-format mnemonic, e.g. <c>i32.rem_s</c>.</summary>
    public string Name => OpcodeTable.Info(Op).Name;

    public override string ToString() => Name;
}

/// <summary>The block type of a structured instruction (§2.4.8): empty, one value type, or a type index.</summary>
public readonly record struct BlockType(BlockTypeKind Kind, ValType Value = default, uint TypeIndex = 0)
{
    /// <summary><c>[] -> []</c>.</summary>
    public static readonly BlockType Empty = new(BlockTypeKind.Empty);

    /// <summary><c>[] -> [t]</c>.</summary>
    public static BlockType Of(ValType t) => new(BlockTypeKind.Value, t);

    /// <summary>The function type at <paramref name="typeIndex"/>.</summary>
    public static BlockType Indexed(uint typeIndex) => new(BlockTypeKind.TypeIndex, default, typeIndex);
}

/// <summary>Which form a <see cref="BlockType"/> has.</summary>
public enum BlockTypeKind : byte { Empty, Value, TypeIndex }

/// <summary><c>block</c>, <c>loop</c>, <c>if</c> and legacy <c>try</c> with their block type.</summary>
public sealed record BlockInstruction(Opcode Op, BlockType Type) : Instruction(Op)
{
    public override string ToString() => $"{Name} {Type}";
}

/// <summary>The kinds of catch clauses of <c>try_table</c> (§2.4.8), numbered as in the binary format.</summary>
public enum CatchKind : byte { Catch = 0, CatchRef = 1, CatchAll = 2, CatchAllRef = 3 }

/// <summary>A catch clause of <c>try_table</c>: tag (ignored for the <c>catch_all</c> kinds) and label.</summary>
public readonly record struct Catch(CatchKind Kind, uint Tag, uint Label);

/// <summary><c>try_table blocktype catch*</c> (§2.4.8, exception handling).</summary>
public sealed record TryTableInstruction(BlockType Type, EquatableArray<Catch> Catches) : Instruction(Opcode.TryTable);

/// <summary>
/// An instruction with one index immediate. Which index space it names follows from the
/// opcode's <see cref="ImmediateKind"/>: label, func, type, local, global, table, memory,
/// data, elem or tag.
/// </summary>
public sealed record IndexInstruction(Opcode Op, uint Index) : Instruction(Op)
{
    public override string ToString() => $"{Name} {Index}";
}

/// <summary>
/// An instruction with two index immediates, in the order of the spec's abstract syntax
/// (which is not always the binary order):
/// <c>call_indirect</c>/<c>return_call_indirect</c> (X = tableidx, Y = typeidx),
/// <c>memory.copy</c> (X = destination memidx, Y = source memidx),
/// <c>memory.init</c> (X = memidx, Y = dataidx),
/// <c>table.copy</c> (X = destination tableidx, Y = source tableidx),
/// <c>table.init</c> (X = tableidx, Y = elemidx),
/// <c>struct.get*</c>/<c>struct.set</c> (X = typeidx, Y = fieldidx),
/// <c>array.new_fixed</c> (X = typeidx, Y = element count),
/// <c>array.new_data</c>/<c>array.init_data</c> (X = typeidx, Y = dataidx),
/// <c>array.new_elem</c>/<c>array.init_elem</c> (X = typeidx, Y = elemidx),
/// <c>array.copy</c> (X = destination typeidx, Y = source typeidx).
/// </summary>
public sealed record IndexPairInstruction(Opcode Op, uint X, uint Y) : Instruction(Op)
{
    public override string ToString() => $"{Name} {X} {Y}";
}

/// <summary><c>br_table l* l_default</c>.</summary>
public sealed record BrTableInstruction(EquatableArray<uint> Labels, uint Default) : Instruction(Opcode.BrTable);

/// <summary>The memory argument of loads and stores (§2.4.7).</summary>
/// <param name="Align">Alignment exponent: the access is aligned to 2^Align bytes.</param>
/// <param name="Offset">Static offset in bytes (up to 2^64-1 for memory64).</param>
/// <param name="Memory">The memidx (0 unless multi-memory).</param>
public readonly record struct MemArg(uint Align, ulong Offset, uint Memory = 0);

/// <summary>A load or store (scalar, vector, or atomic) with its memarg.</summary>
public sealed record MemoryInstruction(Opcode Op, MemArg MemArg) : Instruction(Op)
{
    public override string ToString() => $"{Name} {MemArg}";
}

/// <summary><c>v128.loadN_lane</c>/<c>v128.storeN_lane</c>: memarg and lane index.</summary>
public sealed record MemoryLaneInstruction(Opcode Op, MemArg MemArg, byte Lane) : Instruction(Op);

/// <summary>A vector instruction with a lane index (<c>extract_lane</c>, <c>replace_lane</c>).</summary>
public sealed record LaneInstruction(Opcode Op, byte Lane) : Instruction(Op);

/// <summary><c>i8x16.shuffle</c> with its 16 lane indices (each 0..31).</summary>
public sealed record ShuffleInstruction(EquatableArray<byte> Lanes) : Instruction(Opcode.I8x16Shuffle);

/// <summary><c>i32.const</c>.</summary>
public sealed record I32ConstInstruction(int Value) : Instruction(Opcode.I32Const)
{
    public override string ToString() => $"i32.const {Value}";
}

/// <summary><c>i64.const</c>.</summary>
public sealed record I64ConstInstruction(long Value) : Instruction(Opcode.I64Const)
{
    public override string ToString() => $"i64.const {Value}";
}

/// <summary><c>f32.const</c>, as raw IEEE-754 bits (NaN payloads preserved).</summary>
public sealed record F32ConstInstruction(uint Bits) : Instruction(Opcode.F32Const)
{
    public override string ToString() => $"f32.const bits:0x{Bits:x8}";
}

/// <summary><c>f64.const</c>, as raw IEEE-754 bits (NaN payloads preserved).</summary>
public sealed record F64ConstInstruction(ulong Bits) : Instruction(Opcode.F64Const)
{
    public override string ToString() => $"f64.const bits:0x{Bits:x16}";
}

/// <summary><c>v128.const</c>, as 128 bits (little-endian: <see cref="Low"/> holds bytes 0..7).</summary>
public sealed record V128ConstInstruction(ulong Low, ulong High) : Instruction(Opcode.V128Const)
{
    public override string ToString() => $"v128.const i64x2 0x{Low:x16} 0x{High:x16}";
}

/// <summary>Typed <c>select t*</c> (0x1C). Valid only with exactly one type; the decoder keeps what it reads.</summary>
public sealed record SelectInstruction(EquatableArray<ValType> Types) : Instruction(Opcode.SelectT);

/// <summary><c>ref.null heaptype</c>.</summary>
public sealed record HeapTypeInstruction(Opcode Op, HeapType Heap) : Instruction(Op);

/// <summary><c>ref.test reftype</c> and <c>ref.cast reftype</c>.</summary>
public sealed record RefTypeInstruction(Opcode Op, RefType Type) : Instruction(Op);

/// <summary><c>br_on_cast</c>/<c>br_on_cast_fail labelidx reftype reftype</c>.</summary>
public sealed record BrOnCastInstruction(Opcode Op, uint Label, RefType From, RefType To) : Instruction(Op);
