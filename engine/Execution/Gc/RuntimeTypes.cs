using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

/// <summary>
/// The runtime type of a reference and reference-type matching against it, as <c>ref.test</c>,
/// <c>ref.cast</c>, <c>br_on_cast</c> and <c>br_on_cast_fail</c> decide (§4.4.2, matching §3.3.3).
/// </summary>
/// <remarks>
/// A non-null reference has the type <c>(ref ht)</c> where ht is: the defined type of a
/// structure, array or function; <c>i31</c> for an <see cref="I31Reference"/>; <c>exn</c> for an
/// exception; and for any other object (a host reference) <c>any</c> inside the any hierarchy
/// and <c>extern</c> inside the extern hierarchy. The null reference has type <c>(ref null bot)</c>.
/// <c>any.convert_extern</c> and <c>extern.convert_any</c> keep the object itself: validation
/// ensures a cast target lies in the hierarchy of the value's static type, so the hierarchy a
/// reference is tested in tells which of the two views applies.
/// </remarks>
public static class RuntimeTypes
{
    /// <summary>The defined type of a structure, array or function reference; <c>null</c> for other references.</summary>
    public static DefType? DefinedTypeOf(object reference) => reference switch
    {
        StructInstance s => s.Type,
        ArrayInstance a => a.Type,
        FunctionInstance f => TypeRegistry.Get(f.TypeId),
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="reference"/> (<c>null</c> for the null reference) matches the
    /// canonical reference type <paramref name="target"/> (concrete heap types as canonical ids).
    /// </summary>
    public static bool Matches(object? reference, RefType target)
    {
        if (reference is null) return target.Nullable;
        var heap = target.Heap;
        var concrete = heap.Kind == HeapKind.Concrete ? TypeRegistry.Get(heap.Index) : null;
        return MatchesHeap(reference, heap.Kind, concrete, heap.Exact);
    }

    /// <summary>
    /// Whether the non-null <paramref name="reference"/> matches heap type <paramref name="kind"/>;
    /// for <see cref="HeapKind.Concrete"/>, the defined type <paramref name="concrete"/> or (unless
    /// <paramref name="exact"/>) one of its declared subtypes.
    /// </summary>
    public static bool MatchesHeap(object reference, HeapKind kind, DefType? concrete, bool exact) => kind switch
    {
        HeapKind.Any or HeapKind.Extern => reference is not (FunctionInstance or ExceptionInstance),
        HeapKind.Eq => reference is I31Reference or StructInstance or ArrayInstance,
        HeapKind.I31 => reference is I31Reference,
        HeapKind.Struct => reference is StructInstance,
        HeapKind.Array => reference is ArrayInstance,
        HeapKind.Func => reference is FunctionInstance,
        HeapKind.Exn => reference is ExceptionInstance,
        HeapKind.Concrete => DefinedTypeOf(reference) is { } type && concrete is not null
            && (exact ? ReferenceEquals(type, concrete) : type.IsSubtypeOf(concrete)),
        // The bottom types (none, nofunc, noextern, noexn) hold only the null reference.
        _ => false,
    };
}
