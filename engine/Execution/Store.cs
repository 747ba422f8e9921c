using WasmConform.Engine.Embedding;

namespace WasmConform.Engine.Execution;

/// <summary>Execution limits of a <see cref="Store"/>.</summary>
public sealed record ExecutionLimits
{
    /// <summary>Most nested calls (frames) at once; beyond, "call stack exhausted". Default 50,000.</summary>
    public int MaxCallDepth { get; init; } = 50_000;

    /// <summary>Size of the value stack in cells (16 bytes each; a v128 takes two). Running out is "call stack exhausted". Default 2^20.</summary>
    public int StackCells { get; init; } = 1 << 20;

    /// <summary>Fuel units (one per instruction executed, charged per basic block); <c>null</c> for no limit.</summary>
    public long? Fuel { get; init; }

    /// <summary>Cancels execution ("interrupted", <see cref="ExhaustionKind.Time"/>); polled every few thousand instructions.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Whether code must be metered (fuel or cancellation in use).</summary>
    public bool Metered => Fuel is not null || Cancellation.CanBeCanceled;
}

/// <summary>
/// The store (§4.2.3): owns the execution state (value stack, call frames, fuel) shared by
/// the module instances created in it. Not thread-safe: use one store per thread.
/// </summary>
public sealed class Store
{
    private Interpreter? _interpreter;

    /// <summary>Creates a store with <paramref name="limits"/> (defaults if <c>null</c>).</summary>
    public Store(ExecutionLimits? limits = null) => Limits = limits ?? new ExecutionLimits();

    /// <summary>The limits execution runs under.</summary>
    public ExecutionLimits Limits { get; }

    internal Interpreter Interpreter => _interpreter ??= new Interpreter(this);

    /// <summary>Fuel left (when <see cref="ExecutionLimits.Fuel"/> is set), else <c>null</c>.</summary>
    public long? FuelRemaining => Limits.Fuel is null ? null : Interpreter.FuelRemaining;

    /// <summary>Calls <paramref name="function"/> with <paramref name="args"/> (§4.5.5 invocation).</summary>
    /// <exception cref="ArgumentException">The arguments do not match the parameter types.</exception>
    /// <exception cref="TrapException">The call trapped.</exception>
    /// <exception cref="ExhaustionException">Call depth, fuel or time ran out.</exception>
    /// <exception cref="ExitException">A host function ended the run with an exit code.</exception>
    public Value[] Invoke(FunctionInstance function, ReadOnlySpan<Value> args)
    {
        var parameters = function.Type.Params;
        if (args.Length != parameters.Count)
            throw new ArgumentException($"wrong number of arguments: expected {parameters.Count}, got {args.Length}");
        for (int i = 0; i < args.Length; i++)
            if (args[i].Type.Kind != parameters[i].Kind)
                throw new ArgumentException($"argument {i}: expected {parameters[i]}, got {args[i].Type}");
        return Interpreter.Invoke(function, args);
    }
}
