using WasmConform.Engine;
using WasmConform.Engine.Execution;
using WasmConform.Wast.Engines;
using WasmConform.Wast.Script;

namespace WasmConform.Harness;

/// <summary>Runs suite files on the reference interpreter, with the features each folder needs.</summary>
public static class ReferenceSpec
{
    /// <summary>How long one file may run before it is interrupted (its remaining commands then fail as exhausted).</summary>
    public static TimeSpan FileTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The features a file is run with: WebAssembly 3.0 for <c>core/</c>; plus legacy exception
    /// handling for <c>legacy/</c>; plus the proposal for <c>proposals/&lt;name&gt;/</c>; plus the
    /// checks of the branch hint section for <c>custom/</c> (which the spec interpreter runs with
    /// the handlers of every custom section it knows). The
    /// threads files are the exception: they are written against WebAssembly 1.0 (they expect
    /// "multiple tables", "multiple memories" and 1.0's memory-size wording), so they run with
    /// 1.0 plus threads.
    /// </summary>
    public static Features FeaturesFor(SuiteFile file)
    {
        var parts = file.RelativePath.Split('/');
        if (parts is ["proposals", "threads", ..]) return FeatureSets.Wasm1 | Features.Threads;
        var extra = parts switch
        {
            ["legacy", ..] => Features.LegacyExceptions,
            ["proposals", "custom-page-sizes", ..] => Features.CustomPageSizes,
            ["proposals", "wide-arithmetic", ..] => Features.WideArithmetic,
            ["proposals", "custom-descriptors", ..] => Features.CustomDescriptors,
            ["custom", ..] => Features.BranchHinting,
            _ => Features.None,
        };
        return FeatureSets.Wasm3 | extra;
    }

    /// <summary>
    /// The feature a file is about, which an engine must have to run any of it: the feature folder of
    /// <c>core/&lt;feature&gt;/</c> (<c>simd</c>, <c>gc</c>, <c>memory64</c>, …), legacy exceptions for
    /// <c>legacy/</c>, the proposal for <c>proposals/&lt;name&gt;/</c>, branch hinting for
    /// <c>custom/metadata.code.branch_hint/</c>; <see cref="Features.None"/> for the files directly in
    /// <c>core/</c> (whose modules each say what they need) and the other <c>custom/</c> files.
    /// </summary>
    public static Features RequiredBy(SuiteFile file) => file.RelativePath.Split('/') switch
    {
        ["core", "bulk-memory", _, ..] => Features.BulkMemory,
        ["core", "exceptions", _, ..] => Features.Exceptions,
        ["core", "gc", _, ..] => Features.Gc,
        ["core", "memory64", _, ..] => Features.Memory64,
        ["core", "multi-memory", _, ..] => Features.MultiMemory,
        ["core", "relaxed-simd", _, ..] => Features.RelaxedSimd,
        ["core", "simd", _, ..] => Features.Simd,
        ["custom", "metadata.code.branch_hint", _, ..] => Features.BranchHinting,
        ["custom", ..] => Features.None,
        _ => FeaturesFor(file) & ~FeatureSets.Wasm3,
    };

    /// <summary>Parses and runs one file on a fresh reference engine.</summary>
    public static ScriptResult Run(SuiteFile file)
    {
        using var deadline = new CancellationTokenSource(FileTimeout);
        using var engine = new ReferenceEngine(new ExecutionLimits { Cancellation = deadline.Token }, FeaturesFor(file));
        return ScriptRunner.RunFile(engine, file.FullPath, file.RelativePath);
    }
}
