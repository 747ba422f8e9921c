using WasmConform.Engine;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// Everything that shapes generated modules: which features they use, how big they get,
/// whether they may trap, and how often each family of instructions is chosen. Loaded from
/// YAML with snake_case keys by <see cref="GeneratorConfigFile"/>; every key is optional.
/// </summary>
/// <example>
/// <code>
/// features: { simd: true, tail_call: true }
/// limits: { max_functions: 4, max_memory_pages: 2 }
/// canonicalize_nans: true
/// weights: { float: 20, trap: 0 }
/// </code>
/// </example>
public sealed record GeneratorConfig
{
    /// <summary>The defaults: WebAssembly 2.0, traps allowed.</summary>
    public static GeneratorConfig Default { get; } = new();

    /// <summary>Every feature the generator knows turned on, proposals beyond 3.0 included (the coverage test uses this).</summary>
    public static GeneratorConfig AllFeatures { get; } = new() { Features = FeatureSwitches.All };

    /// <summary>Which proposals generated modules may use.</summary>
    public FeatureSwitches Features { get; init; } = new();

    /// <summary>Size limits of generated modules.</summary>
    public SizeLimits Limits { get; init; } = new();

    /// <summary>
    /// Insert a canonicalisation after every float operation whose NaN bits the spec leaves
    /// open (arithmetic, <c>min</c>/<c>max</c>, <c>promote</c>/<c>demote</c>, their vector forms), so
    /// that every engine computes the same bits: <c>local.tee t; f.const nan; local.get t;
    /// local.get t; f.eq; select; local.tee t</c> (and <c>v128.bitselect</c> for vectors).
    /// </summary>
    public bool CanonicalizeNans { get; init; }

    /// <summary>
    /// Generate code that cannot trap: loads, stores and bulk operations masked into bounds,
    /// divisions guarded against zero and overflow, truncations range-checked, indirect calls
    /// only through the untouched function table, no <c>unreachable</c>, no segment drops.
    /// </summary>
    public bool DisallowTraps { get; init; }

    /// <summary>
    /// When traps are allowed: the chance (0..100) that an instruction that could trap gets
    /// the same guard anyway, so that traps stay possible without ending most calls early.
    /// </summary>
    public int GuardPercent { get; init; } = 75;

    /// <summary>
    /// Keep the types at the module's boundary basic: parameters and results of functions (all
    /// exported), globals and tables are numbers, <c>v128</c>, nullable <c>funcref</c> or
    /// <c>externref</c>; GC and typed references stay inside function bodies (operands, locals,
    /// fields, segments). For engines whose embedding API cannot pass other references (wasmtime's
    /// C API), so that they run GC code instead of sitting the module out.
    /// </summary>
    public bool BasicBoundaryTypes { get; init; }

    /// <summary>
    /// Let <c>v128</c> type functions' parameters and results and globals (with SIMD on). V8's
    /// JavaScript API cannot pass a <c>v128</c> (a call or a global read throws a
    /// <c>TypeError</c>): campaigns with V8 turn this off, so that V8 runs SIMD code instead of
    /// sitting the module out; vectors then stay inside function bodies.
    /// </summary>
    public bool V128AtBoundary { get; init; } = true;

    /// <summary>The chance (0..100) that a module has a start function.</summary>
    public int StartPercent { get; init; } = 10;

    /// <summary>Relative weights of the instruction families (0 turns a family off).</summary>
    public FamilyWeights Weights { get; init; } = new();

    /// <summary>The engine features a module generated with this configuration needs (the validator's feature set).</summary>
    public Features EngineFeatures => Features.ToEngineFeatures();
}

/// <summary>
/// Feature switches, named after <see cref="Engine.Features"/>. The defaults are WebAssembly 2.0.
/// </summary>
public sealed record FeatureSwitches
{
    /// <summary>
    /// Every switch on, including relaxed SIMD (whose results may differ between engines by
    /// design) and legacy exception handling (which not every engine validates).
    /// </summary>
    public static FeatureSwitches All { get; } = new()
    {
        Simd = true, RelaxedSimd = true, TailCall = true, ExtendedConst = true, MultiMemory = true, Memory64 = true,
        FunctionReferences = true, Gc = true, Exceptions = true, LegacyExceptions = true, WideArithmetic = true,
    };

    public bool MutableGlobals { get; init; } = true;
    public bool SignExtension { get; init; } = true;
    public bool SaturatingFloatToInt { get; init; } = true;
    public bool MultiValue { get; init; } = true;
    public bool BulkMemory { get; init; } = true;
    public bool ReferenceTypes { get; init; } = true;
    public bool Simd { get; init; } = true;
    public bool RelaxedSimd { get; init; }
    public bool TailCall { get; init; }
    public bool ExtendedConst { get; init; }
    public bool MultiMemory { get; init; }
    public bool Memory64 { get; init; }
    public bool FunctionReferences { get; init; }
    /// <summary>Garbage collection: struct and array types (with subtypes), i31, casts, <c>ref.eq</c>, extern conversions.</summary>
    public bool Gc { get; init; }
    /// <summary>Exception handling: tags, <c>throw</c>, <c>throw_ref</c>, <c>try_table</c>, <c>exnref</c>.</summary>
    public bool Exceptions { get; init; }
    /// <summary>Legacy exception handling: <c>try</c>, <c>catch</c>, <c>catch_all</c>, <c>delegate</c>, <c>rethrow</c> (proposal).</summary>
    public bool LegacyExceptions { get; init; }
    /// <summary>Wide arithmetic: <c>i64.add128</c>, <c>i64.sub128</c>, <c>i64.mul_wide_s/u</c> (proposal).</summary>
    public bool WideArithmetic { get; init; }

    /// <summary>The engine's feature set for these switches.</summary>
    public Features ToEngineFeatures()
    {
        var f = Engine.Features.None;
        if (MutableGlobals) f |= Engine.Features.MutableGlobals;
        if (SignExtension) f |= Engine.Features.SignExtension;
        if (SaturatingFloatToInt) f |= Engine.Features.SaturatingFloatToInt;
        if (MultiValue) f |= Engine.Features.MultiValue;
        if (BulkMemory) f |= Engine.Features.BulkMemory;
        if (ReferenceTypes) f |= Engine.Features.ReferenceTypes;
        if (Simd) f |= Engine.Features.Simd;
        if (RelaxedSimd) f |= Engine.Features.RelaxedSimd;
        if (TailCall) f |= Engine.Features.TailCall;
        if (ExtendedConst) f |= Engine.Features.ExtendedConst;
        if (MultiMemory) f |= Engine.Features.MultiMemory;
        if (Memory64) f |= Engine.Features.Memory64;
        if (FunctionReferences) f |= Engine.Features.FunctionReferences;
        if (Gc) f |= Engine.Features.Gc;
        if (Exceptions) f |= Engine.Features.Exceptions;
        if (LegacyExceptions) f |= Engine.Features.LegacyExceptions;
        if (WideArithmetic) f |= Engine.Features.WideArithmetic;
        return f;
    }
}

/// <summary>Size limits. Counts are upper bounds; each module picks its sizes below them.</summary>
public sealed record SizeLimits
{
    /// <summary>Defined functions (at least 1).</summary>
    public int MaxFunctions { get; init; } = 6;
    /// <summary>Parameters per function type.</summary>
    public int MaxParams { get; init; } = 4;
    /// <summary>Results per function or block type (1 without multi-value).</summary>
    public int MaxResults { get; init; } = 3;
    /// <summary>Declared locals per function, besides the scratch locals that guards use.</summary>
    public int MaxLocals { get; init; } = 6;
    /// <summary>Instructions per function body (about: the closing sequence may add a few).</summary>
    public int MaxInstructions { get; init; } = 120;
    /// <summary>Nesting of blocks, loops and ifs inside a body.</summary>
    public int MaxBlockDepth { get; init; } = 5;
    /// <summary>Tables besides the function table (table 0).</summary>
    public int MaxTables { get; init; } = 2;
    /// <summary>Maximum size of every table, in elements (tables always declare a maximum).</summary>
    public int MaxTableSize { get; init; } = 16;
    /// <summary>Memories (only 1 without multi-memory).</summary>
    public int MaxMemories { get; init; } = 2;
    /// <summary>Maximum size of every memory, in 64 KiB pages (memories always declare this maximum or less).</summary>
    public int MaxMemoryPages { get; init; } = 2;
    /// <summary>Globals besides the two reserved ones (fuel and depth).</summary>
    public int MaxGlobals { get; init; } = 4;
    /// <summary>Element segments besides the one that fills the function table.</summary>
    public int MaxElementSegments { get; init; } = 3;
    /// <summary>Data segments.</summary>
    public int MaxDataSegments { get; init; } = 3;
    /// <summary>Bytes per data segment.</summary>
    public int MaxDataBytes { get; init; } = 32;
    /// <summary>Struct and array types (with GC).</summary>
    public int MaxGcTypes { get; init; } = 4;
    /// <summary>Exception tags (with exception handling).</summary>
    public int MaxTags { get; init; } = 2;
    /// <summary>Initial value of the fuel global: function entries plus loop iterations before the module exits with <see cref="GeneratedModule.FuelExitCode"/>.</summary>
    public int Fuel { get; init; } = 1000;
    /// <summary>Nested calls before the module exits with <see cref="GeneratedModule.DepthExitCode"/>.</summary>
    public int MaxCallDepth { get; init; } = 40;
    /// <summary>Length of the input that <see cref="SeedInput"/> derives from a seed for each module.</summary>
    public int InputBytes { get; init; } = 4096;
}

/// <summary>Relative weights of the instruction families (see <see cref="InstructionFamily"/>).</summary>
public sealed record FamilyWeights
{
    public int Constant { get; init; } = 8;
    public int Integer { get; init; } = 10;
    public int Float { get; init; } = 8;
    public int Comparison { get; init; } = 5;
    public int Conversion { get; init; } = 6;
    public int Local { get; init; } = 10;
    public int Global { get; init; } = 4;
    public int Memory { get; init; } = 8;
    public int MemorySize { get; init; } = 1;
    public int BulkMemory { get; init; } = 2;
    public int Table { get; init; } = 3;
    public int Reference { get; init; } = 3;
    public int Parametric { get; init; } = 4;
    public int Control { get; init; } = 8;
    public int Branch { get; init; } = 4;
    public int Call { get; init; } = 4;
    public int Trap { get; init; } = 1;
    public int Log { get; init; } = 3;
    public int Exit { get; init; } = 1;
    public int Simd { get; init; } = 10;
    public int Aggregate { get; init; } = 5;
    public int Exception { get; init; } = 2;

    /// <summary>The weight of <paramref name="family"/>.</summary>
    public int Of(InstructionFamily family) => family switch
    {
        InstructionFamily.Constant => Constant,
        InstructionFamily.Integer => Integer,
        InstructionFamily.Float => Float,
        InstructionFamily.Comparison => Comparison,
        InstructionFamily.Conversion => Conversion,
        InstructionFamily.Local => Local,
        InstructionFamily.Global => Global,
        InstructionFamily.Memory => Memory,
        InstructionFamily.MemorySize => MemorySize,
        InstructionFamily.BulkMemory => BulkMemory,
        InstructionFamily.Table => Table,
        InstructionFamily.Reference => Reference,
        InstructionFamily.Parametric => Parametric,
        InstructionFamily.Control => Control,
        InstructionFamily.Branch => Branch,
        InstructionFamily.Call => Call,
        InstructionFamily.Trap => Trap,
        InstructionFamily.Log => Log,
        InstructionFamily.Exit => Exit,
        InstructionFamily.Simd => Simd,
        InstructionFamily.Aggregate => Aggregate,
        InstructionFamily.Exception => Exception,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };
}
