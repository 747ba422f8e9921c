using System.Collections.Frozen;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// Keywords of the text format and the script format that are not (only) instruction
/// mnemonics. Instruction mnemonics come from <see cref="OpcodeTable"/>; a keyword can be both
/// (<c>else</c>, <c>end</c>, <c>catch</c>, <c>catch_all</c>).
/// </summary>
public enum Kw : byte
{
    /// <summary>Not a keyword of this list (an instruction mnemonic only, or unknown).</summary>
    None,
    // §6.6 modules
    Module, Type, Func, Param, Result, Local, Global, Table, Memory, Tag, Elem, Data,
    Import, Export, Start, Declare, Offset, Item, Rec, Sub, Final, Struct, Array, Field, Mut,
    // §6.4 types
    I32, I64, F32, F64, V128, I8, I16, Ref, Null, Exact, Describes, Descriptor,
    Any, Eq, I31, NoneHeap, NoFunc, NoExtern, NoExn, Extern, Exn,
    AnyRef, EqRef, I31Ref, StructRef, ArrayRef, NullRef, FuncRef, NullFuncRef,
    ExternRef, NullExternRef, ExnRef, NullExnRef, Shared, PageSize,
    // vector shapes
    I8x16, I16x8, I32x4, I64x2, F32x4, F64x2,
    // §6.5 structured instructions
    Then, Else, End, Do, Catch, CatchRef, CatchAll, CatchAllRef,
    // scripts
    Binary, Quote, Definition, Instance, Register, Invoke, Get,
    AssertReturn, AssertTrap, AssertExhaustion, AssertException, AssertMalformed, AssertInvalid,
    AssertUnlinkable, AssertMalformedCustom, AssertInvalidCustom,
    NanCanonical, NanArithmetic, Either, RefExtern, RefHost, RefStruct, RefArray, RefExn,
    Script, Input, Output,
}

/// <summary>A keyword's meaning: its <see cref="Kw"/> and the instructions it names.</summary>
public sealed record KeywordInfo(string Text, Kw Kw, Opcode[] Ops);

/// <summary>The table of every keyword the lexer knows, looked up from token bytes without allocating.</summary>
public static class Keywords
{
    private static readonly (string Text, Kw Kw)[] Plain =
    [
        ("module", Kw.Module), ("type", Kw.Type), ("func", Kw.Func), ("param", Kw.Param),
        ("result", Kw.Result), ("local", Kw.Local), ("global", Kw.Global), ("table", Kw.Table),
        ("memory", Kw.Memory), ("tag", Kw.Tag), ("elem", Kw.Elem), ("data", Kw.Data),
        ("import", Kw.Import), ("export", Kw.Export), ("start", Kw.Start), ("declare", Kw.Declare),
        ("offset", Kw.Offset), ("item", Kw.Item), ("rec", Kw.Rec), ("sub", Kw.Sub), ("final", Kw.Final),
        ("struct", Kw.Struct), ("array", Kw.Array), ("field", Kw.Field), ("mut", Kw.Mut),
        ("i32", Kw.I32), ("i64", Kw.I64), ("f32", Kw.F32), ("f64", Kw.F64), ("v128", Kw.V128),
        ("i8", Kw.I8), ("i16", Kw.I16), ("ref", Kw.Ref), ("null", Kw.Null), ("exact", Kw.Exact),
        ("describes", Kw.Describes), ("descriptor", Kw.Descriptor),
        ("any", Kw.Any), ("eq", Kw.Eq), ("i31", Kw.I31), ("none", Kw.NoneHeap), ("nofunc", Kw.NoFunc),
        ("noextern", Kw.NoExtern), ("noexn", Kw.NoExn), ("extern", Kw.Extern), ("exn", Kw.Exn),
        ("anyref", Kw.AnyRef), ("eqref", Kw.EqRef), ("i31ref", Kw.I31Ref), ("structref", Kw.StructRef),
        ("arrayref", Kw.ArrayRef), ("nullref", Kw.NullRef), ("funcref", Kw.FuncRef),
        ("nullfuncref", Kw.NullFuncRef), ("externref", Kw.ExternRef), ("nullexternref", Kw.NullExternRef),
        ("exnref", Kw.ExnRef), ("nullexnref", Kw.NullExnRef), ("shared", Kw.Shared), ("pagesize", Kw.PageSize),
        ("i8x16", Kw.I8x16), ("i16x8", Kw.I16x8), ("i32x4", Kw.I32x4), ("i64x2", Kw.I64x2),
        ("f32x4", Kw.F32x4), ("f64x2", Kw.F64x2),
        ("then", Kw.Then), ("else", Kw.Else), ("end", Kw.End), ("do", Kw.Do), ("catch", Kw.Catch),
        ("catch_ref", Kw.CatchRef), ("catch_all", Kw.CatchAll), ("catch_all_ref", Kw.CatchAllRef),
        ("binary", Kw.Binary), ("quote", Kw.Quote), ("definition", Kw.Definition), ("instance", Kw.Instance),
        ("register", Kw.Register), ("invoke", Kw.Invoke), ("get", Kw.Get),
        ("assert_return", Kw.AssertReturn), ("assert_trap", Kw.AssertTrap),
        ("assert_exhaustion", Kw.AssertExhaustion), ("assert_exception", Kw.AssertException),
        ("assert_malformed", Kw.AssertMalformed), ("assert_invalid", Kw.AssertInvalid),
        ("assert_unlinkable", Kw.AssertUnlinkable), ("assert_malformed_custom", Kw.AssertMalformedCustom),
        ("assert_invalid_custom", Kw.AssertInvalidCustom),
        ("nan:canonical", Kw.NanCanonical), ("nan:arithmetic", Kw.NanArithmetic), ("either", Kw.Either),
        ("ref.extern", Kw.RefExtern), ("ref.host", Kw.RefHost), ("ref.struct", Kw.RefStruct),
        ("ref.array", Kw.RefArray), ("ref.exn", Kw.RefExn),
        ("script", Kw.Script), ("input", Kw.Input), ("output", Kw.Output),
    ];

    private static readonly KeywordInfo[] Table = Build();
    private static readonly FrozenDictionary<string, int> Index =
        Table.Select((k, i) => (k.Text, i)).ToFrozenDictionary(p => p.Text, p => p.i, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SpanIndex =
        Index.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest keyword, in bytes; longer tokens are never keywords of this table.</summary>
    public static int MaxLength { get; } = Table.Max(k => k.Text.Length);

    /// <summary>The entry at <paramref name="index"/>.</summary>
    public static KeywordInfo At(int index) => Table[index];

    /// <summary>The entry for <paramref name="text"/>, if it is a keyword.</summary>
    public static KeywordInfo? Find(string text) => Index.TryGetValue(text, out int i) ? Table[i] : null;

    /// <summary>The index of the keyword spelled by the ASCII bytes <paramref name="text"/>, or -1.</summary>
    public static int Lookup(ReadOnlySpan<byte> text)
    {
        if (text.Length > MaxLength) return -1;
        Span<char> chars = stackalloc char[text.Length];
        for (int i = 0; i < text.Length; i++) chars[i] = (char)text[i];
        return SpanIndex.TryGetValue(chars, out int index) ? index : -1;
    }

    private static KeywordInfo[] Build()
    {
        var kws = Plain.ToDictionary(p => p.Text, p => p.Kw, StringComparer.Ordinal);
        var ops = OpcodeTable.All.GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Op).ToArray(), StringComparer.Ordinal);
        return kws.Keys.Union(ops.Keys)
            .Select(t => new KeywordInfo(t, kws.GetValueOrDefault(t), ops.GetValueOrDefault(t) ?? []))
            .ToArray();
    }
}
