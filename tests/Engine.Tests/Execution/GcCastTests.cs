using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.GcWasm;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>ref.test, ref.cast, br_on_cast and br_on_cast_fail (§4.4.2, §4.4.8) over the any and func hierarchies.</summary>
public class GcCastTests
{
    private static readonly ValType I32T = ValType.I32;
    private static readonly ValType AnyRef = Ref(HeapKind.Any);

    // Types: 0 $super = (sub (struct)); 1 $sub = (sub $super (struct i32)); 2 (array i8);
    // 3 [] -> [anyref]; 4 [anyref] -> [i32]; 5 $f = (sub (func)); 6 $g = (sub $f (func)); 7 [funcref] -> [i32];
    // 8 [anyref] -> [anyref].
    private static readonly RecType[] Types =
    [
        Sub(new StructType([])),
        Sub(new StructType([Field(I32T)]), super: 0),
        Array(Packed(PackedType.I8)),
        Func([], [AnyRef]),
        Func([AnyRef], [I32T]),
        Sub(FuncType.Empty),
        Sub(FuncType.Empty, super: 5),
        Func([ValType.FuncRef], [I32T]),
        Func([AnyRef], [AnyRef]),
    ];

    /// <summary>The reference types the tests name, by a short name.</summary>
    private static readonly Dictionary<string, RefType> Targets = new()
    {
        ["anyref"] = RefT(HeapKind.Any, nullable: true),
        ["any"] = RefT(HeapKind.Any),
        ["eq"] = RefT(HeapKind.Eq),
        ["i31"] = RefT(HeapKind.I31),
        ["struct"] = RefT(HeapKind.Struct),
        ["array"] = RefT(HeapKind.Array),
        ["none"] = RefT(HeapKind.None),
        ["nullref"] = RefT(HeapKind.None, nullable: true),
        ["super"] = RefTypeTo(0),
        ["sub"] = RefTypeTo(1),
        ["null sub"] = RefTypeTo(1, nullable: true),
    };

    private static readonly ModuleInstance Instance = Instantiate(Module(Types,
    [
        ("super", 3, [], [Index(Opcode.StructNewDefault, 0)]),
        ("sub", 3, [], [Index(Opcode.StructNewDefault, 1)]),
        ("array", 3, [], [I32(0), Index(Opcode.ArrayNewDefault, 2)]),
        ("i31", 3, [], [I32(7), Op(Opcode.RefI31)]),
        ("null", 3, [], [Null(HeapKind.None)]),
        ("f", 5, [], []),
        ("g", 6, [], []),
        .. Targets.Select(t => ("test " + t.Key, 4u, System.Array.Empty<ValType>(), new[] { LocalGet(0), Test(t.Value) })),
        ("test func $f", 7, [], [LocalGet(0), Test(RefTypeTo(5))]),
        ("test func $g", 7, [], [LocalGet(0), Test(RefTypeTo(6))]),
        ("test func nofunc", 7, [], [LocalGet(0), Test(RefT(HeapKind.NoFunc, nullable: true))]),
        ("cast super", 8, [], [LocalGet(0), Cast(RefTypeTo(0))]),
        ("cast null super", 8, [], [LocalGet(0), Cast(RefTypeTo(0, nullable: true))]),
        ("cast sub", 8, [], [LocalGet(0), Cast(RefTypeTo(1))]),
        // (block (result (ref $super)) (i32.const 5) (br_on_cast 0 anyref (ref $super) (local.get 0)) drop drop (return (i32.const -1))) drop (i32.const 1)
        ("br_on_cast super", 4, [], [
            Block(BlockType.Of(RefTo(0))), I32(5), LocalGet(0),
            new BrOnCastInstruction(Opcode.BrOnCast, 0, RefType.AnyRef, RefTypeTo(0)),
            Op(Opcode.Drop), Op(Opcode.Drop), I32(-1), Op(Opcode.Return), End,
            Op(Opcode.Drop), I32(1)]),
        // (block (result anyref) (br_on_cast_fail 0 anyref (ref $super) (local.get 0)) drop (return (i32.const 1))) drop (i32.const -1)
        ("br_on_cast_fail super", 4, [], [
            Block(BlockType.Of(AnyRef)), LocalGet(0),
            new BrOnCastInstruction(Opcode.BrOnCastFail, 0, RefType.AnyRef, RefTypeTo(0)),
            Op(Opcode.Drop), I32(1), Op(Opcode.Return), End,
            Op(Opcode.Drop), I32(-1)]),
        // (block (result (ref $sub)) (br_on_cast 0 anyref (ref $sub) (local.get 0)) drop (return (ref.null none)))
        ("br_on_cast sub value", 8, [], [
            Block(BlockType.Of(RefTo(1))), LocalGet(0),
            new BrOnCastInstruction(Opcode.BrOnCast, 0, RefType.AnyRef, RefTypeTo(1)),
            Op(Opcode.Drop), Null(HeapKind.None), Op(Opcode.Return), End]),
    ]));

    private static Value Make(string producer) => Instance.Invoke(producer)[0];

    private static int Run(string function, Value argument) => Instance.Invoke(function, argument)[0].AsI32;

    [Theory]
    // A structure of type $super: any, eq, struct and $super; not its subtype $sub.
    [InlineData("super", "anyref", 1), InlineData("super", "any", 1), InlineData("super", "eq", 1), InlineData("super", "i31", 0),
     InlineData("super", "struct", 1), InlineData("super", "array", 0), InlineData("super", "none", 0), InlineData("super", "nullref", 0),
     InlineData("super", "super", 1), InlineData("super", "sub", 0), InlineData("super", "null sub", 0)]
    // A structure of type $sub also matches its declared supertype.
    [InlineData("sub", "struct", 1), InlineData("sub", "super", 1), InlineData("sub", "sub", 1), InlineData("sub", "null sub", 1)]
    // An array is eq and array, never struct.
    [InlineData("array", "eq", 1), InlineData("array", "array", 1), InlineData("array", "struct", 0), InlineData("array", "super", 0)]
    // An i31 is eq and i31 only.
    [InlineData("i31", "any", 1), InlineData("i31", "eq", 1), InlineData("i31", "i31", 1), InlineData("i31", "struct", 0),
     InlineData("i31", "array", 0), InlineData("i31", "super", 0)]
    // Null matches exactly the nullable targets.
    [InlineData("null", "anyref", 1), InlineData("null", "nullref", 1), InlineData("null", "null sub", 1),
     InlineData("null", "any", 0), InlineData("null", "none", 0), InlineData("null", "sub", 0)]
    public void Ref_test_follows_the_runtime_type(string producer, string target, int expected)
    {
        Assert.Equal(expected, Run("test " + target, Make(producer)));
    }

    [Theory]
    [InlineData("f", "test func $f", 1), InlineData("g", "test func $f", 1), InlineData("f", "test func $g", 0),
     InlineData("g", "test func nofunc", 0)]
    public void Ref_test_of_a_function_follows_its_declared_supertypes(string function, string test, int expected)
    {
        var f = (FunctionInstance)Instance.Export(function).Instance;
        Assert.Equal(expected, Run(test, Value.Ref(HeapType.Func, f)));
    }

    [Fact]
    public void Ref_test_of_null_funcref_against_nullable_nofunc_is_1()
    {
        Assert.Equal(1, Run("test func nofunc", Value.Null(HeapType.Func)));
    }

    [Fact]
    public void Ref_cast_to_a_supertype_returns_the_same_reference()
    {
        var sub = Make("sub");
        Assert.Same(sub.Reference, Instance.Invoke("cast super", sub)[0].Reference);
    }

    [Fact]
    public void Ref_cast_of_a_supertype_value_to_its_subtype_traps_with_cast_failure()
    {
        var ex = Assert.Throws<TrapException>(() => Instance.Invoke("cast sub", Make("super")));
        Assert.Equal(TrapKind.CastFailure, ex.Kind);
        Assert.StartsWith("cast failure", ex.Message);
    }

    [Fact]
    public void Ref_cast_of_an_array_to_a_structure_type_traps_with_cast_failure()
    {
        var ex = Assert.Throws<TrapException>(() => Instance.Invoke("cast super", Make("array")));
        Assert.Equal(TrapKind.CastFailure, ex.Kind);
    }

    [Fact]
    public void Ref_cast_of_null_to_a_non_nullable_type_traps_with_cast_failure()
    {
        var ex = Assert.Throws<TrapException>(() => Instance.Invoke("cast super", Make("null")));
        Assert.Equal(TrapKind.CastFailure, ex.Kind);
    }

    [Fact]
    public void Ref_cast_of_null_to_a_nullable_type_returns_null()
    {
        Assert.True(Instance.Invoke("cast null super", Make("null"))[0].IsNull);
    }

    [Theory]
    [InlineData("super", 1), InlineData("sub", 1), InlineData("array", -1), InlineData("i31", -1), InlineData("null", -1)]
    public void Br_on_cast_branches_exactly_when_the_cast_succeeds(string producer, int expected)
    {
        Assert.Equal(expected, Run("br_on_cast super", Make(producer)));
    }

    [Theory]
    [InlineData("super", 1), InlineData("sub", 1), InlineData("array", -1), InlineData("i31", -1), InlineData("null", -1)]
    public void Br_on_cast_fail_branches_exactly_when_the_cast_fails(string producer, int expected)
    {
        Assert.Equal(expected, Run("br_on_cast_fail super", Make(producer)));
    }

    [Fact]
    public void Br_on_cast_carries_the_reference_itself_to_its_label()
    {
        var sub = Make("sub");
        Assert.Same(sub.Reference, Instance.Invoke("br_on_cast sub value", sub)[0].Reference);
    }
}
