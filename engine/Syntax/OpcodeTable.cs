using System.Collections.Frozen;

namespace WasmConform.Engine.Syntax;

/// <summary>What immediates follow an opcode (binary §5.4) and which instruction record carries them.</summary>
public enum ImmediateKind : byte
{
    /// <summary>None: a plain <see cref="Instruction"/>.</summary>
    None,
    /// <summary><see cref="BlockInstruction"/>.</summary>
    BlockType,
    /// <summary><see cref="TryTableInstruction"/>.</summary>
    TryTable,
    /// <summary><see cref="IndexInstruction"/> with a labelidx.</summary>
    Label,
    /// <summary><see cref="BrTableInstruction"/>.</summary>
    BrTable,
    /// <summary><see cref="IndexInstruction"/> with a funcidx.</summary>
    Func,
    /// <summary><see cref="IndexInstruction"/> with a typeidx.</summary>
    Type,
    /// <summary><see cref="IndexInstruction"/> with a localidx.</summary>
    Local,
    /// <summary><see cref="IndexInstruction"/> with a globalidx.</summary>
    Global,
    /// <summary><see cref="IndexInstruction"/> with a tableidx.</summary>
    Table,
    /// <summary><see cref="IndexInstruction"/> with a memidx.</summary>
    Memory,
    /// <summary><see cref="IndexInstruction"/> with a dataidx.</summary>
    Data,
    /// <summary><see cref="IndexInstruction"/> with an elemidx.</summary>
    Elem,
    /// <summary><see cref="IndexInstruction"/> with a tagidx.</summary>
    Tag,
    /// <summary><see cref="IndexPairInstruction"/>: tableidx, typeidx (binary order: typeidx tableidx).</summary>
    CallIndirect,
    /// <summary><see cref="IndexPairInstruction"/>: destination and source tableidx.</summary>
    TablePair,
    /// <summary><see cref="IndexPairInstruction"/>: tableidx, elemidx (binary order: elemidx tableidx).</summary>
    TableInit,
    /// <summary><see cref="IndexPairInstruction"/>: destination and source memidx.</summary>
    MemoryPair,
    /// <summary><see cref="IndexPairInstruction"/>: memidx, dataidx (binary order: dataidx memidx).</summary>
    MemoryInit,
    /// <summary><see cref="IndexPairInstruction"/>: typeidx, fieldidx.</summary>
    TypeField,
    /// <summary><see cref="IndexPairInstruction"/>: typeidx, element count (u32).</summary>
    TypeCount,
    /// <summary><see cref="IndexPairInstruction"/>: typeidx, dataidx.</summary>
    TypeData,
    /// <summary><see cref="IndexPairInstruction"/>: typeidx, elemidx.</summary>
    TypeElem,
    /// <summary><see cref="IndexPairInstruction"/>: destination and source typeidx.</summary>
    TypePair,
    /// <summary><see cref="MemoryInstruction"/>.</summary>
    MemArg,
    /// <summary><see cref="MemoryLaneInstruction"/>.</summary>
    MemArgLane,
    /// <summary><see cref="LaneInstruction"/>.</summary>
    Lane,
    /// <summary><see cref="ShuffleInstruction"/>.</summary>
    Shuffle,
    /// <summary><see cref="I32ConstInstruction"/>.</summary>
    I32,
    /// <summary><see cref="I64ConstInstruction"/>.</summary>
    I64,
    /// <summary><see cref="F32ConstInstruction"/>.</summary>
    F32,
    /// <summary><see cref="F64ConstInstruction"/>.</summary>
    F64,
    /// <summary><see cref="V128ConstInstruction"/>.</summary>
    V128,
    /// <summary><see cref="SelectInstruction"/>.</summary>
    SelectTypes,
    /// <summary><see cref="HeapTypeInstruction"/>.</summary>
    HeapType,
    /// <summary><see cref="RefTypeInstruction"/>.</summary>
    RefType,
    /// <summary><see cref="BrOnCastInstruction"/>.</summary>
    BrOnCast,
}

/// <summary>An operand or result type in a fixed instruction signature.</summary>
public enum SigType : byte
{
    I32,
    I64,
    F32,
    F64,
    V128,
    /// <summary>The address type of the instruction's memory: i32, or i64 for a 64-bit memory.</summary>
    Addr,
}

/// <summary>The fixed stack signature <c>[params] -> [results]</c> of a simple instruction.</summary>
public sealed record InstrSignature(EquatableArray<SigType> Params, EquatableArray<SigType> Results)
{
    /// <summary>Parses the table notation, e.g. <c>"a i32 -> i64"</c>.</summary>
    internal static InstrSignature Parse(string text)
    {
        int arrow = text.IndexOf("->", StringComparison.Ordinal);
        if (arrow < 0) throw new FormatException($"signature without '->': {text}");
        return new(ParseList(text[..arrow]), ParseList(text[(arrow + 2)..]));
    }

    private static EquatableArray<SigType> ParseList(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t switch
        {
            "i32" => SigType.I32,
            "i64" => SigType.I64,
            "f32" => SigType.F32,
            "f64" => SigType.F64,
            "v128" => SigType.V128,
            "a" => SigType.Addr,
            _ => throw new FormatException($"unknown type in signature: {t}"),
        }).ToEquatableArray();
}

/// <summary>One row of the opcode table.</summary>
/// <param name="Op">The instruction.</param>
/// <param name="Prefix">0 for single-byte opcodes, else the prefix byte (0xFB GC, 0xFC misc, 0xFD SIMD, 0xFE threads).</param>
/// <param name="Code">The opcode byte, or after a prefix the u32 LEB128 sub-opcode.</param>
/// <param name="Name">Text-format mnemonic.</param>
/// <param name="Immediate">Which immediates follow.</param>
/// <param name="Signature">The fixed stack signature, or <c>null</c> where typing depends on immediates or context.</param>
public sealed record OpcodeInfo(Opcode Op, byte Prefix, uint Code, string Name, ImmediateKind Immediate, InstrSignature? Signature)
{
    internal OpcodeInfo(Opcode op, byte prefix, uint code, string name, ImmediateKind immediate, string signature)
        : this(op, prefix, code, name, immediate, signature == "*" ? null : InstrSignature.Parse(signature)) { }
}

/// <summary>
/// The opcode table: binary encoding, text mnemonic, immediates and simple signatures of
/// every instruction (§5.4 binary, §6.5 text). The single source that the decoder, encoder,
/// text parser, printer, validator and generator consult.
/// </summary>
public static partial class OpcodeTable
{
    // Field initialisers run in declaration order within this file; the rows come first.
    private static readonly OpcodeInfo[] Rows = BuildRows();
    private static readonly OpcodeInfo[] ByOp = BuildByOp();
    private static readonly FrozenDictionary<uint, Opcode> ByCode = Rows.ToFrozenDictionary(r => Key(r.Prefix, r.Code), r => r.Op);
    private static readonly FrozenDictionary<string, Opcode[]> ByName =
        Rows.GroupBy(r => r.Name, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Select(r => r.Op).ToArray(), StringComparer.Ordinal);

    /// <summary>Every row, in binary order.</summary>
    public static IReadOnlyList<OpcodeInfo> All => Rows;

    /// <summary>The row of <paramref name="op"/>.</summary>
    public static OpcodeInfo Info(Opcode op) => ByOp[(int)op];

    /// <summary>The instruction with binary encoding <paramref name="prefix"/> (0 for none) and <paramref name="code"/>, if any.</summary>
    public static bool TryDecode(byte prefix, uint code, out Opcode op) => ByCode.TryGetValue(Key(prefix, code), out op);

    /// <summary>
    /// The instructions with text mnemonic <paramref name="name"/>: usually one, two for
    /// <c>select</c> (untyped and typed).
    /// </summary>
    public static bool TryLookup(string name, out IReadOnlyList<Opcode> ops)
    {
        bool found = ByName.TryGetValue(name, out var list);
        ops = list ?? [];
        return found;
    }

    private static uint Key(byte prefix, uint code) => ((uint)prefix << 24) | code;

    private static OpcodeInfo[] BuildByOp()
    {
        var byOp = new OpcodeInfo[Rows.Length];
        foreach (var row in Rows)
        {
            if (byOp[(int)row.Op] is not null) throw new InvalidOperationException($"duplicate row for {row.Op}");
            byOp[(int)row.Op] = row;
        }
        return byOp;
    }
}
