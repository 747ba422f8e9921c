using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Embedding;

/// <summary>
/// What an instance exposes after a call, for the fuzzer's oracle: every exported global's value,
/// every exported memory's size and SHA-256, and every exported table's size (and which elements
/// of a funcref table are null), in export order. Equal when the values, sizes and hashes are (the
/// optional memory bytes do not take part). <paramref name="Tables"/> is null when the engine does not report tables.
/// </summary>
public sealed record EngineState(EquatableArray<GlobalState> Globals, EquatableArray<MemoryState> Memories, EquatableArray<TableState>? Tables = null)
{
    /// <summary>No exported globals or memories.</summary>
    public static EngineState Empty { get; } = new([], []);
}

/// <summary>
/// An exported table: its size in elements and, for a <c>funcref</c> table, which elements are
/// null (<paramref name="NonNull"/>: one character per element, <c>1</c> non-null, <c>0</c> null);
/// null for tables of other references, whose identity the embedding APIs do not all keep.
/// </summary>
public sealed record TableState(string Name, long Size, string? NonNull)
{
    /// <summary>The null pattern of table elements: <c>1</c> for each of <paramref name="nonNull"/> that is true, <c>0</c> for each null element.</summary>
    public static string Pattern(IEnumerable<bool> nonNull) => string.Concat(nonNull.Select(n => n ? '1' : '0'));
}

/// <summary>An exported global and its current value.</summary>
public readonly record struct GlobalState(string Name, Value Value);

/// <summary>An exported memory: its size in bytes, the SHA-256 of its contents (lower-case hex) and, when asked for, the bytes.</summary>
public sealed record MemoryState(string Name, long Size, string Sha256, byte[]? Bytes = null)
{
    public bool Equals(MemoryState? other) =>
        other is not null && Name == other.Name && Size == other.Size && Sha256 == other.Sha256;

    public override int GetHashCode() => HashCode.Combine(Name, Size, Sha256);

    /// <summary>The state of <paramref name="bytes"/> under <paramref name="name"/>, with the bytes when <paramref name="keepBytes"/>.</summary>
    public static MemoryState Of(string name, ReadOnlySpan<byte> bytes, bool keepBytes) =>
        new(name, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), keepBytes ? bytes.ToArray() : null);
}

/// <summary>
/// A non-null reference an external engine handed back, known only by its kind (<c>func</c>,
/// <c>i31</c>, <c>struct</c>, …): the runner protocol carries no identity for such references.
/// </summary>
public sealed record ForeignReference(HeapKind Kind);
