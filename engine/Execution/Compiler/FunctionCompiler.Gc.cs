using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// GC instructions (§4.4.2 aggregate and i31 references, casts, extern conversions):
    /// not run yet, so none is taken here and they reach <see cref="CompileSimple"/>, which
    /// reports "GC execution" as unsupported.
    /// </summary>
    private bool CompileGc(Instruction ins) => false;
}
