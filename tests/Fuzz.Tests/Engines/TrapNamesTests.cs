using WasmConform.Engine.Execution;
using WasmConform.Fuzz.Engines.Runners;

namespace WasmConform.Fuzz.Tests.Engines;

/// <summary>Each engine's trap names and messages map onto the spec's kinds, by name or text.</summary>
public sealed class TrapNamesTests
{
    [Fact]
    public void Every_wasmtime_name_in_the_table_is_a_TrapCode_member()
    {
        foreach (var name in TrapNames.Wasmtime.Keys)
            Assert.True(Enum.TryParse<Wasmtime.TrapCode>(name, out _), $"{name} is not a Wasmtime.TrapCode name");
    }

    [Theory]
    [InlineData(nameof(Wasmtime.TrapCode.IntegerDivisionByZero), TrapKind.IntegerDivideByZero)]
    [InlineData(nameof(Wasmtime.TrapCode.BadConversionToInteger), TrapKind.InvalidConversionToInteger)]
    [InlineData(nameof(Wasmtime.TrapCode.MemoryOutOfBounds), TrapKind.OutOfBoundsMemoryAccess)]
    [InlineData(nameof(Wasmtime.TrapCode.IndirectCallToNull), TrapKind.UninitializedElement)]
    [InlineData(nameof(Wasmtime.TrapCode.BadSignature), TrapKind.IndirectCallTypeMismatch)]
    [InlineData(nameof(Wasmtime.TrapCode.Unreachable), TrapKind.Unreachable)]
    public void Wasmtime_trap_codes_map_by_name(string code, TrapKind kind) =>
        Assert.Equal(kind, TrapNames.FromWasmtime(code));

    [Fact]
    public void Wasmtime_exhaustion_codes_are_not_traps()
    {
        Assert.Null(TrapNames.FromWasmtime(nameof(Wasmtime.TrapCode.StackOverflow)));
        Assert.Null(TrapNames.FromWasmtime(nameof(Wasmtime.TrapCode.OutOfFuel)));
        Assert.Null(TrapNames.FromWasmtime(nameof(Wasmtime.TrapCode.Interrupt)));
    }

    [Theory]
    [InlineData("divide by zero", TrapKind.IntegerDivideByZero)]
    [InlineData("remainder by zero", TrapKind.IntegerDivideByZero)]
    [InlineData("divide result unrepresentable", TrapKind.IntegerOverflow)]
    [InlineData("float unrepresentable in integer range", TrapKind.InvalidConversionToInteger)]
    [InlineData("memory access out of bounds", TrapKind.OutOfBoundsMemoryAccess)]
    [InlineData("WebAssembly.Instance(): data segment is out of bounds", TrapKind.OutOfBoundsMemoryAccess)]
    [InlineData("table index is out of bounds", TrapKind.UndefinedElement)]
    [InlineData("null function or function signature mismatch", TrapKind.IndirectCallTypeMismatch)]
    [InlineData("unreachable", TrapKind.Unreachable)]
    public void V8_messages_map_by_text(string message, TrapKind kind) => Assert.Equal(kind, TrapNames.FromV8(message));

    [Theory]
    [InlineData("wasm error: integer divide by zero", TrapKind.IntegerDivideByZero)]
    [InlineData("wasm error: invalid table access", TrapKind.OutOfBoundsTableAccess)]
    [InlineData("wasm error: indirect call type mismatch", TrapKind.IndirectCallTypeMismatch)]
    [InlineData("out of bounds memory access", TrapKind.OutOfBoundsMemoryAccess)]
    public void Wazero_errors_map_by_text(string message, TrapKind kind) => Assert.Equal(kind, TrapNames.FromWazero(message));

    [Fact]
    public void Unknown_texts_map_to_nothing()
    {
        Assert.Null(TrapNames.FromV8("something else"));
        Assert.Null(TrapNames.FromWazero("wasm error: too many waiters"));
        Assert.Null(TrapNames.FromWasmtime("NoSuchCode"));
    }
}
