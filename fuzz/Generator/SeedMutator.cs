using WasmConform.Engine;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// The second source of modules: a valid module (from the suite or the benchmarks) changed by
/// a few mutations that keep it valid, chosen by a <see cref="ChoiceStream"/> like the
/// generator's choices: a constant swapped for another of its type, a memory access given
/// another offset and alignment (up to the natural one), an instruction replaced by another of
/// the same fixed signature (<c>i32.add</c> → <c>i32.rem_u</c>), a function duplicated under a
/// new export. The result is validated again.
/// </summary>
public static class SeedMutator
{
    private static readonly Dictionary<string, Opcode[]> BySignature = InstructionCatalog.Simple.Values
        .SelectMany(v => v)
        .Where(e => e.Immediate == ImmediateKind.None)
        .GroupBy(e => Key(OpcodeTable.Info(e.Op)))
        .ToDictionary(g => g.Key, g => g.Select(e => e.Op).ToArray());

    /// <summary>
    /// Applies one to <paramref name="maxMutations"/> mutations to <paramref name="seed"/>
    /// (valid under <paramref name="features"/>), using only instructions of those features.
    /// </summary>
    /// <exception cref="InvalidException">The seed is not valid under <paramref name="features"/>.</exception>
    public static Module Mutate(Module seed, ChoiceStream u, Features features, int maxMutations = 4)
    {
        var module = seed;
        int count = u.Int(1, Math.Max(1, maxMutations));
        for (int i = 0; i < count && !u.IsExhausted; i++)
        {
            module = u.Int(0, 9) switch
            {
                < 4 => MutateInstruction(module, u, features, SwapConstant),
                < 6 => MutateInstruction(module, u, features, ChangeMemArg),
                < 9 => MutateInstruction(module, u, features, ReplaceBySameSignature),
                _ => DuplicateFunction(module, u),
            };
        }
        Validator.Validate(module, features);
        return module;
    }

    private delegate Instruction? InstructionMutation(Instruction ins, Module module, ChoiceStream u, Features features);

    /// <summary>Applies <paramref name="mutation"/> to a random instruction of a random function, if it applies there.</summary>
    private static Module MutateInstruction(Module module, ChoiceStream u, Features features, InstructionMutation mutation)
    {
        if (module.Functions.Count == 0) return module;
        int f = u.Int(0, module.Functions.Count - 1);
        var body = module.Functions[f].Body.ToArray();
        if (body.Length == 0) return module;
        int start = u.Int(0, body.Length - 1);
        for (int k = 0; k < body.Length; k++)
        {
            int i = (start + k) % body.Length;
            if (mutation(body[i], module, u, features) is not { } changed) continue;
            body[i] = changed;
            var functions = module.Functions.ToArray();
            functions[f] = functions[f] with { Body = body };
            return module with { Functions = functions };
        }
        return module;
    }

    private static Instruction? SwapConstant(Instruction ins, Module module, ChoiceStream u, Features features) => ins switch
    {
        I32ConstInstruction => Constants.Random(u, ValType.I32),
        I64ConstInstruction => Constants.Random(u, ValType.I64),
        F32ConstInstruction => Constants.Random(u, ValType.F32),
        F64ConstInstruction => Constants.Random(u, ValType.F64),
        V128ConstInstruction => Constants.Random(u, ValType.V128),
        _ => null,
    };

    /// <summary>A new offset (within the address type) and alignment (up to natural, §3.4.7) for a load or store.</summary>
    private static Instruction? ChangeMemArg(Instruction ins, Module module, ChoiceStream u, Features features)
    {
        if (ins is not (MemoryInstruction or MemoryLaneInstruction)) return null;
        var arg = ins is MemoryInstruction m ? m.MemArg : ((MemoryLaneInstruction)ins).MemArg;
        var memory = module.ImportsOf(ExternKind.Memory).Select(i => ((ExternMemory)i.Type).Type)
            .Concat(module.Memories.Select(mm => mm.Type)).ElementAt((int)arg.Memory);
        ulong offset = u.Int(0, 3) switch
        {
            0 => arg.Offset,
            1 => u.UInt64(0, 64),
            2 => arg.Offset + u.UInt64(0, 16),
            _ => u.Bits32(),
        };
        if (memory.AddrType == AddrType.I32) offset = Math.Min(offset, uint.MaxValue);
        var changed = arg with { Align = (uint)u.Int(0, (int)NaturalAlignment.Of(ins.Op)), Offset = offset };
        return ins is MemoryInstruction mi ? mi with { MemArg = changed } : ((MemoryLaneInstruction)ins) with { MemArg = changed };
    }

    /// <summary>Another instruction without immediates whose fixed signature is the same (so the code stays valid).</summary>
    private static Instruction? ReplaceBySameSignature(Instruction ins, Module module, ChoiceStream u, Features features)
    {
        var info = OpcodeTable.Info(ins.Op);
        if (info.Immediate != ImmediateKind.None || info.Signature is null) return null;
        if (!BySignature.TryGetValue(Key(info), out var ops)) return null;
        var available = InstructionCatalog.Enabled(features).Select(e => e.Op).ToHashSet();
        var enabled = ops.Where(available.Contains).ToList();
        return enabled.Count == 0 ? null : new Instruction(u.Pick(enabled));
    }

    /// <summary>A copy of a defined function, exported as <c>dup<i>N</i></c>.</summary>
    private static Module DuplicateFunction(Module module, ChoiceStream u)
    {
        if (module.Functions.Count == 0) return module;
        var copy = module.Functions[u.Int(0, module.Functions.Count - 1)];
        uint index = (uint)(module.ImportsOf(ExternKind.Func).Count() + module.Functions.Count);
        int n = 0;
        while (module.Exports.Any(e => e.Name == "dup" + n)) n++;
        return module with
        {
            Functions = [.. module.Functions, copy],
            Exports = [.. module.Exports, new Export("dup" + n, ExternKind.Func, index)],
        };
    }

    private static string Key(OpcodeInfo info) => info.Signature!.Params + "->" + info.Signature.Results;
}
