using WasmConform.Engine.Syntax;
using WasmConform.Engine.Tests.Execution;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>Threads proposal: validation of atomic instructions and shared memories.</summary>
public class AtomicTests
{
    private const Features Threads = FeatureSets.Wasm3 | Features.Threads;

    public static TheoryData<Opcode, int> Accesses() => AtomicAccesses.Rows(AtomicAccesses.All());

    /// <summary>The accesses wider than one byte: they can be under-aligned.</summary>
    public static TheoryData<Opcode, int> WideAccesses() => AtomicAccesses.Rows(AtomicAccesses.All().Where(a => a.Bytes > 1));

    /// <summary>A function that runs <paramref name="op"/> on zero operands and drops its result, with one memory.</summary>
    private static Module Use(Opcode op, uint align, Memory? memory = null)
    {
        var sig = OpcodeTable.Info(op).Signature!;
        var body = new List<Instruction>();
        foreach (var t in sig.Params.AsSpan())
            body.Add(t == SigType.I64 ? I64(0) : I32(0));
        body.Add(Load(op, align));
        if (sig.Results.Count > 0) body.Add(Op(Opcode.Drop));
        return Body([.. body]) with { Memories = memory is null ? [] : [memory] };
    }

    private static Memory SharedMemory => new(new MemType(AddrType.I32, new Limits(1, 1), Shared: true));

    [Theory]
    [MemberData(nameof(Accesses))]
    public void Atomic_access_at_natural_alignment_is_valid(Opcode op, int bytes)
    {
        Valid(Use(op, (uint)Math.Log2(bytes), SharedMemory), Threads);
    }

    [Theory]
    [MemberData(nameof(WideAccesses))]
    public void Atomic_access_below_natural_alignment_is_invalid(Opcode op, int bytes)
    {
        Invalid(Use(op, (uint)Math.Log2(bytes) - 1, SharedMemory), "atomic alignment must be natural", Threads);
    }

    [Theory]
    [MemberData(nameof(Accesses))]
    public void Atomic_access_above_natural_alignment_is_invalid(Opcode op, int bytes)
    {
        Invalid(Use(op, (uint)Math.Log2(bytes) + 1, SharedMemory), "atomic alignment must be natural", Threads);
    }

    [Fact]
    public void Atomic_access_on_an_unshared_memory_is_valid()
    {
        Valid(Use(Opcode.I64AtomicRmwCmpxchg, 3, Memory()), Threads);
        Valid(Use(Opcode.MemoryAtomicWait32, 2, Memory()), Threads);
    }

    [Fact]
    public void Atomic_access_without_a_memory_is_unknown_memory()
    {
        Invalid(Use(Opcode.I32AtomicLoad, 2), "unknown memory 0", Threads);
    }

    [Fact]
    public void Unknown_memory_is_reported_before_alignment()
    {
        Invalid(Use(Opcode.I32AtomicLoad, 0), "unknown memory 0", Threads);
    }

    [Fact]
    public void Atomic_fence_needs_no_memory()
    {
        Valid(Body(Op(Opcode.AtomicFence)), Threads);
    }

    [Fact]
    public void Plain_load_keeps_its_rule_alignment_at_most_natural()
    {
        Valid(Use(Opcode.I32Load, 1, Memory()), Threads);
        Invalid(Use(Opcode.I32Load, 3, Memory()), "alignment must not be larger than natural", Threads);
    }

    [Fact]
    public void Imported_shared_memory_without_maximum_is_invalid()
    {
        var import = new Import("m", "mem", new ExternMemory(new MemType(AddrType.I32, new Limits(1), Shared: true)));
        Invalid(new Module { Imports = [import] }, "shared memory must have maximum", Threads);
    }

    [Fact]
    public void Shared_memory_with_maximum_is_valid()
    {
        Valid(new Module { Memories = [SharedMemory] }, Threads);
    }

    [Fact]
    public void Limits_are_checked_before_sharing()
    {
        var m = new Module { Memories = [new Memory(new MemType(AddrType.I32, new Limits(2, 1), Shared: true))] };
        Invalid(m, "size minimum must not be greater than maximum", Threads);
    }
}
