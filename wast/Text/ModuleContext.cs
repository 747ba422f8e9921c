using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// The identifier context of one module being parsed (§6.6.1): its index spaces, the types
/// defined so far (explicit ones first, implicit ones appended as type uses create them), and
/// the first error that is not a syntax error.
/// </summary>
/// <remarks>
/// Like the spec interpreter, the parser reports syntax errors first: a module with a syntax
/// error anywhere is reported for that, even when an earlier part has an unknown identifier,
/// a duplicate name or an out-of-range constant. Those are <see cref="Defer"/>red and the
/// first one is thrown once the whole module has been read.
/// </remarks>
internal sealed class ModuleContext(TokenReader reader)
{
    private readonly Dictionary<FuncType, uint> _plainFuncTypes = [];
    private readonly Dictionary<uint, IndexSpace> _fieldNames = [];
    private ParseException? _deferred;

    public TokenReader R { get; } = reader;

    public IndexSpace Types { get; } = new("type");
    public IndexSpace Funcs { get; } = new("function");
    public IndexSpace Tables { get; } = new("table");
    public IndexSpace Memories { get; } = new("memory");
    public IndexSpace Globals { get; } = new("global");
    public IndexSpace Tags { get; } = new("tag");
    public IndexSpace Elems { get; } = new("elem segment");
    public IndexSpace Datas { get; } = new("data segment");

    /// <summary>The recursive type groups, explicit ones in order, then implicit ones.</summary>
    public List<RecType> RecTypes { get; } = [];

    /// <summary>The defined sub types by type index.</summary>
    public List<SubType> SubTypes { get; } = [];

    /// <summary>Records <paramref name="message"/> at <paramref name="at"/> unless an earlier error is recorded.</summary>
    public void Defer(in Token at, string message) => _deferred ??= R.Error(at, message);

    /// <summary>Throws the first deferred error, if any.</summary>
    public void ThrowDeferred()
    {
        if (_deferred is not null) throw _deferred;
    }

    /// <summary>Whether the current token is an index: a nat or an identifier.</summary>
    public bool AtIndex => R.Current.Kind is TokenKind.Nat or TokenKind.Id;

    /// <summary>Consumes an index into <paramref name="space"/> (§6.6.1 idx), or fails on the current token.</summary>
    public uint Index(IndexSpace space)
    {
        if (!AtIndex) throw R.Unexpected();
        return Resolve(space, R.Advance());
    }

    /// <summary>The index <paramref name="token"/> (a nat or an identifier) denotes in <paramref name="space"/>.</summary>
    public uint Resolve(IndexSpace space, in Token token)
    {
        if (token.Kind == TokenKind.Nat) return Nat32(token);
        string name = R.IdName(token);
        if (space.TryLookup(name, out uint index)) return index;
        Defer(token, $"unknown {space.Category} {IndexSpace.Show(name)}");
        return 0;
    }

    /// <summary>A nat token as a u32 ("i32 constant out of range" when too large).</summary>
    public uint Nat32(in Token token)
    {
        if (IntLiteral.TryParseNat(R.Bytes(token), 32, out ulong value)) return (uint)value;
        Defer(token, "i32 constant out of range");
        return 0;
    }

    /// <summary>Binds the next index of <paramref name="space"/>, to the identifier <paramref name="id"/> if given.</summary>
    public uint Bind(IndexSpace space, in Token id)
    {
        string? name = id.Kind == TokenKind.Id ? R.IdName(id) : null;
        if (!space.TryBind(name, out uint index))
            Defer(id, $"duplicate {space.Category} {IndexSpace.Show(name!)}");
        return index;
    }

    /// <summary>The field names of the struct type at <paramref name="typeIndex"/>.</summary>
    public IndexSpace FieldNames(uint typeIndex)
    {
        if (!_fieldNames.TryGetValue(typeIndex, out var space)) _fieldNames[typeIndex] = space = new IndexSpace("field");
        return space;
    }

    /// <summary>Adds an explicitly defined recursive type group; its types take the next type indices.</summary>
    public void DefineRecType(RecType rec)
    {
        RecTypes.Add(rec);
        uint first = (uint)SubTypes.Count;
        SubTypes.AddRange(rec.Types);
        if (rec.Types.Count == 1 && IsPlainFunc(rec.Types[0]) is { } ft) _plainFuncTypes.TryAdd(ft, first);
    }

    /// <summary>
    /// §6.6.3 type uses without a type index: the first type that is a lone, final function type
    /// equal to <c>[params] -> [results]</c>, or else a new such type appended to the types.
    /// </summary>
    public uint InlineFuncType(IReadOnlyList<ValType> parameters, IReadOnlyList<ValType> results)
    {
        var ft = new FuncType(parameters.ToArray(), results.ToArray());
        if (_plainFuncTypes.TryGetValue(ft, out uint index)) return index;
        Types.TryBind(null, out index);
        var sub = SubType.Plain(ft);
        RecTypes.Add(RecType.Single(sub));
        SubTypes.Add(sub);
        _plainFuncTypes[ft] = index;
        return index;
    }

    /// <summary>
    /// The function type at <paramref name="index"/> for a type use that also lists its parameters
    /// or results; records "unknown type N" or "non-function type N" and returns null otherwise.
    /// </summary>
    public FuncType? FuncTypeAt(uint index, in Token at)
    {
        if (index >= SubTypes.Count)
        {
            Defer(at, $"unknown type {index}");
            return null;
        }
        if (SubTypes[(int)index].Comp is FuncType ft) return ft;
        Defer(at, $"non-function type {index}");
        return null;
    }

    private static FuncType? IsPlainFunc(SubType sub) =>
        sub is { Final: true, Supers.Count: 0, Describes: null, Descriptor: null, Comp: FuncType ft } ? ft : null;
}
