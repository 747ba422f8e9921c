using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.GcWasm;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>Custom-descriptors proposal: allocation with descriptors, ref.get_desc, descriptor casts and exact casts.</summary>
public class DescriptorExecutionTests
{
    private const Features Cd = FeatureSets.Wasm3 | Features.CustomDescriptors;
    private static readonly ValType AnyRef = Ref(HeapKind.Any);

    private static ValType RefTo(uint x, bool nullable = false, bool exact = false) =>
        new(new RefType(nullable, new HeapType(HeapKind.Concrete, x, exact)));

    private static RefType Target(uint x, bool nullable) => new(nullable, HeapType.Concrete(x));

    /// <summary>
    /// Types: 0 $a (descriptor 1) (struct (field i32)), 1 $a.desc (describes 0) (struct), then one
    /// function type per function. Functions: "desc" a new descriptor; "new" a $a with the given
    /// descriptor and field 7; "new_default" the same with field 0; "get" ref.get_desc; "cast" and
    /// "cast_nn" ref.cast_desc_eq to (ref null $a) and (ref $a); "br" and "br_fail" 1 when
    /// br_on_cast_desc_eq(_fail) to (ref $a) branches, else 0.
    /// </summary>
    private static ModuleInstance Instance()
    {
        var group = new RecType([
            new SubType(true, [], new StructType([Field(ValType.I32, mutable: false)]), Descriptor: 1),
            new SubType(true, [], new StructType([]), Describes: 0),
        ]);
        var exactDesc = RefTo(1, nullable: true, exact: true);
        var anyAndDesc = new[] { AnyRef, RefTo(1, nullable: true) };
        (string, ValType[], ValType[], Instruction[])[] funcs =
        [
            ("desc", [], [RefTo(1, exact: true)], [Index(Opcode.StructNew, 1)]),
            ("new", [exactDesc], [RefTo(0)], [I32(7), LocalGet(0), Index(Opcode.StructNewDesc, 0)]),
            ("new_default", [exactDesc], [RefTo(0)], [LocalGet(0), Index(Opcode.StructNewDefaultDesc, 0)]),
            ("get", [RefTo(0, nullable: true)], [RefTo(1)], [LocalGet(0), Index(Opcode.RefGetDesc, 0)]),
            ("field", [RefTo(0, nullable: true)], [ValType.I32], [LocalGet(0), Pair(Opcode.StructGet, 0, 0)]),
            ("cast", anyAndDesc, [RefTo(0, nullable: true)], [LocalGet(0), LocalGet(1), new RefTypeInstruction(Opcode.RefCastDescEq, Target(0, true))]),
            ("cast_nn", anyAndDesc, [RefTo(0)], [LocalGet(0), LocalGet(1), new RefTypeInstruction(Opcode.RefCastDescEq, Target(0, false))]),
            ("br", anyAndDesc, [ValType.I32], BranchBody(Opcode.BrOnCastDescEq, RefTo(0))),
            ("br_fail", anyAndDesc, [ValType.I32], BranchBody(Opcode.BrOnCastDescEqFail, AnyRef)),
        ];
        var module = new Module
        {
            Types = [group, .. funcs.Select(f => Func(f.Item2, f.Item3))],
            Functions = funcs.Select((f, i) => new Function((uint)(2 + i), [], f.Item4)).ToArray(),
            Exports = funcs.Select((f, i) => new Export(f.Item1, ExternKind.Func, (uint)i)).ToArray(),
        };
        return new Linker().Instantiate(new Store(), CompiledModule.FromModule(module, Cd));
    }

    /// <summary>1 when the branch is taken (to a block of type <paramref name="label"/>), else 0.</summary>
    private static Instruction[] BranchBody(Opcode op, ValType label) =>
    [
        Block(BlockType.Of(label)),
        LocalGet(0), LocalGet(1), new BrOnCastInstruction(op, 0, RefType.AnyRef, Target(0, false)),
        Op(Opcode.Drop), I32(0), Op(Opcode.Return),
        End,
        Op(Opcode.Drop), I32(1),
    ];

    private static Value Desc(ModuleInstance m) => m.Invoke("desc")[0];

    private static Value NullDesc => Value.Null(new HeapType(HeapKind.None));

    private static TrapKind TrapOf(Action action) => Assert.Throws<TrapException>(action).Kind;

    [Fact]
    public void Struct_new_desc_keeps_the_descriptor_it_was_given()
    {
        var m = Instance();
        var desc = Desc(m);
        var s = m.Invoke("new", desc)[0];
        Assert.Same(desc.Reference, m.Invoke("get", s)[0].Reference);
        Assert.Equal(Value.I32(7), m.Invoke("field", s)[0]);
    }

    [Fact]
    public void Struct_new_default_desc_has_default_fields()
    {
        var m = Instance();
        var desc = Desc(m);
        var s = m.Invoke("new_default", desc)[0];
        Assert.Equal(Value.I32(0), m.Invoke("field", s)[0]);
        Assert.Same(desc.Reference, m.Invoke("get", s)[0].Reference);
    }

    [Fact]
    public void Allocation_with_a_null_descriptor_traps()
    {
        var m = Instance();
        Assert.Equal(TrapKind.NullDescriptorReference, TrapOf(() => m.Invoke("new", NullDesc)));
        Assert.Equal(TrapKind.NullDescriptorReference, TrapOf(() => m.Invoke("new_default", NullDesc)));
    }

    [Fact]
    public void Ref_get_desc_of_null_traps_as_null_reference()
    {
        var m = Instance();
        var ex = Assert.Throws<TrapException>(() => m.Invoke("get", Value.Null(new HeapType(HeapKind.None))));
        Assert.Equal(TrapKind.NullReference, ex.Kind);
    }

    [Fact]
    public void Descriptor_cast_passes_a_structure_with_that_descriptor()
    {
        var m = Instance();
        var desc = Desc(m);
        var s = m.Invoke("new", desc)[0];
        Assert.Same(s.Reference, m.Invoke("cast", s, desc)[0].Reference);
        Assert.Same(s.Reference, m.Invoke("cast_nn", s, desc)[0].Reference);
    }

    [Fact]
    public void Descriptor_cast_fails_for_another_descriptor_of_the_same_type()
    {
        var m = Instance();
        var s = m.Invoke("new", Desc(m))[0];
        var ex = Assert.Throws<TrapException>(() => m.Invoke("cast", s, Desc(m)));
        Assert.Equal(TrapKind.DescriptorCastFailure, ex.Kind);
        Assert.Equal("descriptor cast failure", ex.Message);
    }

    [Fact]
    public void Descriptor_cast_of_null_passes_only_a_nullable_target()
    {
        var m = Instance();
        var nullAny = Value.Null(new HeapType(HeapKind.None));
        Assert.True(m.Invoke("cast", nullAny, Desc(m))[0].IsNull);
        Assert.Equal(TrapKind.DescriptorCastFailure, TrapOf(() => m.Invoke("cast_nn", nullAny, Desc(m))));
    }

    [Fact]
    public void Descriptor_cast_with_a_null_descriptor_traps()
    {
        var m = Instance();
        var s = m.Invoke("new", Desc(m))[0];
        var ex = Assert.Throws<TrapException>(() => m.Invoke("cast", s, NullDesc));
        Assert.Equal(TrapKind.NullDescriptorReference, ex.Kind);
        Assert.Equal("null descriptor reference", ex.Message);
    }

    [Fact]
    public void Descriptor_cast_fails_for_a_structure_without_descriptor()
    {
        var m = Instance();
        var desc = Desc(m);
        Assert.Equal(TrapKind.DescriptorCastFailure, TrapOf(() => m.Invoke("cast", desc, desc)));
    }

    [Fact]
    public void Br_on_cast_desc_eq_branches_on_a_match_only()
    {
        var m = Instance();
        var desc = Desc(m);
        var s = m.Invoke("new", desc)[0];
        Assert.Equal(Value.I32(1), m.Invoke("br", s, desc)[0]);
        Assert.Equal(Value.I32(0), m.Invoke("br", s, Desc(m))[0]);
        Assert.Equal(Value.I32(0), m.Invoke("br", Value.Null(new HeapType(HeapKind.None)), desc)[0]);
    }

    [Fact]
    public void Br_on_cast_desc_eq_fail_branches_on_a_mismatch_only()
    {
        var m = Instance();
        var desc = Desc(m);
        var s = m.Invoke("new", desc)[0];
        Assert.Equal(Value.I32(0), m.Invoke("br_fail", s, desc)[0]);
        Assert.Equal(Value.I32(1), m.Invoke("br_fail", s, Desc(m))[0]);
        Assert.Equal(Value.I32(1), m.Invoke("br_fail", Value.Null(new HeapType(HeapKind.None)), desc)[0]);
    }

    [Fact]
    public void Descriptor_branches_with_a_null_descriptor_trap()
    {
        var m = Instance();
        var s = m.Invoke("new", Desc(m))[0];
        Assert.Equal(TrapKind.NullDescriptorReference, TrapOf(() => m.Invoke("br", s, NullDesc)));
        Assert.Equal(TrapKind.NullDescriptorReference, TrapOf(() => m.Invoke("br_fail", s, NullDesc)));
    }

    [Fact]
    public void An_exact_cast_rejects_a_subtype()
    {
        // 0 $super (sub (struct)), 1 $sub (sub $super (struct)), 2 [] -> [i32].
        var exactSuper = new RefType(false, new HeapType(HeapKind.Concrete, 0, Exact: true));
        var module = new Module
        {
            Types = [Sub(new StructType([])), Sub(new StructType([]), super: 0), Func([], [ValType.I32])],
            Functions =
            [
                new Function(2, [], [Index(Opcode.StructNew, 1), Test(exactSuper)]),
                new Function(2, [], [Index(Opcode.StructNew, 0), Test(exactSuper)]),
            ],
            Exports = [new Export("sub", ExternKind.Func, 0), new Export("super", ExternKind.Func, 1)],
        };
        var m = new Linker().Instantiate(new Store(), CompiledModule.FromModule(module, Cd));
        Assert.Equal(Value.I32(0), m.Invoke("sub")[0]);
        Assert.Equal(Value.I32(1), m.Invoke("super")[0]);
    }

    [Fact]
    public void An_exact_function_import_needs_exactly_that_type()
    {
        // The provider exports a function of $sub, a declared subtype of $super.
        var provider = new Module
        {
            Types = [Sub(FuncType.Empty), Sub(FuncType.Empty, super: 0)],
            Functions = [new Function(1, [], [])],
            Exports = [new Export("f", ExternKind.Func, 0)],
        };
        var store = new Store();
        var linker = new Linker();
        linker.DefineInstance("p", linker.Instantiate(store, CompiledModule.FromModule(provider, Cd)));
        Module Importer(uint type, bool exact) => new()
        {
            Types = [Sub(FuncType.Empty), Sub(FuncType.Empty, super: 0)],
            Imports = [new Import("p", "f", new ExternFunc(type, exact))],
        };
        linker.Instantiate(store, CompiledModule.FromModule(Importer(0, exact: false), Cd));
        linker.Instantiate(store, CompiledModule.FromModule(Importer(1, exact: true), Cd));
        var ex = Assert.Throws<LinkException>(() => linker.Instantiate(store, CompiledModule.FromModule(Importer(0, exact: true), Cd)));
        Assert.StartsWith("incompatible import type", ex.Message);
    }
}
