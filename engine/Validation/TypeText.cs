using System.Globalization;
using System.Text;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// Types written the way the spec interpreter writes them in validation messages:
/// <c>(ref null func)</c>, <c>[i32 i64]</c>, <c>(mut i8)</c>, <c>bot</c>, indices grouped
/// by <c>_</c>. A concrete heap type is written as the module type index it was written
/// with when it comes straight from the module's syntax (a local's declared type, a
/// <c>ref.null</c> immediate, a value block type), and structurally
/// (<c>(func [i32] -> [])</c>, <c>((rec (struct) (func [] -> [])).1)</c>) when it comes from
/// a defined type, as the spec interpreter's substituted types are.
/// </summary>
internal static class TypeText
{
    /// <summary>"Write the concrete type structurally": the type does not come with a module index.</summary>
    public const uint Structural = uint.MaxValue;

    /// <summary>How to show a module-relative type: its own type index, or <see cref="Structural"/> when it has none.</summary>
    public static uint ShownOf(ValType moduleRelative) =>
        moduleRelative.Kind == ValTypeKind.Ref ? ShownOf(moduleRelative.Ref.Heap) : Structural;

    public static uint ShownOf(RefType moduleRelative) => ShownOf(moduleRelative.Heap);

    public static uint ShownOf(HeapType moduleRelative) =>
        moduleRelative.Kind == HeapKind.Concrete ? moduleRelative.Index : Structural;

    /// <summary>A value type; <paramref name="shown"/> is the module index of its concrete heap type, if it has one.</summary>
    public static string Of(ValType t, uint shown = Structural)
    {
        var sb = new StringBuilder();
        Append(sb, t, shown, null);
        return sb.ToString();
    }

    public static string Of(RefType t, uint shown = Structural) => Of(new ValType(t), shown);

    /// <summary>A result type <c>[t1 t2 …]</c>; <paramref name="shown"/> has one entry per type, one for all, or none (structural).</summary>
    public static string Of(ReadOnlySpan<ValType> ts, ReadOnlySpan<uint> shown)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < ts.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            Append(sb, ts[i], At(shown, i), null);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>A field type of a defined type, e.g. <c>(mut i8)</c>.</summary>
    public static string Of(FieldType f)
    {
        var sb = new StringBuilder();
        Append(sb, f, null);
        return sb.ToString();
    }

    /// <summary>A defined type as the spec interpreter writes a <c>deftype</c>.</summary>
    public static string Of(DefType d)
    {
        var sb = new StringBuilder();
        AppendDef(sb, d);
        return sb.ToString();
    }

    /// <summary>A number as the spec interpreter writes an index: digits grouped by three with <c>_</c>.</summary>
    public static string Index(ulong x)
    {
        string digits = x.ToString(CultureInfo.InvariantCulture);
        if (digits.Length <= 3) return digits;
        var sb = new StringBuilder(digits.Length + digits.Length / 3);
        int head = digits.Length % 3 == 0 ? 3 : digits.Length % 3;
        sb.Append(digits, 0, head);
        for (int i = head; i < digits.Length; i += 3) sb.Append('_').Append(digits, i, 3);
        return sb.ToString();
    }

    public static uint At(ReadOnlySpan<uint> shown, int i) =>
        shown.Length == 0 ? Structural : shown.Length == 1 ? shown[0] : shown[i];

    // ---- rendering; `group` is the recursive group being written, whose members are rec.i ----

    private static void Append(StringBuilder sb, ValType t, uint shown, IReadOnlyList<DefType>? group)
    {
        switch (t.Kind)
        {
            case ValTypeKind.I32: sb.Append("i32"); break;
            case ValTypeKind.I64: sb.Append("i64"); break;
            case ValTypeKind.F32: sb.Append("f32"); break;
            case ValTypeKind.F64: sb.Append("f64"); break;
            case ValTypeKind.V128: sb.Append("v128"); break;
            case ValTypeKind.Ref:
                sb.Append(t.Ref.Nullable ? "(ref null " : "(ref ");
                AppendHeap(sb, t.Ref.Heap, shown, group);
                sb.Append(')');
                break;
            default: sb.Append("bot"); break;
        }
    }

    private static void AppendHeap(StringBuilder sb, HeapType h, uint shown, IReadOnlyList<DefType>? group)
    {
        switch (h.Kind)
        {
            case HeapKind.Concrete when shown != Structural:
                sb.Append(Index(shown));
                break;
            case HeapKind.Concrete:
                AppendUse(sb, h.Index, group);
                break;
            case HeapKind.Bot:
                sb.Append("something");
                break;
            default:
                sb.Append(h.Kind.ToString().ToLowerInvariant());
                break;
        }
    }

    /// <summary>A reference to a defined type: <c>rec.i</c> inside its own group, else the parenthesised type.</summary>
    private static void AppendUse(StringBuilder sb, uint id, IReadOnlyList<DefType>? group)
    {
        if (group is not null)
        {
            for (int i = 0; i < group.Count; i++)
            {
                if (group[i].Id == id)
                {
                    sb.Append("rec.").Append(Index((uint)i));
                    return;
                }
            }
        }
        if (!TypeRegistry.TryGet(id, out var d))
        {
            sb.Append('#').Append(Index(id));
            return;
        }
        sb.Append('(');
        AppendDef(sb, d);
        sb.Append(')');
    }

    private static void AppendDef(StringBuilder sb, DefType d)
    {
        var group = d.Group;
        if (group.Count == 1)
        {
            AppendSub(sb, d.Sub, group);
            return;
        }
        sb.Append("(rec");
        foreach (var member in group)
        {
            sb.Append(" (");
            AppendSub(sb, member.Sub, group);
            sb.Append(')');
        }
        sb.Append(").").Append(Index((uint)d.GroupIndex));
    }

    private static void AppendSub(StringBuilder sb, SubType sub, IReadOnlyList<DefType> group)
    {
        bool plain = sub.Final && sub.Supers.IsEmpty;
        if (!plain)
        {
            sb.Append(sub.Final ? "sub final" : "sub");
            foreach (uint s in sub.Supers)
            {
                sb.Append(' ');
                AppendUse(sb, s, group);
            }
            sb.Append(" (");
        }
        switch (sub.Comp)
        {
            case FuncType f:
                sb.Append("func ");
                AppendList(sb, f.Params.AsSpan(), group);
                sb.Append(" -> ");
                AppendList(sb, f.Results.AsSpan(), group);
                break;
            case StructType s:
                sb.Append("struct");
                foreach (var field in s.Fields)
                {
                    sb.Append(" (field ");
                    Append(sb, field, group);
                    sb.Append(')');
                }
                break;
            case ArrayType a:
                sb.Append("array ");
                Append(sb, a.Field, group);
                break;
        }
        if (!plain) sb.Append(')');
    }

    private static void AppendList(StringBuilder sb, ReadOnlySpan<ValType> ts, IReadOnlyList<DefType> group)
    {
        sb.Append('[');
        for (int i = 0; i < ts.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            Append(sb, ts[i], Structural, group);
        }
        sb.Append(']');
    }

    private static void Append(StringBuilder sb, FieldType f, IReadOnlyList<DefType>? group)
    {
        if (f.Mutable) sb.Append("(mut ");
        switch (f.Storage.Packed)
        {
            case PackedType.I8: sb.Append("i8"); break;
            case PackedType.I16: sb.Append("i16"); break;
            default: Append(sb, f.Storage.Type, Structural, group); break;
        }
        if (f.Mutable) sb.Append(')');
    }
}
