namespace WasmConform.Engine;

/// <summary>
/// WebAssembly features (proposals) that decoding and validation accept. The standard sets
/// are <see cref="FeatureSets.Wasm1"/>, <see cref="FeatureSets.Wasm2"/> and
/// <see cref="FeatureSets.Wasm3"/>; the rest are proposals beyond 3.0.
/// </summary>
[Flags]
public enum Features : uint
{
    None = 0,
    /// <summary>Mutable globals in imports/exports (2.0).</summary>
    MutableGlobals = 1 << 0,
    /// <summary><c>i32.extend8_s</c> and friends (2.0).</summary>
    SignExtension = 1 << 1,
    /// <summary>Non-trapping float-to-int: <c>trunc_sat</c> (2.0).</summary>
    SaturatingFloatToInt = 1 << 2,
    /// <summary>Multiple results and block parameters (2.0).</summary>
    MultiValue = 1 << 3,
    /// <summary>Bulk memory and table instructions, passive segments (2.0).</summary>
    BulkMemory = 1 << 4,
    /// <summary>funcref/externref, table instructions, multiple tables (2.0).</summary>
    ReferenceTypes = 1 << 5,
    /// <summary>128-bit SIMD (2.0).</summary>
    Simd = 1 << 6,
    /// <summary>Relaxed SIMD (3.0).</summary>
    RelaxedSimd = 1 << 7,
    /// <summary><c>return_call</c> and friends (3.0).</summary>
    TailCall = 1 << 8,
    /// <summary>Extended constant expressions (3.0).</summary>
    ExtendedConst = 1 << 9,
    /// <summary>Several memories (3.0).</summary>
    MultiMemory = 1 << 10,
    /// <summary>64-bit memories and tables (3.0).</summary>
    Memory64 = 1 << 11,
    /// <summary>Typed function references: <c>call_ref</c>, non-null references (3.0).</summary>
    FunctionReferences = 1 << 12,
    /// <summary>Garbage collection: structs, arrays, i31, subtyping (3.0).</summary>
    Gc = 1 << 13,
    /// <summary>Exception handling with <c>try_table</c> and <c>exnref</c> (3.0).</summary>
    Exceptions = 1 << 14,
    /// <summary>Legacy exception handling: <c>try</c>/<c>catch</c>/<c>delegate</c>/<c>rethrow</c> (not standard).</summary>
    LegacyExceptions = 1 << 15,
    /// <summary>Threads: shared memories and atomics (proposal).</summary>
    Threads = 1 << 16,
    /// <summary>Custom page sizes (proposal).</summary>
    CustomPageSizes = 1 << 17,
    /// <summary>Wide arithmetic: <c>i64.add128</c> and friends (proposal).</summary>
    WideArithmetic = 1 << 18,
    /// <summary>Custom descriptors and exact types (proposal).</summary>
    CustomDescriptors = 1 << 19,
    /// <summary>
    /// Branch hinting: validation also checks the <c>metadata.code.branch_hint</c> custom section
    /// (hints on <c>if</c> and <c>br_if</c> only, in increasing order), as the spec interpreter does
    /// with that section's handler on. Without it the section is still decoded but, like every
    /// custom section (custom sections appendix), never makes a module invalid.
    /// </summary>
    BranchHinting = 1 << 20,
}

/// <summary>The standard feature sets.</summary>
public static class FeatureSets
{
    /// <summary>WebAssembly 1.0 (the MVP).</summary>
    public const Features Wasm1 = Features.None;

    /// <summary>WebAssembly 2.0.</summary>
    public const Features Wasm2 = Features.MutableGlobals | Features.SignExtension | Features.SaturatingFloatToInt
        | Features.MultiValue | Features.BulkMemory | Features.ReferenceTypes | Features.Simd;

    /// <summary>WebAssembly 3.0: the default everywhere.</summary>
    public const Features Wasm3 = Wasm2 | Features.RelaxedSimd | Features.TailCall | Features.ExtendedConst
        | Features.MultiMemory | Features.Memory64 | Features.FunctionReferences | Features.Gc | Features.Exceptions;

    /// <summary>Everything this project knows, proposals included.</summary>
    public const Features All = Wasm3 | Features.LegacyExceptions | Features.Threads | Features.CustomPageSizes
        | Features.WideArithmetic | Features.CustomDescriptors | Features.BranchHinting;
}
