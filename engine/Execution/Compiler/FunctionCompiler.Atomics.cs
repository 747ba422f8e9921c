using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// Threads proposal (prefix 0xFE): atomic accesses, <c>memory.atomic.wait32/64</c> and
    /// <c>memory.atomic.notify</c> run out of line as <see cref="Op.Generic"/> with <c>A</c> = the
    /// memory index and <c>B</c> = the offset. <c>atomic.fence</c> orders nothing in a single
    /// thread and emits nothing.
    /// </summary>
    private bool CompileAtomic(Instruction ins)
    {
        var info = OpcodeTable.Info(ins.Op);
        if (info.Prefix != 0xFE || info.Signature is not { } sig) return false;
        if (ins is MemoryInstruction { MemArg: var arg })
            Emit(Op.Generic, (int)arg.Memory, (long)arg.Offset, ins.Op);
        ApplySignature(sig);
        return true;
    }
}
