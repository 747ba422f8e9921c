using System.Text;
using WasmConform.Engine;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Afl.Targets;

/// <summary>
/// Bytes → the script parser (<see cref="WastScript.Parse"/>, which reads a file of bare module
/// fields as one module, so plain WAT goes through the module parser too) → each quoted module of
/// the script through <see cref="QuotedModule.Parse"/>, as the script runner parses them. Every
/// stage must parse or throw <see cref="ParseException"/>; anything else escaping is a finding.
/// </summary>
public sealed class TextTarget : FuzzTarget
{
    public override string Name => "text";

    public override string Description => "bytes -> WAST script parser and WAT module parser (any exception but ParseException is a finding)";

    public override IReadOnlyList<string> Assemblies { get; } = ["WasmConform.Engine.dll", "WasmConform.Wast.dll"];

    public override void Run(byte[] input)
    {
        WastScript script;
        try
        {
            script = WastScript.Parse(input, "input", FeatureSets.All);
        }
        catch (ParseException)
        {
            return;
        }
        foreach (var command in script.Commands)
        {
            if (QuotedOf(command) is not { } quoted) continue;
            try
            {
                quoted.Parse(FeatureSets.All);
            }
            catch (ParseException)
            {
            }
        }
    }

    private static QuotedModule? QuotedOf(Command command) => command switch
    {
        ModuleCommand { Source: QuotedModule q } => q,
        AssertMalformed { Module.Source: QuotedModule q } => q,
        AssertInvalid { Module.Source: QuotedModule q } => q,
        AssertMalformedCustom { Module.Source: QuotedModule q } => q,
        AssertInvalidCustom { Module.Source: QuotedModule q } => q,
        AssertUnlinkable { Module: ModuleCommand { Source: QuotedModule q } } => q,
        AssertUninstantiable { Module: ModuleCommand { Source: QuotedModule q } } => q,
        _ => null,
    };

    /// <summary>A few modules of our own, generated modules printed (folded and flat), and small scripts of the suite (every folder).</summary>
    public override int WriteSeeds(SeedSources sources, string folder) =>
        WriteDistinct(folder,
            OwnModules.Select(Encoding.UTF8.GetBytes)
                .Concat(SeedSources.GeneratedTexts(4))
                .Concat(sources.SuiteScripts("", 3000).Select(File.ReadAllBytes)),
            80);

    /// <summary>Small modules covering the text format's abbreviations and literal forms.</summary>
    private static readonly string[] OwnModules =
    [
        "(module (func (export \"f\") (param i32 i64) (result i32) (local f32) local.get 0 i32.const 0x7fff_ffff i32.add))",
        "(module (memory 1 2) (data (i32.const 8) \"a\\00\\ff\\u{263a}\") (func (result f64) (f64.load offset=8 align=4 (i32.const 0))))",
        "(module (type $t (func (param f32) (result f32))) (table 2 funcref) (elem (i32.const 0) $f) (func $f (type $t) (f32.neg (local.get 0))))",
        "(func $g (block $b (result i32) (br_if $b (i32.const 1) (i32.const 2)) (drop) (i32.const -0x1p+3) unreachable)) (global $x (mut f64) (f64.const nan:0x8))",
        "(module (rec (type $s (sub (struct (field (mut i32)) (field $r (ref null $s))))) (type $a (array i8))) (func (param (ref $s)) (struct.set $s 0 (local.get 0) (i32.const 1))))",
        "(module (tag $e (param i32)) (func (result i32) (try_table (result i32) (catch $e 0) (throw $e (i32.const 7)))))",
        "(module (func (result v128) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i32x4 1 2 3 4) (v128.const f64x2 inf -nan))))",
        "(module quote \"(func (result i32) i32.const 1)\") (assert_return (invoke \"f\" (i32.const 1) (f32.const -0x1.8p-126)) (i64.const 0))\n(assert_malformed (module quote \"(func i32.const)\") \"unexpected token\")",
        "(module binary \"\\00asm\" \"\\01\\00\\00\\00\") (register \"m\") (assert_trap (invoke \"g\") \"unreachable\") ;; comment\n(; block (; nested ;) ;)",
    ];

    /// <summary>Tokens of the text and script formats, and the names of every instruction.</summary>
    public override IEnumerable<string> Dictionary()
    {
        string[] tokens =
        [
            "(", ")", "(module", "(func", "(param", "(result", "(local", "(type", "(import", "(export", "(memory",
            "(table", "(global", "(elem", "(data", "(start", "(tag", "(rec", "(sub", "(struct", "(array", "(field",
            "(mut", "(ref", "null", "(then", "(else", "(item", "(offset", "declare", "final", "shared", "pagesize",
            "(module quote", "(module binary", "(module definition", "(module instance", "(register", "(invoke", "(get",
            "(assert_return", "(assert_trap", "(assert_malformed", "(assert_invalid", "(assert_unlinkable",
            "(assert_exhaustion", "(assert_exception", "(either", "nan:canonical", "nan:arithmetic", "nan:0x",
            "inf", "-0x1p+", "0x", "1_000", "$x", "\"\\u{", "\\00", ";;", "(;", ";)", "offset=", "align=", "(@name",
            "i32", "i64", "f32", "f64", "v128", "i8", "i16", "funcref", "externref", "anyref", "exnref", "i32x4", "f64x2",
        ];
        return tokens.Concat(OpcodeTable.All.Select(o => o.Name)).Distinct(StringComparer.Ordinal)
            .Select((t, i) => $"t{i}=\"{Escape(t)}\"");
    }

    /// <summary>A token as an afl-fuzz dictionary value: quotes and backslashes escaped.</summary>
    private static string Escape(string token) => token.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
