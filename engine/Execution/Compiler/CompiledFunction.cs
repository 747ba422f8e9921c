namespace WasmConform.Engine.Execution.Compiler;

/// <summary>
/// A function body compiled to the internal code (<see cref="Inst"/>): branch targets resolved,
/// locals addressed by cell offset from the frame base.
/// </summary>
/// <remarks>
/// Frame layout in cells, from the frame base: parameters, declared locals (zeroed on entry),
/// then the operand stack, which never grows beyond <see cref="MaxStackCells"/> cells.
/// </remarks>
internal sealed class CompiledFunction
{
    public required Inst[] Code { get; init; }
    /// <summary>Cells of the parameters (the caller's top operands become them).</summary>
    public required int ParamCells { get; init; }
    /// <summary>Cells of parameters plus declared locals.</summary>
    public required int LocalCells { get; init; }
    /// <summary>Cells of the results.</summary>
    public required int ResultCells { get; init; }
    /// <summary>The deepest the operand stack gets above the locals, in cells.</summary>
    public required int MaxStackCells { get; init; }
    /// <summary>Entries of every br_table, addressed by <see cref="Op.BrTable"/>.</summary>
    public required BrTableEntry[] BrTables { get; init; }
    /// <summary>v128 constants, two cells each (low, high), addressed by <see cref="Op.ConstV128"/>.</summary>
    public required ulong[] V128Pool { get; init; }
    /// <summary>try_table handlers, innermost first (an inner try_table ends before its outer one).</summary>
    public required ExceptionHandler[] Handlers { get; init; }
    /// <summary>For messages: the function index in its module.</summary>
    public required int FunctionIndex { get; init; }
}
