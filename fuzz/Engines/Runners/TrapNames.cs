using WasmConform.Engine.Execution;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>
/// Each engine's trap names or messages onto <see cref="TrapKind"/>. By name or text only: a
/// stored trap number means nothing across versions (wasmtime renumbered <c>TrapCode</c> in v42).
/// Where an engine gives one trap for several of the spec's (wasmtime's <c>TableOutOfBounds</c>
/// is both "undefined element" and "out of bounds table access"), the table names the spec
/// kind it is most often; <c>TrapClasses</c> groups such kinds for comparisons.
/// </summary>
public static class TrapNames
{
    /// <summary>wasmtime's <c>Wasmtime.TrapCode</c> member names.</summary>
    public static IReadOnlyDictionary<string, TrapKind> Wasmtime { get; } = new Dictionary<string, TrapKind>(StringComparer.Ordinal)
    {
        ["Unreachable"] = TrapKind.Unreachable,
        ["IntegerDivisionByZero"] = TrapKind.IntegerDivideByZero,
        ["IntegerOverflow"] = TrapKind.IntegerOverflow,
        ["BadConversionToInteger"] = TrapKind.InvalidConversionToInteger,
        ["MemoryOutOfBounds"] = TrapKind.OutOfBoundsMemoryAccess,
        ["HeapMisaligned"] = TrapKind.UnalignedAtomic,
        ["TableOutOfBounds"] = TrapKind.OutOfBoundsTableAccess,
        ["IndirectCallToNull"] = TrapKind.UninitializedElement,
        ["BadSignature"] = TrapKind.IndirectCallTypeMismatch,
        ["NullReference"] = TrapKind.NullReference,
        ["CastFailure"] = TrapKind.CastFailure,
        ["ArrayOutOfBounds"] = TrapKind.OutOfBoundsArrayAccess,
        ["AllocationTooLarge"] = TrapKind.OutOfBoundsArrayAccess,
    };

    /// <summary>V8's <c>WebAssembly.RuntimeError</c> messages (message prefixes, in V8's words).</summary>
    public static IReadOnlyList<(string Prefix, TrapKind Kind)> V8 { get; } =
    [
        ("unreachable", TrapKind.Unreachable),
        ("divide by zero", TrapKind.IntegerDivideByZero),
        ("remainder by zero", TrapKind.IntegerDivideByZero),
        ("divide result unrepresentable", TrapKind.IntegerOverflow),
        ("float unrepresentable in integer range", TrapKind.InvalidConversionToInteger),
        ("memory access out of bounds", TrapKind.OutOfBoundsMemoryAccess),
        ("operation does not support unaligned accesses", TrapKind.UnalignedAtomic),
        ("data segment out of bounds", TrapKind.OutOfBoundsMemoryAccess),
        ("data segment is out of bounds", TrapKind.OutOfBoundsMemoryAccess),
        ("data segment has been dropped", TrapKind.OutOfBoundsMemoryAccess),
        ("table index is out of bounds", TrapKind.UndefinedElement),
        ("table access out of bounds", TrapKind.OutOfBoundsTableAccess),
        ("element segment out of bounds", TrapKind.OutOfBoundsTableAccess),
        ("element segment is out of bounds", TrapKind.OutOfBoundsTableAccess),
        ("table initializer is out of bounds", TrapKind.OutOfBoundsTableAccess),
        ("element segment has been dropped", TrapKind.OutOfBoundsTableAccess),
        ("null function or function signature mismatch", TrapKind.IndirectCallTypeMismatch),
        ("function signature mismatch", TrapKind.IndirectCallTypeMismatch),
        ("dereferencing a null pointer", TrapKind.NullReference),
        ("illegal cast", TrapKind.CastFailure),
        ("array element access out of bounds", TrapKind.OutOfBoundsArrayAccess),
        ("requested new array is too large", TrapKind.OutOfBoundsArrayAccess),
    ];

    /// <summary>wazero's error texts, after <c>wasm error: </c> (its <c>wasmruntime</c> errors).</summary>
    public static IReadOnlyList<(string Prefix, TrapKind Kind)> Wazero { get; } =
    [
        ("unreachable", TrapKind.Unreachable),
        ("integer divide by zero", TrapKind.IntegerDivideByZero),
        ("integer overflow", TrapKind.IntegerOverflow),
        ("invalid conversion to integer", TrapKind.InvalidConversionToInteger),
        ("out of bounds memory access", TrapKind.OutOfBoundsMemoryAccess),
        ("invalid table access", TrapKind.OutOfBoundsTableAccess),
        ("indirect call type mismatch", TrapKind.IndirectCallTypeMismatch),
        ("unaligned atomic", TrapKind.UnalignedAtomic),
    ];

    /// <summary>The kind of a wasmtime trap code name; null when the name is not a spec trap.</summary>
    public static TrapKind? FromWasmtime(string code) => Wasmtime.TryGetValue(code, out var kind) ? kind : null;

    /// <summary>
    /// The kind of a V8 trap message (the text of its <c>RuntimeError</c>, with or without the
    /// <c>WebAssembly.Instance(): </c> that names the API call); null when unknown.
    /// </summary>
    public static TrapKind? FromV8(string message)
    {
        int api = message.IndexOf("(): ", StringComparison.Ordinal);
        if (message.StartsWith("WebAssembly.", StringComparison.Ordinal) && api > 0) message = message[(api + 4)..];
        return ByPrefix(V8, message);
    }

    /// <summary>The kind of a wazero error text (with or without <c>wasm error: </c>); null when unknown.</summary>
    public static TrapKind? FromWazero(string message)
    {
        const string prefix = "wasm error: ";
        return ByPrefix(Wazero, message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message);
    }

    private static TrapKind? ByPrefix(IReadOnlyList<(string Prefix, TrapKind Kind)> table, string message)
    {
        foreach (var (prefix, kind) in table)
            if (message.StartsWith(prefix, StringComparison.Ordinal)) return kind;
        return null;
    }
}
