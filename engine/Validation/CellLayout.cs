using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// How values occupy 64-bit cells in a frame: one cell per value, two for a v128. Validation
/// measures operand stack heights in these units (<see cref="FunctionBodyInfo.MaxOperandCells"/>).
/// </summary>
internal static class CellLayout
{
    /// <summary>Cells a value of type <paramref name="t"/> takes (bot, an unknown type, counts as the widest).</summary>
    public static int Cells(ValType t) => t.Kind is ValTypeKind.V128 or ValTypeKind.Bot ? 2 : 1;

    /// <summary>
    /// The cell offset of each local (parameters first, then declared locals) and the total
    /// number of cells they take.
    /// </summary>
    public static int[] LocalOffsets(ReadOnlySpan<ValType> parameters, ReadOnlySpan<ValType> locals, out int total)
    {
        var offsets = new int[parameters.Length + locals.Length];
        int cell = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            offsets[i] = cell;
            cell += Cells(parameters[i]);
        }
        for (int i = 0; i < locals.Length; i++)
        {
            offsets[parameters.Length + i] = cell;
            cell += Cells(locals[i]);
        }
        total = cell;
        return offsets;
    }
}
