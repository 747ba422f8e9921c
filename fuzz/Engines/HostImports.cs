using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Engines;

/// <summary>
/// The host functions every fuzzed module may import (module <c>env</c>): <c>exit(i32)</c>
/// ends the run with an exit code; <c>log_i32</c>, <c>log_i64</c>, <c>log_f32</c>,
/// <c>log_f64</c> append their argument to the call trace that engines must agree on.
/// </summary>
public sealed class HostImports
{
    /// <summary>The module name of the imports.</summary>
    public const string Module = "env";

    private readonly List<Value> _trace = [];

    /// <summary>Logged values in call order.</summary>
    public IReadOnlyList<Value> Trace => _trace;

    /// <summary>Called for each logged value (e.g. to print it), after it is recorded.</summary>
    public Action<Value>? OnLog { get; init; }

    /// <summary>Defines the imports in <paramref name="engine"/>'s linker, logging into the engine's trace (<see cref="IEngine.TakeTrace"/>).</summary>
    public static HostImports DefineIn(WasmConform.Wast.Engines.ReferenceEngine engine)
    {
        var imports = new HostImports { OnLog = engine.AppendTrace };
        imports.DefineIn(engine.Linker);
        return imports;
    }

    /// <summary>Defines <c>env.exit</c> and the <c>env.log_*</c> functions in <paramref name="linker"/>.</summary>
    public Linker DefineIn(Linker linker)
    {
        linker.Define(Module, "exit", ExternValue.Of(new HostFunction(new FuncType([ValType.I32], []),
            args => throw new ExitException(args[0].AsI32), "env.exit")));
        foreach (var type in (ValType[])[ValType.I32, ValType.I64, ValType.F32, ValType.F64])
        {
            string name = "log_" + type;
            linker.Define(Module, name, ExternValue.Of(new HostFunction(new FuncType([type], []), args =>
            {
                _trace.Add(args[0]);
                OnLog?.Invoke(args[0]);
                return [];
            }, Module + "." + name)));
        }
        return linker;
    }
}
