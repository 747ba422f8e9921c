using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

/// <summary>
/// A structure instance (§4.2.15 aggregate instances, GC): its defined type and its field values, laid
/// out as stack cells in field order (one cell per field, two for a v128 field).
/// <c>structref</c> and concrete struct references refer to it; identity is reference identity.
/// </summary>
/// <remarks>
/// A packed field (<c>i8</c>, <c>i16</c>) keeps the i32 it was given; reads take its low 8 or
/// 16 bits and extend them (§4.4.2 <c>struct.get_sx</c>), so it behaves as the packed storage.
/// </remarks>
public sealed class StructInstance
{
    internal StructInstance(DefType type, Slot[] cells, StructInstance? descriptor = null)
    {
        Type = type;
        Cells = cells;
        Descriptor = descriptor;
    }

    /// <summary>The canonical defined type it was allocated with (a struct type).</summary>
    public DefType Type { get; }

    /// <summary>
    /// Custom descriptors: the descriptor it was allocated with (<c>struct.new_desc</c>), an
    /// instance of its type's descriptor type; null for a type without descriptor.
    /// </summary>
    public StructInstance? Descriptor { get; }

    /// <summary>The field cells.</summary>
    internal Slot[] Cells { get; }

    /// <summary>Number of fields.</summary>
    public int FieldCount => Type.Struct!.Fields.Count;

    /// <summary>
    /// The value of field <paramref name="index"/>, packed fields zero-extended to i32
    /// (as <c>struct.get_u</c> reads them).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such field.</exception>
    public Value Field(int index)
    {
        var fields = Type.Struct!.Fields;
        if ((uint)index >= (uint)fields.Count) throw new ArgumentOutOfRangeException(nameof(index));
        int cell = FieldLayout.CellOffset(fields, index);
        var storage = fields[index].Storage;
        var s = Cells[cell];
        return storage.Packed switch
        {
            PackedType.I8 => Value.I32((byte)s.U32),
            PackedType.I16 => Value.I32((ushort)s.U32),
            _ => storage.Type.Kind switch
            {
                ValTypeKind.Ref => Interpreter.RefValue(storage.Type.Ref, s.Ref),
                ValTypeKind.V128 => Value.V128(s.U64, Cells[cell + 1].U64),
                ValTypeKind.I32 or ValTypeKind.F32 => Value.FromBits(storage.Type, s.U32),
                _ => Value.FromBits(storage.Type, s.U64),
            },
        };
    }
}
