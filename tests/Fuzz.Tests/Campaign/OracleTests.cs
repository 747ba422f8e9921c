using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;
using WasmConform.Fuzz.Oracle;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>The oracle's rules one by one, on hand-made records of one step.</summary>
public sealed class OracleTests
{
    private static readonly OracleContext Canonical = new(CanonicalNans: true, RelaxedSimd: false);
    private static readonly OracleContext NotCanonical = new(CanonicalNans: false, RelaxedSimd: false);
    private static readonly CaseStep Call = CaseStep.Invoke("f0", []);

    private static StepRecord Record(Outcome outcome, Value[]? trace = null, EngineState? state = null, CaseStep? step = null) =>
        new(step ?? Call, outcome, [.. trace ?? []], state is null ? null : new Outcome.Snapshot(state), TimeSpan.Zero);

    private static StepRecord Returned(params Value[] values) => Record(new Outcome.Values([.. values]));

    private static StepVerdict Compare(StepRecord a, StepRecord b, OracleContext? context = null, string other = "wasmtime") =>
        OutcomeOracle.Compare(a, b, "reference", other, context ?? Canonical);

    private static Difference Differs(StepVerdict verdict) => Assert.IsType<StepVerdict.Differs>(verdict).Difference;

    // --- NaN classes ---

    [Fact]
    public void Nans_with_different_payloads_are_equal_when_the_case_does_not_canonicalise()
    {
        var verdict = Compare(Returned(Value.F32Bits(0x7FC00000)), Returned(Value.F32Bits(0xFFC00001)), NotCanonical);
        Assert.IsType<StepVerdict.Same>(verdict);
    }

    [Fact]
    public void Nans_with_different_signs_diverge_when_the_case_canonicalises()
    {
        var difference = Differs(Compare(Returned(Value.F64Bits(0x7FF8000000000000)), Returned(Value.F64Bits(0xFFF8000000000000))));
        Assert.Equal("result", difference.Aspect);
        Assert.Equal("result f64", difference.Key);
    }

    [Fact]
    public void A_nan_from_v8_equals_any_nan_even_when_the_case_canonicalises()
    {
        var verdict = Compare(Returned(Value.F32Bits(0x7FA00000)), Returned(Value.F32Bits(0x7FC00000)), Canonical, other: "v8");
        Assert.IsType<StepVerdict.Same>(verdict);
    }

    [Fact]
    public void A_nan_never_equals_a_number()
    {
        Differs(Compare(Returned(Value.F32Bits(0x7FC00000)), Returned(Value.F32(1f)), NotCanonical, other: "v8"));
    }

    [Fact]
    public void Plus_zero_differs_from_minus_zero()
    {
        Differs(Compare(Returned(Value.F32Bits(0x00000000)), Returned(Value.F32Bits(0x80000000)), NotCanonical));
        Differs(Compare(Returned(Value.F64Bits(0)), Returned(Value.F64Bits(0x8000000000000000)), NotCanonical));
    }

    [Fact]
    public void V128_compares_by_bits_even_with_nan_lanes()
    {
        var a = Value.V128(0x7FC000007FC00000, 0);
        var b = Value.V128(0x7FC000017FC00000, 0);
        Assert.Equal("result v128", Differs(Compare(Returned(a), Returned(b), NotCanonical)).Key);
    }

    [Fact]
    public void Integers_compare_bit_exact()
    {
        Assert.IsType<StepVerdict.Same>(Compare(Returned(Value.I64(-1)), Returned(Value.I64(-1))));
        Assert.Equal("result i32", Differs(Compare(Returned(Value.I32(5)), Returned(Value.I32(6)))).Key);
    }

    [Fact]
    public void Host_references_compare_by_number_and_foreign_references_by_kind()
    {
        var host1 = Value.Ref(HeapType.Extern, new HostReference(1));
        var host2 = Value.Ref(HeapType.Extern, new HostReference(2));
        Differs(Compare(Returned(host1), Returned(host2)));
        var foreignFunc = Value.Ref(HeapType.Func, new ForeignReference(HeapKind.Func));
        Differs(Compare(Returned(Value.Null(HeapType.Func)), Returned(foreignFunc)));
    }

    [Fact]
    public void An_externref_of_an_internal_reference_equals_a_null_only_from_wasmtime()
    {
        var internalised = Value.Ref(HeapType.Extern, new object());
        var none = Value.Null(HeapType.Extern);
        Assert.IsType<StepVerdict.Same>(Compare(Returned(internalised), Returned(none), other: "wasmtime"));
        Differs(Compare(Returned(internalised), Returned(none), other: "v8"));
        Differs(Compare(Returned(Value.Ref(HeapType.Extern, new HostReference(1))), Returned(none), other: "wasmtime"));
    }

    // --- Traps, exits, outcome kinds ---

    [Fact]
    public void Trap_kinds_of_one_class_are_the_same()
    {
        var overflow = Record(new Outcome.Trap(TrapKind.IntegerOverflow, "integer overflow"));
        var conversion = Record(new Outcome.Trap(TrapKind.InvalidConversionToInteger, "float unrepresentable in integer range"));
        Assert.IsType<StepVerdict.Same>(Compare(overflow, conversion));
    }

    [Fact]
    public void Trap_kinds_of_different_classes_diverge()
    {
        var divide = Record(new Outcome.Trap(TrapKind.IntegerDivideByZero, "integer divide by zero"));
        var bounds = Record(new Outcome.Trap(TrapKind.OutOfBoundsMemoryAccess, "out of bounds memory access"));
        var difference = Differs(Compare(divide, bounds));
        Assert.Equal("trap kind", difference.Aspect);
        Assert.Contains("integer divide by zero", difference.Key);
        Assert.Contains("out of bounds memory access", difference.Key);
    }

    [Fact]
    public void Trap_messages_are_not_compared()
    {
        var ours = Record(new Outcome.Trap(TrapKind.Unreachable, "unreachable executed"));
        var theirs = Record(new Outcome.Trap(TrapKind.Unreachable, "wasm trap: wasm `unreachable` instruction executed"));
        Assert.IsType<StepVerdict.Same>(Compare(ours, theirs));
    }

    [Fact]
    public void Exit_codes_must_match()
    {
        Assert.IsType<StepVerdict.Same>(Compare(Record(new Outcome.Exit(7)), Record(new Outcome.Exit(7))));
        Assert.Equal("exit code", Differs(Compare(Record(new Outcome.Exit(7)), Record(new Outcome.Exit(8)))).Aspect);
    }

    [Fact]
    public void The_generated_fuel_exit_is_compared_like_any_exit()
    {
        var fuel = Record(new Outcome.Exit(GeneratedModule.FuelExitCode));
        var difference = Differs(Compare(fuel, Returned(Value.I32(0))));
        Assert.Equal("outcome exit(fuel) vs values", difference.Key);
    }

    [Fact]
    public void A_trap_against_values_is_an_outcome_difference()
    {
        var trap = Record(new Outcome.Trap(TrapKind.Unreachable, "unreachable executed"));
        Assert.Equal("outcome", Differs(Compare(trap, Returned())).Aspect);
    }

    [Fact]
    public void Malformed_and_invalid_are_one_class_of_rejection()
    {
        var malformed = Record(new Outcome.Malformed("unexpected end"), step: CaseStep.Compile);
        var invalid = Record(new Outcome.Invalid("compile error"), step: CaseStep.Compile);
        Assert.IsType<StepVerdict.Same>(Compare(malformed, invalid));
        Differs(Compare(malformed, Record(new Outcome.Compiled(new object()), step: CaseStep.Compile)));
    }

    // --- Traces ---

    [Fact]
    public void A_differing_logged_value_diverges()
    {
        var difference = Differs(Compare(Record(new Outcome.Values([]), [Value.I64(1)]), Record(new Outcome.Values([]), [Value.I64(2)])));
        Assert.Equal("trace i64", difference.Key);
    }

    [Fact]
    public void A_missing_logged_value_diverges()
    {
        var difference = Differs(Compare(Record(new Outcome.Values([]), [Value.I32(1), Value.I32(2)]), Record(new Outcome.Values([]), [Value.I32(1)])));
        Assert.Equal("trace length", difference.Aspect);
    }

    [Fact]
    public void Logged_nans_follow_the_nan_rule()
    {
        var a = Record(new Outcome.Values([]), [Value.F64Bits(0x7FF8000000000001)]);
        var b = Record(new Outcome.Values([]), [Value.F64Bits(0x7FF8000000000000)]);
        Assert.IsType<StepVerdict.Same>(Compare(a, b, NotCanonical));
        Differs(Compare(a, b, Canonical));
    }

    // --- State ---

    private static EngineState State(Value g0, byte[] memory) =>
        new([new GlobalState("g0", g0)], [MemoryState.Of("m0", memory, keepBytes: false)]);

    [Fact]
    public void A_differing_global_diverges()
    {
        var difference = Differs(Compare(Record(new Outcome.Values([]), state: State(Value.I32(1), new byte[16])),
            Record(new Outcome.Values([]), state: State(Value.I32(2), new byte[16]))));
        Assert.Equal("global i32", difference.Key);
        Assert.Equal("global g0", difference.Where);
    }

    [Fact]
    public void Differing_memories_show_their_first_differing_byte_when_the_bytes_are_there()
    {
        byte[] ours = new byte[64], theirs = new byte[64];
        theirs[37] = 9;
        var a = new EngineState([], [MemoryState.Of("m0", ours, keepBytes: true)]);
        var b = new EngineState([], [MemoryState.Of("m0", theirs, keepBytes: true)]);
        var difference = Differs(Compare(Record(new Outcome.Values([]), state: a), Record(new Outcome.Values([]), state: b)));
        Assert.Equal("memory contents", difference.Aspect);
        Assert.Equal("memory m0 byte 0x25", difference.Where);
        Assert.Equal(("0x00", "0x09"), (difference.Baseline, difference.Other));
    }

    [Fact]
    public void Differing_memories_without_bytes_are_told_by_hash_and_need_the_bytes()
    {
        var a = State(Value.I32(0), new byte[8]);
        var b = State(Value.I32(0), [0, 0, 1, 0, 0, 0, 0, 0]);
        Assert.Equal("memory m0", Differs(Compare(Record(new Outcome.Values([]), state: a), Record(new Outcome.Values([]), state: b))).Where);
        Assert.True(StateComparison.NeedsBytes(a, b));
    }

    [Fact]
    public void Memories_of_different_sizes_are_inconclusive_since_memory_grow_may_fail()
    {
        var verdict = Compare(Record(new Outcome.Values([Value.I32(1)]), state: State(Value.I32(0), new byte[65536])),
            Record(new Outcome.Values([Value.I32(-1)]), state: State(Value.I32(0), new byte[131072])));
        Assert.Same(DifferenceRules.MemoryGrowRefused, Assert.IsType<StepVerdict.Inconclusive>(verdict).Rule);
    }

    private static EngineState Tables(params TableState[] tables) => new([], [], tables);

    [Fact]
    public void Funcref_tables_with_nulls_in_other_places_differ_at_the_first_one()
    {
        var difference = Differs(Compare(Record(new Outcome.Values([]), state: Tables(new TableState("t0", 4, "0110"))),
            Record(new Outcome.Values([]), state: Tables(new TableState("t0", 4, "0100")))));
        Assert.Equal(("table elements", "table t0 element 2"), (difference.Aspect, difference.Where));
        Assert.Equal(("non-null", "null"), (difference.Baseline, difference.Other));
    }

    [Fact]
    public void Tables_of_different_sizes_are_inconclusive_since_table_grow_may_fail()
    {
        var verdict = Compare(Record(new Outcome.Values([]), state: Tables(new TableState("t0", 4, "0000"))),
            Record(new Outcome.Values([]), state: Tables(new TableState("t0", 2, "00"))));
        Assert.Same(DifferenceRules.TableGrowRefused, Assert.IsType<StepVerdict.Inconclusive>(verdict).Rule);
    }

    [Fact]
    public void Tables_are_compared_only_when_both_engines_report_them_and_nulls_only_where_both_know_them()
    {
        var ours = Tables(new TableState("t0", 4, "0110"));
        Assert.IsType<StepVerdict.Same>(Compare(Record(new Outcome.Values([]), state: ours),
            Record(new Outcome.Values([]), state: new EngineState([], []))));
        Assert.IsType<StepVerdict.Same>(Compare(Record(new Outcome.Values([]), state: Tables(new TableState("t0", 4, null))),
            Record(new Outcome.Values([]), state: Tables(new TableState("t0", 4, "1111")))));
        Assert.Equal("tables", Differs(Compare(Record(new Outcome.Values([]), state: ours),
            Record(new Outcome.Values([]), state: Tables()))).Aspect);
    }

    [Fact]
    public void A_v128_global_that_v8_cannot_read_is_left_out()
    {
        var ours = new EngineState([new GlobalState("g0", Value.V128(1, 2))], []);
        var theirs = new EngineState([], []);
        Assert.IsType<StepVerdict.Same>(Compare(Record(new Outcome.Values([]), state: ours), Record(new Outcome.Values([]), state: theirs), other: "v8"));
        Assert.Equal("globals", Differs(Compare(Record(new Outcome.Values([]), state: ours), Record(new Outcome.Values([]), state: theirs))).Aspect);
    }

    // --- Exhaustion, crashes, unsupported, relaxed SIMD ---

    [Theory]
    [InlineData(ExhaustionKind.CallStack)]
    [InlineData(ExhaustionKind.Fuel)]
    [InlineData(ExhaustionKind.Time)]
    public void Exhaustion_is_inconclusive_never_a_divergence(ExhaustionKind kind)
    {
        var verdict = Compare(Record(new Outcome.Exhausted(kind)), Returned(Value.I32(3)));
        Assert.Same(DifferenceRules.Exhaustion, Assert.IsType<StepVerdict.Inconclusive>(verdict).Rule);
    }

    [Fact]
    public void A_crash_is_a_divergence_named_after_the_crashed_engine_only()
    {
        var crash = Record(new Outcome.Crash("System.NullReferenceException: Object reference not set\n   at Somewhere()"));
        var divergence = Divergence.Of("reference", "wasmtime", 3, Call, Differs(Compare(crash, Returned())));
        Assert.Equal("reference crash: System.NullReferenceException: Object reference not set | invoke", divergence.Signature);
    }

    [Fact]
    public void Crash_signatures_leave_out_numbers_and_quoted_handles()
    {
        var a = Differs(Compare(Returned(), Record(new Outcome.Crash("v8 runner error: unknown instance \"w3.i17\" at 12"))));
        var b = Differs(Compare(Returned(), Record(new Outcome.Crash("v8 runner error: unknown instance \"w1.i2\" at 4"))));
        Assert.Equal(a.Key, b.Key);
        Assert.StartsWith("wasmtime crash: v8 runner error", a.Key);
    }

    [Fact]
    public void An_unsupported_step_makes_the_engine_sit_out()
    {
        var verdict = Compare(Returned(Value.V128(0, 0)), Record(new Outcome.Unsupported("v128 values at the JS boundary")), other: "v8");
        Assert.Equal("v8", Assert.IsType<StepVerdict.SatOut>(verdict).Engine);
    }

    [Fact]
    public void Any_difference_in_a_module_with_relaxed_simd_is_inconclusive()
    {
        var verdict = Compare(Returned(Value.V128(1, 0)), Returned(Value.V128(2, 0)), new OracleContext(true, RelaxedSimd: true));
        Assert.Same(DifferenceRules.RelaxedSimd, Assert.IsType<StepVerdict.Inconclusive>(verdict).Rule);
    }

    [Fact]
    public void Relaxed_simd_instructions_are_recognised_by_their_encoding()
    {
        Assert.True(DifferenceRules.IsRelaxedSimd(Opcode.I8x16RelaxedSwizzle));
        Assert.False(DifferenceRules.IsRelaxedSimd(Opcode.I8x16Swizzle));
    }

    // --- Signatures ---

    [Fact]
    public void Signatures_do_not_name_the_export_so_one_bug_in_two_functions_is_one_signature()
    {
        var difference = Differs(Compare(Returned(Value.I32(1)), Returned(Value.I32(2))));
        var first = Divergence.Of("reference", "wasmtime", 2, CaseStep.Invoke("f0", []), difference);
        var second = Divergence.Of("reference", "wasmtime", 5, CaseStep.Invoke("f3", [Value.I32(9)]), difference);
        Assert.Equal(first.Signature, second.Signature);
        Assert.Equal("reference vs wasmtime | invoke | result i32", first.Signature);
    }

    [Fact]
    public void Every_rule_has_a_name_and_a_reason()
    {
        Assert.All(DifferenceRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal(DifferenceRules.All.Count, DifferenceRules.All.Select(r => r.Name).Distinct().Count());
    }
}
