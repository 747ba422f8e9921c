using WasmConform.Engine.Execution;

namespace WasmConform.Wast.Script;

/// <summary>
/// Groups of trap kinds that production engines report as one, so that a comparison across
/// engines does not count a difference of naming as a difference of behaviour:
/// <list type="bullet">
/// <item>"integer overflow" and "invalid conversion to integer": V8 says "float unrepresentable in integer range" for both truncation traps;</item>
/// <item>"undefined element" and "out of bounds table access": wasmtime's <c>TableOutOfBounds</c> is both;</item>
/// <item>"uninitialized element" and "indirect call type mismatch": V8's "null function or function signature mismatch" is both;</item>
/// <item>every null-reference trap (function, structure, array, i31, exception, descriptor, <c>ref.as_non_null</c>): wasmtime's <c>NullReference</c> and V8's "dereferencing a null pointer";</item>
/// <item>"descriptor cast failure" and "cast failure": both are failed casts.</item>
/// </list>
/// </summary>
public static class TrapClasses
{
    /// <summary>The representative of <paramref name="kind"/>'s group (the kind itself when it is alone).</summary>
    public static TrapKind Of(TrapKind kind) => kind switch
    {
        TrapKind.InvalidConversionToInteger => TrapKind.IntegerOverflow,
        TrapKind.UndefinedElement => TrapKind.OutOfBoundsTableAccess,
        TrapKind.UninitializedElement => TrapKind.IndirectCallTypeMismatch,
        TrapKind.NullFunctionReference or TrapKind.NullStructureReference or TrapKind.NullArrayReference
            or TrapKind.NullI31Reference or TrapKind.NullExceptionReference or TrapKind.NullDescriptorReference => TrapKind.NullReference,
        TrapKind.DescriptorCastFailure => TrapKind.CastFailure,
        _ => kind,
    };

    /// <summary>Whether two kinds are in the same group.</summary>
    public static bool Same(TrapKind a, TrapKind b) => Of(a) == Of(b);
}

/// <summary>How strictly a script's expected failures are compared with an engine's.</summary>
public enum MessageMatching : byte
{
    /// <summary>
    /// As the spec interpreter: the failure class must match (malformed, invalid, unlinkable, trap,
    /// exhaustion) and the expected message must be a prefix of the engine's. For the reference interpreter.
    /// </summary>
    Exact,

    /// <summary>
    /// For other engines, whose messages are their own: a malformed or invalid module must be
    /// rejected (either way), an unlinkable one unlinkable, exhaustion exhausted, and a trap must be
    /// of the expected kind up to <see cref="TrapClasses"/>.
    /// </summary>
    ByClass,
}
