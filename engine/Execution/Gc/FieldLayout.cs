using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>
/// Where the fields of structures and the elements of arrays live: stack cells for structure
/// fields (as the operands of <c>struct.new</c> lie on the stack), bytes for array elements.
/// </summary>
internal static class FieldLayout
{
    /// <summary>Cells a field of storage type <paramref name="storage"/> takes: 2 for v128, else 1 (packed fields too).</summary>
    public static int Cells(StorageType storage) =>
        storage.Packed == PackedType.None && storage.Type.Kind == ValTypeKind.V128 ? 2 : 1;

    /// <summary>The cell where field <paramref name="index"/> starts: the cells of the fields before it.</summary>
    public static int CellOffset(EquatableArray<FieldType> fields, int index)
    {
        int cell = 0;
        for (int i = 0; i < index; i++) cell += Cells(fields[i].Storage);
        return cell;
    }

    /// <summary>Cells taken by all fields of a structure type.</summary>
    public static int CellCount(EquatableArray<FieldType> fields) => CellOffset(fields, fields.Count);

    /// <summary>
    /// Bytes an array element of <paramref name="storage"/> takes: its storage size (1 for i8,
    /// 2 for i16, 4, 8 or 16 for numbers and vectors), 0 for references (kept as objects).
    /// </summary>
    public static int StorageSize(StorageType storage) => storage.Packed switch
    {
        PackedType.I8 => 1,
        PackedType.I16 => 2,
        _ => storage.Type.Kind switch
        {
            ValTypeKind.I32 or ValTypeKind.F32 => 4,
            ValTypeKind.I64 or ValTypeKind.F64 => 8,
            ValTypeKind.V128 => 16,
            _ => 0,
        },
    };
}
