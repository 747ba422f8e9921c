namespace WasmConform.Engine.Syntax;

// §2.5 Modules. Index spaces (funcs, tables, mems, globals, tags) start with the imports of
// that kind, in import order, followed by the module's own definitions.

/// <summary>An import (§2.5.11): module name, item name and the external type required.</summary>
public sealed record Import(string Module, string Name, ExternType Type);

/// <summary>An export (§2.5.10): a name and the index of a definition of kind <see cref="Kind"/>.</summary>
public sealed record Export(string Name, ExternKind Kind, uint Index);

/// <summary>A function (§2.5.3): its type index, declared locals (parameters excluded) and body.</summary>
/// <param name="TypeIndex">typeidx of its function type.</param>
/// <param name="Locals">Declared locals, one entry per local (the binary's run-length groups expanded).</param>
/// <param name="Body">Flat instruction sequence; the final <c>end</c> is implicit.</param>
public sealed record Function(uint TypeIndex, EquatableArray<ValType> Locals, EquatableArray<Instruction> Body);

/// <summary>A table (§2.5.4) with an optional initialiser expression (default: null references).</summary>
public sealed record Table(TableType Type, EquatableArray<Instruction>? Init = null);

/// <summary>A memory (§2.5.5).</summary>
public sealed record Memory(MemType Type);

/// <summary>A global (§2.5.6) with its constant initialiser expression.</summary>
public sealed record Global(GlobalType Type, EquatableArray<Instruction> Init);

/// <summary>A tag (§2.5.7, exception handling).</summary>
public sealed record Tag(TagType Type);

/// <summary>Segment modes (§2.5.8, §2.5.9).</summary>
public enum SegmentModeKind : byte { Passive, Active, Declarative }

/// <summary>How a segment is used: passive, declarative, or active at an offset in a table or memory.</summary>
/// <param name="Kind">The mode.</param>
/// <param name="Index">For active segments, the tableidx or memidx.</param>
/// <param name="Offset">For active segments, the constant offset expression.</param>
public sealed record SegmentMode(SegmentModeKind Kind, uint Index = 0, EquatableArray<Instruction> Offset = default)
{
    public static readonly SegmentMode Passive = new(SegmentModeKind.Passive);
    public static readonly SegmentMode Declarative = new(SegmentModeKind.Declarative);

    public static SegmentMode Active(uint index, EquatableArray<Instruction> offset) => new(SegmentModeKind.Active, index, offset);
}

/// <summary>An element segment (§2.5.8): element type, one constant expression per element, mode.</summary>
public sealed record ElementSegment(RefType Type, EquatableArray<EquatableArray<Instruction>> Init, SegmentMode Mode);

/// <summary>A data segment (§2.5.9): its bytes and mode.</summary>
public sealed record DataSegment(EquatableArray<byte> Init, SegmentMode Mode);

/// <summary>Binary section ids (§5.5.2).</summary>
public enum SectionId : byte
{
    Custom = 0,
    Type = 1,
    Import = 2,
    Function = 3,
    Table = 4,
    Memory = 5,
    Global = 6,
    Export = 7,
    Start = 8,
    Element = 9,
    Code = 10,
    Data = 11,
    DataCount = 12,
    Tag = 13,
}

/// <summary>A custom section (§5.5.3), kept as bytes with the place it stood.</summary>
/// <param name="Name">Section name.</param>
/// <param name="Content">Bytes after the name.</param>
/// <param name="After">The id of the last non-custom section before it (<see cref="SectionId.Custom"/> when it precedes all of them).</param>
public sealed record CustomSection(string Name, EquatableArray<byte> Content, SectionId After);

/// <summary>An index and the name the name section gives it.</summary>
public readonly record struct NameAssoc(uint Index, string Name);

/// <summary>The names of the locals of one function.</summary>
public sealed record IndirectNameAssoc(uint Index, EquatableArray<NameAssoc> Names);

/// <summary>The decoded <c>name</c> custom section (§7.4.1): module, function and local names.</summary>
public sealed record NameSection(string? ModuleName, EquatableArray<NameAssoc> FunctionNames, EquatableArray<IndirectNameAssoc> LocalNames);

/// <summary>
/// A WebAssembly module (§2.5): the unit of decoding, validation and instantiation.
/// Immutable and structurally comparable.
/// </summary>
public sealed record Module
{
    /// <summary>Recursive type groups; each sub type takes the next type index.</summary>
    public EquatableArray<RecType> Types { get; init; }
    public EquatableArray<Import> Imports { get; init; }
    public EquatableArray<Function> Functions { get; init; }
    public EquatableArray<Table> Tables { get; init; }
    public EquatableArray<Memory> Memories { get; init; }
    public EquatableArray<Global> Globals { get; init; }
    public EquatableArray<Tag> Tags { get; init; }
    public EquatableArray<Export> Exports { get; init; }
    /// <summary>The funcidx of the start function, if any.</summary>
    public uint? Start { get; init; }
    public EquatableArray<ElementSegment> Elements { get; init; }
    public EquatableArray<DataSegment> Datas { get; init; }
    /// <summary>The value of the data count section (§5.5.14), when the module has one.</summary>
    public uint? DataCount { get; init; }
    /// <summary>Custom sections in order, the <c>name</c> section included.</summary>
    public EquatableArray<CustomSection> Customs { get; init; }
    /// <summary>The decoded <c>name</c> section, when present and well-formed.</summary>
    public NameSection? Names { get; init; }
    /// <summary>
    /// The branch hints (the <c>metadata.code.branch_hint</c> section, decoded when present and
    /// well-formed), by increasing function index; empty when there are none.
    /// </summary>
    public EquatableArray<FunctionBranchHints> BranchHints { get; init; }

    /// <summary>The empty module.</summary>
    public static readonly Module Empty = new();

    /// <summary>The sub types in type index order (rec groups flattened).</summary>
    public IEnumerable<SubType> SubTypes => Types.SelectMany(r => r.Types);

    /// <summary>Imports of one kind, in order: the first entries of that kind's index space.</summary>
    public IEnumerable<Import> ImportsOf(ExternKind kind) => Imports.Where(i => i.Type.Kind == kind);
}
