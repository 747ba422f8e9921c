namespace WasmConform.Fuzz.Generator;

/// <summary>
/// The fixed shape every generated module shares, so runners and the oracle know what to
/// link, call and expect.
/// </summary>
/// <remarks>
/// <para>
/// Imports, in this order (function indices 0..4), all from module <c>env</c>:
/// <c>exit(i32)</c>, <c>log_i32(i32)</c>, <c>log_i64(i64)</c>, <c>log_f32(f32)</c>, <c>log_f64(f64)</c>.
/// Nothing else is imported, so any engine that provides these can link every module.
/// </para>
/// <para>
/// Globals 0 and 1 are reserved: <c>fuel</c> (mutable i32, starts at the configured fuel) and
/// <c>depth</c> (mutable i32, starts at 0). Every defined function starts with a fuel check and
/// a depth check, and every loop body with a fuel check: when the fuel is 0 the module calls
/// <c>env.exit(FuelExitCode)</c>; when the depth has reached the configured maximum it calls
/// <c>env.exit(DepthExitCode)</c>. Otherwise fuel goes down by one and depth up by one; depth
/// goes down again on every way out of the function (its end, <c>return</c>, tail calls).
/// With exception handling each function keeps its own depth in a local and writes it back
/// where a catch lands (the end of a block a <c>try_table</c> clause targets, the start of a
/// legacy handler), since an exception skips the decrements of the frames it unwinds.
/// Every run therefore ends: straight-line code is finite, and each loop iteration or call
/// costs fuel. A trap skips the decrement, so after a trap <c>depth</c> keeps the depth the
/// trap happened at (the same in every engine). Fuel and depth are never touched otherwise.
/// </para>
/// <para>
/// Exports: every defined function as <c>f0</c>, <c>f1</c>, … (in definition order), the reserved
/// globals as <c>fuel</c> and <c>depth</c>, the other globals as <c>g0</c>, <c>g1</c>, …, memories
/// as <c>m0</c>, … and tables as <c>t0</c>, … Mutable globals are exported only with the
/// mutable-globals feature.
/// </para>
/// <para>
/// Table 0 is the function table: a funcref table whose first entries are the defined
/// functions in order (function <c>f<i>k</i></c> at index <i>k</i>), filled by element segment 0.
/// With <see cref="GeneratorConfig.DisallowTraps"/> generated code never writes to it, and
/// every <c>call_indirect</c> goes through it with an index whose function has the right type.
/// </para>
/// <para>
/// Exit codes: generated code calls <c>env.exit</c> itself only with codes 0 to
/// <see cref="MaxOrdinaryExitCode"/>; the two reserved codes above them say which limit ended
/// the run, and no trap is ever used for that.
/// </para>
/// </remarks>
public static class GeneratedModule
{
    /// <summary>The import module name.</summary>
    public const string ImportModule = "env";

    /// <summary>funcidx of <c>env.exit(i32)</c>.</summary>
    public const uint ExitFunction = 0;
    /// <summary>funcidx of <c>env.log_i32</c>; <c>log_i64</c>, <c>log_f32</c>, <c>log_f64</c> follow.</summary>
    public const uint LogI32Function = 1;
    /// <summary>Number of imported functions; defined functions start at this index.</summary>
    public const uint ImportedFunctions = 5;

    /// <summary>globalidx of the fuel counter.</summary>
    public const uint FuelGlobal = 0;
    /// <summary>globalidx of the call-depth counter.</summary>
    public const uint DepthGlobal = 1;
    /// <summary>Number of reserved globals; other globals start at this index.</summary>
    public const uint ReservedGlobals = 2;

    /// <summary>Exit code when the fuel global ran out (a loop or recursion ran too long).</summary>
    public const int FuelExitCode = 101;
    /// <summary>Exit code when the call depth reached its maximum.</summary>
    public const int DepthExitCode = 102;
    /// <summary>The largest exit code generated code uses on its own.</summary>
    public const int MaxOrdinaryExitCode = 99;

    /// <summary>Export name of the fuel global.</summary>
    public const string FuelExport = "fuel";
    /// <summary>Export name of the depth global.</summary>
    public const string DepthExport = "depth";

    /// <summary>Export name of defined function <paramref name="k"/> (0-based, imports not counted).</summary>
    public static string FunctionExport(int k) => "f" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
