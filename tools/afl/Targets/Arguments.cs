using System.Security.Cryptography;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Afl.Targets;

/// <summary>
/// The calls the differential target makes: every exported function, in export order, with
/// arguments drawn from choices derived from the whole input (so the same input always makes the
/// same calls). Numbers are zeros, small numbers, edges (minimum, maximum, infinities, NaNs with
/// the quiet bit set) or random bits; nullable references are null. A function with a
/// non-nullable reference parameter is not called: nothing outside the module can make one.
/// </summary>
internal sealed class Arguments(ChoiceStream u)
{
    /// <summary>The argument choices for <paramref name="input"/>.</summary>
    public static Arguments For(byte[] input)
    {
        ulong seed = BitConverter.ToUInt64(SHA256.HashData(input));
        return new Arguments(new ChoiceStream(SeedInput.Bytes(seed, 0, 1024)));
    }

    /// <summary>The exported functions of <paramref name="module"/> that can be called, with their arguments.</summary>
    public IEnumerable<(string Export, Value[] Args)> Calls(Module module)
    {
        var types = module.SubTypes.ToArray();
        var functionTypes = module.ImportsOf(ExternKind.Func).Select(i => ((ExternFunc)i.Type).TypeIndex)
            .Concat(module.Functions.Select(f => f.TypeIndex)).ToArray();
        foreach (var export in module.Exports.AsEnumerable())
        {
            if (export.Kind != ExternKind.Func || types[functionTypes[export.Index]].Comp is not FuncType type) continue;
            if (type.Params.Any(p => p.IsRef && !p.Ref.Nullable)) continue;
            yield return (export.Name, [.. type.Params.Select(Argument)]);
        }
    }

    private Value Argument(ValType type) => type.Kind switch
    {
        ValTypeKind.I32 => Value.I32((int)Integer(32)),
        ValTypeKind.I64 => Value.I64((long)Integer(64)),
        ValTypeKind.F32 => Value.F32Bits(Float32()),
        ValTypeKind.F64 => Value.F64Bits(Float64()),
        ValTypeKind.V128 => Value.V128(u.Bits64(), u.Bits64()),
        _ => Value.Null(type.Ref.Heap),
    };

    /// <summary>An integer of <paramref name="bits"/> bits (in the low bits of the result).</summary>
    private ulong Integer(int bits)
    {
        ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        ulong signBit = 1UL << (bits - 1);
        return u.Int(0, 3) switch
        {
            0 => 0,
            1 => (ulong)(long)u.Int(-3, 3) & mask,
            2 => u.Pick([signBit, signBit - 1, mask, 1UL]),
            _ => u.Bits64() & mask,
        };
    }

    private uint Float32() => u.Int(0, 3) switch
    {
        0 => 0,
        1 => BitConverter.SingleToUInt32Bits(u.Int(-3, 3)),
        2 => u.Pick([0x8000_0000u, 0x7F80_0000u, 0xFF80_0000u, 0x7FC0_0000u, 0x7FC0_0001u, 0x0000_0001u, 0x7F7F_FFFFu]),
        _ => Quiet32(u.Bits32()),
    };

    private ulong Float64() => u.Int(0, 3) switch
    {
        0 => 0,
        1 => BitConverter.DoubleToUInt64Bits(u.Int(-3, 3)),
        2 => u.Pick([0x8000_0000_0000_0000UL, 0x7FF0_0000_0000_0000UL, 0xFFF0_0000_0000_0000UL, 0x7FF8_0000_0000_0000UL,
            0x7FF8_0000_0000_0001UL, 0x0000_0000_0000_0001UL, 0x7FEF_FFFF_FFFF_FFFFUL]),
        _ => Quiet64(u.Bits64()),
    };

    /// <summary>A NaN with its quiet bit set (an engine may quiet a signalling NaN it is handed), any other value as it is.</summary>
    private static uint Quiet32(uint bits) => float.IsNaN(BitConverter.UInt32BitsToSingle(bits)) ? bits | 0x0040_0000 : bits;

    private static ulong Quiet64(ulong bits) => double.IsNaN(BitConverter.UInt64BitsToDouble(bits)) ? bits | 0x0008_0000_0000_0000 : bits;
}
