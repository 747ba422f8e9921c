using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>How messages write indices and types, following the spec interpreter's printer.</summary>
public class MessageTextTests
{
    private static readonly ValType[] None = [];

    [Fact]
    public void Large_indices_are_grouped_by_thousands()
    {
        Invalid(Body(Br(268435457)), "unknown label 268_435_457");
    }

    [Fact]
    public void Index_of_exactly_three_digits_is_not_grouped()
    {
        Invalid(Body(LocalGet(999), Op(Opcode.Drop)), "unknown local 999");
    }

    [Fact]
    public void Type_from_a_definition_is_written_out()
    {
        // call_ref takes (ref null $t) where $t is taken from the type definitions: written structurally.
        var m = new Module
        {
            Types = [FuncRec([ValType.I32], [])],
            Functions = [new Function(0, [], [RefNull(HeapType.Func), Idx(Opcode.CallRef, 0)])],
        };
        Invalid(m, "type mismatch: instruction requires [i32 (ref null (func [i32] -> []))] but stack has [(ref null func)]");
    }

    [Fact]
    public void Type_written_in_the_instruction_keeps_its_index()
    {
        var m = Function(None, None, [], RefNull(HeapType.Concrete(0)), I32(0), Op(Opcode.I32Add), Op(Opcode.Drop));
        Invalid(m, "type mismatch: instruction requires [i32 i32] but stack has [(ref null 0) i32]");
    }

    [Fact]
    public void Member_of_a_recursive_group_is_written_with_its_group()
    {
        var v = Valid(new Module
        {
            Types = [new RecType([SubType.Plain(new StructType([])), SubType.Plain(Func([RefIdx(true, 0)], []))])],
        });
        Assert.Equal("(rec (struct) (func [(ref null rec.0)] -> [])).1", v.Types[1].ToString());
    }

    [Fact]
    public void Open_sub_type_is_written_with_its_supertype()
    {
        var v = Valid(new Module
        {
            Types =
            [
                RecType.Single(new SubType(false, [], new ArrayType(Field(ValType.I64, true)))),
                RecType.Single(new SubType(true, [0], new ArrayType(Field(ValType.I64, true)))),
            ],
        });
        Assert.Equal("sub final (sub (array (mut i64))) (array (mut i64))", v.Types[1].ToString());
    }

    [Fact]
    public void Deeply_nested_definitions_are_cut_short()
    {
        // Each struct names the previous one twice: written out in full, the text would double per level.
        var types = new List<RecType> { StructRec() };
        for (uint i = 1; i < 40; i++) types.Add(StructRec(Field(RefIdx(true, i - 1)), Field(RefIdx(true, i - 1)), Field(ValType.F32)));
        var v = Valid(new Module { Types = types.ToArray() });
        string text = v.Types[39].ToString();
        Assert.Contains("(...)", text);
        Assert.True(text.Length < 100_000);
    }

    [Fact]
    public void Location_of_a_constant_expression_names_its_owner()
    {
        var g = new Global(new GlobalType(ValType.I32, false), [I32(1), Op(Opcode.I32Eqz)]);
        var ex = Invalid(new Module { Globals = [g] }, "constant expression required");
        Assert.Equal("global 0, instruction 1 (i32.eqz)", ex.Location);
    }

    [Fact]
    public void Location_of_an_element_item_names_the_item()
    {
        var m = new Module { Elements = [new ElementSegment(RefType.FuncRef, [[RefNull(HeapType.Func)], [I32(0)]], SegmentMode.Passive)] };
        var ex = Invalid(m, "type mismatch: instruction requires [(ref null func)] but stack has [i32]");
        Assert.Equal("elem 0, item 1, end", ex.Location);
    }

    [Fact]
    public void Instruction_without_its_immediates_is_rejected_not_crashed_on()
    {
        Invalid(Body(Op(Opcode.LocalGet), Op(Opcode.Drop)), "malformed instruction: local.get without its immediates");
    }
}
