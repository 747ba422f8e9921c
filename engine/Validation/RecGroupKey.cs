using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// The identity of a recursive type group for interning (§3.3.3 iso-recursive equality):
/// the group's structure written as a flat word sequence, with every type reference either
/// to a canonical type outside the group (by id) or to a member of the group (by position).
/// Two groups are equal exactly when their keys are.
/// </summary>
internal sealed class RecGroupKey : IEquatable<RecGroupKey>
{
    // Word layout. A value type is one word (number/vector kinds, abstract references), or two
    // words for a concrete reference: a tag word (outside or inside the group) and the id or
    // position. A packed storage type is one word. Counts precede every list.
    private const uint RefTag = 0x100;
    private const uint NullBit = 0x80;
    private const uint OuterTag = 0x200;
    private const uint InnerTag = 0x300;
    private const uint PackedTag = 0x400;
    private const uint ExactBit = 0x800;

    private readonly uint[] _words;
    private readonly int _hash;

    private RecGroupKey(uint[] words)
    {
        _words = words;
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(words.AsSpan()));
        _hash = hash.ToHashCode();
    }

    /// <summary>
    /// The key of <paramref name="group"/>, whose first member has module type index
    /// <paramref name="first"/>; references below it resolve through <paramref name="outer"/>.
    /// </summary>
    /// <exception cref="InvalidException">"unknown type N" for a reference past the group.</exception>
    public static RecGroupKey Of(RecType group, uint first, ReadOnlySpan<DefType> outer, ErrorSite? site)
    {
        var w = new Writer(first, (uint)group.Types.Count, outer, site);
        foreach (var sub in group.Types)
        {
            w.Add(sub.Final ? 1u : 0u);
            w.Add((uint)sub.Supers.Count);
            foreach (var s in sub.Supers) w.Index(s);
            w.Clause(sub.Describes);
            w.Clause(sub.Descriptor);
            w.Comp(sub.Comp);
        }
        return new RecGroupKey(w.ToArray());
    }

    /// <summary>The key of a canonical single-type group (all references outside it).</summary>
    public static RecGroupKey Of(SubType canonical)
    {
        var w = new Writer(uint.MaxValue, 0, [], null);
        w.Add(canonical.Final ? 1u : 0u);
        w.Add((uint)canonical.Supers.Count);
        foreach (var s in canonical.Supers) { w.Add(OuterTag); w.Add(s); }
        w.Clause(canonical.Describes);
        w.Clause(canonical.Descriptor);
        w.Comp(canonical.Comp);
        return new RecGroupKey(w.ToArray());
    }

    public bool Equals(RecGroupKey? other) =>
        other is not null && _hash == other._hash && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as RecGroupKey);

    public override int GetHashCode() => _hash;

    /// <summary>Appends words; resolves module type indices when <c>first</c> is a real index.</summary>
    private ref struct Writer(uint first, uint count, ReadOnlySpan<DefType> outer, ErrorSite? site)
    {
        private uint[] _buf = new uint[32];
        private int _n;
        private readonly ReadOnlySpan<DefType> _outer = outer;

        public void Add(uint word)
        {
            if (_n == _buf.Length) System.Array.Resize(ref _buf, _n * 2);
            _buf[_n++] = word;
        }

        /// <summary>A module type index: outside the group (canonical id) or inside it (position).</summary>
        public void Index(uint index)
        {
            if (first == uint.MaxValue)
            {
                Add(OuterTag);
                Add(index);
            }
            else if (index < first && index < (uint)_outer.Length)
            {
                Add(OuterTag);
                Add(_outer[(int)index].Id);
            }
            else if (index >= first && index - first < count)
            {
                Add(InnerTag);
                Add(index - first);
            }
            else
            {
                throw Fail(ModuleContext.Unknown("type", index));
            }
        }

        public void Val(ValType t)
        {
            if (t.Kind != ValTypeKind.Ref)
            {
                Add((uint)t.Kind);
                return;
            }
            uint nul = t.Ref.Nullable ? NullBit : 0;
            if (t.Ref.Heap.Kind == HeapKind.Concrete)
            {
                Add(RefTag | nul | (t.Ref.Heap.Exact ? ExactBit : 0));
                Index(t.Ref.Heap.Index);
            }
            else
            {
                Add(RefTag | nul | 0x40 | (uint)t.Ref.Heap.Kind);
            }
        }

        /// <summary>Custom descriptors: an absent clause is one zero word, a present one a tag and its type.</summary>
        public void Clause(uint? index)
        {
            if (index is { } x) Index(x);
            else Add(0);
        }

        public void Field(FieldType f)
        {
            Add(f.Mutable ? 1u : 0u);
            if (f.Storage.Packed != PackedType.None) Add(PackedTag | (uint)f.Storage.Packed);
            else Val(f.Storage.Type);
        }

        public void Comp(CompType comp)
        {
            switch (comp)
            {
                case FuncType f:
                    Add(0);
                    Add((uint)f.Params.Count);
                    foreach (var t in f.Params) Val(t);
                    Add((uint)f.Results.Count);
                    foreach (var t in f.Results) Val(t);
                    break;
                case StructType s:
                    Add(1);
                    Add((uint)s.Fields.Count);
                    foreach (var f in s.Fields) Field(f);
                    break;
                case ArrayType a:
                    Add(2);
                    Field(a.Field);
                    break;
                default:
                    throw Fail("malformed composite type");
            }
        }

        private readonly InvalidException Fail(string message) => site?.Fail(message) ?? new InvalidException(message);

        public readonly uint[] ToArray() => _buf.AsSpan(0, _n).ToArray();
    }
}
