using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Engines;

/// <summary>
/// The <c>spectest</c> host module that the official suite imports from, with exactly the
/// reference interpreter's exports: <c>print*</c> functions (which print nothing here),
/// globals of value 666 / 666.6, <c>table</c> and <c>table64</c> (10..20 funcref),
/// <c>memory</c> (1..2 pages) and, for the threads proposal, <c>shared_memory</c> (1..2 pages, shared).
/// </summary>
public static class Spectest
{
    /// <summary>The module name.</summary>
    public const string Module = "spectest";

    /// <summary>Defines a fresh set of spectest exports in <paramref name="linker"/>.</summary>
    public static Linker DefineIn(Linker linker)
    {
        Func("print");
        Func("print_i32", ValType.I32);
        Func("print_i64", ValType.I64);
        Func("print_f32", ValType.F32);
        Func("print_f64", ValType.F64);
        Func("print_i32_f32", ValType.I32, ValType.F32);
        Func("print_f64_f64", ValType.F64, ValType.F64);
        Global("global_i32", Value.I32(666));
        Global("global_i64", Value.I64(666));
        Global("global_f32", Value.F32Bits(0x4426A666)); // 666.6f
        Global("global_f64", Value.F64Bits(0x4084D4CCCCCCCCCD)); // 666.6
        linker.Define(Module, "table", ExternValue.Of(new TableInstance(new TableType(AddrType.I32, new Limits(10, 20), RefType.FuncRef), null)));
        linker.Define(Module, "table64", ExternValue.Of(new TableInstance(new TableType(AddrType.I64, new Limits(10, 20), RefType.FuncRef), null)));
        linker.Define(Module, "memory", ExternValue.Of(new MemoryInstance(new MemType(AddrType.I32, new Limits(1, 2)))));
        linker.Define(Module, "shared_memory", ExternValue.Of(new MemoryInstance(new MemType(AddrType.I32, new Limits(1, 2), Shared: true))));
        return linker;

        void Func(string name, params ValType[] parameters) =>
            linker.Define(Module, name, ExternValue.Of(new HostFunction(new FuncType(parameters, []), _ => [], Module + "." + name)));

        void Global(string name, Value value) =>
            linker.Define(Module, name, ExternValue.Of(new GlobalInstance(new GlobalType(value.Type, false), value)));
    }
}
