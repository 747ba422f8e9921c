using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    private List<CatalogEntry>? _scalarAccesses;
    private List<CatalogEntry>? _vectorAccesses;

    /// <summary>
    /// A load or store (scalar, or vector for <see cref="InstructionFamily.Simd"/>) on a random
    /// memory, with an alignment up to the natural one and an offset; guarded by an address
    /// mask that keeps <c>address + offset + size</c> within the memory's initial size.
    /// </summary>
    private void MemoryAccess(InstructionFamily family)
    {
        var features = _config.EngineFeatures;
        var entries = family == InstructionFamily.Simd
            ? _vectorAccesses ??= InstructionCatalog.MemoryAccesses.Where(e => e.Family == family && (e.Needs & features) == e.Needs).ToList()
            : _scalarAccesses ??= InstructionCatalog.MemoryAccesses.Where(e => e.Family == family && (e.Needs & features) == e.Needs).ToList();
        var entry = _u.Pick(entries);
        uint memory = (uint)_u.Int(0, _m.Memories.Count - 1);
        var mem = _m.Memories[(int)memory];
        var needs = entry.Params.Select(p => ValueTypes.Of(p, mem.Addr)).ToArray();
        ulong size = 1UL << (int)entry.AccessLog2;
        bool guard = ShouldGuard() && mem.MinBytes >= size;
        ulong offset = guard ? _u.UInt64(0, Math.Min(mem.MinBytes - size, 256)) : RandomOffset(mem);
        Supply(needs);
        if (guard)
        {
            var masks = new ulong?[needs.Length];
            masks[0] = LowMask(mem.MinBytes - size - offset);
            MaskOperands(masks);
        }
        var arg = new MemArg((uint)_u.Int(0, (int)entry.AccessLog2), offset, memory);
        Emit(entry.Immediate == ImmediateKind.MemArgLane
            ? new MemoryLaneInstruction(entry.Op, arg, (byte)_u.Int(0, entry.Lanes - 1))
            : new MemoryInstruction(entry.Op, arg));
        Pop(needs.Length);
        foreach (var r in entry.Results) Push(ValueTypes.Of(r, mem.Addr));
    }

    /// <summary>Mostly small offsets, some near the end of the memory, a few anywhere the address type allows.</summary>
    private ulong RandomOffset(MemoryInfo mem) => _u.Int(0, 9) switch
    {
        < 7 => _u.UInt64(0, 64),
        < 9 => _u.UInt64(0, mem.MinBytes + 16),
        _ => mem.Type.AddrType == AddrType.I64 ? _u.Bits64() : _u.Bits32(),
    };

    /// <summary><c>memory.size</c> or <c>memory.grow</c> (which fails with -1 beyond the declared maximum, never traps).</summary>
    private void MemorySizeStep()
    {
        uint memory = (uint)_u.Int(0, _m.Memories.Count - 1);
        var addr = _m.Memories[(int)memory].Addr;
        if (_u.Bool())
        {
            Supply([addr]);
            Pop(1);
            Emit(new IndexInstruction(Opcode.MemoryGrow, memory));
        }
        else
        {
            Emit(new IndexInstruction(Opcode.MemorySize, memory));
        }
        Push(addr);
    }

    /// <summary><c>memory.fill</c>, <c>memory.copy</c>, <c>memory.init</c> or <c>data.drop</c> (§4.4.7), masked into bounds when guarded.</summary>
    private void BulkMemoryStep()
    {
        var datas = _m.DataInfo;
        var droppable = Enumerable.Range(0, datas.Count).Where(d => !NoTraps || datas[d].Droppable).ToList();
        int pick = _u.Weighted([3, 3, datas.Count > 0 ? 3 : 0, droppable.Count > 0 ? 1 : 0]);
        uint dst = (uint)_u.Int(0, _m.Memories.Count - 1);
        var d = _m.Memories[(int)dst];
        switch (pick)
        {
            case 0:
                BulkOperation(new IndexInstruction(Opcode.MemoryFill, dst), [d.Addr, ValType.I32, d.Addr],
                    [LowMask(d.MinBytes / 2), null, LowMask(d.MinBytes / 2)]);
                break;
            case 1:
                uint src = (uint)_u.Int(0, _m.Memories.Count - 1);
                var s = _m.Memories[(int)src];
                var length = d.Addr.Kind == ValTypeKind.I64 && s.Addr.Kind == ValTypeKind.I64 ? ValType.I64 : ValType.I32;
                BulkOperation(new IndexPairInstruction(Opcode.MemoryCopy, dst, src), [d.Addr, s.Addr, length],
                    [LowMask(d.MinBytes / 2), LowMask(s.MinBytes / 2), LowMask(Math.Min(d.MinBytes, s.MinBytes) / 2)]);
                break;
            case 2:
                int data = _u.Int(0, datas.Count - 1);
                ulong safe = (ulong)datas[data].SafeLength;
                BulkOperation(new IndexPairInstruction(Opcode.MemoryInit, dst, (uint)data), [d.Addr, ValType.I32, ValType.I32],
                    [LowMask(d.MinBytes / 2), LowMask(safe / 2), LowMask(Math.Min(safe, d.MinBytes) / 2)]);
                break;
            default:
                Emit(new IndexInstruction(Opcode.DataDrop, (uint)_u.Pick(droppable)));
                break;
        }
    }

    /// <summary>A bulk instruction with three operands and no result, each operand masked by its mask when guarded.</summary>
    private void BulkOperation(Instruction instruction, ValType[] needs, ulong?[] masks)
    {
        Supply(needs);
        if (ShouldGuard()) MaskOperands(masks);
        Pop(needs.Length);
        Emit(instruction);
    }
}
