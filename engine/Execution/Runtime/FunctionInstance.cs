using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>A function instance (§4.2.6): a WebAssembly function of a module instance, or a host function.</summary>
public abstract class FunctionInstance
{
    private protected FunctionInstance(FuncType type, uint canonicalTypeId)
    {
        Type = type;
        TypeId = canonicalTypeId;
    }

    /// <summary>Parameter and result types (abstract heap types as written; concrete ones as canonical ids).</summary>
    public FuncType Type { get; }

    /// <summary>The canonical id of the function's defined type (the DefType), compared by call_indirect.</summary>
    public uint TypeId { get; }

    internal int ParamCells { get; init; }
    internal int ResultCells { get; init; }
}

/// <summary>A function defined by a module: its instance and its code (compiled on first call).</summary>
public sealed class WasmFunction : FunctionInstance
{
    internal WasmFunction(ModuleInstance module, int index, FuncType type, uint typeId) : base(type, typeId)
    {
        Module = module;
        Index = index;
        ParamCells = CodeContext.Cells(type.Params);
        ResultCells = CodeContext.Cells(type.Results);
    }

    /// <summary>The instance the function belongs to.</summary>
    public ModuleInstance Module { get; }

    /// <summary>The function's index in its module's function index space.</summary>
    public int Index { get; }

    internal CompiledFunction Code(bool metered) => Module.Compiled.Code(Index, metered);
}

/// <summary>
/// The body of a host function: receives the arguments, returns the results (which must match
/// the function type). It may throw <see cref="TrapException"/> to trap or
/// <see cref="ExitException"/> to end the whole run with an exit code.
/// </summary>
public delegate Value[] HostCallback(ReadOnlySpan<Value> args);

/// <summary>A function provided by the embedder (§4.2.6 hostfunc).</summary>
public sealed class HostFunction : FunctionInstance
{
    /// <summary>Creates a host function of type <paramref name="type"/> (which must use abstract heap types only).</summary>
    public HostFunction(FuncType type, HostCallback callback, string name = "host") : base(type, CanonicalTypes.IdOf(type))
    {
        Callback = callback;
        Name = name;
        ParamCells = CodeContext.Cells(type.Params);
        ResultCells = CodeContext.Cells(type.Results);
    }

    /// <summary>The callback.</summary>
    public HostCallback Callback { get; }

    /// <summary>A name for messages.</summary>
    public string Name { get; }
}

/// <summary>Ends the run from a host function with an exit code (like WASI <c>proc_exit</c>); the guest does not resume.</summary>
public sealed class ExitException(int code) : WasmException($"exit with code {code}")
{
    /// <summary>The exit code.</summary>
    public int Code { get; } = code;
}
