using System.Runtime.CompilerServices;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>
/// Runs internal code (§4.4 instructions, §4.5.5 invocation) on an explicit value stack and
/// frame stack: a WebAssembly call never recurses on the CLR stack, so deep or runaway
/// recursion ends in "call stack exhausted" and the process lives. One per <see cref="Store"/>.
/// </summary>
/// <remarks>
/// Re-entrant through host functions: a host callback may invoke WebAssembly again; the
/// nested run uses the stacks above the caller's.
/// </remarks>
internal sealed unsafe partial class Interpreter
{
    /// <summary>Fuel handed to the running code at a time; between slices the cancellation token is polled.</summary>
    private const long FuelSlice = 10_000;

    private readonly Store _store;
    private readonly Slot[] _stack;
    private readonly Frame[] _frames;
    private readonly bool _metered;
    private int _depth;
    /// <summary>First free cell for a new entry from the host (the caller's operands end below it).</summary>
    private int _stackTop;
    /// <summary>Fuel left in the current slice; Fuel instructions subtract from it.</summary>
    private long _fuelSlice;
    /// <summary>Fuel not yet handed out.</summary>
    private long _fuelReserve;

    /// <summary>A suspended caller: the code to resume, where, and its frame base.</summary>
    private struct Frame
    {
        /// <summary><c>null</c> marks the boundary where a call from the host entered.</summary>
        public CompiledFunction? Code;
        public ModuleInstance? Instance;
        public int Pc;
        public int Fp;
    }

    public Interpreter(Store store)
    {
        _store = store;
        _stack = new Slot[store.Limits.StackCells];
        _frames = new Frame[store.Limits.MaxCallDepth + 1];
        _metered = store.Limits.Metered;
        long fuel = store.Limits.Fuel ?? long.MaxValue / 2;
        _fuelSlice = Math.Min(fuel, FuelSlice);
        _fuelReserve = fuel - _fuelSlice;
    }

    /// <summary>Fuel not yet consumed.</summary>
    public long FuelRemaining => Math.Max(0, _fuelReserve + _fuelSlice);

    /// <summary>Calls <paramref name="function"/>; arguments already checked against its type.</summary>
    public Value[] Invoke(FunctionInstance function, ReadOnlySpan<Value> args)
    {
        if (function is HostFunction host) return CallHostDirect(host, args);
        var wasm = (WasmFunction)function;
        int entryTop = _stackTop, entryDepth = _depth;
        int fp = entryTop;
        if (fp + function.ParamCells > _stack.Length || _depth >= _frames.Length - 1)
            throw new ExhaustionException(ExhaustionKind.CallStack);
        int cell = fp;
        foreach (var arg in args) cell = WriteValue(arg, cell);
        _frames[_depth++] = default; // boundary
        try
        {
            int sp = Run(wasm.Module, wasm.Code(_metered), fp);
            return ReadResults(function.Type.Results, sp - function.ResultCells);
        }
        finally
        {
            _depth = entryDepth;
            _stackTop = entryTop;
        }
    }

    /// <summary>Evaluates a constant expression (§4.5.1) compiled as a function <c>[] -> [type]</c> in <paramref name="instance"/>.</summary>
    public Value Evaluate(ModuleInstance instance, CompiledFunction expr, ValType type)
    {
        int entryTop = _stackTop, entryDepth = _depth;
        _frames[_depth++] = default;
        try
        {
            int sp = Run(instance, expr, entryTop);
            return ReadResults([type], sp - CodeContext.Cells(type))[0];
        }
        finally
        {
            _depth = entryDepth;
            _stackTop = entryTop;
        }
    }

    private int WriteValue(Value v, int cell)
    {
        _stack[cell] = new Slot { U64 = v.Bits, Ref = v.Reference };
        if (v.Type.Kind != ValTypeKind.V128) return cell + 1;
        _stack[cell + 1] = new Slot { U64 = v.High };
        return cell + 2;
    }

    private Value[] ReadResults(EquatableArray<ValType> types, int cell)
    {
        var results = new Value[types.Count];
        for (int i = 0; i < results.Length; i++)
        {
            var t = types[i];
            ref Slot s = ref _stack[cell];
            results[i] = t.Kind switch
            {
                ValTypeKind.I32 or ValTypeKind.F32 => Value.FromBits(t, s.U32),
                ValTypeKind.V128 => Value.FromBits(t, s.U64, _stack[cell + 1].U64),
                ValTypeKind.Ref => RefValue(t.Ref, s.Ref),
                _ => Value.FromBits(t, s.U64),
            };
            cell += CodeContext.Cells(t);
        }
        return results;
    }

    /// <summary>A reference value of static type <paramref name="type"/>: null, or non-null to <paramref name="target"/>.</summary>
    internal static Value RefValue(RefType type, object? target) =>
        target is null ? Value.Null(type.Heap) : Value.Ref(type.Heap, target);

    private static Value[] CallHostDirect(HostFunction host, ReadOnlySpan<Value> args)
    {
        var results = host.Callback(args);
        CheckHostResults(host, results);
        return results;
    }

    private static void CheckHostResults(HostFunction host, Value[] results)
    {
        var expected = host.Type.Results;
        bool ok = results.Length == expected.Count;
        for (int i = 0; ok && i < results.Length; i++) ok = results[i].Type.Kind == expected[i].Kind;
        if (!ok) throw new InvalidOperationException($"host function {host.Name} returned values that do not match its type {host.Type}");
    }

    /// <summary>
    /// Calls a host function from running code: the top cells are its arguments, replaced by
    /// its results. Returns the new stack pointer.
    /// </summary>
    private Slot* CallHost(HostFunction host, Slot* sp, Slot* stackBase)
    {
        var parameters = host.Type.Params;
        var args = new Value[parameters.Count];
        Slot* cell = sp - host.ParamCells;
        Slot* argsStart = cell;
        for (int i = 0; i < args.Length; i++)
        {
            var t = parameters[i];
            args[i] = t.Kind switch
            {
                ValTypeKind.I32 or ValTypeKind.F32 => Value.FromBits(t, cell->U32),
                ValTypeKind.V128 => Value.FromBits(t, cell->U64, cell[1].U64),
                ValTypeKind.Ref => RefValue(t.Ref, cell->Ref),
                _ => Value.FromBits(t, cell->U64),
            };
            cell += CodeContext.Cells(t);
        }
        int savedTop = _stackTop;
        _stackTop = (int)(sp - stackBase);
        Value[] results;
        try
        {
            results = host.Callback(args);
        }
        finally
        {
            _stackTop = savedTop;
        }
        CheckHostResults(host, results);
        Slot* outCell = argsStart;
        foreach (var r in results)
        {
            *outCell++ = new Slot { U64 = r.Bits, Ref = r.Reference };
            if (r.Type.Kind == ValTypeKind.V128) *outCell++ = new Slot { U64 = r.High };
        }
        return outCell;
    }

    /// <summary>The fuel slice ran out: take the next one, or end the run (§ fuel, cancellation).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefillFuel()
    {
        if (_store.Limits.Cancellation.IsCancellationRequested)
            throw new ExhaustionException(ExhaustionKind.Time);
        long total = _fuelReserve + _fuelSlice;
        if (total < 0)
        {
            _fuelReserve = 0;
            _fuelSlice = 0;
            throw new ExhaustionException(ExhaustionKind.Fuel);
        }
        _fuelSlice = Math.Min(total, FuelSlice);
        _fuelReserve = total - _fuelSlice;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Trap(TrapKind kind) => throw new TrapException(kind);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallStackExhausted() => throw new ExhaustionException(ExhaustionKind.CallStack);
}
