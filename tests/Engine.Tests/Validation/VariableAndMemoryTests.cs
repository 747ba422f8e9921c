using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.4.7–3.4.9 locals, globals, tables and memories.</summary>
public class VariableAndMemoryTests
{
    private static readonly ValType[] None = [];
    private static readonly ValType NonNullFunc = Ref(false, HeapKind.Func);

    [Fact]
    public void Unknown_local()
    {
        Invalid(Body(LocalGet(0), Op(Opcode.Drop)), "unknown local 0");
    }

    [Fact]
    public void Locals_follow_parameters()
    {
        Invalid(Function([ValType.I32], None, [ValType.I64], LocalGet(1), LocalSet(0)),
            "type mismatch: instruction requires [i32] but stack has [i64]");
    }

    [Fact]
    public void Non_defaultable_local_must_be_set_before_use()
    {
        Invalid(Function(None, None, [NonNullFunc], LocalGet(0), Op(Opcode.Drop)), "uninitialized local");
    }

    [Fact]
    public void Setting_a_non_defaultable_local_initialises_it()
    {
        var m = Function(None, None, [NonNullFunc], RefFunc(0), LocalSet(0), LocalGet(0), Op(Opcode.Drop))
            with { Exports = [new Export("f", ExternKind.Func, 0)] };
        Valid(m);
    }

    [Fact]
    public void Initialisation_inside_a_block_ends_with_the_block()
    {
        var m = Function(None, None, [NonNullFunc], Block(), RefFunc(0), LocalSet(0), End, LocalGet(0), Op(Opcode.Drop))
            with { Exports = [new Export("f", ExternKind.Func, 0)] };
        Invalid(m, "uninitialized local");
    }

    [Fact]
    public void Unknown_global_names_its_index()
    {
        Invalid(Body(GlobalGet(1), Op(Opcode.Drop)), "unknown global 1");
    }

    [Fact]
    public void Immutable_global_cannot_be_set()
    {
        var m = Body(I32(1), GlobalSet(0)) with { Globals = [new Global(new GlobalType(ValType.I32, false), [I32(0)])] };
        Invalid(m, "immutable global");
    }

    [Fact]
    public void Load_needs_a_memory()
    {
        Invalid(Body(I32(0), Load(Opcode.I32Load), Op(Opcode.Drop)), "unknown memory 0");
    }

    [Fact]
    public void Alignment_above_natural_is_rejected()
    {
        var m = Body(I32(0), Load(Opcode.I32Load, align: 3), Op(Opcode.Drop)) with { Memories = [Memory()] };
        Invalid(m, "alignment must not be larger than natural");
    }

    [Fact]
    public void Natural_alignment_is_accepted()
    {
        var m = Body(I32(0), Load(Opcode.I64Load32U, align: 2), Op(Opcode.Drop)) with { Memories = [Memory()] };
        Valid(m);
    }

    [Fact]
    public void Offset_of_a_32_bit_memory_must_fit_in_32_bits()
    {
        var m = Body(I32(0), Load(Opcode.I32Load8U, offset: 1UL << 32), Op(Opcode.Drop)) with { Memories = [Memory()] };
        Invalid(m, "offset out of range");
    }

    [Fact]
    public void Offset_of_a_64_bit_memory_may_exceed_32_bits()
    {
        var m = Body(I64(0), Load(Opcode.I32Load8U, offset: 1UL << 40), Op(Opcode.Drop)) with { Memories = [Memory(at: AddrType.I64)] };
        Valid(m);
    }

    [Fact]
    public void Memory64_addresses_are_i64()
    {
        var m = Body(I32(0), Load(Opcode.I32Load), Op(Opcode.Drop)) with { Memories = [Memory(at: AddrType.I64)] };
        Invalid(m, "type mismatch: instruction requires [i64] but stack has [i32]");
    }

    [Fact]
    public void Memory_size_of_a_64_bit_memory_is_i64()
    {
        var m = Function(None, [ValType.I64], [], Idx(Opcode.MemorySize, 0)) with { Memories = [Memory(at: AddrType.I64)] };
        Valid(m);
    }

    [Fact]
    public void Memory_copy_between_address_types_takes_the_smaller_length_type()
    {
        var m = Body(I64(0), I32(0), I32(0), Pair(Opcode.MemoryCopy, 0, 1))
            with { Memories = [Memory(at: AddrType.I64), Memory()] };
        Valid(m);
    }

    [Fact]
    public void Store_on_second_memory_uses_its_index()
    {
        var m = Body(I32(0), I32(0), Load(Opcode.I32Store, memory: 1)) with { Memories = [Memory()] };
        Invalid(m, "unknown memory 1");
    }

    [Fact]
    public void Memory_init_needs_the_data_segment()
    {
        var m = Body(I32(0), I32(0), I32(0), Pair(Opcode.MemoryInit, 0, 1))
            with { Memories = [Memory()], Datas = [new DataSegment(new byte[] { 1 }, SegmentMode.Passive)] };
        Invalid(m, "unknown data segment 1");
    }

    [Fact]
    public void Data_drop_needs_the_data_segment()
    {
        Invalid(Body(Idx(Opcode.DataDrop, 0)), "unknown data segment 0");
    }

    [Fact]
    public void Memory_fill_without_memory()
    {
        Invalid(Body(I32(0), I32(0), I32(0), Idx(Opcode.MemoryFill, 0)), "unknown memory 0");
    }

    [Fact]
    public void Table_get_yields_the_element_type()
    {
        var m = Function(None, [ValType.ExternRef], [], I32(0), Idx(Opcode.TableGet, 0)) with { Tables = [Table(elem: RefType.ExternRef)] };
        Valid(m);
    }

    [Fact]
    public void Table_copy_needs_compatible_element_types()
    {
        var m = Body(I32(0), I32(0), I32(0), Pair(Opcode.TableCopy, 0, 1))
            with { Tables = [Table(), Table(elem: RefType.ExternRef)] };
        Invalid(m, "type mismatch: source element type (ref null func) does not match destination element type (ref null extern)");
    }

    [Fact]
    public void Table_init_needs_a_compatible_segment()
    {
        var m = Body(I32(0), I32(0), I32(0), Pair(Opcode.TableInit, 0, 0)) with
        {
            Tables = [Table()],
            Elements = [new ElementSegment(RefType.ExternRef, [], SegmentMode.Passive)],
        };
        Invalid(m, "type mismatch: element segment's type (ref null func) does not match table's element type (ref null extern)");
    }

    [Fact]
    public void Elem_drop_needs_the_segment()
    {
        Invalid(Body(Idx(Opcode.ElemDrop, 4)), "unknown elem segment 4");
    }

    [Fact]
    public void Table_grow_returns_the_address_type()
    {
        var m = Function(None, [ValType.I64], [], RefNull(HeapType.Func), I64(1), Idx(Opcode.TableGrow, 0))
            with { Tables = [Table(at: AddrType.I64)] };
        Valid(m);
    }
}
