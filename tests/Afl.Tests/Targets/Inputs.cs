using WasmConform.Engine.Binary;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Afl.Tests.Targets;

/// <summary>A few inputs of each kind, by name, for the targets' entry points.</summary>
internal static class Inputs
{
    private static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    /// <summary>Byte strings for the binary targets: nothing, garbage, a module, broken modules.</summary>
    public static IReadOnlyDictionary<string, byte[]> Binary { get; } = new Dictionary<string, byte[]>
    {
        ["empty"] = [],
        ["random bytes"] = SeedInput.Bytes(1, 0, 300),
        ["empty module"] = Header,
        ["generated module"] = Encoder.Encode(ModuleGenerator.Generate(SeedInput.Bytes(2, 0, 1024), GeneratorConfig.AllFeatures)),
        ["truncated generated module"] = Encoder.Encode(ModuleGenerator.Generate(SeedInput.Bytes(2, 0, 1024)))[..40],
        // A type section claiming 2^32 - 1 types in five bytes.
        ["huge vector count"] = [.. Header, 0x01, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
        // A function body whose only instruction is an unknown opcode.
        ["unknown opcode"] = [.. Header, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, 0x05, 0x01, 0x03, 0x00, 0xFF, 0x0B],
    };

    /// <summary>Texts for the text target: scripts, bare fields, broken text.</summary>
    public static IReadOnlyDictionary<string, string> Text { get; } = new Dictionary<string, string>
    {
        ["empty"] = "",
        ["module"] = "(module (func (export \"f\") (result i32) (i32.add (i32.const 1) (i32.const 2))))",
        ["bare fields"] = "(memory 1) (data (i32.const 0) \"\\ff\")",
        ["script with quoted modules"] = "(module quote \"(func)\") (assert_malformed (module quote \"(func i32.const)\") \"unexpected token\")",
        ["unclosed"] = "(module (func (block",
        ["bad literal"] = "(module (global f32 (f32.const 0x1p+99999999999999999999)))",
        ["deep nesting"] = string.Concat(Enumerable.Repeat("(block ", 5000)),
        ["control bytes"] = "(module \u0001\u0000 ;; \uffff\n)",
    };
}
