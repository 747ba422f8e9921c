using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.3 matching on canonical types.</summary>
public class SubtypingTests
{
    private static HeapType H(HeapKind k) => new(k);

    /// <summary>Canonical struct, array and func types: a fresh struct (with a subtype), an array, a function.</summary>
    private static readonly ValidatedModule Types = Valid(new Module
    {
        Types =
        [
            RecType.Single(new SubType(false, [], new StructType([Field(ValType.F64), Field(ValType.F64), Field(ValType.I64)]))),
            RecType.Single(new SubType(true, [0], new StructType([Field(ValType.F64), Field(ValType.F64), Field(ValType.I64), Field(ValType.I32)]))),
            ArrayRec(Field(ValType.F32, true)),
            FuncRec([ValType.F32, ValType.F64, ValType.F32], []),
        ],
    });

    private static HeapType Struct => new(HeapKind.Concrete, Types.Types[0].Id);
    private static HeapType SubStruct => new(HeapKind.Concrete, Types.Types[1].Id);
    private static HeapType Array => new(HeapKind.Concrete, Types.Types[2].Id);
    private static HeapType Func => new(HeapKind.Concrete, Types.Types[3].Id);

    [Theory]
    [InlineData(HeapKind.I31, HeapKind.Eq)]
    [InlineData(HeapKind.Struct, HeapKind.Any)]
    [InlineData(HeapKind.Array, HeapKind.Eq)]
    [InlineData(HeapKind.None, HeapKind.I31)]
    [InlineData(HeapKind.NoFunc, HeapKind.Func)]
    [InlineData(HeapKind.NoExtern, HeapKind.Extern)]
    [InlineData(HeapKind.NoExn, HeapKind.Exn)]
    [InlineData(HeapKind.Eq, HeapKind.Eq)]
    public void Abstract_heap_types_match_upwards(HeapKind sub, HeapKind super)
    {
        Assert.True(Subtyping.Matches(H(sub), H(super)));
    }

    [Theory]
    [InlineData(HeapKind.Any, HeapKind.Eq)]
    [InlineData(HeapKind.Func, HeapKind.Any)]
    [InlineData(HeapKind.Extern, HeapKind.Any)]
    [InlineData(HeapKind.None, HeapKind.Func)]
    [InlineData(HeapKind.NoFunc, HeapKind.Extern)]
    [InlineData(HeapKind.I31, HeapKind.Struct)]
    [InlineData(HeapKind.Exn, HeapKind.Extern)]
    public void Abstract_heap_types_do_not_match_across_or_downwards(HeapKind sub, HeapKind super)
    {
        Assert.False(Subtyping.Matches(H(sub), H(super)));
    }

    [Fact]
    public void Concrete_struct_is_within_struct_eq_and_any()
    {
        Assert.True(Subtyping.Matches(Struct, H(HeapKind.Struct)));
        Assert.True(Subtyping.Matches(Struct, H(HeapKind.Eq)));
        Assert.True(Subtyping.Matches(Struct, H(HeapKind.Any)));
        Assert.False(Subtyping.Matches(Struct, H(HeapKind.Array)));
    }

    [Fact]
    public void Concrete_function_is_only_within_func()
    {
        Assert.True(Subtyping.Matches(Func, H(HeapKind.Func)));
        Assert.False(Subtyping.Matches(Func, H(HeapKind.Any)));
    }

    [Fact]
    public void Bottom_types_are_below_concrete_types_of_their_hierarchy()
    {
        Assert.True(Subtyping.Matches(H(HeapKind.None), Array));
        Assert.True(Subtyping.Matches(H(HeapKind.NoFunc), Func));
        Assert.False(Subtyping.Matches(H(HeapKind.None), Func));
        Assert.False(Subtyping.Matches(H(HeapKind.NoExtern), Struct));
    }

    [Fact]
    public void Concrete_types_match_along_declared_supertypes()
    {
        Assert.True(Subtyping.Matches(SubStruct, Struct));
        Assert.False(Subtyping.Matches(Struct, SubStruct));
    }

    [Fact]
    public void Bot_matches_everything_and_only_bot_matches_bot()
    {
        Assert.True(Subtyping.Matches(ValType.Bot, ValType.V128));
        Assert.True(Subtyping.Matches(H(HeapKind.Bot), Func));
        Assert.False(Subtyping.Matches(ValType.I32, ValType.Bot));
    }

    [Fact]
    public void Nullable_reference_does_not_match_non_nullable()
    {
        Assert.True(Subtyping.Matches(new RefType(false, HeapType.Func), RefType.FuncRef));
        Assert.False(Subtyping.Matches(RefType.FuncRef, new RefType(false, HeapType.Func)));
    }

    [Fact]
    public void Number_types_match_only_themselves()
    {
        Assert.False(Subtyping.Matches(ValType.I32, ValType.I64));
        Assert.False(Subtyping.Matches(ValType.FuncRef, ValType.I32));
    }

    [Fact]
    public void Limits_match_when_within()
    {
        Assert.True(Subtyping.Matches(new Limits(2, 5), new Limits(1, 6)));
        Assert.True(Subtyping.Matches(new Limits(2, 5), new Limits(1)));
        Assert.False(Subtyping.Matches(new Limits(2), new Limits(1, 6)));
        Assert.False(Subtyping.Matches(new Limits(0, 5), new Limits(1, 6)));
    }

    [Fact]
    public void Imported_function_may_be_a_subtype()
    {
        var v = Valid(new Module
        {
            Types =
            [
                RecType.Single(new SubType(false, [], Build.Func([], []))),
                RecType.Single(new SubType(false, [0], Build.Func([], []))),
            ],
        });
        Assert.True(Subtyping.Matches(new ExternFunc(v.Types[1].Id), new ExternFunc(v.Types[0].Id)));
        Assert.False(Subtyping.Matches(new ExternFunc(v.Types[0].Id), new ExternFunc(v.Types[1].Id)));
    }

    [Fact]
    public void Mutable_global_types_must_be_equivalent()
    {
        var funcRef = new GlobalType(ValType.FuncRef, true);
        var nonNull = new GlobalType(new ValType(new RefType(false, HeapType.Func)), true);
        Assert.False(Subtyping.Matches(new ExternGlobal(nonNull), new ExternGlobal(funcRef)));
        Assert.True(Subtyping.Matches(new ExternGlobal(nonNull with { Mutable = false }), new ExternGlobal(funcRef with { Mutable = false })));
    }

    [Fact]
    public void Table_element_types_must_be_equivalent()
    {
        var a = new TableType(AddrType.I32, new Limits(1), new RefType(false, HeapType.Func));
        var b = new TableType(AddrType.I32, new Limits(1), RefType.FuncRef);
        Assert.False(Subtyping.Matches(new ExternTable(a), new ExternTable(b)));
    }

    [Fact]
    public void Memory_address_types_must_agree()
    {
        var m32 = new MemType(AddrType.I32, new Limits(1));
        Assert.False(Subtyping.Matches(new ExternMemory(m32), new ExternMemory(m32 with { AddrType = AddrType.I64 })));
        Assert.True(Subtyping.Matches(new ExternMemory(m32 with { Limits = new Limits(2, 3) }), new ExternMemory(m32)));
    }

    [Fact]
    public void Extern_kinds_must_agree()
    {
        Assert.False(Subtyping.Matches(new ExternMemory(new MemType(AddrType.I32, new Limits(1))),
            new ExternTable(new TableType(AddrType.I32, new Limits(1), RefType.FuncRef))));
    }
}
