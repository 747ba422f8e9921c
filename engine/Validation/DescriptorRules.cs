using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// Custom-descriptors proposal: the rules of <c>describes</c> and <c>descriptor</c> clauses in
/// a recursive type group, and their part in matching a declared supertype.
/// </summary>
internal static class DescriptorRules
{
    /// <summary>
    /// The clauses of a group agree: each names a member of the group (not a type outside it),
    /// a described type is described by the type that describes it and comes before it, and a
    /// descriptor describes the type that names it. Checked member by member, describes first.
    /// </summary>
    /// <param name="c">The module context (for the error site).</param>
    /// <param name="rec">The group, module-relative.</param>
    /// <param name="first">The module type index of its first member.</param>
    public static void CheckGroup(ModuleContext c, RecType rec, uint first)
    {
        var types = rec.Types;
        for (int i = 0; i < types.Count; i++)
        {
            var site = c.At("type", first + (uint)i);
            uint x = first + (uint)i;
            if (types[i].Describes is { } described)
            {
                var other = Member(types, first, described) ?? throw site.Fail("described type is outside rec group");
                if (other.Descriptor != x) throw site.Fail("described type is not described by descriptor");
                if (described >= x) throw site.Fail("forward use of described type");
            }
            if (types[i].Descriptor is { } descriptor)
            {
                var other = Member(types, first, descriptor) ?? throw site.Fail("descriptor type is outside rec group");
                if (other.Describes != x) throw site.Fail("type is not described by its descriptor");
            }
        }
    }

    private static SubType? Member(EquatableArray<SubType> types, uint first, uint x) =>
        x >= first && x - first < (uint)types.Count ? types[(int)(x - first)] : null;

    /// <summary>Only structure types may have clauses ("descriptor type must be a struct", "described type must be a struct").</summary>
    public static void CheckStruct(SubType sub, ErrorSite site)
    {
        if (sub.Comp is StructType) return;
        if (sub.Descriptor is not null) throw site.Fail("descriptor type must be a struct");
        if (sub.Describes is not null) throw site.Fail("described type must be a struct");
    }

    /// <summary>
    /// A sub type's clauses against its declared supertype's: a described type must match the
    /// supertype's described type (both or neither present), a descriptor the supertype's
    /// descriptor (a supertype without one accepts any), then the composite types match.
    /// </summary>
    /// <param name="sub">The sub type, canonical.</param>
    /// <param name="written">The sub type as written (module type indices, for messages).</param>
    /// <param name="super">The supertype.</param>
    /// <param name="x">The sub type's module index.</param>
    /// <param name="xi">The supertype's module index.</param>
    /// <param name="site">Where errors are reported.</param>
    public static void CheckSuper(DefType sub, SubType written, DefType super, uint x, uint xi, ErrorSite site)
    {
        string mismatch = "sub type " + ModuleContext.Str(x) + " does not match super type " + ModuleContext.Str(xi);
        var s = sub.Sub;
        var t = super.Sub;
        if (s.Describes is { } d1 && t.Describes is { } d2)
        {
            if (!Matches(d1, d2))
                throw site.Fail("described type " + ModuleContext.Str(written.Describes!.Value) + " does not match " + Text(d2));
        }
        else if (s.Describes.HasValue != t.Describes.HasValue)
        {
            throw site.Fail(mismatch);
        }
        if (s.Descriptor is { } e1 && t.Descriptor is { } e2)
        {
            if (!Matches(e1, e2))
                throw site.Fail("descriptor type " + ModuleContext.Str(written.Descriptor!.Value) + " does not match " + Text(e2));
        }
        else if (t.Descriptor is not null)
        {
            throw site.Fail(mismatch);
        }
        if (!Subtyping.Matches(sub.Comp, super.Comp)) throw site.Fail(mismatch);
    }

    private static bool Matches(uint sub, uint super) => TypeRegistry.Get(sub).IsSubtypeOf(TypeRegistry.Get(super));

    private static string Text(uint id) => TypeRegistry.TryGet(id, out var d) ? TypeText.Of(d) : TypeText.Index(id);
}
