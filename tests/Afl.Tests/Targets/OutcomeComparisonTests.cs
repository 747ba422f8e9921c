using WasmConform.Afl.Targets;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Afl.Tests.Targets;

/// <summary>The differential target's comparison rules, one each.</summary>
public sealed class OutcomeComparisonTests
{
    private static readonly Value ExternalizedI31 = Value.Ref(HeapType.Extern, I31Reference.Of(5));

    [Fact]
    public void Any_nan_equals_any_nan() =>
        Assert.True(OutcomeComparison.Same(Value.F32Bits(0x7FC0_0000), Value.F32Bits(0xFFC0_0001)));

    [Fact]
    public void Plus_zero_differs_from_minus_zero() =>
        Assert.False(OutcomeComparison.Same(Value.F64(0.0), Value.F64(-0.0)));

    [Fact]
    public void V128_is_compared_bit_for_bit() =>
        Assert.False(OutcomeComparison.Same(Value.V128(0x7FC0_0000, 0), Value.V128(0x7FC0_0001, 0)));

    [Fact]
    public void Externref_holding_an_internal_reference_equals_a_null_from_the_other_engine() =>
        Assert.True(OutcomeComparison.Same(ExternalizedI31, Value.Null(HeapType.Extern)));

    [Fact]
    public void Host_reference_differs_from_null() =>
        Assert.False(OutcomeComparison.Same(Value.Ref(HeapType.Extern, new HostReference(1)), Value.Null(HeapType.Extern)));

    [Fact]
    public void Null_from_the_reference_differs_from_a_non_null_reference() =>
        Assert.False(OutcomeComparison.Same(Value.Null(HeapType.Extern), ExternalizedI31));

    [Fact]
    public void Malformed_and_invalid_are_one_rejection() =>
        Assert.Null(OutcomeComparison.Outcomes(new Outcome.Malformed("unexpected end"), new Outcome.Invalid("type mismatch")));

    [Fact]
    public void Different_exit_codes_differ() =>
        Assert.NotNull(OutcomeComparison.Outcomes(new Outcome.Exit(1), new Outcome.Exit(2)));

    [Fact]
    public void Trap_kinds_of_one_class_agree() =>
        Assert.Null(OutcomeComparison.Outcomes(
            new Outcome.Trap(TrapKind.UndefinedElement, "undefined element"),
            new Outcome.Trap(TrapKind.OutOfBoundsTableAccess, "out of bounds table access")));

    [Fact]
    public void Values_and_trap_differ() =>
        Assert.NotNull(OutcomeComparison.Outcomes(new Outcome.Values([Value.I32(1)]), new Outcome.Trap(TrapKind.Unreachable, "unreachable")));
}
