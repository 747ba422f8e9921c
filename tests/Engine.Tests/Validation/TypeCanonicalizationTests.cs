using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.2.9–3.2.11 rec groups and sub types; §3.3.3 iso-recursive type equality by interning.</summary>
public class TypeCanonicalizationTests
{
    private static readonly ValType[] None = [];

    private static SubType Open(CompType comp, params uint[] supers) => new(false, supers, comp);
    private static SubType Closed(CompType comp, params uint[] supers) => new(true, supers, comp);
    private static Module Types(params RecType[] types) => new() { Types = types };
    private static RecType Rec(params SubType[] subs) => new(subs);

    /// <summary>A distinctive struct so that tests do not share groups by accident.</summary>
    private static StructType Marker(int n) => new(Enumerable.Repeat(Field(ValType.F32), n + 7).ToArray());

    [Fact]
    public void Same_rec_group_in_two_modules_is_the_same_type()
    {
        // (rec (type $f (func (param i32))) (type $s (struct (field (ref null $f))))) at index 0, then at index 1.
        static RecType Group(uint first) =>
            Rec(Closed(Func([ValType.I32], [])), Closed(new StructType([Field(RefIdx(true, first))])));
        var a = Valid(Types(Group(0)));
        var b = Valid(Types(FuncRec(None, None), Group(1)));
        Assert.Same(a.Types[0], b.Types[1]);
        Assert.Same(a.Types[1], b.Types[2]);
    }

    [Fact]
    public void Equal_types_within_one_module_are_identical()
    {
        var v = Valid(Types(FuncRec([ValType.F64], None), FuncRec([ValType.F64], None)));
        Assert.Same(v.Types[0], v.Types[1]);
    }

    [Fact]
    public void Types_in_different_rec_groups_are_distinct_from_one_group()
    {
        var separate = Valid(Types(StructRec(), ArrayRec(Field(ValType.I32))));
        var together = Valid(Types(Rec(Closed(new StructType([])), Closed(new ArrayType(Field(ValType.I32))))));
        Assert.NotSame(separate.Types[0], together.Types[0]);
    }

    [Fact]
    public void Position_within_the_group_matters()
    {
        var v = Valid(Types(Rec(Closed(new StructType([])), Closed(new StructType([])))));
        Assert.NotSame(v.Types[0], v.Types[1]);
    }

    [Fact]
    public void References_to_equal_outer_types_make_equal_types()
    {
        // (type $t0 (func)) (type $t1 (struct (field (ref $t0)))) twice, with $t0 at different indices.
        var a = Valid(Types(FuncRec(None, None), StructRec(Field(RefIdx(false, 0)))));
        var b = Valid(Types(StructRec(Marker(1).Fields.ToArray()), FuncRec(None, None), StructRec(Field(RefIdx(false, 1)))));
        Assert.Same(a.Types[1], b.Types[2]);
    }

    [Fact]
    public void Canonical_sub_type_names_members_by_id()
    {
        var v = Valid(Types(Rec(Closed(new StructType([Field(RefIdx(true, 1)), Field(ValType.I32)])), Closed(Func([RefIdx(true, 0)], [])))));
        var field = v.Types[0].Struct!.Fields[0].Storage.Type;
        Assert.Equal(new HeapType(HeapKind.Concrete, v.Types[1].Id), field.Ref.Heap);
        Assert.Same(v.Types[1], TypeRegistry.Get(field.Ref.Heap.Index));
    }

    [Fact]
    public void Declared_subtyping_is_reflexive_and_transitive_but_not_symmetric()
    {
        var v = Valid(Types(
            RecType.Single(Open(Marker(2))),
            RecType.Single(Open(Marker(2), 0)),
            RecType.Single(Closed(Marker(2), 1))));
        var (a, b, c) = (v.Types[0], v.Types[1], v.Types[2]);
        Assert.True(a.IsSubtypeOf(a));
        Assert.True(c.IsSubtypeOf(a));
        Assert.True(c.IsSubtypeOf(b));
        Assert.False(a.IsSubtypeOf(c));
        Assert.Equal(2, c.Depth);
        Assert.Same(b, c.Super);
    }

    [Fact]
    public void Structurally_equal_types_without_declaration_are_not_subtypes()
    {
        var v = Valid(Types(RecType.Single(Open(Marker(3))), RecType.Single(Open(new StructType([.. Marker(3).Fields, Field(ValType.I32)])))));
        Assert.False(v.Types[1].IsSubtypeOf(v.Types[0]));
    }

    [Fact]
    public void Sub_type_must_match_its_super_type()
    {
        var m = Types(RecType.Single(Open(new StructType([Field(ValType.I32)]))), RecType.Single(Open(new StructType([Field(ValType.I64)]), 0)));
        Invalid(m, "sub type 1 does not match super type 0");
    }

    [Fact]
    public void Final_type_cannot_be_a_super_type()
    {
        var m = Types(RecType.Single(Closed(Marker(4))), RecType.Single(Open(Marker(4), 0)));
        Invalid(m, "sub type 1 has final super type 0");
    }

    [Fact]
    public void Super_type_must_be_declared_earlier()
    {
        var m = Types(Rec(Open(Marker(5), 1), Open(Marker(5))));
        Invalid(m, "forward use of type 1 in sub type definition");
    }

    [Fact]
    public void At_most_one_super_type()
    {
        var m = Types(RecType.Single(Open(Marker(6))), RecType.Single(Open(Marker(6))), RecType.Single(Open(Marker(6), 0, 1)));
        Invalid(m, "sub type 2 has more than one super type");
    }

    [Fact]
    public void Type_reference_past_the_group()
    {
        Invalid(Types(StructRec(Field(RefIdx(true, 5)))), "unknown type 5");
    }

    [Fact]
    public void Recursive_sub_typing_within_a_group()
    {
        // (rec (type $a (sub (struct (field (ref null $a))))) (type $b (sub $a (struct (field (ref null $b))))))
        var m = Types(Rec(Open(new StructType([Field(RefIdx(true, 0))])), Open(new StructType([Field(RefIdx(true, 1))]), 0)));
        var v = Valid(m);
        Assert.True(v.Types[1].IsSubtypeOf(v.Types[0]));
    }

    [Fact]
    public void Function_subtyping_is_contravariant_in_parameters()
    {
        var any = Ref(true, HeapKind.Any);
        var eq = Ref(true, HeapKind.Eq);
        Valid(Types(RecType.Single(Open(Func([eq], [any]))), RecType.Single(Open(Func([any], [eq]), 0))));
        Invalid(Types(RecType.Single(Open(Func([any], [any]))), RecType.Single(Open(Func([eq], [any]), 0))),
            "sub type 1 does not match super type 0");
    }

    [Fact]
    public void Intern_func_yields_the_module_defined_type()
    {
        var v = Valid(Types(FuncRec([ValType.I64, ValType.F32], [ValType.V128])));
        Assert.Same(v.Types[0], TypeRegistry.InternFunc(Func([ValType.I64, ValType.F32], [ValType.V128])));
    }

    [Fact]
    public void Concurrent_interning_yields_one_type()
    {
        var f64 = Field(ValType.F64);
        var m = Types(Rec(
            Open(new StructType([Field(RefIdx(true, 0)), f64, f64, f64])),
            Open(new StructType([Field(RefIdx(true, 1)), f64, f64, f64, Field(ValType.I64)]), 0)));
        var results = new DefType[8];
        Parallel.For(0, results.Length, i => results[i] = Validator.Validate(m).Types[1]);
        Assert.All(results, r => Assert.Same(results[0], r));
    }
}
