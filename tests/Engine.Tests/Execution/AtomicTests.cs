using System.Buffers.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Execution.Wasm;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>Threads proposal: atomic instructions executed in a single thread.</summary>
public class AtomicTests
{
    /// <summary>Bytes 8..15 of memory before each read-modify-write test.</summary>
    private static readonly byte[] Pattern = [0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF];
    private const int At = 8;

    /// <summary>
    /// An instance with one memory (shared unless said otherwise) exporting "f": its parameters are
    /// the operands of <paramref name="op"/>, and its body applies <paramref name="op"/> at natural alignment.
    /// </summary>
    private static ModuleInstance Run(Opcode op, bool shared = true, ulong offset = 0, AddrType addrType = AddrType.I32)
    {
        var sig = OpcodeTable.Info(op).Signature!;
        ValType Map(SigType t) => t switch
        {
            SigType.I64 => ValType.I64,
            SigType.Addr => addrType == AddrType.I64 ? ValType.I64 : ValType.I32,
            _ => ValType.I32,
        };
        var parameters = sig.Params.AsSpan().ToArray().Select(Map).ToArray();
        var results = sig.Results.AsSpan().ToArray().Select(Map).ToArray();
        var body = new List<Instruction>();
        for (uint i = 0; i < parameters.Length; i++) body.Add(LocalGet(i));
        uint align = (uint)Math.Log2(AtomicAccesses.Width(op));
        body.Add(new MemoryInstruction(op, new MemArg(align, offset)));
        var memory = new Memory(new MemType(addrType, new Limits(1, 1), Shared: shared));
        var module = Module([Type(parameters, results)], [("f", 0, [], [.. body])], memories: [memory]);
        return Instantiate(module);
    }

    private static Value Operand(bool is64, ulong bits) => is64 ? Value.I64((long)bits) : Value.I32((int)bits);

    private static ulong Mask(int bytes) => bytes == 8 ? ulong.MaxValue : (1UL << (8 * bytes)) - 1;

    /// <summary>The little-endian value of the first <paramref name="bytes"/> bytes of <see cref="Pattern"/>.</summary>
    private static ulong PatternValue(int bytes)
    {
        ulong value = 0;
        for (int i = bytes - 1; i >= 0; i--) value = (value << 8) | Pattern[i];
        return value;
    }

    /// <summary><see cref="Pattern"/> with its first <paramref name="bytes"/> bytes replaced by <paramref name="value"/>'s low bytes.</summary>
    private static byte[] PatternWith(int bytes, ulong value)
    {
        var expected = (byte[])Pattern.Clone();
        for (int i = 0; i < bytes; i++) expected[i] = (byte)(value >> (8 * i));
        return expected;
    }

    private static byte[] Cells(ModuleInstance instance) => instance.Memories[0].Data[At..(At + 8)];

    public static TheoryData<Opcode, int, bool, string> ReadModifyWrites()
    {
        var data = new TheoryData<Opcode, int, bool, string>();
        foreach (var operation in new[] { "add", "sub", "and", "or", "xor", "xchg" })
            foreach (var (op, bytes, is64) in AtomicAccesses.Group(operation)) data.Add(op, bytes, is64, operation);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReadModifyWrites))]
    public void Read_modify_write_returns_the_old_value_and_stores_the_new_one_in_its_width(Opcode op, int bytes, bool is64, string operation)
    {
        const ulong operand = 0x0123_4567_89AB_CDEF;
        var instance = Run(op);
        Pattern.CopyTo(instance.Memories[0].Data, At);
        ulong old = PatternValue(bytes);
        ulong updated = operation switch
        {
            "add" => old + operand,
            "sub" => old - operand,
            "and" => old & operand,
            "or" => old | operand,
            "xor" => old ^ operand,
            _ => operand,
        };
        var result = instance.Invoke("f", Value.I32(At), Operand(is64, operand));
        Assert.Equal(Operand(is64, old), result[0]);
        Assert.Equal(PatternWith(bytes, updated), Cells(instance));
    }

    public static TheoryData<Opcode, int, bool> Cmpxchgs()
    {
        var data = new TheoryData<Opcode, int, bool>();
        foreach (var (op, bytes, is64) in AtomicAccesses.Group("cmpxchg")) data.Add(op, bytes, is64);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cmpxchgs))]
    public void Cmpxchg_stores_the_replacement_when_the_cell_holds_the_expected_value(Opcode op, int bytes, bool is64)
    {
        const ulong replacement = 0x1122_3344_5566_7788;
        var instance = Run(op);
        Pattern.CopyTo(instance.Memories[0].Data, At);
        ulong old = PatternValue(bytes);
        var result = instance.Invoke("f", Value.I32(At), Operand(is64, old), Operand(is64, replacement));
        Assert.Equal(Operand(is64, old), result[0]);
        Assert.Equal(PatternWith(bytes, replacement), Cells(instance));
    }

    [Theory]
    [MemberData(nameof(Cmpxchgs))]
    public void Cmpxchg_compares_only_the_low_bits_of_the_expected_value(Opcode op, int bytes, bool is64)
    {
        var instance = Run(op);
        Pattern.CopyTo(instance.Memories[0].Data, At);
        ulong old = PatternValue(bytes);
        ulong expected = old | ~Mask(bytes);
        instance.Invoke("f", Value.I32(At), Operand(is64, expected), Operand(is64, 0));
        Assert.Equal(PatternWith(bytes, 0), Cells(instance));
    }

    [Theory]
    [MemberData(nameof(Cmpxchgs))]
    public void Cmpxchg_leaves_memory_alone_when_the_cell_differs(Opcode op, int bytes, bool is64)
    {
        var instance = Run(op);
        Pattern.CopyTo(instance.Memories[0].Data, At);
        ulong old = PatternValue(bytes);
        var result = instance.Invoke("f", Value.I32(At), Operand(is64, old ^ 1), Operand(is64, 0));
        Assert.Equal(Operand(is64, old), result[0]);
        Assert.Equal(Pattern, Cells(instance));
    }

    public static TheoryData<Opcode, int, bool> Loads()
    {
        var data = new TheoryData<Opcode, int, bool>();
        foreach (var (op, bytes, is64) in AtomicAccesses.Group("load")) data.Add(op, bytes, is64);
        return data;
    }

    [Theory]
    [MemberData(nameof(Loads))]
    public void Atomic_load_zero_extends_what_it_reads(Opcode op, int bytes, bool is64)
    {
        var instance = Run(op);
        Pattern.CopyTo(instance.Memories[0].Data, At);
        Assert.Equal(Operand(is64, PatternValue(bytes)), instance.Invoke("f", Value.I32(At))[0]);
    }

    public static TheoryData<Opcode, int, bool> Stores()
    {
        var data = new TheoryData<Opcode, int, bool>();
        foreach (var (op, bytes, is64) in AtomicAccesses.Group("store")) data.Add(op, bytes, is64);
        return data;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Atomic_store_writes_the_low_bytes_only(Opcode op, int bytes, bool is64)
    {
        const ulong value = 0x0102_0304_0506_0708;
        var instance = Run(op);
        Pattern.CopyTo(instance.Memories[0].Data, At);
        Assert.Empty(instance.Invoke("f", Value.I32(At), Operand(is64, value)));
        Assert.Equal(PatternWith(bytes, value), Cells(instance));
    }

    public static TheoryData<Opcode, int> WideAccesses() => AtomicAccesses.Rows(AtomicAccesses.All().Where(a => a.Bytes > 1));

    /// <summary>The arguments of "f" for <paramref name="op"/> at <paramref name="address"/>: zeros after the address.</summary>
    private static Value[] Arguments(Opcode op, int address)
    {
        var sig = OpcodeTable.Info(op).Signature!;
        var args = new Value[sig.Params.Count];
        args[0] = Value.I32(address);
        for (int i = 1; i < args.Length; i++) args[i] = sig.Params[i] == SigType.I64 ? Value.I64(0) : Value.I32(0);
        return args;
    }

    [Theory]
    [MemberData(nameof(WideAccesses))]
    public void Misaligned_address_traps_as_unaligned_atomic(Opcode op, int bytes)
    {
        var instance = Run(op);
        var ex = Assert.Throws<TrapException>(() => instance.Invoke("f", Arguments(op, bytes / 2)));
        Assert.Equal(TrapKind.UnalignedAtomic, ex.Kind);
        Assert.Equal("unaligned atomic memory access", ex.Message);
    }

    [Theory]
    [MemberData(nameof(WideAccesses))]
    public void Alignment_is_of_the_effective_address_offset_included(Opcode op, int bytes)
    {
        var misaligned = Run(op, offset: 1);
        Assert.Throws<TrapException>(() => misaligned.Invoke("f", Arguments(op, 0)));
        var aligned = Run(op, offset: (ulong)bytes - 1);
        aligned.Invoke("f", Arguments(op, 1));
    }

    [Theory]
    [MemberData(nameof(WideAccesses))]
    public void Misalignment_is_reported_before_out_of_bounds(Opcode op, int bytes)
    {
        var instance = Run(op);
        var ex = Assert.Throws<TrapException>(() => instance.Invoke("f", Arguments(op, 65536 + bytes / 2)));
        Assert.Equal(TrapKind.UnalignedAtomic, ex.Kind);
    }

    [Theory]
    [MemberData(nameof(Accesses))]
    public void Aligned_access_past_the_end_is_out_of_bounds(Opcode op, int bytes)
    {
        var instance = Run(op);
        var ex = Assert.Throws<TrapException>(() => instance.Invoke("f", Arguments(op, 65536)));
        Assert.Equal(TrapKind.OutOfBoundsMemoryAccess, ex.Kind);
        instance.Invoke("f", Arguments(op, 65536 - bytes));
    }

    public static TheoryData<Opcode, int> Accesses() => AtomicAccesses.Rows(AtomicAccesses.All());

    [Fact]
    public void Atomic_access_works_on_a_64_bit_memory()
    {
        var instance = Run(Opcode.I64AtomicRmwAdd, addrType: AddrType.I64);
        BinaryPrimitives.WriteInt64LittleEndian(instance.Memories[0].Data.AsSpan(At), 40);
        Assert.Equal(Value.I64(40), instance.Invoke("f", Value.I64(At), Value.I64(2))[0]);
        Assert.Equal(42, BinaryPrimitives.ReadInt64LittleEndian(instance.Memories[0].Data.AsSpan(At)));
    }

    [Fact]
    public void Atomic_access_works_on_an_unshared_memory()
    {
        var instance = Run(Opcode.I32AtomicRmwXchg, shared: false);
        Assert.Equal(Value.I32(0), instance.Invoke("f", Value.I32(At), Value.I32(7))[0]);
        Assert.Equal(Value.I32(7), instance.Invoke("f", Value.I32(At), Value.I32(9))[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Notify_wakes_nobody(int count)
    {
        Assert.Equal(Value.I32(0), Run(Opcode.MemoryAtomicNotify).Invoke("f", Value.I32(At), Value.I32(count))[0]);
        Assert.Equal(Value.I32(0), Run(Opcode.MemoryAtomicNotify, shared: false).Invoke("f", Value.I32(At), Value.I32(count))[0]);
    }

    [Theory]
    [InlineData(Opcode.MemoryAtomicWait32)]
    [InlineData(Opcode.MemoryAtomicWait64)]
    public void Wait_on_an_unshared_memory_traps(Opcode op)
    {
        var ex = Assert.Throws<TrapException>(() => Run(op, shared: false).Invoke("f", Arguments(op, At)));
        Assert.Equal(TrapKind.ExpectedSharedMemory, ex.Kind);
        Assert.Equal("expected shared memory", ex.Message);
    }

    [Theory]
    [InlineData(Opcode.MemoryAtomicWait32)]
    [InlineData(Opcode.MemoryAtomicWait64)]
    public void Wait_checks_alignment_before_sharing(Opcode op)
    {
        var ex = Assert.Throws<TrapException>(() => Run(op, shared: false).Invoke("f", Arguments(op, At + 2)));
        Assert.Equal(TrapKind.UnalignedAtomic, ex.Kind);
    }

    [Theory]
    [InlineData(Opcode.MemoryAtomicWait32)]
    [InlineData(Opcode.MemoryAtomicWait64)]
    public void Wait_checks_sharing_before_bounds(Opcode op)
    {
        var ex = Assert.Throws<TrapException>(() => Run(op, shared: false).Invoke("f", Arguments(op, 65536)));
        Assert.Equal(TrapKind.ExpectedSharedMemory, ex.Kind);
    }

    [Theory]
    [InlineData(Opcode.MemoryAtomicWait32, false)]
    [InlineData(Opcode.MemoryAtomicWait64, true)]
    public void Wait_for_a_value_the_cell_does_not_hold_is_not_equal(Opcode op, bool is64)
    {
        var instance = Run(op);
        Assert.Equal(Value.I32(1), instance.Invoke("f", Value.I32(At), Operand(is64, 1), Value.I64(-1))[0]);
    }

    [Theory]
    [InlineData(Opcode.MemoryAtomicWait32, false, 0)]
    [InlineData(Opcode.MemoryAtomicWait32, false, 1_000_000_000)]
    [InlineData(Opcode.MemoryAtomicWait64, true, 0)]
    [InlineData(Opcode.MemoryAtomicWait64, true, long.MaxValue)]
    public void Wait_with_a_timeout_and_nobody_to_notify_times_out(Opcode op, bool is64, long timeout)
    {
        var instance = Run(op);
        Pattern.CopyTo(instance.Memories[0].Data, At);
        ulong held = PatternValue(is64 ? 8 : 4);
        Assert.Equal(Value.I32(2), instance.Invoke("f", Value.I32(At), Operand(is64, held), Value.I64(timeout))[0]);
    }

    [Theory]
    [InlineData(Opcode.MemoryAtomicWait32)]
    [InlineData(Opcode.MemoryAtomicWait64)]
    public void Wait_forever_with_nobody_to_notify_exhausts_time(Opcode op)
    {
        var instance = Run(op);
        var args = Arguments(op, At);
        args[2] = Value.I64(-1);
        var ex = Assert.Throws<ExhaustionException>(() => instance.Invoke("f", args));
        Assert.Equal(ExhaustionKind.Time, ex.Kind);
    }

    [Fact]
    public void Atomic_fence_does_nothing()
    {
        var module = Module([Type([], [ValType.I32])], [("f", 0, [], [Op(Opcode.AtomicFence), I32(5)])]);
        Assert.Equal(Value.I32(5), Instantiate(module).Invoke("f")[0]);
    }
}
