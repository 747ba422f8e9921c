namespace WasmConform.Engine.Execution;

/// <summary>
/// Why execution trapped, in spec terms (§4, the reference interpreter's messages).
/// Shared by every engine: adapters map their engine's traps onto these by name or message.
/// </summary>
public enum TrapKind : byte
{
    /// <summary>"unreachable executed" (<c>unreachable</c>).</summary>
    Unreachable,
    /// <summary>"integer divide by zero".</summary>
    IntegerDivideByZero,
    /// <summary>"integer overflow" (<c>div_s</c> of MIN by -1, truncation out of range).</summary>
    IntegerOverflow,
    /// <summary>"invalid conversion to integer" (truncation of NaN).</summary>
    InvalidConversionToInteger,
    /// <summary>"out of bounds memory access".</summary>
    OutOfBoundsMemoryAccess,
    /// <summary>"out of bounds table access".</summary>
    OutOfBoundsTableAccess,
    /// <summary>"undefined element" (<c>call_indirect</c> index beyond the table).</summary>
    UndefinedElement,
    /// <summary>"uninitialized element" (<c>call_indirect</c> of a null entry).</summary>
    UninitializedElement,
    /// <summary>"indirect call type mismatch".</summary>
    IndirectCallTypeMismatch,
    /// <summary>"null function reference" (<c>call_ref</c> of null).</summary>
    NullFunctionReference,
    /// <summary>"null structure reference".</summary>
    NullStructureReference,
    /// <summary>"null array reference".</summary>
    NullArrayReference,
    /// <summary>"null i31 reference".</summary>
    NullI31Reference,
    /// <summary>"null reference" (<c>ref.as_non_null</c>).</summary>
    NullReference,
    /// <summary>"null exception reference" (<c>throw_ref</c> of null).</summary>
    NullExceptionReference,
    /// <summary>"cast failure" (<c>ref.cast</c>).</summary>
    CastFailure,
    /// <summary>"out of bounds array access".</summary>
    OutOfBoundsArrayAccess,
    /// <summary>"unaligned atomic" (threads proposal).</summary>
    UnalignedAtomic,
    /// <summary>"expected shared memory" (threads proposal: <c>memory.atomic.wait</c> on an unshared memory).</summary>
    ExpectedSharedMemory,
    /// <summary>"null descriptor reference" (custom descriptors: a null descriptor operand).</summary>
    NullDescriptorReference,
    /// <summary>"descriptor cast failure" (custom descriptors: <c>ref.cast_desc_eq</c>).</summary>
    DescriptorCastFailure,
    /// <summary>A host function reported a trap of its own.</summary>
    HostTrap,
}

/// <summary>The spec interpreter's message text of each <see cref="TrapKind"/>.</summary>
public static class TrapMessages
{
    /// <summary>The message the reference interpreter gives, e.g. "integer divide by zero".</summary>
    public static string Of(TrapKind kind) => kind switch
    {
        TrapKind.Unreachable => "unreachable executed",
        TrapKind.IntegerDivideByZero => "integer divide by zero",
        TrapKind.IntegerOverflow => "integer overflow",
        TrapKind.InvalidConversionToInteger => "invalid conversion to integer",
        TrapKind.OutOfBoundsMemoryAccess => "out of bounds memory access",
        TrapKind.OutOfBoundsTableAccess => "out of bounds table access",
        TrapKind.UndefinedElement => "undefined element",
        TrapKind.UninitializedElement => "uninitialized element",
        TrapKind.IndirectCallTypeMismatch => "indirect call type mismatch",
        TrapKind.NullFunctionReference => "null function reference",
        TrapKind.NullStructureReference => "null structure reference",
        TrapKind.NullArrayReference => "null array reference",
        TrapKind.NullI31Reference => "null i31 reference",
        TrapKind.NullReference => "null reference",
        TrapKind.NullExceptionReference => "null exception reference",
        TrapKind.CastFailure => "cast failure",
        TrapKind.OutOfBoundsArrayAccess => "out of bounds array access",
        TrapKind.UnalignedAtomic => "unaligned atomic",
        TrapKind.ExpectedSharedMemory => "expected shared memory",
        TrapKind.NullDescriptorReference => "null descriptor reference",
        TrapKind.DescriptorCastFailure => "descriptor cast failure",
        _ => "host trap",
    };

    /// <summary>The kind whose message <paramref name="message"/> starts with, if any (for adapters of other engines).</summary>
    public static TrapKind? FromMessage(string message)
    {
        foreach (var kind in Enum.GetValues<TrapKind>())
            if (kind != TrapKind.HostTrap && message.StartsWith(Of(kind), StringComparison.Ordinal))
                return kind;
        return null;
    }
}

/// <summary>Execution trapped (§4.4): the spec's <c>Trap</c> error, with its kind.</summary>
public sealed class TrapException(TrapKind kind, string? message = null, string? location = null)
    : WasmException(message ?? TrapMessages.Of(kind), location)
{
    public TrapKind Kind { get; } = kind;
}
