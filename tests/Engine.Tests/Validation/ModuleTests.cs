using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.5 module-level rules: imports, exports, memories, tables, globals, segments, start, tags.</summary>
public class ModuleTests
{
    private static readonly ValType[] None = [];
    private static readonly Module OneFunc = Body();

    [Fact]
    public void Empty_module_is_valid()
    {
        Valid(Module.Empty);
    }

    [Fact]
    public void Function_with_unknown_type()
    {
        Invalid(new Module { Functions = [new Function(0, [], [])] }, "unknown type 0");
    }

    [Fact]
    public void Function_with_a_struct_type()
    {
        Invalid(new Module { Types = [StructRec()], Functions = [new Function(0, [], [])] }, "non-function type 0");
    }

    [Fact]
    public void Duplicate_export_names_are_quoted()
    {
        var m = OneFunc with { Exports = [new Export("f", ExternKind.Func, 0), new Export("f", ExternKind.Func, 0)] };
        Invalid(m, "duplicate export name \"f\"");
    }

    [Fact]
    public void Export_names_are_escaped_as_the_spec_interpreter_prints_them()
    {
        var m = OneFunc with { Exports = [new Export("a\"\u00e9", ExternKind.Func, 0), new Export("a\"\u00e9", ExternKind.Func, 0)] };
        Invalid(m, "duplicate export name \"a\\\"\\u{e9}\"");
    }

    [Theory]
    [InlineData(ExternKind.Func, "unknown function 1")]
    [InlineData(ExternKind.Table, "unknown table 0")]
    [InlineData(ExternKind.Memory, "unknown memory 0")]
    [InlineData(ExternKind.Global, "unknown global 0")]
    [InlineData(ExternKind.Tag, "unknown tag 0")]
    public void Export_of_unknown_definition(ExternKind kind, string message)
    {
        Invalid(OneFunc with { Exports = [new Export("x", kind, kind == ExternKind.Func ? 1u : 0u)] }, message);
    }

    [Fact]
    public void Start_function_must_have_no_parameters()
    {
        Invalid(Function([ValType.I32], None, []) with { Start = 0 }, "start function must not have parameters or results");
    }

    [Fact]
    public void Start_function_must_exist()
    {
        Invalid(OneFunc with { Start = 3 }, "unknown function 3");
    }

    [Fact]
    public void Memory_of_more_than_65536_pages()
    {
        Invalid(new Module { Memories = [Memory(65537)] }, "memory size must be at most 2^16 pages (4 GiB) for i32");
    }

    [Fact]
    public void Memory64_may_exceed_65536_pages_up_to_2_to_48()
    {
        Valid(new Module { Memories = [Memory(65537, at: AddrType.I64)] });
        Invalid(new Module { Memories = [Memory(0, (1UL << 48) + 1, AddrType.I64)] }, "memory size must be at most 2^48 pages (256 TiB) for i64");
    }

    [Fact]
    public void Memory_minimum_above_maximum()
    {
        Invalid(new Module { Memories = [Memory(2, 1)] }, "size minimum must not be greater than maximum");
    }

    [Fact]
    public void Multiple_memories_need_multi_memory()
    {
        var m = new Module { Memories = [Memory(), Memory()] };
        Valid(m);
        Invalid(m, "multiple memories are not allowed (yet)", FeatureSets.Wasm2);
    }

    [Fact]
    public void Multiple_tables_need_reference_types()
    {
        var m = new Module { Tables = [Table(), Table()] };
        Invalid(m, "multiple tables are not allowed (yet)", FeatureSets.Wasm1);
    }

    [Fact]
    public void Shared_memory_needs_a_maximum()
    {
        var m = new Module { Memories = [new Memory(new MemType(AddrType.I32, new Limits(1), Shared: true))] };
        Invalid(m, "shared memory must have maximum", FeatureSets.All);
    }

    [Fact]
    public void Custom_page_size_is_one_byte_or_64_KiB()
    {
        var m = new Module { Memories = [new Memory(new MemType(AddrType.I32, new Limits(1), PageSizeLog2: 12))] };
        Invalid(m, "invalid custom page size", FeatureSets.All);
    }

    [Fact]
    public void Table_larger_than_the_32_bit_range()
    {
        var table = new Table(new TableType(AddrType.I32, new Limits(0, 1UL << 32), RefType.FuncRef));
        Invalid(new Module { Tables = [table] }, "table size must be at most 2^32-1 for i32");
    }

    [Fact]
    public void Table_of_non_nullable_references_needs_an_initialiser()
    {
        var nonNull = new RefType(false, HeapType.Func);
        Invalid(new Module { Tables = [Table(elem: nonNull)] },
            "type mismatch: instruction requires [(ref func)] but stack has [(ref null func)]");
    }

    [Fact]
    public void Table_initialiser_may_reference_a_function()
    {
        var nonNull = new RefType(false, HeapType.Func);
        var m = OneFunc with { Tables = [new Table(new TableType(AddrType.I32, new Limits(1), nonNull), [RefFunc(0)])] };
        Valid(m);
    }

    [Fact]
    public void Global_initialiser_must_be_constant()
    {
        var g = new Global(new GlobalType(ValType.I32, false), [I32(1), Op(Opcode.I32Eqz)]);
        Invalid(new Module { Globals = [g] }, "constant expression required");
    }

    [Fact]
    public void Global_initialiser_may_use_extended_constants()
    {
        var g = new Global(new GlobalType(ValType.I32, false), [I32(1), I32(2), Op(Opcode.I32Mul)]);
        Valid(new Module { Globals = [g] });
        Invalid(new Module { Globals = [g] }, "constant expression required", FeatureSets.Wasm2);
    }

    [Fact]
    public void Global_initialiser_sees_only_earlier_globals()
    {
        var g0 = new Global(new GlobalType(ValType.I32, false), [GlobalGet(1)]);
        var g1 = new Global(new GlobalType(ValType.I32, false), [I32(0)]);
        Invalid(new Module { Globals = [g0, g1] }, "unknown global 1");
        Valid(new Module { Globals = [g1, g0 with { Init = [GlobalGet(0)] }] });
    }

    [Fact]
    public void Global_initialiser_cannot_read_a_mutable_global()
    {
        var g0 = new Global(new GlobalType(ValType.I32, true), [I32(0)]);
        var g1 = new Global(new GlobalType(ValType.I32, false), [GlobalGet(0)]);
        Invalid(new Module { Globals = [g0, g1] }, "constant expression required");
    }

    [Fact]
    public void Global_initialiser_of_the_wrong_type()
    {
        var g = new Global(new GlobalType(ValType.I64, false), [I32(0)]);
        Invalid(new Module { Globals = [g] }, "type mismatch: instruction requires [i64] but stack has [i32]");
    }

    [Fact]
    public void Data_segment_needs_its_memory()
    {
        var m = new Module { Datas = [new DataSegment(new byte[] { 1 }, SegmentMode.Active(0, [I32(0)]))] };
        Invalid(m, "unknown memory 0");
    }

    [Fact]
    public void Data_offset_has_the_memory_address_type()
    {
        var m = new Module { Memories = [Memory(at: AddrType.I64)], Datas = [new DataSegment(new byte[] { 1 }, SegmentMode.Active(0, [I32(0)]))] };
        Invalid(m, "type mismatch: instruction requires [i64] but stack has [i32]");
    }

    [Fact]
    public void Element_segment_must_match_its_table()
    {
        var m = new Module
        {
            Tables = [Table(elem: RefType.ExternRef)],
            Elements = [new ElementSegment(RefType.FuncRef, [], SegmentMode.Active(0, [I32(0)]))],
        };
        Invalid(m, "type mismatch: element segment's type (ref null func) does not match table's element type (ref null extern)");
    }

    [Fact]
    public void Element_segment_items_are_constant_expressions_of_its_type()
    {
        var m = new Module { Elements = [new ElementSegment(RefType.FuncRef, [[RefNull(HeapType.Extern)]], SegmentMode.Passive)] };
        Invalid(m, "type mismatch: instruction requires [(ref null func)] but stack has [(ref null extern)]");
    }

    [Fact]
    public void Tag_must_not_have_results()
    {
        var m = new Module { Types = [FuncRec(None, [ValType.I32])], Tags = [new Tag(new TagType(0))] };
        Invalid(m, "non-empty tag result type");
    }

    [Fact]
    public void Imported_function_needs_a_function_type()
    {
        var m = new Module { Types = [StructRec()], Imports = [new Import("m", "f", new ExternFunc(0))] };
        Invalid(m, "non-function type 0");
    }

    [Fact]
    public void Imported_global_with_unknown_type()
    {
        var m = new Module { Imports = [new Import("m", "g", new ExternGlobal(new GlobalType(RefIdx(true, 2), false)))] };
        Invalid(m, "unknown type 2");
    }

    [Fact]
    public void Imports_come_first_in_index_spaces()
    {
        var m = new Module
        {
            Types = [FuncRec(None, None), FuncRec([ValType.I32], None)],
            Imports = [new Import("m", "f", new ExternFunc(1))],
            Functions = [new Function(0, [], [I32(1), Call(0)])],
        };
        var v = Valid(m);
        Assert.Same(v.Types[1], v.FunctionType(0));
        Assert.Same(v.Types[0], v.FunctionType(1));
    }

    [Fact]
    public void Multiple_results_need_multi_value()
    {
        var m = new Module { Types = [FuncRec(None, [ValType.I32, ValType.I32])] };
        Valid(m);
        Invalid(m, "invalid result arity", FeatureSets.Wasm1);
    }

    [Fact]
    public void Error_location_names_function_and_instruction()
    {
        var ex = Invalid(Body(I32(0), I64(0), Op(Opcode.I32Add), Op(Opcode.Drop)),
            "type mismatch: instruction requires [i32 i32] but stack has [i32 i64]");
        Assert.Equal("func 0, instruction 2 (i32.add)", ex.Location);
    }

    [Fact]
    public void Canonical_import_and_export_types_use_canonical_ids()
    {
        var m = new Module
        {
            Types = [FuncRec(None, None)],
            Imports = [new Import("m", "f", new ExternFunc(0))],
            Exports = [new Export("f", ExternKind.Func, 0)],
        };
        var v = Valid(m);
        var canonical = new ExternFunc(v.Types[0].Id);
        Assert.Equal(canonical, v.ImportTypes[0]);
        Assert.Equal(canonical, v.ExportTypes[0]);
        Assert.Equal(canonical, v.Canonicalize(m.Imports[0].Type));
    }
}
