using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// §3.2.9–3.2.11 validation of recursive type groups, together with their canonicalisation
/// (§3.3.3): a group is keyed by its structure, looked up in the <see cref="TypeRegistry"/>,
/// and only when new, built, checked against the sub type rules, and published.
/// </summary>
internal static class RecTypeValidator
{
    /// <summary>Validates <paramref name="rec"/> and appends its canonical types to the context.</summary>
    /// <exception cref="InvalidException">"unknown type N", "sub type N does not match super type M", …</exception>
    public static void Check(ModuleContext c, RecType rec)
    {
        if (rec.Types.IsEmpty) return;
        uint first = (uint)c.TypeCount;
        DescriptorRules.CheckGroup(c, rec, first);
        var key = RecGroupKey.Of(rec, first, c.KnownTypes, c.At("type", first));
        var group = TypeRegistry.Find(key) ?? Build(c, rec, first, key);
        group.CopyTo(c.Types, (int)first);
        c.TypeCount += group.Length;
    }

    private static DefType[] Build(ModuleContext c, RecType rec, uint first, RecGroupKey key)
    {
        int n = rec.Types.Count;
        uint baseId = TypeRegistry.Reserve(n);
        var canon = new Canonicalizer(c.Types, first, baseId);
        var members = new DefType[n];
        for (int i = 0; i < n; i++) members[i] = new DefType(baseId + (uint)i, canon.Sub(rec.Types[i]), i);
        for (int i = 0; i < n; i++)
        {
            var supers = rec.Types[i].Supers;
            DefType? super = supers.Count == 1 ? Resolve(c, members, first, supers[0], i) : null;
            members[i].Link(members, super);
        }
        using (TypeRegistry.BeginPending(members))
        {
            for (int i = 0; i < n; i++) DescriptorRules.CheckStruct(rec.Types[i], c.At("type", first + (uint)i));
            for (int i = 0; i < n; i++) CheckSub(c, members, rec.Types[i], first, i);
        }
        return TypeRegistry.Publish(key, members);
    }

    /// <summary>The declared supertype at module index <paramref name="x"/>, or null for a forward reference.</summary>
    private static DefType? Resolve(ModuleContext c, DefType[] members, uint first, uint x, int self)
    {
        if (x < first) return c.Types[x];
        return x - first < (uint)self ? members[x - first] : null;
    }

    /// <summary>§3.2.10 sub type rules of member <paramref name="i"/>: earlier, non-final, matching supertype.</summary>
    private static void CheckSub(ModuleContext c, DefType[] members, SubType sub, uint first, int i)
    {
        uint x = first + (uint)i;
        var site = c.At("type", x);
        if (sub.Supers.Count > 1)
            throw site.Fail("sub type " + ModuleContext.Str(x) + " has more than one super type");
        foreach (uint xi in sub.Supers)
        {
            if (xi >= x)
                throw site.Fail("forward use of type " + ModuleContext.Str(xi) + " in sub type definition");
            var super = Resolve(c, members, first, xi, i)!;
            if (super.Final)
                throw site.Fail("sub type " + ModuleContext.Str(x) + " has final super type " + ModuleContext.Str(xi));
            DescriptorRules.CheckSuper(members[i], sub, super, x, xi, site);
        }
    }

    /// <summary>Rewrites module type indices of one group to canonical ids (members get the reserved ids).</summary>
    private readonly struct Canonicalizer(DefType[] outer, uint first, uint baseId)
    {
        private uint Id(uint x) => x < first ? outer[x].Id : baseId + (x - first);

        public SubType Sub(SubType s)
        {
            var supers = new uint[s.Supers.Count];
            for (int i = 0; i < supers.Length; i++) supers[i] = Id(s.Supers[i]);
            uint? describes = s.Describes is { } d ? Id(d) : null;
            uint? descriptor = s.Descriptor is { } e ? Id(e) : null;
            return new SubType(s.Final, supers, Comp(s.Comp), describes, descriptor);
        }

        private CompType Comp(CompType comp) => comp switch
        {
            FuncType f => new FuncType(Vals(f.Params), Vals(f.Results)),
            StructType s => new StructType(Fields(s.Fields)),
            ArrayType a => new ArrayType(Field(a.Field)),
            _ => comp,
        };

        private EquatableArray<ValType> Vals(EquatableArray<ValType> ts)
        {
            var result = new ValType[ts.Count];
            for (int i = 0; i < result.Length; i++) result[i] = Val(ts[i]);
            return result;
        }

        private EquatableArray<FieldType> Fields(EquatableArray<FieldType> fs)
        {
            var result = new FieldType[fs.Count];
            for (int i = 0; i < result.Length; i++) result[i] = Field(fs[i]);
            return result;
        }

        private FieldType Field(FieldType f) =>
            f.Storage.Packed != PackedType.None ? f : new FieldType(new StorageType(Val(f.Storage.Type)), f.Mutable);

        private ValType Val(ValType t) =>
            t.Kind == ValTypeKind.Ref && t.Ref.Heap.Kind == HeapKind.Concrete
                ? new ValType(new RefType(t.Ref.Nullable, new HeapType(HeapKind.Concrete, Id(t.Ref.Heap.Index), t.Ref.Heap.Exact)))
                : t;
    }
}
