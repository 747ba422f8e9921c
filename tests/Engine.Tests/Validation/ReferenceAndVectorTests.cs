using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.4.4 vector instructions and §3.4.5 reference instructions.</summary>
public class ReferenceAndVectorTests
{
    private static readonly ValType[] None = [];

    [Fact]
    public void Ref_func_must_be_declared_outside_function_bodies()
    {
        Invalid(Body(RefFunc(0), Op(Opcode.Drop)), "undeclared function reference 0");
    }

    [Fact]
    public void Ref_func_declared_by_an_element_segment()
    {
        var m = Body(RefFunc(0), Op(Opcode.Drop)) with
        {
            Elements = [new ElementSegment(RefType.FuncRef, [[RefFunc(0)]], SegmentMode.Declarative)],
        };
        Valid(m);
    }

    [Fact]
    public void Ref_func_to_unknown_function()
    {
        Invalid(Body(RefFunc(7), Op(Opcode.Drop)), "unknown function 7");
    }

    [Fact]
    public void Ref_func_has_the_functions_exact_type()
    {
        var m = Function(None, [RefIdx(false, 0)], [], RefFunc(0)) with { Exports = [new Export("f", ExternKind.Func, 0)] };
        Valid(m);
    }

    [Fact]
    public void Ref_null_with_unknown_type()
    {
        Invalid(Body(RefNull(HeapType.Concrete(3)), Op(Opcode.Drop)), "unknown type 3");
    }

    [Fact]
    public void Ref_is_null_needs_a_reference()
    {
        Invalid(Body(I32(0), Op(Opcode.RefIsNull), Op(Opcode.Drop)),
            "type mismatch: instruction requires reference type but stack has i32");
    }

    [Fact]
    public void Ref_as_non_null_drops_nullability()
    {
        Valid(Function(None, [Ref(false, HeapKind.Extern)], [], RefNull(HeapType.Extern), Op(Opcode.RefAsNonNull)));
    }

    [Fact]
    public void Br_on_null_leaves_a_non_null_reference()
    {
        Valid(Function([ValType.ExternRef], [Ref(false, HeapKind.Extern)], [], Block(), LocalGet(0), Idx(Opcode.BrOnNull, 0), Op(Opcode.Return), End, Op(Opcode.Unreachable)));
    }

    [Fact]
    public void Br_on_non_null_needs_a_reference_label()
    {
        Invalid(Function([ValType.ExternRef], None, [], LocalGet(0), Idx(Opcode.BrOnNonNull, 0), Op(Opcode.Drop)),
            "type mismatch: instruction requires reference type but label has []");
    }

    [Fact]
    public void Ref_eq_needs_eq_references()
    {
        Invalid(Function(None, [ValType.I32], [], RefNull(HeapType.Func), RefNull(HeapType.Func), Op(Opcode.RefEq)),
            "type mismatch: instruction requires [(ref null eq) (ref null eq)] but stack has [(ref null func) (ref null func)]");
    }

    [Fact]
    public void Extract_lane_index_must_be_below_the_lane_count()
    {
        Invalid(Body(V128(), new LaneInstruction(Opcode.I8x16ExtractLaneS, 16), Op(Opcode.Drop)), "invalid lane index");
        Invalid(Body(V128(), new LaneInstruction(Opcode.F64x2ExtractLane, 2), Op(Opcode.Drop)), "invalid lane index");
    }

    [Fact]
    public void Highest_lane_index_is_accepted()
    {
        Valid(Function(None, [ValType.I32], [], V128(), new LaneInstruction(Opcode.I8x16ExtractLaneU, 15)));
        Valid(Function(None, [ValType.F64], [], V128(), new LaneInstruction(Opcode.F64x2ExtractLane, 1)));
    }

    [Fact]
    public void Replace_lane_takes_the_lane_type()
    {
        Invalid(Body(V128(), I32(0), new LaneInstruction(Opcode.I64x2ReplaceLane, 0), Op(Opcode.Drop)),
            "type mismatch: instruction requires [v128 i64] but stack has [v128 i32]");
    }

    [Fact]
    public void Shuffle_lanes_must_be_below_32()
    {
        var lanes = new byte[16];
        lanes[3] = 32;
        Invalid(Body(V128(), V128(), new ShuffleInstruction(lanes), Op(Opcode.Drop)), "invalid lane index");
    }

    [Fact]
    public void Load_lane_index_depends_on_the_lane_size()
    {
        var mem = new[] { Memory() };
        Invalid(Body(I32(0), V128(), new MemoryLaneInstruction(Opcode.V128Load64Lane, new MemArg(0, 0), 2), Op(Opcode.Drop)) with { Memories = mem },
            "invalid lane index");
        Valid(Body(I32(0), V128(), new MemoryLaneInstruction(Opcode.V128Load8Lane, new MemArg(0, 0), 15), Op(Opcode.Drop)) with { Memories = mem });
    }

    [Fact]
    public void Vector_load_alignment_is_at_most_16_bytes()
    {
        var mem = new[] { Memory() };
        Valid(Body(I32(0), Load(Opcode.V128Load, align: 4), Op(Opcode.Drop)) with { Memories = mem });
        Invalid(Body(I32(0), Load(Opcode.V128Load, align: 5), Op(Opcode.Drop)) with { Memories = mem },
            "alignment must not be larger than natural");
        Invalid(Body(I32(0), Load(Opcode.V128Load8x8S, align: 4), Op(Opcode.Drop)) with { Memories = mem },
            "alignment must not be larger than natural");
    }

    [Fact]
    public void Relaxed_ternary_takes_three_vectors()
    {
        Invalid(Body(V128(), V128(), Op(Opcode.F32x4RelaxedMadd), Op(Opcode.Drop)),
            "type mismatch: instruction requires [v128 v128 v128] but stack has [v128 v128]");
    }

    [Fact]
    public void Vector_shift_takes_an_i32_count()
    {
        Valid(Function(None, [ValType.V128], [], V128(), I32(3), Op(Opcode.I16x8Shl)));
    }
}
