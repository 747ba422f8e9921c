using WasmConform.Engine;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Generator;

/// <summary>The families of instructions the generator chooses between, each with its own weight.</summary>
public enum InstructionFamily
{
    /// <summary><c>i32.const</c> … <c>v128.const</c>.</summary>
    Constant,
    /// <summary>Integer arithmetic, bitwise and shift instructions.</summary>
    Integer,
    /// <summary>Float arithmetic.</summary>
    Float,
    /// <summary>Tests and comparisons (<c>eqz</c>, <c>eq</c>, <c>lt_s</c>, …).</summary>
    Comparison,
    /// <summary>Conversions: wrap, extend, truncate (trapping and saturating), convert, promote, demote, reinterpret.</summary>
    Conversion,
    /// <summary><c>local.get</c>, <c>local.set</c>, <c>local.tee</c>.</summary>
    Local,
    /// <summary><c>global.get</c>, <c>global.set</c>.</summary>
    Global,
    /// <summary>Loads and stores.</summary>
    Memory,
    /// <summary><c>memory.size</c>, <c>memory.grow</c>.</summary>
    MemorySize,
    /// <summary><c>memory.fill</c>, <c>memory.copy</c>, <c>memory.init</c>, <c>data.drop</c>.</summary>
    BulkMemory,
    /// <summary>Table instructions and <c>elem.drop</c>.</summary>
    Table,
    /// <summary><c>ref.null</c>, <c>ref.is_null</c>, <c>ref.func</c>, <c>ref.as_non_null</c>, <c>ref.eq</c>, casts and extern conversions.</summary>
    Reference,
    /// <summary><c>drop</c>, <c>select</c> (untyped and typed), <c>nop</c>.</summary>
    Parametric,
    /// <summary><c>block</c>, <c>loop</c>, <c>if</c>/<c>else</c>, <c>try_table</c>, legacy <c>try</c>/<c>catch</c>/<c>catch_all</c>/<c>delegate</c>, <c>end</c>.</summary>
    Control,
    /// <summary><c>br</c>, <c>br_if</c>, <c>br_table</c>, <c>return</c>, <c>br_on_null</c>, <c>br_on_non_null</c>, <c>br_on_cast</c>, <c>br_on_cast_fail</c>.</summary>
    Branch,
    /// <summary><c>call</c>, <c>call_indirect</c>, <c>call_ref</c> and their tail-call forms.</summary>
    Call,
    /// <summary><c>unreachable</c>.</summary>
    Trap,
    /// <summary>Calls of <c>env.log_i32</c> … <c>env.log_f64</c>.</summary>
    Log,
    /// <summary>Calls of <c>env.exit</c> with an ordinary exit code.</summary>
    Exit,
    /// <summary>Vector instructions (with <c>simd</c> on).</summary>
    Simd,
    /// <summary>Structs, arrays and i31 references (with <c>gc</c> on).</summary>
    Aggregate,
    /// <summary><c>throw</c>, <c>throw_ref</c>, <c>rethrow</c> (try blocks are <see cref="Control"/>).</summary>
    Exception,
}

/// <summary>What the generator must do around an instruction.</summary>
[Flags]
internal enum Traits
{
    None = 0,
    /// <summary>Integer division or remainder: traps on zero (and <c>div_s</c> on MIN / -1).</summary>
    Division = 1,
    /// <summary>Signed division: also traps on overflow.</summary>
    SignedDivision = 2,
    /// <summary>Float-to-integer truncation that traps on NaN and out-of-range values.</summary>
    Truncation = 4,
    /// <summary>A float result whose NaN bits engines may choose (canonicalised on request).</summary>
    NanBits = 8,
}

/// <summary>An instruction with a fixed signature, as the generator uses it.</summary>
/// <param name="Op">The instruction.</param>
/// <param name="Family">Its family.</param>
/// <param name="Needs">The feature it needs (<see cref="Features.None"/> for 1.0).</param>
/// <param name="Params">Operand types; <see cref="SigType.Addr"/> marks an address.</param>
/// <param name="Results">Result types.</param>
/// <param name="Traits">Guards and canonicalisations it needs.</param>
/// <param name="Lanes">For lane and lane-memory instructions, the number of lanes; else 0.</param>
/// <param name="AccessLog2">For memory instructions, log2 of the bytes accessed (the natural alignment).</param>
/// <param name="Shape">For vector float results, the lane shape canonicalisation compares with (<c>F32x4Eq</c>/<c>F64x2Eq</c>); else <see cref="Opcode.Unreachable"/>.</param>
internal sealed record CatalogEntry(Opcode Op, InstructionFamily Family, Features Needs, SigType[] Params, SigType[] Results,
    Traits Traits, int Lanes, uint AccessLog2, Opcode Shape)
{
    public ImmediateKind Immediate => OpcodeTable.Info(Op).Immediate;
    public string Name => OpcodeTable.Info(Op).Name;
}

/// <summary>
/// The instructions with fixed signatures in <see cref="OpcodeTable"/>, classified once into
/// families by their signatures and mnemonics (no hand-written instruction list): every row
/// of the table with a signature, no immediates (or a memarg, a lane, a shuffle) and a
/// feature the generator knows is here.
/// </summary>
internal static class InstructionCatalog
{
    /// <summary>Loads and stores (scalar and vector), by family.</summary>
    public static readonly CatalogEntry[] MemoryAccesses;

    /// <summary>Instructions without immediates, lanes and shuffles, by family (memory accesses excluded).</summary>
    public static readonly IReadOnlyDictionary<InstructionFamily, CatalogEntry[]> Simple;

    static InstructionCatalog()
    {
        var all = OpcodeTable.All.Select(Classify).OfType<CatalogEntry>().ToArray();
        MemoryAccesses = all.Where(e => e.Immediate is ImmediateKind.MemArg or ImmediateKind.MemArgLane).ToArray();
        Simple = all.Except(MemoryAccesses).GroupBy(e => e.Family).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Every instruction the catalog offers under <paramref name="features"/>.</summary>
    public static IEnumerable<CatalogEntry> Enabled(Features features) =>
        MemoryAccesses.Concat(Simple.Values.SelectMany(v => v)).Where(e => (e.Needs & features) == e.Needs);

    private static CatalogEntry? Classify(OpcodeInfo row)
    {
        if (row.Signature is not { } sig || row.Op == Opcode.Nop) return null;
        if (row.Prefix is not (0 or 0xFC or 0xFD)) return null;
        if (row.Immediate is not (ImmediateKind.None or ImmediateKind.MemArg or ImmediateKind.MemArgLane or ImmediateKind.Lane or ImmediateKind.Shuffle))
            return null;
        if (row.Op is Opcode.I32Const or Opcode.I64Const or Opcode.F32Const or Opcode.F64Const or Opcode.V128Const) return null;
        var needs = Needs(row);
        if (needs is null) return null;
        var p = sig.Params.ToArray();
        var r = sig.Results.ToArray();
        string op = row.Name[(row.Name.IndexOf('.') + 1)..];
        string prefix = row.Name[..row.Name.IndexOf('.')];
        var family = row.Prefix == 0xFD ? InstructionFamily.Simd
            : row.Immediate == ImmediateKind.MemArg ? InstructionFamily.Memory
            : IsComparison(op, r) ? InstructionFamily.Comparison
            : IsConversion(op) ? InstructionFamily.Conversion
            : r is [SigType.F32 or SigType.F64] ? InstructionFamily.Float
            : InstructionFamily.Integer;
        var traits = Traits.None;
        if (prefix is "i32" or "i64" && (op.StartsWith("div_", StringComparison.Ordinal) || op.StartsWith("rem_", StringComparison.Ordinal)))
            traits |= Traits.Division | (op == "div_s" ? Traits.SignedDivision : Traits.None);
        if (op.StartsWith("trunc_f", StringComparison.Ordinal) && row.Prefix == 0) traits |= Traits.Truncation;
        bool memory = row.Immediate is ImmediateKind.MemArg or ImmediateKind.MemArgLane;
        var shape = Opcode.Unreachable;
        if (!memory && HasNanBits(prefix, op, p, r))
        {
            traits |= Traits.NanBits;
            shape = prefix == "f32x4" ? Opcode.F32x4Eq : prefix == "f64x2" ? Opcode.F64x2Eq : Opcode.Unreachable;
        }
        int lanes = row.Immediate switch
        {
            ImmediateKind.Lane => LanesOf(prefix),
            ImmediateKind.MemArgLane => 16 >> (int)NaturalAlignment.Of(row.Op),
            _ => 0,
        };
        return new CatalogEntry(row.Op, family, needs.Value, p, r, traits, lanes, memory ? NaturalAlignment.Of(row.Op) : 0, shape);
    }

    /// <summary>The feature of a fixed-signature instruction, from its encoding; null for features the generator does not know.</summary>
    private static Features? Needs(OpcodeInfo row) => row.Prefix switch
    {
        0xFD => row.Code >= 0x100 ? Features.RelaxedSimd : Features.Simd,
        0xFC => row.Code <= 0x07 ? Features.SaturatingFloatToInt
            : row.Code is >= 0x13 and <= 0x16 ? Features.WideArithmetic
            : null,
        _ => row.Code is >= 0xC0 and <= 0xC4 ? Features.SignExtension : Features.None,
    };

    private static bool IsComparison(string op, SigType[] results) =>
        results is [SigType.I32] && (op is "eqz" or "eq" or "ne" or "lt" or "gt" or "le" or "ge"
            || op.StartsWith("lt_", StringComparison.Ordinal) || op.StartsWith("gt_", StringComparison.Ordinal)
            || op.StartsWith("le_", StringComparison.Ordinal) || op.StartsWith("ge_", StringComparison.Ordinal));

    private static bool IsConversion(string op) =>
        op.StartsWith("wrap", StringComparison.Ordinal) || op.StartsWith("extend", StringComparison.Ordinal)
        || op.StartsWith("trunc_", StringComparison.Ordinal) || op.StartsWith("convert", StringComparison.Ordinal)
        || op.StartsWith("promote", StringComparison.Ordinal) || op.StartsWith("demote", StringComparison.Ordinal)
        || op.StartsWith("reinterpret", StringComparison.Ordinal);

    /// <summary>
    /// Float results whose NaN bits the spec leaves to the engine (§4.3.3 NaN propagation):
    /// arithmetic, min/max, rounding, promote/demote, and their vector forms. abs, neg and
    /// copysign only touch the sign bit; loads, reinterpretations and constants are exact.
    /// </summary>
    private static bool HasNanBits(string prefix, string op, SigType[] p, SigType[] r)
    {
        bool floatResult = r is [SigType.F32 or SigType.F64] || (r is [SigType.V128] && prefix is "f32x4" or "f64x2");
        if (!floatResult) return false;
        if (op is "abs" or "neg" or "copysign" or "pmin" or "pmax" or "splat" or "replace_lane") return false;
        if (op.StartsWith("convert", StringComparison.Ordinal) || op.StartsWith("reinterpret", StringComparison.Ordinal)) return false;
        if (op is "eq" or "ne" or "lt" or "gt" or "le" or "ge") return false;
        return p.Length > 0;
    }

    private static int LanesOf(string prefix) => prefix switch
    {
        "i8x16" => 16,
        "i16x8" => 8,
        "i32x4" or "f32x4" => 4,
        _ => 2,
    };
}
