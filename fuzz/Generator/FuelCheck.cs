using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// The fuel check of generated and instrumented modules, a stack-neutral sequence:
/// <c>global.get fuel; i32.eqz; if; i32.const code; call exit; unreachable; end;
/// global.get fuel; i32.const 1; i32.sub; global.set fuel</c>.
/// </summary>
public static class FuelCheck
{
    /// <summary>The check for fuel global <paramref name="fuel"/>, calling function <paramref name="exit"/> with <paramref name="exitCode"/> when it is 0.</summary>
    public static Instruction[] Sequence(uint fuel, uint exit, int exitCode) =>
    [
        new IndexInstruction(Opcode.GlobalGet, fuel),
        new Instruction(Opcode.I32Eqz),
        .. ExitIf(exit, exitCode),
        new IndexInstruction(Opcode.GlobalGet, fuel),
        new I32ConstInstruction(1),
        new Instruction(Opcode.I32Sub),
        new IndexInstruction(Opcode.GlobalSet, fuel),
    ];

    /// <summary><c>if; i32.const code; call exit; unreachable; end</c>: consumes an i32 condition.</summary>
    public static Instruction[] ExitIf(uint exit, int exitCode) =>
    [
        new BlockInstruction(Opcode.If, BlockType.Empty),
        new I32ConstInstruction(exitCode),
        new IndexInstruction(Opcode.Call, exit),
        new Instruction(Opcode.Unreachable),
        new Instruction(Opcode.End),
    ];
}
