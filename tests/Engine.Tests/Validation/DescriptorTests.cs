using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>Custom-descriptors proposal: descriptor clauses, exact types and the new instructions.</summary>
public class DescriptorTests
{
    private const Features Cd = FeatureSets.Wasm3 | Features.CustomDescriptors;
    private static readonly StructType Empty = new([]);
    private static readonly ValType[] None = [];

    private static SubType Clauses(uint? describes, uint? descriptor, CompType? comp = null, bool final = true, params uint[] supers) =>
        new(final, supers, comp ?? Empty, describes, descriptor);

    /// <summary>A module of these groups (types from 0) and nothing else.</summary>
    private static Module Types(params RecType[] groups) => new() { Types = groups };

    /// <summary>Group 0: $a (type 0) described by $a.desc (type 1); then a function type [params] -> [results] (type 2) and one function of it.</summary>
    private static Module WithDescribed(ValType[] parameters, ValType[] results, ValType[] locals, params Instruction[] body) => new()
    {
        Types = [new RecType([Clauses(null, 1), Clauses(0, null)]), FuncRec(parameters, results)],
        Functions = [new Function(2, locals, body)],
    };

    private static ValType RefTo(uint x, bool nullable = false, bool exact = false) =>
        new(new RefType(nullable, new HeapType(HeapKind.Concrete, x, exact)));

    private static Instruction Cast(Opcode op, RefType type) => new RefTypeInstruction(op, type);

    /// <summary>The message validation fails with (for the rules whose messages go on with a type the tests do not spell out).</summary>
    private static string MessageOf(Module m, Features features = Cd) =>
        Assert.Throws<InvalidException>(() => Validator.Validate(m, features)).Message;

    // ---- the clauses of a recursive group ----------------------------------------------

    [Fact]
    public void A_type_and_its_descriptor_in_one_group_are_valid()
    {
        Valid(Types(new RecType([Clauses(null, 1), Clauses(0, null)])), Cd);
    }

    [Fact]
    public void A_descriptor_outside_the_group_is_invalid()
    {
        Invalid(Types(RecType.Single(Clauses(null, 1)), RecType.Single(Clauses(0, null))), "descriptor type is outside rec group", Cd);
    }

    [Fact]
    public void A_described_type_outside_the_group_is_invalid()
    {
        Invalid(Types(RecType.Single(SubType.Plain(Empty)), RecType.Single(Clauses(0, null))), "described type is outside rec group", Cd);
    }

    [Fact]
    public void A_descriptor_must_describe_the_type_naming_it()
    {
        Invalid(Types(new RecType([Clauses(null, 1), SubType.Plain(Empty)])), "type is not described by its descriptor", Cd);
    }

    [Fact]
    public void A_described_type_must_name_its_describer_as_descriptor()
    {
        Invalid(Types(new RecType([SubType.Plain(Empty), Clauses(0, null)])), "described type is not described by descriptor", Cd);
    }

    [Fact]
    public void A_described_type_must_come_before_its_descriptor()
    {
        Invalid(Types(new RecType([Clauses(1, null), Clauses(null, 0)])), "forward use of described type", Cd);
    }

    [Fact]
    public void Only_a_structure_may_have_a_descriptor()
    {
        var array = new ArrayType(Field(ValType.I32));
        Invalid(Types(new RecType([Clauses(null, 1, array), Clauses(0, null)])), "descriptor type must be a struct", Cd);
    }

    [Fact]
    public void Only_a_structure_may_describe()
    {
        Invalid(Types(new RecType([Clauses(null, 1), Clauses(0, null, FuncType.Empty)])), "described type must be a struct", Cd);
    }

    [Fact]
    public void Clauses_are_part_of_a_type_s_identity()
    {
        RecType Described(uint first) => new([Clauses(null, first + 1), Clauses(first, null)]);
        var plain = new RecType([SubType.Plain(Empty), SubType.Plain(Empty)]);
        Module WithGlobal(RecType other) => new()
        {
            Types = [Described(0), other],
            Globals = [new Global(new GlobalType(RefTo(0, nullable: true), false), [new HeapTypeInstruction(Opcode.RefNull, HeapType.Concrete(2))])],
        };
        Valid(WithGlobal(Described(2)), Cd);
        Assert.StartsWith("type mismatch", MessageOf(WithGlobal(plain)));
    }

    // ---- clauses and declared supertypes --------------------------------------------------

    [Fact]
    public void A_subtype_of_a_type_with_descriptor_needs_a_descriptor()
    {
        var group = new RecType([Clauses(null, 1, final: false), Clauses(0, null, final: false), Clauses(null, null, final: false, supers: 0)]);
        Invalid(Types(group), "sub type 2 does not match super type 0", Cd);
    }

    [Fact]
    public void A_subtype_may_add_a_descriptor_its_supertype_lacks()
    {
        var group = new RecType([Clauses(null, null, final: false), Clauses(null, 2, final: false, supers: 0), Clauses(1, null)]);
        Valid(Types(group), Cd);
    }

    [Fact]
    public void A_described_type_must_match_the_supertype_s_described_type()
    {
        // 0 $s (descriptor 1); 1 $s.desc (describes 0); 2 $other (descriptor 3); 3 (sub $s.desc (describes 2)).
        var group = new RecType([
            Clauses(null, 1, final: false), Clauses(0, null, final: false),
            Clauses(null, 3), Clauses(2, null, final: false, supers: 1),
        ]);
        Assert.StartsWith("described type 2 does not match ", MessageOf(Types(group)));
    }

    [Fact]
    public void A_descriptor_must_match_the_supertype_s_descriptor()
    {
        // 0 $s (descriptor 1); 1 $s.desc (describes 0); 2 (sub $s (descriptor 3)); 3 (describes 2), not a subtype of 1.
        var group = new RecType([
            Clauses(null, 1, final: false), Clauses(0, null, final: false),
            Clauses(null, 3, final: false, supers: 0), Clauses(2, null),
        ]);
        Assert.StartsWith("descriptor type 3 does not match ", MessageOf(Types(group)));
    }

    [Fact]
    public void A_describing_subtype_s_supertype_must_describe_too()
    {
        var group = new RecType([Clauses(null, 2), Clauses(null, null, final: false), Clauses(0, null, final: false, supers: 1)]);
        Invalid(Types(group), "sub type 2 does not match super type 1", Cd);
    }

    // ---- exact types ---------------------------------------------------------------------

    /// <summary>Types 0 $super (sub (struct)), 1 $sub (sub $super (struct)), 2 [param] -> [result], one function.</summary>
    private static Module Hierarchy(ValType param, ValType result, params Instruction[] body) => new()
    {
        Types = [RecType.Single(Clauses(null, null, final: false)), RecType.Single(Clauses(null, null, final: false, supers: 0)), FuncRec([param], [result])],
        Functions = [new Function(2, [], body)],
    };

    [Fact]
    public void An_exact_type_matches_its_inexact_type_and_supertypes()
    {
        Valid(Hierarchy(RefTo(1, exact: true), RefTo(1), LocalGet(0)), Cd);
        Valid(Hierarchy(RefTo(1, exact: true), RefTo(0), LocalGet(0)), Cd);
    }

    [Fact]
    public void An_exact_type_is_matched_by_no_other_defined_type()
    {
        Assert.StartsWith("type mismatch", MessageOf(Hierarchy(RefTo(1, exact: true), RefTo(0, exact: true), LocalGet(0))));
        Assert.StartsWith("type mismatch", MessageOf(Hierarchy(RefTo(0), RefTo(0, exact: true), LocalGet(0)), Cd));
    }

    [Fact]
    public void None_matches_an_exact_type()
    {
        Valid(Hierarchy(ValType.I32, RefTo(1, nullable: true, exact: true), new HeapTypeInstruction(Opcode.RefNull, new HeapType(HeapKind.None))), Cd);
    }

    [Fact]
    public void Struct_new_gives_an_exact_reference_with_custom_descriptors_only()
    {
        var m = Hierarchy(ValType.I32, RefTo(1, exact: true), Idx(Opcode.StructNew, 1));
        Valid(m, Cd);
        Assert.StartsWith("type mismatch", MessageOf(m, FeatureSets.Wasm3));
    }

    [Fact]
    public void A_reference_to_a_function_imported_inexactly_is_inexact()
    {
        Module With(bool exact) => new()
        {
            Types = [FuncRec([], []), FuncRec([], [RefTo(0, exact: true)])],
            Imports = [new Import("m", "f", new ExternFunc(0, exact))],
            Functions = [new Function(1, [], [RefFunc(0)])],
            Elements = [new ElementSegment(RefType.FuncRef, [new Instruction[] { RefFunc(0) }], new SegmentMode(SegmentModeKind.Declarative))],
        };
        Valid(With(exact: true), Cd);
        Assert.StartsWith("type mismatch", MessageOf(With(exact: false), Cd));
    }

    // ---- allocation with descriptors ---------------------------------------------------------

    [Fact]
    public void Struct_new_of_a_type_with_descriptor_is_invalid()
    {
        Invalid(WithDescribed(None, None, None, Idx(Opcode.StructNew, 0), Op(Opcode.Drop)), "type with descriptor requires descriptor allocation", Cd);
        Invalid(WithDescribed(None, None, None, Idx(Opcode.StructNewDefault, 0), Op(Opcode.Drop)), "type with descriptor requires descriptor allocation", Cd);
    }

    [Fact]
    public void Struct_new_desc_of_a_type_without_descriptor_is_invalid()
    {
        Invalid(WithDescribed(None, None, None, Op(Opcode.Unreachable), Idx(Opcode.StructNewDesc, 1), Op(Opcode.Drop)),
            "type without descriptor requires non-descriptor allocation", Cd);
    }

    [Fact]
    public void Struct_new_desc_takes_an_exact_descriptor_and_gives_an_exact_reference()
    {
        Valid(WithDescribed([RefTo(1, nullable: true, exact: true)], [RefTo(0, exact: true)], None,
            LocalGet(0), Idx(Opcode.StructNewDesc, 0)), Cd);
        Valid(WithDescribed([RefTo(1, nullable: true, exact: true)], [RefTo(0, exact: true)], None,
            LocalGet(0), Idx(Opcode.StructNewDefaultDesc, 0)), Cd);
    }

    [Fact]
    public void Struct_new_desc_rejects_an_inexact_descriptor()
    {
        Assert.StartsWith("type mismatch", MessageOf(
            WithDescribed([RefTo(1, nullable: true)], [RefTo(0)], None, LocalGet(0), Idx(Opcode.StructNewDesc, 0))));
    }

    [Fact]
    public void Struct_new_desc_is_a_constant_instruction()
    {
        var m = new Module
        {
            Types = [new RecType([Clauses(null, 1), Clauses(0, null)])],
            Globals =
            [
                new Global(new GlobalType(RefTo(1, exact: true), false), [Idx(Opcode.StructNew, 1)]),
                new Global(new GlobalType(RefTo(0), false), [GlobalGet(0), Idx(Opcode.StructNewDefaultDesc, 0)]),
            ],
        };
        Valid(m, Cd);
    }

    // ---- ref.get_desc and the descriptor casts -----------------------------------------------

    [Fact]
    public void Ref_get_desc_of_a_type_without_descriptor_is_invalid()
    {
        Invalid(WithDescribed(None, None, None, Op(Opcode.Unreachable), Idx(Opcode.RefGetDesc, 1), Op(Opcode.Drop)), "type without descriptor 1", Cd);
    }

    [Fact]
    public void Ref_get_desc_is_exact_for_an_exact_operand_only()
    {
        Valid(WithDescribed([RefTo(0, nullable: true, exact: true)], [RefTo(1, exact: true)], None, LocalGet(0), Idx(Opcode.RefGetDesc, 0)), Cd);
        Valid(WithDescribed([RefTo(0, nullable: true)], [RefTo(1)], None, LocalGet(0), Idx(Opcode.RefGetDesc, 0)), Cd);
        Assert.StartsWith("type mismatch", MessageOf(
            WithDescribed([RefTo(0, nullable: true)], [RefTo(1, exact: true)], None, LocalGet(0), Idx(Opcode.RefGetDesc, 0))));
    }

    [Theory]
    [InlineData(false, "type any does not have a descriptor")]
    [InlineData(true, "type (exact 1) does not have a descriptor")]
    public void A_descriptor_cast_needs_a_target_with_descriptor(bool concrete, string message)
    {
        var target = concrete ? new RefType(false, new HeapType(HeapKind.Concrete, 1, Exact: true)) : new RefType(false, new HeapType(HeapKind.Any));
        Invalid(WithDescribed(None, None, None, Op(Opcode.Unreachable), Cast(Opcode.RefCastDescEq, target), Op(Opcode.Drop)), message, Cd);
    }

    [Fact]
    public void Ref_cast_desc_eq_takes_a_reference_and_the_target_s_descriptor()
    {
        var anyRef = Ref(true, HeapKind.Any);
        Valid(WithDescribed([anyRef, RefTo(1, nullable: true)], [RefTo(0)], None,
            LocalGet(0), LocalGet(1), Cast(Opcode.RefCastDescEq, new RefType(false, HeapType.Concrete(0)))), Cd);
        Valid(WithDescribed([anyRef, RefTo(1, nullable: true, exact: true)], [RefTo(0, nullable: true, exact: true)], None,
            LocalGet(0), LocalGet(1), Cast(Opcode.RefCastDescEq, new RefType(true, new HeapType(HeapKind.Concrete, 0, Exact: true)))), Cd);
    }

    [Fact]
    public void Br_on_cast_desc_eq_passes_the_target_type_to_its_label()
    {
        var anyRef = Ref(true, HeapKind.Any);
        var br = new BrOnCastInstruction(Opcode.BrOnCastDescEq, 0, new RefType(true, new HeapType(HeapKind.Any)), new RefType(false, HeapType.Concrete(0)));
        Valid(WithDescribed([anyRef, RefTo(1, nullable: true)], [RefTo(0)], None,
            LocalGet(0), LocalGet(1), br, Op(Opcode.Unreachable)), Cd);
        var fail = br with { Op = Opcode.BrOnCastDescEqFail };
        Valid(WithDescribed([anyRef, RefTo(1, nullable: true)], [anyRef], None,
            LocalGet(0), LocalGet(1), fail), Cd);
    }

    [Fact]
    public void Br_on_cast_needs_only_a_common_hierarchy_with_custom_descriptors()
    {
        // Casting (ref $a) to eqref: not a subtype of the source, but in the same hierarchy.
        var br = new BrOnCastInstruction(Opcode.BrOnCast, 0, new RefType(true, HeapType.Concrete(0)), new RefType(true, new HeapType(HeapKind.Eq)));
        var m = WithDescribed([RefTo(0, nullable: true)], [Ref(true, HeapKind.Eq)], None, LocalGet(0), br);
        Valid(m, Cd);
        Assert.StartsWith("type mismatch on cast", MessageOf(m, FeatureSets.Wasm3));
    }

    [Fact]
    public void Br_on_cast_across_hierarchies_is_invalid()
    {
        var br = new BrOnCastInstruction(Opcode.BrOnCast, 0, new RefType(true, new HeapType(HeapKind.Any)), new RefType(true, new HeapType(HeapKind.Func)));
        Invalid(WithDescribed([Ref(true, HeapKind.Any)], [Ref(true, HeapKind.Func)], None, LocalGet(0), br, Op(Opcode.Unreachable)),
            "type mismatch on cast: type any has a different top type than type func", Cd);
    }
}
