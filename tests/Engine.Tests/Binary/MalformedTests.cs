using WasmConform.Engine.Binary;
using static WasmConform.Engine.Tests.Binary.Bytes;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>Every malformation the decoder reports, each with the spec interpreter's exact message.</summary>
public class MalformedTests
{
    private static readonly byte[] VoidType = Section(1, Vec(Cat(0x60, 0, 0)));
    private static readonly byte[] OneFunction = Section(3, Vec(Cat(0)));

    private static string MessageOf(byte[] bytes, Features features = FeatureSets.Wasm3 | Features.LegacyExceptions) =>
        Assert.Throws<MalformedException>(() => Decoder.Decode(bytes, features)).Message;

    public static TheoryData<string, byte[], string> Cases() => new()
    {
        { "empty input", [], "unexpected end of section or function" },
        { "magic only", [0x00, 0x61, 0x73, 0x6D], "unexpected end of section or function" },
        { "wrong magic", [0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0], "magic header not detected" },
        { "version 2", [0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0], "unknown binary version" },
        { "section id 14", Module(Section(14)), "malformed section id" },
        { "section id after a valid section", Module(VoidType, Cat(0x7F)), "malformed section id" },
        { "type section twice", Module(VoidType, VoidType), "unexpected content after last section" },
        { "import section after function section", Module(VoidType, OneFunction, Section(2, Vec())), "unexpected content after last section" },
        { "data count after code", Module(Section(10, Vec()), Section(12, U(0))), "unexpected content after last section" },
        { "section longer than the module", Module(Cat(1, 5, 0)), "length out of bounds" },
        { "section shorter than its contents", Module(Cat(1, 3, 1, 0x60, 0, 0)), "section size mismatch" },
        { "section longer than its contents", Module(Cat(1, 5, 1, 0x60, 0, 0, 0)), "section size mismatch" },
        { "custom section name past its size", Module(Cat(0, 0, 0)), "unexpected end of section or function" },
        { "vector count past the end", Module(Cat(5, 1, 1)), "unexpected end of section or function" },
        { "vector count beyond the module", Module(Cat(1, 2, 5, 0)), "length out of bounds" },
        { "function without code", Module(VoidType, OneFunction), "function and code section have inconsistent lengths" },
        { "code without function", Module(VoidType, Section(10, Vec(Body(0, 0x0B)))), "function and code section have inconsistent lengths" },
        { "data count too large", Module(Section(5, Vec(Cat(0, 1))), Section(12, U(2)), Section(11, Vec(Cat(1, Vec())))), "data count and data section have inconsistent lengths" },
        { "data count without data", Module(Section(12, U(1))), "data count and data section have inconsistent lengths" },
        { "data.drop without data count", FunctionModule(0xFC, U(9), U(0), 0x0B), "data count section required" },
        { "memory.init without data count", FunctionModule(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, U(8), U(0), 0, 0x0B), "data count section required" },
        { "u32 in six bytes", Module(Cat(1, 7, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00)), "integer representation too long" },
        { "u32 with bits above 32", Module(Cat(1, 6, 0x80, 0x80, 0x80, 0x80, 0x10, 0)), "integer too large" },
        { "s32 with bad sign extension", FunctionModule(0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x1A, 0x0B), "integer too large" },
        { "s64 with bad sign extension", FunctionModule(0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7E, 0x1A, 0x0B), "integer too large" },
        { "s64 in eleven bytes", FunctionModule(0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x1A, 0x0B), "integer representation too long" },
        { "u64 limit with bits above 64", Module(Section(5, Vec(Cat(0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02)))), "integer too large" },
        { "type code with continuation bit", Module(Section(1, Vec(Cat(0xE0, 0x7F)))), "integer representation too long" },
        { "bad value type", Module(Section(1, Vec(Cat(0x60, 1, 0x40, 0)))), "malformed reference type" },
        { "bad heap type after ref", Module(Section(1, Vec(Cat(0x60, 1, 0x64, 0x40, 0)))), "malformed heap type" },
        { "bad heap type of ref.null", FunctionModule(0xD0, 0x40, 0x1A, 0x0B), "malformed heap type" },
        { "bad definition type", Module(Section(1, Vec(Cat(0x40)))), "malformed definition type" },
        { "bad storage type", Module(Section(1, Vec(Cat(0x5F, 1, 0x40, 0)))), "malformed storage type" },
        { "bad field mutability", Module(Section(1, Vec(Cat(0x5E, 0x7F, 2)))), "malformed mutability" },
        { "bad global mutability", Module(Section(6, Vec(Cat(0x7F, 2, 0x41, 0, 0x0B)))), "malformed mutability" },
        { "memory limits flag 0x10", Module(Section(5, Vec(Cat(0x10, 0)))), "malformed limits flags" },
        { "shared memory without threads", Module(Section(5, Vec(Cat(0x03, 0, 1)))), "malformed limits flags" },
        { "table limits with page size flag", Module(Section(4, Vec(Cat(0x70, 0x08, 0, 16)))), "malformed limits flags" },
        { "import type index at 2^31", Module(Section(2, Vec(Cat(Name("m"), Name("f"), 0, U(0x8000_0000))))), "malformed type index" },
        { "tag attribute not zero", Module(VoidType, Section(13, Vec(Cat(1, 0)))), "zero byte expected" },
        { "import kind 5", Module(Section(2, Vec(Cat(Name("m"), Name("x"), 5, 0)))), "malformed import kind" },
        { "export kind 5", Module(Section(7, Vec(Cat(Name("x"), 5, 0)))), "malformed export kind" },
        { "import name not UTF-8", Module(Section(2, Vec(Cat(Name("m"), Cat(1, 0xFF), 0, 0)))), "malformed UTF-8 encoding" },
        { "custom section name not UTF-8", Module(Section(0, Cat(2, 0xC0, 0x80))), "malformed UTF-8 encoding" },
        { "element segment kind 8", Module(Section(9, Vec(Cat(8)))), "malformed elements segment kind" },
        { "element kind 1", Module(Section(9, Vec(Cat(1, 1, Vec())))), "malformed element kind" },
        { "data segment kind 3", Module(Section(11, Vec(Cat(3)))), "malformed data segment kind" },
        { "locals summing to 2^32", Module(VoidType, OneFunction, Section(10, Vec(Body(Vec(Cat(U(0xFFFF_FFFF), 0x7F), Cat(U(1), 0x7E)), 0x0B)))), "too many locals" },
        { "locals above the implementation limit", Module(VoidType, OneFunction, Section(10, Vec(Body(Vec(Cat(U(Decoder.MaxLocals + 1), 0x7F)), 0x0B)))), "too many locals" },
        { "else in a block", FunctionModule(0x02, 0x40, 0x05, 0x0B, 0x0B), "END opcode expected" },
        { "second else", FunctionModule(0x41, 0, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B), "END opcode expected" },
        { "else at function level", FunctionModule(0x05, 0x0B), "END opcode expected" },
        { "catch outside try", FunctionModule(0x07, 0, 0x0B), "END opcode expected" },
        { "delegate after catch", FunctionModule(0x06, 0x40, 0x07, 0, 0x18, 0, 0x0B), "END opcode expected" },
        { "missing end of body", Module(VoidType, OneFunction, Section(10, Vec(Body(0, 0x01)))), "unexpected end of section or function" },
        { "body shorter than declared", Module(VoidType, OneFunction, Section(10, Vec(Cat(3, 0, 0x0B)), 0)), "section size mismatch" },
        { "missing end of constant expression", Module(Section(6, Vec(Cat(0x7F, 0, 0x41, 0)))), "unexpected end of section or function" },
        { "opcode 0xff", FunctionModule(0xFF, 0x0B), "illegal opcode ff" },
        { "opcode 0x27", FunctionModule(0x27, 0x0B), "illegal opcode 27" },
        { "opcode 0xfe", FunctionModule(0xFE, 0, 0x0B), "illegal opcode fe" },
        { "misc sub-opcode 0x12", FunctionModule(0xFC, U(0x12), 0x0B), "illegal opcode fc 12" },
        { "gc sub-opcode 0x1f", FunctionModule(0xFB, U(0x1F), 0x0B), "illegal opcode fb 1f" },
        { "simd sub-opcode 0x9a", FunctionModule(0xFD, U(0x9A), 0x0B), "illegal opcode 9a" },
        { "simd sub-opcode 0x200", FunctionModule(0xFD, U(0x200), 0x0B), "illegal opcode 200" },
        { "memarg flags 0x80", FunctionModule(0x41, 0, 0x28, 0x80, 0x01, 0, 0x1A, 0x0B), "malformed memop flags" },
        { "try_table catch kind 4", FunctionModule(0x1F, 0x40, Vec(Cat(4, 0)), 0x0B, 0x0B), "malformed catch clause" },
        { "br_on_cast flags 4", FunctionModule(0xD0, 0x6E, 0xFB, U(0x18), 4, 0, 0x6E, 0x6E, 0x1A, 0x0B), "malformed br_on_cast flags" },
        { "table with bad explicit initialiser", Module(Section(4, Vec(Cat(0x40, 0, 0x70, 0, 1, 0xFF, 0x0B)))), "malformed reference type" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_module_reports_the_spec_message(string description, byte[] bytes, string message)
    {
        Assert.True(MessageOf(bytes) == message, $"{description}: expected \"{message}\", got \"{MessageOf(bytes)}\"");
    }

    [Fact]
    public void Legacy_try_is_an_illegal_opcode_without_legacy_exceptions() =>
        Assert.Equal("illegal opcode 06", MessageOf(FunctionModule(0x06, 0x40, 0x0B, 0x0B), FeatureSets.Wasm3));

    [Fact]
    public void Tag_section_is_malformed_without_exceptions() =>
        Assert.Equal("malformed section id", MessageOf(Module(VoidType, Section(13, Vec(Cat(0, 0)))), FeatureSets.Wasm2));

    [Fact]
    public void Simd_opcode_is_illegal_without_simd() =>
        Assert.Equal("illegal opcode 0f", MessageOf(FunctionModule(0x41, 0, 0xFD, U(0x0F), 0x1A, 0x0B), FeatureSets.Wasm1));

    [Fact]
    public void Memory64_flag_is_malformed_without_memory64() =>
        Assert.Equal("malformed limits flags", MessageOf(Module(Section(5, Vec(Cat(0x04, 0)))), FeatureSets.Wasm2));

    [Fact]
    public void Custom_page_size_of_2_to_the_65_is_malformed() =>
        Assert.Equal("invalid custom page size", MessageOf(Module(Section(5, Vec(Cat(0x08, 0, 65)))), FeatureSets.All));

    [Fact]
    public void Error_offset_points_at_the_offending_byte()
    {
        var bytes = Module(Section(7, Vec(Cat(Name("x"), 5, 0))));
        var error = Assert.Throws<MalformedException>(() => Decoder.Decode(bytes));
        Assert.Equal(Array.IndexOf(bytes, (byte)5, Header.Length + 2), error.Offset);
    }
}
