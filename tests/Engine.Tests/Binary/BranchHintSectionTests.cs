using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Binary.Bytes;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>
/// The <c>metadata.code.branch_hint</c> custom section (code metadata appendix): encoded from
/// <see cref="Syntax.Module.BranchHints"/> just before the code section with each hint's offset
/// from the function's locals declaration, decoded back into instruction indices, and never a
/// reason for a module to be malformed.
/// </summary>
public class BranchHintSectionTests
{
    private const string SectionName = "metadata.code.branch_hint";

    // (func (param i32) (local i32) local.get 1 local.get 0 i32.eq if return end return), as the suite's first test function.
    private static readonly Instruction[] TestBody =
        [LocalGet(1), LocalGet(0), Op(Opcode.I32Eq), If(), Op(Opcode.Return), End, Op(Opcode.Return)];

    private static Syntax.Module HintedModule(BranchHintKind kind) =>
        Function([ValType.I32], [], [ValType.I32], TestBody) with
        {
            BranchHints = [new FunctionBranchHints(0, [new BranchHint(3, kind)])],
        };

    // The same module by hand: the code entry's bytes after its size are the locals (01 01 7f),
    // local.get 1 (20 01), local.get 0 (20 00), i32.eq (46), then if (04 40) at offset 3+2+2+1 = 8.
    private static readonly byte[] TestCode = Cat(1, 1, 0x7F, 0x20, 1, 0x20, 0, 0x46, 0x04, 0x40, 0x0F, 0x0B, 0x0F, 0x0B);
    private const int IfOffset = 8;

    private static byte[] HandBuilt(byte[] hintContent) => Module(
        Section(1, Vec(Cat(0x60, Vec(Cat(0x7F)), Vec()))),
        Section(3, Vec(U(0))),
        Section(0, Name(SectionName), hintContent),
        Section(10, Vec(Cat(U((ulong)TestCode.Length), TestCode))));

    private static byte[] Hints(params byte[][] functions) => Vec(functions);

    private static byte[] FunctionHints(uint function, params byte[][] hints) => Cat(U(function), Vec(hints));

    private static byte[] Hint(uint offset, int kind) => Cat(U(offset), U(1), kind);

    [Fact]
    public void Hand_built_layout_puts_the_if_at_its_offset() => Assert.Equal(0x04, TestCode[IfOffset]);

    [Theory]
    [InlineData(BranchHintKind.Unlikely)]
    [InlineData(BranchHintKind.Likely)]
    public void Encoder_writes_the_section_before_the_code_with_the_offset_of_the_instruction(BranchHintKind kind)
    {
        var expected = HandBuilt(Hints(FunctionHints(0, Hint(IfOffset, (int)kind))));
        Assert.Equal(expected, Encoder.Encode(HintedModule(kind)));
    }

    [Fact]
    public void Offsets_count_from_the_locals_after_a_two_byte_size()
    {
        // 200 nops make the code entry's size take two bytes; the offset does not count them.
        var nops = Enumerable.Repeat(Op(Opcode.Nop), 200);
        var body = nops.Concat([LocalGet(0), BrIf(0)]).ToArray();
        var module = Function([ValType.I32], [], [], body) with
        {
            BranchHints = [new FunctionBranchHints(0, [new BranchHint(201, BranchHintKind.Likely)])],
        };
        var code = Cat(0, Enumerable.Repeat(new byte[] { 0x01 }, 200), 0x20, 0, 0x0D, 0, 0x0B);
        var expected = Module(
            Section(1, Vec(Cat(0x60, Vec(Cat(0x7F)), Vec()))),
            Section(3, Vec(U(0))),
            Section(0, Name(SectionName), Hints(FunctionHints(0, Hint(1 + 200 + 2, 1)))),
            Section(10, Vec(Cat(U((ulong)code.Length), code))));
        Assert.Equal(2, U((ulong)code.Length).Length);
        Assert.Equal(expected, Encoder.Encode(module));
    }

    [Fact]
    public void Function_indices_count_imported_functions()
    {
        var module = HintedModule(BranchHintKind.Likely) with
        {
            Imports = [new Import("m", "f", new ExternFunc(0))],
            BranchHints = [new FunctionBranchHints(1, [new BranchHint(3, BranchHintKind.Likely)])],
        };
        var decoded = Decoder.Decode(Encoder.Encode(module));
        Assert.Equal(module.BranchHints, decoded.BranchHints);
    }

    [Fact]
    public void Decoder_turns_offsets_into_instruction_indices()
    {
        var module = Decoder.Decode(HandBuilt(Hints(FunctionHints(0, Hint(IfOffset, 1)))));
        int ifIndex = Array.FindIndex(module.Functions[0].Body.ToArray(), i => i.Op == Opcode.If);
        Assert.Equal([new FunctionBranchHints(0, [new BranchHint(ifIndex, BranchHintKind.Likely)])], module.BranchHints.ToArray());
    }

    [Fact]
    public void Decoded_section_stays_a_custom_section_and_round_trips()
    {
        var bytes = HandBuilt(Hints(FunctionHints(0, Hint(IfOffset, 0))));
        var module = Decoder.Decode(bytes);
        Assert.Equal([SectionName], module.Customs.Select(c => c.Name).ToArray());
        Assert.Equal(bytes, Encoder.Encode(module));
        Assert.Equal(module, Decoder.Decode(Encoder.Encode(module)));
    }

    [Fact]
    public void An_offset_inside_an_instruction_names_the_next_one()
    {
        // Offset 7 is i32.eq (one byte), 6 is the index of local.get 0: both lead to the first instruction at or after them.
        var atEq = Decoder.Decode(HandBuilt(Hints(FunctionHints(0, Hint(IfOffset - 1, 1))))).BranchHints[0].Hints[0];
        var inGet = Decoder.Decode(HandBuilt(Hints(FunctionHints(0, Hint(IfOffset - 2, 1))))).BranchHints[0].Hints[0];
        int eqIndex = Array.FindIndex(TestBody, i => i.Op == Opcode.I32Eq);
        Assert.Equal(eqIndex, atEq.Instruction);
        Assert.Equal(eqIndex, inGet.Instruction);
    }

    [Fact]
    public void An_offset_on_an_end_names_the_instruction_after_it()
    {
        // The if's return is at 10, its end at 11, the last return at 12.
        var hint = Decoder.Decode(HandBuilt(Hints(FunctionHints(0, Hint(11, 1))))).BranchHints[0].Hints[0];
        Assert.Equal(TestBody.Length - 1, hint.Instruction);
    }

    [Fact]
    public void Of_two_entries_for_one_function_the_first_counts()
    {
        var module = Decoder.Decode(HandBuilt(Hints(FunctionHints(0, Hint(IfOffset, 0)), FunctionHints(0, Hint(0, 1)))));
        Assert.Equal([new BranchHint(3, BranchHintKind.Unlikely)], module.BranchHints[0].Hints.ToArray());
    }

    [Fact]
    public void Bytes_after_the_entries_are_ignored() =>
        Assert.Single(Decoder.Decode(HandBuilt(Cat(Hints(FunctionHints(0, Hint(IfOffset, 1))), 0xFF, 0xFF))).BranchHints);

    public static TheoryData<string, byte[]> UnreadableContents() => new()
    {
        { "empty", [] },
        { "truncated hint", Cat(U(1), U(0), U(1), U(IfOffset), U(1)) },
        { "size other than 1", Hints(FunctionHints(0, Cat(U(IfOffset), U(2), 1, 0))) },
        { "hint value 2", Hints(FunctionHints(0, Hint(IfOffset, 2))) },
        { "function that is not defined", Hints(FunctionHints(1, Hint(IfOffset, 1))) },
        { "offset past the last instruction", Hints(FunctionHints(0, Hint(13, 1))) },
        { "u32 too long", Cat(U(1), 0x80, 0x80, 0x80, 0x80, 0x80, 0x00) },
        { "count larger than the contents", Cat(U(1000)) },
    };

    [Theory]
    [MemberData(nameof(UnreadableContents))]
    public void Unreadable_sections_give_no_hints_and_keep_the_module_well_formed(string what, byte[] content)
    {
        var module = Decoder.Decode(HandBuilt(content));
        Assert.True(module.BranchHints.IsEmpty, what);
        Assert.Equal(content, module.Customs.Single().Content.ToArray());
    }

    [Fact]
    public void An_existing_section_is_written_as_it_is()
    {
        var raw = new CustomSection(SectionName, new byte[] { 9, 9 }, SectionId.Function);
        var module = HintedModule(BranchHintKind.Likely) with { Customs = [raw] };
        Assert.Equal(HandBuilt([9, 9]), Encoder.Encode(module));
    }

    [Fact]
    public void Hints_on_a_function_the_module_does_not_define_cannot_be_encoded()
    {
        var module = HintedModule(BranchHintKind.Likely) with { BranchHints = [new FunctionBranchHints(5, [new BranchHint(0, BranchHintKind.Likely)])] };
        Assert.Throws<ArgumentException>(() => Encoder.Encode(module));
    }

    [Fact]
    public void Hints_past_the_end_of_a_body_cannot_be_encoded()
    {
        var module = HintedModule(BranchHintKind.Likely) with { BranchHints = [new FunctionBranchHints(0, [new BranchHint(TestBody.Length + 1, BranchHintKind.Likely)])] };
        Assert.Throws<ArgumentException>(() => Encoder.Encode(module));
    }
}
