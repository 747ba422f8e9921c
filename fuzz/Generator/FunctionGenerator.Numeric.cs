using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    private static readonly ValType[] NumberTypes = [ValType.I32, ValType.I64, ValType.F32, ValType.F64];

    private void PushConstant()
    {
        var t = _m.Features.Simd && _u.Chance(15) ? ValType.V128 : _u.Pick(NumberTypes);
        Emit(Constants.Random(_u, t));
        Push(t);
    }

    /// <summary>
    /// An instruction of a fixed-signature family. Most of the time one whose first operand
    /// matches the value on top of the stack, so that values flow from one instruction to the next.
    /// </summary>
    private void Simple(InstructionFamily family)
    {
        var entries = Enabled(family);
        if (entries.Count == 0)
        {
            PushConstant();
            return;
        }
        var entry = _u.Pick(entries);
        if (Top is { } top && _u.Chance(70))
        {
            var matching = entries.Where(e => e.Params.Length > 0 && ValueTypes.Of(e.Params[0], ValType.I32) == top).ToList();
            if (matching.Count > 0) entry = _u.Pick(matching);
        }
        EmitSimple(entry);
    }

    private readonly Dictionary<InstructionFamily, List<CatalogEntry>> _enabled = [];

    /// <summary>The catalog entries of <paramref name="family"/> the configuration enables (memory accesses excluded).</summary>
    private List<CatalogEntry> Enabled(InstructionFamily family)
    {
        if (_enabled.TryGetValue(family, out var list)) return list;
        var features = _config.EngineFeatures;
        list = InstructionCatalog.Simple.TryGetValue(family, out var all)
            ? all.Where(e => (e.Needs & features) == e.Needs).ToList()
            : [];
        _enabled.Add(family, list);
        return list;
    }

    private void EmitSimple(CatalogEntry entry)
    {
        var needs = entry.Params.Select(p => ValueTypes.Of(p, ValType.I32)).ToArray();
        Supply(needs);
        if ((entry.Traits & Traits.Division) != 0 && ShouldGuard()) GuardDivision(needs[0], (entry.Traits & Traits.SignedDivision) != 0);
        if ((entry.Traits & Traits.Truncation) != 0 && ShouldGuard()) GuardTruncation(entry);
        Emit(entry.Immediate switch
        {
            ImmediateKind.Lane => new LaneInstruction(entry.Op, (byte)_u.Int(0, entry.Lanes - 1)),
            ImmediateKind.Shuffle => new ShuffleInstruction(Enumerable.Range(0, 16).Select(_ => (byte)_u.Int(0, 31)).ToArray()),
            _ => new Instruction(entry.Op),
        });
        Pop(needs.Length);
        foreach (var r in entry.Results) Push(ValueTypes.Of(r, ValType.I32));
        if ((entry.Traits & Traits.NanBits) != 0 && _config.CanonicalizeNans) CanonicalizeTop(entry.Shape);
    }

    /// <summary>A vector instruction: most of them have fixed signatures; loads and stores go through <see cref="MemoryAccess"/>.</summary>
    private void SimdStep()
    {
        if (_m.Memories.Count > 0 && _u.Chance(15)) MemoryAccess(InstructionFamily.Simd);
        else Simple(InstructionFamily.Simd);
    }

    /// <summary>Whether an instruction that can trap gets a guard: always with <c>disallow_traps</c>, else by <c>guard_percent</c>.</summary>
    private bool ShouldGuard() => NoTraps || _u.Chance(_config.GuardPercent);

    /// <summary>
    /// [a b] → [a b'] where b' is 1 when b is 0 or (signed) when a is MIN and b is -1 (§4.3.2 idiv: the trapping cases), else b.
    /// </summary>
    private void GuardDivision(ValType t, bool signed)
    {
        bool wide = t.Kind == ValTypeKind.I64;
        uint b = Scratch(t, 1);
        if (!signed)
        {
            Emit(LocalTee(b));
            Emit(wide ? Opcode.I64Eqz : Opcode.I32Eqz);
            if (wide) Emit(Opcode.I64ExtendI32U);
            Emit(LocalGet(b));
            Emit(wide ? Opcode.I64Or : Opcode.I32Or);
            return;
        }
        uint a = Scratch(t, 0);
        Emit(LocalSet(b));
        Emit(LocalTee(a));
        Emit(Constants.Of(t, 1));
        Emit(LocalGet(b));
        Emit(LocalGet(b));
        Emit(wide ? Opcode.I64Eqz : Opcode.I32Eqz);
        Emit(LocalGet(a));
        Emit(wide ? new I64ConstInstruction(long.MinValue) : I32Const(int.MinValue));
        Emit(wide ? Opcode.I64Eq : Opcode.I32Eq);
        Emit(LocalGet(b));
        Emit(Constants.Of(t, ulong.MaxValue));
        Emit(wide ? Opcode.I64Eq : Opcode.I32Eq);
        Emit(Opcode.I32And);
        Emit(Opcode.I32Or);
        Emit(Opcode.Select);
    }

    /// <summary>
    /// [x] → [x'] where x' is x when the truncation is defined (§4.3.3 trunc: x not NaN and its
    /// integer part in range), else 0. The range test is conservative: -2^(N-1) ≤ x &lt; 2^(N-1)
    /// signed, -1 &lt; x &lt; 2^N unsigned; both bounds are powers of two (or -1), exact in f32 and f64.
    /// </summary>
    private void GuardTruncation(CatalogEntry entry)
    {
        var f = ValueTypes.Of(entry.Params[0], ValType.I32);
        bool wideFloat = f.Kind == ValTypeKind.F64;
        int bits = entry.Results[0] == SigType.I64 ? 64 : 32;
        bool signed = entry.Name.EndsWith("_s", StringComparison.Ordinal);
        double lo = signed ? -Math.Pow(2, bits - 1) : -1;
        double hi = signed ? Math.Pow(2, bits - 1) : Math.Pow(2, bits);
        uint x = Scratch(f, 0);
        Emit(LocalTee(x));
        Emit(FloatConst(wideFloat, 0));
        Emit(LocalGet(x));
        Emit(FloatConst(wideFloat, lo));
        Emit(signed ? (wideFloat ? Opcode.F64Ge : Opcode.F32Ge) : (wideFloat ? Opcode.F64Gt : Opcode.F32Gt));
        Emit(LocalGet(x));
        Emit(FloatConst(wideFloat, hi));
        Emit(wideFloat ? Opcode.F64Lt : Opcode.F32Lt);
        Emit(Opcode.I32And);
        Emit(Opcode.Select);
    }

    private static Instruction FloatConst(bool wide, double value) => wide
        ? new F64ConstInstruction(BitConverter.DoubleToUInt64Bits(value))
        : new F32ConstInstruction(BitConverter.SingleToUInt32Bits((float)value));

    /// <summary>
    /// [x] → [x or the canonical NaN]: <c>local.tee t; nan; local.get t; local.get t; eq; select; local.tee t</c>
    /// (x equals itself unless it is a NaN). Vectors do the same per lane with <c>v128.bitselect</c>.
    /// The last <c>local.tee</c> leaves the canonical value in <c>t</c> too, since generated code may
    /// read any local, scratch locals included.
    /// </summary>
    private void CanonicalizeTop(Opcode vectorShapeEq)
    {
        var t = _stack[^1];
        uint x = Scratch(t, 9);
        Emit(LocalTee(x));
        if (t.Kind == ValTypeKind.V128)
        {
            Emit(Constants.CanonicalNanLanes(vectorShapeEq));
            Emit(LocalGet(x));
            Emit(LocalGet(x));
            Emit(vectorShapeEq);
            Emit(Opcode.V128Bitselect);
        }
        else
        {
            Emit(Constants.CanonicalNan(t));
            Emit(LocalGet(x));
            Emit(LocalGet(x));
            Emit(t.Kind == ValTypeKind.F64 ? Opcode.F64Eq : Opcode.F32Eq);
            Emit(Opcode.Select);
        }
        Emit(LocalTee(x));
    }

    /// <summary>What to do to one operand of an instruction before it runs.</summary>
    /// <param name="Mask">Replace the operand <c>x</c> by <c>x &amp; Mask</c>.</param>
    /// <param name="Fresh">Replace the operand by a fresh value of this (non-null) type.</param>
    /// <param name="FreshArrayLength">With <paramref name="Fresh"/> an array type: the length of the fresh array.</param>
    private readonly record struct Guard(ulong? Mask = null, ValType? Fresh = null, ulong FreshArrayLength = 0)
    {
        public bool DoesSomething => Mask is not null || Fresh is not null;
    }

    /// <summary>Masks operands on top of the stack: operand i (of <c>masks.Length</c>, bottom first) becomes <c>operand &amp; masks[i]</c> where a mask is given.</summary>
    private void MaskOperands(ReadOnlySpan<ulong?> masks)
    {
        var guards = new Guard[masks.Length];
        for (int i = 0; i < masks.Length; i++) guards[i] = new Guard(masks[i]);
        GuardOperands(guards);
    }

    /// <summary>
    /// Applies <paramref name="guards"/> to the operands on top of the stack (bottom first).
    /// The top operand alone is masked in place; otherwise the operands from the deepest one
    /// guarded upwards go to scratch locals and come back one by one, masked or replaced
    /// (a value that was non-null comes back through <c>ref.as_non_null</c>, which cannot trap there).
    /// </summary>
    private void GuardOperands(ReadOnlySpan<Guard> guards)
    {
        int n = guards.Length;
        int first = 0;
        while (first < n && !guards[first].DoesSomething) first++;
        if (first == n) return;
        if (first == n - 1 && guards[first].Fresh is null)
        {
            EmitMask(_stack[^1], guards[first].Mask!.Value);
            return;
        }
        int count = n - first;
        var slots = new uint[count];
        var types = new ValType[count];
        for (int i = count - 1; i >= 0; i--)
        {
            types[i] = _stack[^1];
            slots[i] = Scratch(ValueTypes.Nullable(Declarable(types[i])), 2 + first + i);
            Emit(LocalSet(slots[i]));
            Pop(1);
        }
        for (int i = 0; i < count; i++)
        {
            var guard = guards[first + i];
            if (guard.Fresh is { } fresh) PushFresh(fresh, guard.FreshArrayLength);
            else Restore(slots[i], types[i]);
            if (guard.Mask is { } mask) EmitMask(_stack[^1], mask);
        }
    }

    /// <summary>Pushes a scratch local's value back with the type it had (non-null again through <c>ref.as_non_null</c> when that exists).</summary>
    private void Restore(uint slot, ValType original)
    {
        Emit(LocalGet(slot));
        var local = _locals[(int)slot];
        if (original.IsRef && !original.Ref.Nullable && _m.Features.FunctionReferences)
        {
            Emit(Opcode.RefAsNonNull);
            Push(ValueTypes.NonNull(local));
            return;
        }
        Push(local);
    }

    private void EmitMask(ValType t, ulong mask)
    {
        Emit(Constants.Of(t, mask));
        Emit(t.Kind == ValTypeKind.I64 ? Opcode.I64And : Opcode.I32And);
    }

    /// <summary>The largest 2^k - 1 not above <paramref name="limit"/> (0 for 0): a mask that keeps a value ≤ limit.</summary>
    private static ulong LowMask(ulong limit) =>
        limit == ulong.MaxValue ? limit : (1UL << System.Numerics.BitOperations.Log2(limit + 1)) - 1;
}
