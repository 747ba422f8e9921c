using WasmConform.Fuzz.Engines;

namespace WasmConform.Fuzz.Tests.Engines;

public sealed class ReferenceContract() : EngineContract(EngineCatalog.Reference)
{
    [Fact] public void Adds() => Adds_two_i32s();
    [Fact] public void Numbers_bit_exact() => Passes_numbers_bit_exactly();
    [Fact] public void Truncated_module_rejected() => Rejects_a_truncated_module();
    [Fact] public void Trap_kinds() => Traps_with_the_spec_kind();
    [Fact] public void Exit() => Exits_through_env_exit();
    [Fact] public void Log_trace() => Returns_the_log_trace();
    [Fact] public void State() => Reports_exported_globals_and_memory_hashes();
    [Fact] public void Tables() => Reports_exported_table_sizes_and_nulls();
    [Fact] public void Host_references() => Round_trips_host_references();
    [Fact] public void Linking() => Links_registered_instances_and_spectest();
    [Fact] public void Unlinkable() => Reports_an_unknown_import_as_unlinkable();
}

public sealed class WasmtimeContract() : EngineContract(EngineCatalog.Wasmtime)
{
    private const string E = EngineCatalog.Wasmtime;
    [EngineFact(E)] public void Adds() => Adds_two_i32s();
    [EngineFact(E)] public void Numbers_bit_exact() => Passes_numbers_bit_exactly();
    [EngineFact(E)] public void Truncated_module_rejected() => Rejects_a_truncated_module();
    [EngineFact(E)] public void Trap_kinds() => Traps_with_the_spec_kind();
    [EngineFact(E)] public void Exit() => Exits_through_env_exit();
    [EngineFact(E)] public void Log_trace() => Returns_the_log_trace();
    [EngineFact(E)] public void State() => Reports_exported_globals_and_memory_hashes();
    [EngineFact(E)] public void Tables() => Reports_exported_table_sizes_and_nulls();
    [EngineFact(E)] public void Host_references() => Round_trips_host_references();
    [EngineFact(E)] public void Linking() => Links_registered_instances_and_spectest();
    [EngineFact(E)] public void Unlinkable() => Reports_an_unknown_import_as_unlinkable();
}

public sealed class V8Contract() : EngineContract(EngineCatalog.V8)
{
    private const string E = EngineCatalog.V8;
    [EngineFact(E)] public void Adds() => Adds_two_i32s();
    [EngineFact(E)] public void Numbers_bit_exact() => Passes_numbers_bit_exactly();
    [EngineFact(E)] public void Truncated_module_rejected() => Rejects_a_truncated_module();
    [EngineFact(E)] public void Trap_kinds() => Traps_with_the_spec_kind();
    [EngineFact(E)] public void Exit() => Exits_through_env_exit();
    [EngineFact(E)] public void Log_trace() => Returns_the_log_trace();
    [EngineFact(E)] public void State() => Reports_exported_globals_and_memory_hashes();
    [EngineFact(E)] public void Tables() => Reports_exported_table_sizes_and_nulls();
    [EngineFact(E)] public void Host_references() => Round_trips_host_references();
    [EngineFact(E)] public void Linking() => Links_registered_instances_and_spectest();
    [EngineFact(E)] public void Unlinkable() => Reports_an_unknown_import_as_unlinkable();
}

public sealed class WazeroContract() : EngineContract(EngineCatalog.Wazero)
{
    private const string E = EngineCatalog.Wazero;
    [EngineFact(E)] public void Adds() => Adds_two_i32s();
    [EngineFact(E)] public void Numbers_bit_exact() => Passes_numbers_bit_exactly();
    [EngineFact(E)] public void Truncated_module_rejected() => Rejects_a_truncated_module();
    [EngineFact(E)] public void Trap_kinds() => Traps_with_the_spec_kind();
    [EngineFact(E)] public void Exit() => Exits_through_env_exit();
    [EngineFact(E)] public void Log_trace() => Returns_the_log_trace();
    [EngineFact(E)] public void State() => Reports_exported_globals_and_memory_hashes();
    [EngineFact(E)] public void Host_references() => Round_trips_host_references();
    [EngineFact(E)] public void Linking() => Links_registered_instances_and_spectest();
    [EngineFact(E)] public void Unlinkable() => Reports_an_unknown_import_as_unlinkable();
}
