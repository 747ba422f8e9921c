using System.Globalization;
using System.Text;
using WasmConform.Engine;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Oracle;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Script;

namespace WasmConform.Fuzz.Reports;

/// <summary>
/// A standalone <c>.wast</c> reproducer of a divergence: the case's module (as bytes), every call
/// up to the diverging one with the behaviour of one engine asserted (<c>assert_return</c>,
/// <c>assert_trap</c>, <c>assert_exception</c>), then the state after the diverging step: the log
/// trace, the exit code, every exported global, and for each memory the engines disagree on its
/// size and first differing byte (through a small probe module importing it).
/// </summary>
/// <remarks>
/// The fuzzer's host imports are replaced by a WebAssembly module registered as <c>env</c>, so the
/// script needs nothing but a script runner: its <c>log_*</c> functions count and hash what they
/// are given (FNV-1a over a type tag and the bits of each value, exposed as <c>trace_count</c> and
/// <c>trace_hash</c>), and its <c>exit</c> stores the code in <c>exit_code</c> and traps
/// (<c>unreachable</c>), which ends the run at the same point as a real exit.
/// </remarks>
public static class ReproScript
{
    /// <summary>FNV-1a's 64-bit offset basis and prime.</summary>
    private const ulong Basis = 0xcbf29ce484222325, Prime = 0x100000001b3;

    /// <summary>The <c>env</c> module of every reproducer.</summary>
    public const string EnvModule = """
        (module $env
          (global $count (export "trace_count") (mut i32) (i32.const 0))
          (global $hash (export "trace_hash") (mut i64) (i64.const 0xcbf29ce484222325))
          (global $exit (export "exit_code") (mut i32) (i32.const -1))
          (func $mix (param $tag i64) (param $bits i64)
            (global.set $count (i32.add (global.get $count) (i32.const 1)))
            (global.set $hash (i64.mul (i64.xor (global.get $hash) (local.get $tag)) (i64.const 0x100000001b3)))
            (global.set $hash (i64.mul (i64.xor (global.get $hash) (local.get $bits)) (i64.const 0x100000001b3))))
          (func (export "log_i32") (param i32) (call $mix (i64.const 1) (i64.extend_i32_u (local.get 0))))
          (func (export "log_i64") (param i64) (call $mix (i64.const 2) (local.get 0)))
          (func (export "log_f32") (param f32) (call $mix (i64.const 3) (i64.extend_i32_u (i32.reinterpret_f32 (local.get 0)))))
          (func (export "log_f64") (param f64) (call $mix (i64.const 4) (i64.reinterpret_f64 (local.get 0))))
          (func (export "exit") (param i32) (global.set $exit (local.get 0)) (unreachable)))
        (register "env" $env)
        """;

    /// <summary>What the <c>env</c> module's globals hold after <paramref name="trace"/> was logged: the count and the hash.</summary>
    public static (int Count, ulong Hash) Digest(IEnumerable<Value> trace)
    {
        int count = 0;
        ulong hash = Basis;
        foreach (var v in trace)
        {
            ulong tag = v.Type.Kind switch { ValTypeKind.I32 => 1, ValTypeKind.I64 => 2, ValTypeKind.F32 => 3, _ => 4 };
            hash = (hash ^ tag) * Prime;
            hash = (hash ^ v.Bits) * Prime;
            count++;
        }
        return (count, hash);
    }

    /// <summary>
    /// The engine whose behaviour the reproducer asserts: the reference interpreter when it is one of
    /// the two and did not crash at the diverging step, else the other of the two that did not crash.
    /// </summary>
    public static string SourceEngine(CaseResult result, Divergence divergence)
    {
        string[] candidates = divergence.Baseline == EngineCatalog.Reference || divergence.Other != EngineCatalog.Reference
            ? [divergence.Baseline, divergence.Other]
            : [divergence.Other, divergence.Baseline];
        return candidates.FirstOrDefault(e => result.RunOf(e).Steps[divergence.StepIndex].Outcome is not Outcome.Crash) ?? candidates[0];
    }

    /// <summary>The reproducer of <paramref name="divergence"/>, asserting what <paramref name="source"/> did.</summary>
    public static string Build(CaseResult result, Divergence divergence, string source)
    {
        int k = divergence.StepIndex;
        var records = result.RunOf(source).Steps;
        string other = source == divergence.Baseline ? divergence.Other : divergence.Baseline;
        var theirs = result.RunOf(other).Steps[k];
        var s = new StringBuilder();
        Header(s, result, divergence, source, other);
        s.Append(EnvModule).Append('\n');
        var types = result.Module.SubTypes.ToArray();
        Func<uint, bool> isFunctionType = i => i < types.Length && types[i].Comp is FuncType;
        bool exactNans = result.Context.CanonicalNans;
        for (int step = 0; step <= k && step < records.Count; step++)
        {
            var record = records[step];
            if (step == k) s.Append(";; the diverging step\n");
            Step(s, result.Binary, record, isFunctionType, anyArithmeticNan: step < k && !exactNans, last: step == k);
        }
        State(s, result, records, theirs, k);
        return s.ToString();
    }

    private static void Header(StringBuilder s, CaseResult result, Divergence divergence, string source, string other)
    {
        var r = CultureInfo.InvariantCulture;
        s.Append(";; Reproducer of a divergence found by wasmconform fuzz.\n");
        s.Append(r, $";; signature: {divergence.Signature}\n");
        s.Append(r, $";; seed {result.Seed}, case {result.Index}; first difference at step {divergence.StepIndex}, {divergence.Step}\n");
        s.Append(r, $";;   {divergence.Difference.Where}: {divergence.Baseline} {divergence.Difference.Baseline} / {divergence.Other} {divergence.Difference.Other}\n");
        s.Append(r, $";; The assertions state what {source} did; {other} does otherwise at the last step.\n");
        s.Append(";; The env module below stands in for the fuzzer's host imports (env.exit, env.log_*).\n\n");
    }

    private static void Step(StringBuilder s, byte[] binary, StepRecord record, Func<uint, bool> isFunctionType, bool anyArithmeticNan, bool last)
    {
        string module = "(module binary\n" + WastText.Binary(binary, "  ") + ")";
        string named = "(module $case binary\n" + WastText.Binary(binary, "  ") + ")";
        switch (record.Step.Kind, record.Outcome)
        {
            case (StepKind.Compile, Outcome.Malformed m): s.Append($"(assert_malformed {module}\n  {WastText.String(m.Message)})\n"); break;
            case (StepKind.Compile, Outcome.Invalid i): s.Append($"(assert_invalid {module}\n  {WastText.String(i.Message)})\n"); break;
            case (StepKind.Compile, _) when last: s.Append("(module definition $case binary\n" + WastText.Binary(binary, "  ") + ")\n"); break;
            case (StepKind.Compile, _): break;
            case (StepKind.Instantiate, Outcome.Instantiated): s.Append(named).Append('\n'); break;
            case (StepKind.Instantiate, Outcome.Unlinkable u): s.Append($"(assert_unlinkable {module}\n  {WastText.String(u.Message)})\n"); break;
            case (StepKind.Instantiate, var failed): s.Append($"(assert_trap {module}\n  {WastText.String(TrapText(failed))})\n"); break;
            default: Invoke(s, record, isFunctionType, anyArithmeticNan); break;
        }
    }

    private static void Invoke(StringBuilder s, StepRecord record, Func<uint, bool> isFunctionType, bool anyArithmeticNan)
    {
        var args = record.Step.Args.AsSpan().ToArray().Select(a => " " + WastText.Argument(a, isFunctionType));
        string action = $"(invoke $case {WastText.String(record.Step.Export!)}{string.Concat(args)})";
        switch (record.Outcome)
        {
            case Outcome.Values v:
                var results = v.Results.AsSpan().ToArray().Select(x => " " + WastText.Result(x, anyArithmeticNan));
                s.Append($"(assert_return {action}{string.Concat(results)})\n");
                break;
            case Outcome.Thrown:
                s.Append($"(assert_exception {action})\n");
                break;
            default:
                s.Append($"(assert_trap {action} {WastText.String(TrapText(record.Outcome))})\n");
                break;
        }
    }

    /// <summary>The message an <c>assert_trap</c> expects: the trap kind's text; for an exit, the <c>env</c> module's <c>unreachable</c>.</summary>
    private static string TrapText(Outcome outcome) => outcome switch
    {
        Outcome.Trap t => TrapMessages.Of(t.Kind),
        Outcome.Exit => TrapMessages.Of(TrapKind.Unreachable),
        _ => "",
    };

    /// <summary>Assertions on the state after step <paramref name="k"/>: trace, exit code, globals, differing memories.</summary>
    private static void State(StringBuilder s, CaseResult result, IReadOnlyList<StepRecord> records, StepRecord theirs, int k)
    {
        if (k >= records.Count || k == 0) return;
        var r = CultureInfo.InvariantCulture;
        var (count, hash) = Digest(records.Take(k + 1).SelectMany(x => x.Trace));
        s.Append(";; the state after it\n");
        s.Append(r, $"(assert_return (get $env \"trace_count\") (i32.const {count}))\n");
        s.Append(r, $"(assert_return (get $env \"trace_hash\") (i64.const {(long)hash}))\n");
        if (records[k].Outcome is Outcome.Exit exit)
            s.Append(r, $"(assert_return (get $env \"exit_code\") (i32.const {exit.Code}))\n");
        if (records[k].Snapshot is not { } ours) return;
        foreach (var (name, value) in ours.Globals)
            s.Append($"(assert_return (get $case {WastText.String(name)}) {WastText.Result(value)})\n");
        bool registered = false;
        foreach (var memory in ours.Memories)
        {
            var other = theirs.Snapshot?.Memories.FirstOrDefault(m => m.Name == memory.Name);
            if (other is null || (other.Size == memory.Size && other.Sha256 == memory.Sha256)) continue;
            if (!registered) s.Append("(register \"case\" $case)\n");
            registered = true;
            Probe(s, result.Module, memory, other);
        }
    }

    /// <summary>A module importing the memory, with assertions on its size and its first byte that differs.</summary>
    private static void Probe(StringBuilder s, Module module, MemoryState ours, MemoryState theirs)
    {
        var r = CultureInfo.InvariantCulture;
        var type = MemoryType(module, ours.Name);
        string address = type?.AddrType == AddrType.I64 ? "i64" : "i32";
        string pageSize = type?.PageSizeLog2 is { } log2 ? $" (pagesize {1UL << (int)log2})" : "";
        string id = "$probe_" + new string(ours.Name.Where(char.IsAsciiLetterOrDigit).ToArray());
        s.Append(r, $"(module {id} (import \"case\" {WastText.String(ours.Name)} (memory {address} 0{pageSize}))\n");
        s.Append(r, $"  (func (export \"pages\") (result {address}) (memory.size))\n");
        s.Append(r, $"  (func (export \"byte\") (param {address}) (result i32) (i32.load8_u (local.get 0))))\n");
        ulong pageBytes = type?.PageSize ?? 65536;
        s.Append(r, $"(assert_return (invoke {id} \"pages\") ({address}.const {(ulong)ours.Size / pageBytes}))\n");
        if (StateComparison.FirstDifference(ours.Bytes, theirs.Bytes) is { } offset && offset < ours.Size)
            s.Append(r, $"(assert_return (invoke {id} \"byte\" ({address}.const {offset})) (i32.const {ours.Bytes![offset]}))\n");
    }

    private static MemType? MemoryType(Module module, string export)
    {
        var exported = module.Exports.FirstOrDefault(e => e.Kind == ExternKind.Memory && e.Name == export);
        if (exported is null) return null;
        var imported = module.ImportsOf(ExternKind.Memory).Select(i => ((ExternMemory)i.Type).Type).ToArray();
        long index = exported.Index;
        if (index < imported.Length) return imported[index];
        index -= imported.Length;
        return index < module.Memories.Count ? module.Memories[(int)index].Type : null;
    }

    /// <summary>Runs a reproducer on a fresh reference interpreter (at most <paramref name="timeout"/>).</summary>
    public static ScriptResult Verify(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var engine = new ReferenceEngine(ReferenceHost.Limits with { Cancellation = deadline.Token }, FeatureSets.All);
        return Run(engine, text);
    }

    /// <summary>Runs a reproducer on <paramref name="engine"/> (which must not define <c>env</c> differently from a registration).</summary>
    public static ScriptResult Run(IEngine engine, string text)
    {
        try
        {
            var script = WastScript.Parse(Encoding.UTF8.GetBytes(text), "repro.wast");
            return new ScriptRunner(engine).Run(script, "repro.wast");
        }
        catch (WasmException e)
        {
            return new ScriptResult("repro.wast", [], e.Describe());
        }
    }
}
