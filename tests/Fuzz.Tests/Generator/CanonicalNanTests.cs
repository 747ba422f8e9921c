using FsCheck.Xunit;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Tests.Generator;

public sealed class CanonicalNanTests
{
    private static readonly GeneratorConfig Config = GeneratorConfig.AllFeatures with { CanonicalizeNans = true };

    private static readonly HashSet<Opcode> NanBitOps =
        InstructionCatalog.Enabled(Config.EngineFeatures).Where(e => e.Traits.HasFlag(Traits.NanBits)).Select(e => e.Op).ToHashSet();

    [Property(MaxTest = 300)]
    public void Every_float_operation_with_open_nan_bits_is_followed_by_a_canonicalisation(ulong seed)
    {
        var module = ModuleGenerator.Generate(SeedInput.Bytes(seed, 0, 4096), Config);
        foreach (var body in module.Functions.Select(f => f.Body.ToArray()))
        {
            for (int i = 0; i < body.Length; i++)
            {
                if (!NanBitOps.Contains(body[i].Op)) continue;
                Assert.True(IsCanonicalisation(body.AsSpan(i + 1)), $"{body[i].Name} at {i} is not canonicalised");
            }
        }
    }

    [Fact]
    public void F32_add_of_two_constants_is_canonicalised_with_tee_nan_get_get_eq_select()
    {
        Assert.Contains(Opcode.F32Add, NanBitOps);
        Assert.DoesNotContain(Opcode.F32Neg, NanBitOps);
        Assert.DoesNotContain(Opcode.F64ReinterpretI64, NanBitOps);
        Assert.DoesNotContain(Opcode.F32ConvertI32S, NanBitOps);
        Assert.Contains(Opcode.F64PromoteF32, NanBitOps);
    }

    /// <summary>
    /// <c>local.tee t; const NaN; local.get t; local.get t; eq; select; local.tee t</c>, or the vector form
    /// with <c>v128.bitselect</c>: the scratch local ends up holding the canonical value too, so code
    /// reading it later never sees the NaN bits the operation chose.
    /// </summary>
    private static bool IsCanonicalisation(ReadOnlySpan<Instruction> next) =>
        next.Length >= 7
        && next[0] is IndexInstruction { Op: Opcode.LocalTee } tee
        && next[1] switch
        {
            F32ConstInstruction c => c.Bits == 0x7FC00000,
            F64ConstInstruction c => c.Bits == 0x7FF8000000000000,
            V128ConstInstruction c => c.Low == c.High && (c.Low == 0x7FC000007FC00000 || c.Low == 0x7FF8000000000000),
            _ => false,
        }
        && next[2] is IndexInstruction { Op: Opcode.LocalGet } a && a.Index == tee.Index
        && next[3] is IndexInstruction { Op: Opcode.LocalGet } b && b.Index == tee.Index
        && next[4].Op is Opcode.F32Eq or Opcode.F64Eq or Opcode.F32x4Eq or Opcode.F64x2Eq
        && next[5].Op is Opcode.Select or Opcode.V128Bitselect
        && next[6] is IndexInstruction { Op: Opcode.LocalTee } last && last.Index == tee.Index;
}
