using System.Collections.Concurrent;
using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>
/// Finds which features an engine really runs by compiling one small module per feature that
/// needs exactly that feature (beyond WebAssembly 1.0): an engine that compiles it has the feature.
/// What a runner says in <c>hello</c> is what it enables; the probe is what it accepts.
/// </summary>
public static class FeatureProbe
{
    /// <summary>One probe module (text format) per feature.</summary>
    public static IReadOnlyDictionary<Features, string> Modules { get; } = new Dictionary<Features, string>
    {
        [Features.MutableGlobals] = """(module (global (export "g") (mut i32) (i32.const 0)))""",
        [Features.SignExtension] = """(module (func (result i32) (i32.extend8_s (i32.const 0))))""",
        [Features.SaturatingFloatToInt] = """(module (func (result i32) (i32.trunc_sat_f32_s (f32.const 0))))""",
        [Features.MultiValue] = """(module (func (result i32 i32) (i32.const 0) (i32.const 0)))""",
        [Features.BulkMemory] = """(module (memory 1) (func (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))))""",
        [Features.ReferenceTypes] = """(module (func (result externref) (ref.null extern)))""",
        [Features.Simd] = """(module (func (result v128) (v128.const i32x4 0 0 0 0)))""",
        [Features.RelaxedSimd] = """(module (func (result v128) (i32x4.relaxed_trunc_f32x4_s (v128.const i32x4 0 0 0 0))))""",
        [Features.TailCall] = """(module (func $f (return_call $f)))""",
        [Features.ExtendedConst] = """(module (global i32 (i32.add (i32.const 1) (i32.const 2))))""",
        [Features.MultiMemory] = """(module (memory 1) (memory 1))""",
        [Features.Memory64] = """(module (memory i64 1) (func (result i64) (memory.size)))""",
        [Features.FunctionReferences] = """(module (type $t (func)) (func $f) (elem declare func $f) (func (call_ref $t (ref.func $f))))""",
        [Features.Gc] = """(module (type $s (struct (field i32))) (func (result i32) (struct.get $s 0 (struct.new $s (i32.const 1)))))""",
        [Features.Exceptions] = """(module (tag $e) (func (block $h (result exnref) (try_table (catch_all_ref $h) (throw $e)) (unreachable)) (drop)))""",
        [Features.LegacyExceptions] = """(module (tag $e) (func (try (do (throw $e)) (catch_all))))""",
        [Features.Threads] = """(module (memory 1 1 shared))""",
        [Features.CustomPageSizes] = """(module (memory 1 (pagesize 1)))""",
        [Features.WideArithmetic] = """(module (func (result i64 i64) (i64.add128 (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4))))""",
    };

    private static readonly Lazy<IReadOnlyDictionary<Features, byte[]>> Binaries = new(() =>
        Modules.ToDictionary(p => p.Key, p => Encoder.Encode(WatParser.ParseModule(p.Value))));

    private static readonly ConcurrentDictionary<string, Features> Cache = new();

    /// <summary>The encoded probe modules.</summary>
    public static IReadOnlyDictionary<Features, byte[]> Encoded => Binaries.Value;

    /// <summary>
    /// The features whose probe <paramref name="compile"/> accepts (<see cref="Outcome.Compiled"/>),
    /// computed once per <paramref name="key"/> (an engine's command line). A probe that crashes
    /// or times out counts as missing, and the result is then not kept.
    /// </summary>
    public static Features Run(string key, Func<byte[], Outcome> compile)
    {
        if (Cache.TryGetValue(key, out var known)) return known;
        var features = Features.None;
        bool reliable = true;
        foreach (var (feature, binary) in Encoded)
        {
            var outcome = compile(binary);
            if (outcome is Outcome.Compiled) features |= feature;
            else if (outcome is Outcome.Crash or Outcome.Exhausted) reliable = false;
        }
        if (reliable) Cache.TryAdd(key, features);
        return features;
    }
}
