using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// Matching (§3.3, "subtyping") between canonical types: every concrete heap type is a
/// canonical id (see <see cref="DefType"/>), never a module type index.
/// </summary>
public static class Subtyping
{
    /// <summary>§3.3.4 value type matching; the bottom type matches everything.</summary>
    public static bool Matches(ValType sub, ValType super)
    {
        if (sub.Kind == ValTypeKind.Ref)
            return super.Kind == ValTypeKind.Ref && Matches(sub.Ref, super.Ref);
        return sub.Kind == super.Kind || sub.Kind == ValTypeKind.Bot;
    }

    /// <summary>§3.3.3 reference type matching: nullability, then heap types.</summary>
    public static bool Matches(RefType sub, RefType super) =>
        (!sub.Nullable || super.Nullable) && Matches(sub.Heap, super.Heap);

    /// <summary>
    /// §3.3.2 heap type matching, including the abstract hierarchies and declared supertypes.
    /// Custom descriptors: an exact type <c>(exact x)</c> matches <c>x</c> and its supertypes, and
    /// is matched only by itself (and the bottom type of its hierarchy).
    /// </summary>
    public static bool Matches(HeapType sub, HeapType super)
    {
        var k = super.Kind;
        switch (sub.Kind)
        {
            case HeapKind.Concrete:
                if (k == HeapKind.Concrete && super.Exact)
                    return sub.Exact && sub.Index == super.Index;
                if (k == HeapKind.Concrete)
                    return sub.Index == super.Index || TypeRegistry.Get(sub.Index).IsSubtypeOf(TypeRegistry.Get(super.Index));
                return TypeRegistry.Get(sub.Index).Kind switch
                {
                    CompKind.Func => k == HeapKind.Func,
                    CompKind.Struct => k is HeapKind.Any or HeapKind.Eq or HeapKind.Struct,
                    _ => k is HeapKind.Any or HeapKind.Eq or HeapKind.Array,
                };
            case HeapKind.Bot:
                return true;
            case HeapKind.Any:
                return k == HeapKind.Any;
            case HeapKind.Eq:
                return k is HeapKind.Eq or HeapKind.Any;
            case HeapKind.I31:
            case HeapKind.Struct:
            case HeapKind.Array:
                return k == sub.Kind || k is HeapKind.Eq or HeapKind.Any;
            case HeapKind.None:
                return k != HeapKind.Bot && Top(super) == HeapKind.Any;
            case HeapKind.NoFunc:
                return k != HeapKind.Bot && Top(super) == HeapKind.Func;
            case HeapKind.NoExn:
                return k is HeapKind.NoExn or HeapKind.Exn;
            case HeapKind.NoExtern:
                return k is HeapKind.NoExtern or HeapKind.Extern;
            default:
                return k == sub.Kind;
        }
    }

    /// <summary>
    /// §3.3.10 external type matching, as the linker checks imports: functions by declared
    /// subtyping (an exact function import, custom descriptors: by equality with an exact
    /// function), tags by equality, globals by mutability and type, memories and tables by
    /// address type and limits (tables: equal element types).
    /// </summary>
    public static bool Matches(ExternType sub, ExternType super) => (sub, super) switch
    {
        (ExternFunc f1, ExternFunc f2) => f2.Exact
            ? f1.Exact && f1.TypeIndex == f2.TypeIndex
            : TypeRegistry.Get(f1.TypeIndex).IsSubtypeOf(TypeRegistry.Get(f2.TypeIndex)),
        (ExternTag t1, ExternTag t2) => t1.Type.TypeIndex == t2.Type.TypeIndex,
        (ExternGlobal g1, ExternGlobal g2) => Matches(g1.Type, g2.Type),
        (ExternMemory m1, ExternMemory m2) => Matches(m1.Type, m2.Type),
        (ExternTable t1, ExternTable t2) => Matches(t1.Type, t2.Type),
        _ => false,
    };

    /// <summary>§3.3.8 global type matching: equal mutability; a mutable global's type must be equivalent.</summary>
    public static bool Matches(GlobalType sub, GlobalType super) =>
        sub.Mutable == super.Mutable && Matches(sub.Type, super.Type) && (!sub.Mutable || Matches(super.Type, sub.Type));

    /// <summary>§3.3.9 memory type matching: same address type (and sharing, page size), limits within.</summary>
    public static bool Matches(MemType sub, MemType super) =>
        sub.AddrType == super.AddrType && sub.Shared == super.Shared && sub.PageSize == super.PageSize
        && Matches(sub.Limits, super.Limits);

    /// <summary>§3.3.7 table type matching: same address type, limits within, equivalent element types.</summary>
    public static bool Matches(TableType sub, TableType super) =>
        sub.AddrType == super.AddrType && Matches(sub.Limits, super.Limits)
        && Matches(sub.ElemType, super.ElemType) && Matches(super.ElemType, sub.ElemType);

    /// <summary>§3.3.6 limits matching: at least the minimum, and a maximum within the required one.</summary>
    public static bool Matches(Limits sub, Limits super) =>
        sub.Min >= super.Min && (super.Max is not { } max2 || (sub.Max is { } max1 && max1 <= max2));

    /// <summary>§3.3.5 composite type matching: function variance, structure prefixes, array fields.</summary>
    public static bool Matches(CompType sub, CompType super)
    {
        switch (sub, super)
        {
            case (FuncType f1, FuncType f2):
                return Matches(f2.Params.AsSpan(), f1.Params.AsSpan()) && Matches(f1.Results.AsSpan(), f2.Results.AsSpan());
            case (StructType s1, StructType s2):
                if (s1.Fields.Count < s2.Fields.Count) return false;
                for (int i = 0; i < s2.Fields.Count; i++)
                    if (!Matches(s1.Fields[i], s2.Fields[i])) return false;
                return true;
            case (ArrayType a1, ArrayType a2):
                return Matches(a1.Field, a2.Field);
            default:
                return false;
        }
    }

    /// <summary>§3.3.4 result type matching: same length, pointwise matching.</summary>
    public static bool Matches(ReadOnlySpan<ValType> sub, ReadOnlySpan<ValType> super)
    {
        if (sub.Length != super.Length) return false;
        for (int i = 0; i < sub.Length; i++)
            if (!Matches(sub[i], super[i])) return false;
        return true;
    }

    /// <summary>§3.3.5 field type matching: equal mutability; a mutable field's storage type must be equivalent.</summary>
    public static bool Matches(FieldType sub, FieldType super) =>
        sub.Mutable == super.Mutable && Matches(sub.Storage, super.Storage)
        && (!sub.Mutable || Matches(super.Storage, sub.Storage));

    /// <summary>§3.3.5 storage type matching: equal packed types, or matching value types.</summary>
    public static bool Matches(StorageType sub, StorageType super)
    {
        if (sub.Packed != PackedType.None || super.Packed != PackedType.None) return sub.Packed == super.Packed;
        return Matches(sub.Type, super.Type);
    }

    /// <summary>The top of the hierarchy a heap type belongs to (any, func, exn or extern); <see cref="HeapKind.Bot"/> for bot.</summary>
    public static HeapKind Top(HeapType t) => t.Kind switch
    {
        HeapKind.Any or HeapKind.Eq or HeapKind.I31 or HeapKind.Struct or HeapKind.Array or HeapKind.None => HeapKind.Any,
        HeapKind.Func or HeapKind.NoFunc => HeapKind.Func,
        HeapKind.Exn or HeapKind.NoExn => HeapKind.Exn,
        HeapKind.Extern or HeapKind.NoExtern => HeapKind.Extern,
        HeapKind.Concrete => TypeRegistry.Get(t.Index).Kind == CompKind.Func ? HeapKind.Func : HeapKind.Any,
        _ => HeapKind.Bot,
    };

    /// <summary>The bottom of the hierarchy a heap type belongs to (none, nofunc, noexn or noextern).</summary>
    public static HeapKind Bottom(HeapType t) => Top(t) switch
    {
        HeapKind.Any => HeapKind.None,
        HeapKind.Func => HeapKind.NoFunc,
        HeapKind.Exn => HeapKind.NoExn,
        HeapKind.Extern => HeapKind.NoExtern,
        _ => HeapKind.Bot,
    };
}
