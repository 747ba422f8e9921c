using Wasmtime;

namespace WasmConform.Runners.Wasmtime;

/// <summary>Thrown by <c>env.exit</c>: wasmtime unwinds the guest and hands it back as the call error's InnerException.</summary>
public sealed class ExitSignal(int code) : Exception($"exit with code {code}")
{
    public int Code { get; } = code;
}

/// <summary>The host modules every instance may import: <c>spectest</c> (the suite's) and <c>env</c> (the fuzzer's).</summary>
public static class Host
{
    /// <summary>Defines <c>spectest</c> and <c>env</c> in <paramref name="linker"/>; logged values go to <paramref name="trace"/>.</summary>
    public static void Define(Linker linker, Store store, List<Traced> trace)
    {
        DefineSpectest(linker, store);
        linker.DefineFunction("env", "exit", (Caller _, ReadOnlySpan<ValueBox> args, Span<ValueBox> _) =>
            throw new ExitSignal(args[0].AsInt32()), [ValueKind.Int32], []);
        linker.DefineFunction("env", "log_i32", (Caller _, ReadOnlySpan<ValueBox> a, Span<ValueBox> _) =>
            trace.Add(new Traced(ValueKind.Int32, a[0].AsInt32())), [ValueKind.Int32], []);
        linker.DefineFunction("env", "log_i64", (Caller _, ReadOnlySpan<ValueBox> a, Span<ValueBox> _) =>
            trace.Add(new Traced(ValueKind.Int64, a[0].AsInt64())), [ValueKind.Int64], []);
        linker.DefineFunction("env", "log_f32", (Caller _, ReadOnlySpan<ValueBox> a, Span<ValueBox> _) =>
            trace.Add(new Traced(ValueKind.Float32, a[0].AsSingle())), [ValueKind.Float32], []);
        linker.DefineFunction("env", "log_f64", (Caller _, ReadOnlySpan<ValueBox> a, Span<ValueBox> _) =>
            trace.Add(new Traced(ValueKind.Float64, a[0].AsDouble())), [ValueKind.Float64], []);
    }

    private static void DefineSpectest(Linker linker, Store store)
    {
        Print("print");
        Print("print_i32", ValueKind.Int32);
        Print("print_i64", ValueKind.Int64);
        Print("print_f32", ValueKind.Float32);
        Print("print_f64", ValueKind.Float64);
        Print("print_i32_f32", ValueKind.Int32, ValueKind.Float32);
        Print("print_f64_f64", ValueKind.Float64, ValueKind.Float64);
        linker.Define("spectest", "global_i32", new Global(store, ValueKind.Int32, 666, Mutability.Immutable));
        linker.Define("spectest", "global_i64", new Global(store, ValueKind.Int64, 666L, Mutability.Immutable));
        linker.Define("spectest", "global_f32", new Global(store, ValueKind.Float32, BitConverter.UInt32BitsToSingle(0x4426A666), Mutability.Immutable));
        linker.Define("spectest", "global_f64", new Global(store, ValueKind.Float64, BitConverter.UInt64BitsToDouble(0x4084D4CCCCCCCCCD), Mutability.Immutable));
        linker.Define("spectest", "table", new Table(store, TableKind.FuncRef, null, 10, 20));
        linker.Define("spectest", "memory", new Memory(store, 1, 2));

        void Print(string name, params ValueKind[] parameters) =>
            linker.DefineFunction("spectest", name, (Caller _, ReadOnlySpan<ValueBox> _, Span<ValueBox> _) => { }, parameters, []);
    }
}
