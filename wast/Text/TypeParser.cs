using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>Types of the text format (§6.4): value, heap, reference, function, composite, sub, table, memory and global types.</summary>
internal sealed class TypeParser(ModuleContext c)
{
    private TokenReader R => c.R;

    /// <summary>Whether a value type starts at the current token.</summary>
    public bool AtValType() => R.Current.Kw switch
    {
        Kw.I32 or Kw.I64 or Kw.F32 or Kw.F64 or Kw.V128 => true,
        _ => AtRefType(),
    };

    /// <summary>Whether a reference type starts at the current token.</summary>
    public bool AtRefType() => R.AtField(Kw.Ref) || ShortRef(R.Current.Kw) is not null;

    /// <summary>§6.4.4 valtype.</summary>
    public ValType ValType()
    {
        switch (R.Current.Kw)
        {
            case Kw.I32: R.Advance(); return Engine.Syntax.ValType.I32;
            case Kw.I64: R.Advance(); return Engine.Syntax.ValType.I64;
            case Kw.F32: R.Advance(); return Engine.Syntax.ValType.F32;
            case Kw.F64: R.Advance(); return Engine.Syntax.ValType.F64;
            case Kw.V128: R.Advance(); return Engine.Syntax.ValType.V128;
            default: return new ValType(RefType());
        }
    }

    /// <summary>§6.4.3 reftype: <c>(ref null? heaptype)</c> or a short form such as <c>funcref</c>.</summary>
    public RefType RefType()
    {
        if (ShortRef(R.Current.Kw) is { } heap)
        {
            R.Advance();
            return new RefType(true, new HeapType(heap));
        }
        R.ExpectField(Kw.Ref);
        bool nullable = R.Accept(Kw.Null);
        var ht = HeapType();
        R.Expect(TokenKind.RParen);
        return new RefType(nullable, ht);
    }

    /// <summary>§6.4.3 heaptype: an abstract heap type, a type index, or (custom descriptors) <c>(exact typeidx)</c>.</summary>
    public HeapType HeapType()
    {
        if (c.AtIndex) return Engine.Syntax.HeapType.Concrete(c.Index(c.Types));
        if (R.AtField(Kw.Exact))
        {
            R.Advance();
            R.Advance();
            uint index = c.Index(c.Types);
            R.Expect(TokenKind.RParen);
            return new HeapType(HeapKind.Concrete, index, Exact: true);
        }
        HeapKind? kind = R.Current.Kw switch
        {
            Kw.Func => HeapKind.Func,
            Kw.NoFunc => HeapKind.NoFunc,
            Kw.Extern => HeapKind.Extern,
            Kw.NoExtern => HeapKind.NoExtern,
            Kw.Any => HeapKind.Any,
            Kw.Eq => HeapKind.Eq,
            Kw.I31 => HeapKind.I31,
            Kw.Struct => HeapKind.Struct,
            Kw.Array => HeapKind.Array,
            Kw.NoneHeap => HeapKind.None,
            Kw.Exn => HeapKind.Exn,
            Kw.NoExn => HeapKind.NoExn,
            _ => null,
        };
        if (kind is null) throw R.Unexpected();
        R.Advance();
        return new HeapType(kind.Value);
    }

    /// <summary>Value types up to the next token that cannot start one (§6.4.4 <c>valtype*</c>).</summary>
    public void ValTypes(List<ValType> into)
    {
        while (AtValType()) into.Add(ValType());
    }

    /// <summary>
    /// §6.4.6 functype fields: <c>(param id? …)* (result …)*</c>; parameter identifiers are bound
    /// in <paramref name="paramNames"/> when given, else dropped.
    /// </summary>
    public void FuncTypeFields(List<ValType> parameters, List<ValType> results, IndexSpace? paramNames)
    {
        while (R.AtField(Kw.Param))
        {
            R.Advance();
            R.Advance();
            if (R.At(TokenKind.Id))
            {
                var id = R.Advance();
                if (paramNames is not null) c.Bind(paramNames, id);
                parameters.Add(ValType());
            }
            else
            {
                int before = parameters.Count;
                ValTypes(parameters);
                paramNames?.Skip((uint)(parameters.Count - before));
            }
            R.Expect(TokenKind.RParen);
        }
        Results(results);
    }

    /// <summary><c>(result valtype*)*</c>.</summary>
    public void Results(List<ValType> results)
    {
        while (R.AtField(Kw.Result))
        {
            R.Advance();
            R.Advance();
            ValTypes(results);
            R.Expect(TokenKind.RParen);
        }
    }

    /// <summary>§6.4.7 subtype of the type at <paramref name="self"/> (whose field names it binds).</summary>
    public SubType SubType(uint self)
    {
        if (!R.AtField(Kw.Sub)) return DescribedComp(self, final: true, []);
        R.Advance();
        R.Advance();
        bool final = R.Accept(Kw.Final);
        var supers = new List<uint>();
        while (c.AtIndex) supers.Add(c.Index(c.Types));
        var sub = DescribedComp(self, final, supers);
        R.Expect(TokenKind.RParen);
        return sub;
    }

    // Custom descriptors: (describes x)? (descriptor y)? comptype.
    private SubType DescribedComp(uint self, bool final, List<uint> supers)
    {
        uint? describes = OptionalTypeClause(Kw.Describes);
        uint? descriptor = OptionalTypeClause(Kw.Descriptor);
        return new SubType(final, supers.ToArray(), CompType(self), describes, descriptor);
    }

    private uint? OptionalTypeClause(Kw kw)
    {
        if (!R.AtField(kw)) return null;
        R.Advance();
        R.Advance();
        uint index = c.Index(c.Types);
        R.Expect(TokenKind.RParen);
        return index;
    }

    /// <summary>§6.4.6 comptype: <c>(func …)</c>, <c>(struct (field …)*)</c> or <c>(array fieldtype)</c>.</summary>
    public CompType CompType(uint self)
    {
        R.Expect(TokenKind.LParen);
        CompType comp;
        switch (R.Current.Kw)
        {
            case Kw.Func:
            {
                R.Advance();
                List<ValType> ps = [], rs = [];
                FuncTypeFields(ps, rs, null);
                comp = new FuncType(ps.ToArray(), rs.ToArray());
                break;
            }
            case Kw.Struct:
                R.Advance();
                comp = new StructType(StructFields(self).ToArray());
                break;
            case Kw.Array:
                R.Advance();
                comp = new ArrayType(FieldType());
                break;
            default:
                throw R.Unexpected();
        }
        R.Expect(TokenKind.RParen);
        return comp;
    }

    private List<FieldType> StructFields(uint self)
    {
        var fields = new List<FieldType>();
        while (R.AtField(Kw.Field))
        {
            R.Advance();
            R.Advance();
            var names = c.FieldNames(self);
            if (R.At(TokenKind.Id))
            {
                c.Bind(names, R.Advance());
                fields.Add(FieldType());
            }
            else
            {
                while (R.At(Kw.I8) || R.At(Kw.I16) || R.AtField(Kw.Mut) || AtValType())
                {
                    fields.Add(FieldType());
                    names.Skip(1);
                }
            }
            R.Expect(TokenKind.RParen);
        }
        return fields;
    }

    /// <summary>§6.4.6 fieldtype: a storage type, or <c>(mut storagetype)</c>.</summary>
    public FieldType FieldType()
    {
        if (!R.AtField(Kw.Mut)) return new FieldType(StorageType(), false);
        R.Advance();
        R.Advance();
        var storage = StorageType();
        R.Expect(TokenKind.RParen);
        return new FieldType(storage, true);
    }

    private StorageType StorageType()
    {
        if (R.Accept(Kw.I8)) return Engine.Syntax.StorageType.Of(PackedType.I8);
        if (R.Accept(Kw.I16)) return Engine.Syntax.StorageType.Of(PackedType.I16);
        return new StorageType(ValType());
    }

    /// <summary>§6.4.11 globaltype: <c>valtype</c> or <c>(mut valtype)</c>.</summary>
    public GlobalType GlobalType()
    {
        if (!R.AtField(Kw.Mut)) return new GlobalType(ValType(), false);
        R.Advance();
        R.Advance();
        var t = ValType();
        R.Expect(TokenKind.RParen);
        return new GlobalType(t, true);
    }

    /// <summary>An optional address type (§6.4.9): <c>i32</c> (the default) or <c>i64</c>.</summary>
    public AddrType AddrType()
    {
        switch (R.Current.Kw)
        {
            case Kw.I32: R.Advance(); return Engine.Syntax.AddrType.I32;
            case Kw.I64: R.Advance(); return Engine.Syntax.AddrType.I64;
            case Kw.F32 or Kw.F64: throw R.Error(R.Current, "malformed address type");
            default: return Engine.Syntax.AddrType.I32;
        }
    }

    /// <summary>§6.4.8 limits: <c>min max?</c>, each a u64.</summary>
    public Limits Limits()
    {
        ulong min = Nat64(R.Expect(TokenKind.Nat));
        ulong? max = R.At(TokenKind.Nat) ? Nat64(R.Advance()) : null;
        return new Limits(min, max);
    }

    /// <summary>WebAssembly 1.0 and 2.0 limits: <c>min max?</c>, each a u32 ("i32 constant out of range" when too large).</summary>
    private Limits Limits32()
    {
        ulong min = Nat32(R.Expect(TokenKind.Nat));
        ulong? max = R.At(TokenKind.Nat) ? Nat32(R.Advance()) : null;
        return new Limits(min, max);
    }

    private uint Nat32(in Token token)
    {
        if (IntLiteral.TryParseNat(R.Bytes(token), 32, out ulong value)) return (uint)value;
        throw R.Error(token, "i32 constant out of range");
    }

    /// <summary>§6.4.10 tabletype: <c>addrtype? limits reftype</c>.</summary>
    public TableType TableType()
    {
        var at = AddrType();
        var limits = Limits();
        return new TableType(at, limits, RefType());
    }

    /// <summary>§6.4.9 memtype: <c>addrtype? limits</c>, then <c>shared</c> (threads) and <c>(pagesize n)</c> (custom page sizes).</summary>
    public MemType MemType() => MemType(AddrType());

    /// <summary>The rest of a memtype after its address type.</summary>
    public MemType MemType(AddrType at)
    {
        var limits = at == Engine.Syntax.AddrType.I32 && (R.Features & Engine.Features.Memory64) == 0 ? Limits32() : Limits();
        bool shared = R.Accept(Kw.Shared);
        return new MemType(at, limits, shared, PageSize());
    }

    /// <summary>An optional <c>(pagesize n)</c> as log2 of n; n must be a power of two.</summary>
    public uint? PageSize()
    {
        if (!R.AtField(Kw.PageSize)) return null;
        R.Advance();
        R.Advance();
        var token = R.Expect(TokenKind.Nat);
        ulong size = Nat64(token);
        if (size == 0 || (size & (size - 1)) != 0) throw R.Error(token, "invalid custom page size");
        R.Expect(TokenKind.RParen);
        return (uint)System.Numerics.BitOperations.Log2(size);
    }

    /// <summary>A nat token as a u64 ("i64 constant out of range" when too large).</summary>
    public ulong Nat64(in Token token) => Nat64Of(token, 0);

    /// <summary>The nat that starts <paramref name="skip"/> bytes into <paramref name="token"/> (as in <c>offset=n</c>), as a u64.</summary>
    public ulong Nat64Of(in Token token, int skip)
    {
        if (IntLiteral.TryParseNat(R.Bytes(token)[skip..], 64, out ulong value)) return value;
        throw R.Error(token, "i64 constant out of range");
    }

    private static HeapKind? ShortRef(Kw kw) => kw switch
    {
        Kw.FuncRef => HeapKind.Func,
        Kw.NullFuncRef => HeapKind.NoFunc,
        Kw.ExternRef => HeapKind.Extern,
        Kw.NullExternRef => HeapKind.NoExtern,
        Kw.AnyRef => HeapKind.Any,
        Kw.EqRef => HeapKind.Eq,
        Kw.I31Ref => HeapKind.I31,
        Kw.StructRef => HeapKind.Struct,
        Kw.ArrayRef => HeapKind.Array,
        Kw.NullRef => HeapKind.None,
        Kw.ExnRef => HeapKind.Exn,
        Kw.NullExnRef => HeapKind.NoExn,
        _ => null,
    };
}
