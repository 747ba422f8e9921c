using System.Globalization;
using System.Text;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// Types written the way the spec interpreter writes them in validation messages:
/// <c>(ref null func)</c>, <c>[i32 i64]</c>, <c>(mut i8)</c>, <c>bot</c>. A canonical
/// concrete heap type is written as the first module type index that names it (when the
/// module's types are given), else as its canonical id.
/// </summary>
internal static class TypeText
{
    public static string Of(ValType t, ReadOnlySpan<DefType> names)
    {
        var sb = new StringBuilder();
        Append(sb, t, names);
        return sb.ToString();
    }

    public static string Of(RefType t, ReadOnlySpan<DefType> names)
    {
        var sb = new StringBuilder();
        Append(sb, t, names);
        return sb.ToString();
    }

    public static string Of(FieldType f, ReadOnlySpan<DefType> names)
    {
        var sb = new StringBuilder();
        Append(sb, f, names);
        return sb.ToString();
    }

    /// <summary>A result type, <c>[t1 t2 …]</c>.</summary>
    public static string Of(ReadOnlySpan<ValType> ts, ReadOnlySpan<DefType> names)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < ts.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            Append(sb, ts[i], names);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>A canonical sub type, e.g. <c>sub final 3 (struct (field (mut i32)))</c>.</summary>
    public static string Of(SubType sub, DefType[]? names)
    {
        var sb = new StringBuilder();
        bool plain = sub.Final && sub.Supers.IsEmpty;
        if (!plain)
        {
            sb.Append(sub.Final ? "sub final" : "sub");
            foreach (var s in sub.Supers) sb.Append(' ').Append(Name(s, names));
            sb.Append(" (");
        }
        switch (sub.Comp)
        {
            case FuncType f:
                sb.Append("func ").Append(Of(f.Params.AsSpan(), names)).Append(" -> ").Append(Of(f.Results.AsSpan(), names));
                break;
            case StructType s:
                sb.Append("struct");
                foreach (var field in s.Fields)
                {
                    sb.Append(" (field ");
                    Append(sb, field, names);
                    sb.Append(')');
                }
                break;
            case ArrayType a:
                sb.Append("array ");
                Append(sb, a.Field, names);
                break;
        }
        if (!plain) sb.Append(')');
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ValType t, ReadOnlySpan<DefType> names)
    {
        switch (t.Kind)
        {
            case ValTypeKind.I32: sb.Append("i32"); break;
            case ValTypeKind.I64: sb.Append("i64"); break;
            case ValTypeKind.F32: sb.Append("f32"); break;
            case ValTypeKind.F64: sb.Append("f64"); break;
            case ValTypeKind.V128: sb.Append("v128"); break;
            case ValTypeKind.Ref: Append(sb, t.Ref, names); break;
            default: sb.Append("bot"); break;
        }
    }

    private static void Append(StringBuilder sb, RefType t, ReadOnlySpan<DefType> names)
    {
        sb.Append(t.Nullable ? "(ref null " : "(ref ");
        sb.Append(t.Heap.Kind switch
        {
            HeapKind.Concrete => Name(t.Heap.Index, names),
            HeapKind.Bot => "something",
            var k => k.ToString().ToLowerInvariant(),
        });
        sb.Append(')');
    }

    private static void Append(StringBuilder sb, FieldType f, ReadOnlySpan<DefType> names)
    {
        if (f.Mutable) sb.Append("(mut ");
        switch (f.Storage.Packed)
        {
            case PackedType.I8: sb.Append("i8"); break;
            case PackedType.I16: sb.Append("i16"); break;
            default: Append(sb, f.Storage.Type, names); break;
        }
        if (f.Mutable) sb.Append(')');
    }

    private static string Name(uint id, ReadOnlySpan<DefType> names)
    {
        for (int i = 0; i < names.Length; i++)
            if (names[i] is { } d && d.Id == id) return i.ToString(CultureInfo.InvariantCulture);
        return id.ToString(CultureInfo.InvariantCulture);
    }
}
