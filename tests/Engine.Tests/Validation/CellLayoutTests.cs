using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Tests.Validation;

public class CellLayoutTests
{
    [Fact]
    public void Vectors_take_two_cells_and_everything_else_one()
    {
        var offsets = CellLayout.LocalOffsets([ValType.I32, ValType.V128], [ValType.FuncRef, ValType.V128, ValType.F64], out int total);
        Assert.Equal([0, 1, 3, 4, 6], offsets);
        Assert.Equal(7, total);
    }
}
