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
        var w = new Writer();
        w.Val(t, shown, null);
        return w.ToString();
    }

    public static string Of(RefType t, uint shown = Structural) => Of(new ValType(t), shown);

    /// <summary>A result type <c>[t1 t2 …]</c>; <paramref name="shown"/> has one entry per type, one for all, or none (structural).</summary>
    public static string Of(ReadOnlySpan<ValType> ts, ReadOnlySpan<uint> shown)
    {
        var w = new Writer();
        w.Append("[");
        for (int i = 0; i < ts.Length; i++)
        {
            if (i > 0) w.Append(" ");
            w.Val(ts[i], At(shown, i), null);
        }
        w.Append("]");
        return w.ToString();
    }

    /// <summary>A field type of a defined type, e.g. <c>(mut i8)</c>.</summary>
    public static string Of(FieldType f)
    {
        var w = new Writer();
        w.Field(f, null);
        return w.ToString();
    }

    /// <summary>A defined type as the spec interpreter writes a <c>deftype</c>.</summary>
    public static string Of(DefType d)
    {
        var w = new Writer();
        w.Def(d);
        return w.ToString();
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

    /// <summary>
    /// Writes types; <c>group</c> is the recursive group being written, whose members are
    /// <c>rec.i</c>. Nested defined types are written out in full, as the spec interpreter does,
    /// up to a depth and length beyond which <c>...</c> stands for the rest (a chain of types
    /// that each name the previous one twice would otherwise grow exponentially).
    /// </summary>
    private sealed class Writer
    {
        private const int MaxDepth = 16;
        private const int MaxLength = 8192;

        private readonly StringBuilder _sb = new();
        private int _depth;

        public void Append(string text) => _sb.Append(text);

        public override string ToString() => _sb.ToString();

        public void Val(ValType t, uint shown, IReadOnlyList<DefType>? group)
        {
            switch (t.Kind)
            {
                case ValTypeKind.I32: _sb.Append("i32"); break;
                case ValTypeKind.I64: _sb.Append("i64"); break;
                case ValTypeKind.F32: _sb.Append("f32"); break;
                case ValTypeKind.F64: _sb.Append("f64"); break;
                case ValTypeKind.V128: _sb.Append("v128"); break;
                case ValTypeKind.Ref:
                    _sb.Append(t.Ref.Nullable ? "(ref null " : "(ref ");
                    Heap(t.Ref.Heap, shown, group);
                    _sb.Append(')');
                    break;
                default: _sb.Append("bot"); break;
            }
        }

        private void Heap(HeapType h, uint shown, IReadOnlyList<DefType>? group)
        {
            switch (h.Kind)
            {
                case HeapKind.Concrete when h.Exact:
                    _sb.Append("(exact ");
                    Heap(h with { Exact = false }, shown, group);
                    _sb.Append(')');
                    break;
                case HeapKind.Concrete when shown != Structural:
                    _sb.Append(Index(shown));
                    break;
                case HeapKind.Concrete:
                    Use(h.Index, group);
                    break;
                case HeapKind.Bot:
                    _sb.Append("something");
                    break;
                default:
                    _sb.Append(h.Kind.ToString().ToLowerInvariant());
                    break;
            }
        }

        /// <summary>A reference to a defined type: <c>rec.i</c> inside its own group, else the parenthesised type.</summary>
        private void Use(uint id, IReadOnlyList<DefType>? group)
        {
            if (group is not null)
            {
                for (int i = 0; i < group.Count; i++)
                {
                    if (group[i].Id == id)
                    {
                        _sb.Append("rec.").Append(Index((uint)i));
                        return;
                    }
                }
            }
            if (!TypeRegistry.TryGet(id, out var d))
            {
                _sb.Append('#').Append(Index(id));
                return;
            }
            if (_depth >= MaxDepth || _sb.Length >= MaxLength)
            {
                _sb.Append("(...)");
                return;
            }
            _depth++;
            _sb.Append('(');
            Def(d);
            _sb.Append(')');
            _depth--;
        }

        public void Def(DefType d)
        {
            var group = d.Group;
            if (group.Count == 1)
            {
                Sub(d.Sub, group);
                return;
            }
            _sb.Append("(rec");
            foreach (var member in group)
            {
                _sb.Append(" (");
                Sub(member.Sub, group);
                _sb.Append(')');
            }
            _sb.Append(").").Append(Index((uint)d.GroupIndex));
        }

        private void Sub(SubType sub, IReadOnlyList<DefType> group)
        {
            bool plain = sub.Final && sub.Supers.IsEmpty;
            if (!plain)
            {
                _sb.Append(sub.Final ? "sub final" : "sub");
                foreach (uint s in sub.Supers)
                {
                    _sb.Append(' ');
                    Use(s, group);
                }
                _sb.Append(" (");
            }
            Clause("describes", sub.Describes, group);
            Clause("descriptor", sub.Descriptor, group);
            switch (sub.Comp)
            {
                case FuncType f:
                    _sb.Append("func ");
                    List(f.Params.AsSpan(), group);
                    _sb.Append(" -> ");
                    List(f.Results.AsSpan(), group);
                    break;
                case StructType s:
                    _sb.Append("struct");
                    foreach (var field in s.Fields)
                    {
                        _sb.Append(" (field ");
                        Field(field, group);
                        _sb.Append(')');
                    }
                    break;
                case ArrayType a:
                    _sb.Append("array ");
                    Field(a.Field, group);
                    break;
            }
            if (!plain) _sb.Append(')');
        }

        /// <summary>Custom descriptors: <c>(describes t) </c> or <c>(descriptor t) </c> before the composite type.</summary>
        private void Clause(string name, uint? id, IReadOnlyList<DefType> group)
        {
            if (id is not { } x) return;
            _sb.Append('(').Append(name).Append(' ');
            Use(x, group);
            _sb.Append(") ");
        }

        private void List(ReadOnlySpan<ValType> ts, IReadOnlyList<DefType> group)
        {
            _sb.Append('[');
            for (int i = 0; i < ts.Length; i++)
            {
                if (i > 0) _sb.Append(' ');
                Val(ts[i], Structural, group);
            }
            _sb.Append(']');
        }

        public void Field(FieldType f, IReadOnlyList<DefType>? group)
        {
            if (f.Mutable) _sb.Append("(mut ");
            switch (f.Storage.Packed)
            {
                case PackedType.I8: _sb.Append("i8"); break;
                case PackedType.I16: _sb.Append("i16"); break;
                default: Val(f.Storage.Type, Structural, group); break;
            }
            if (f.Mutable) _sb.Append(')');
        }
    }
}
