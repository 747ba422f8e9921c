using System.Buffers.Binary;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

/// <summary>
/// An array instance (§4.2.15 aggregate instances, GC): its defined type and its elements.
/// Number, vector and packed elements are stored as little-endian bytes of their storage size
/// (1 for i8, 2 for i16, 4, 8 or 16), so packed elements keep only their low bits; reference
/// elements are stored as objects (<c>null</c> is the null reference).
/// </summary>
/// <remarks>
/// Index arguments are unsigned 32-bit numbers; the caller checks bounds ("out of bounds array
/// access") before it reads or writes. An array takes at most <see cref="MaxBytes"/> bytes of
/// element storage (references count 8 bytes each).
/// </remarks>
public sealed unsafe class ArrayInstance
{
    /// <summary>The largest element storage in bytes this implementation allocates.</summary>
    public const long MaxBytes = 0x7FFF_0000;

    private readonly byte[] _bytes;
    private readonly object?[] _refs;

    private ArrayInstance(DefType type, int length, int elementSize)
    {
        Type = type;
        Length = length;
        ElementSize = elementSize;
        _bytes = elementSize == 0 ? [] : new byte[(long)length * elementSize];
        _refs = elementSize == 0 ? new object?[length] : [];
    }

    /// <summary>The canonical defined type it was allocated with (an array type).</summary>
    public DefType Type { get; }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Bytes per element: 1, 2, 4, 8 or 16; 0 for reference elements.</summary>
    internal int ElementSize { get; }

    /// <summary>
    /// A new array of <paramref name="length"/> elements of array type <paramref name="type"/>,
    /// each the default value (zero bits or null).
    /// </summary>
    /// <exception cref="OutOfMemoryException">The storage would exceed <see cref="MaxBytes"/>.</exception>
    public static ArrayInstance Allocate(DefType type, uint length)
    {
        int size = FieldLayout.StorageSize(type.Array!.Field.Storage);
        if ((ulong)length * (ulong)Math.Max(size, 8) > MaxBytes)
            throw new OutOfMemoryException($"array of {length} elements exceeds the implementation limit");
        return new ArrayInstance(type, (int)length, size);
    }

    /// <summary>Whether elements <c>[index, index + count)</c> exist.</summary>
    public bool InBounds(uint index, uint count) => (ulong)index + count <= (ulong)Length;

    /// <summary>
    /// Reads element <paramref name="index"/> into <paramref name="cell"/> (two cells for v128), replacing the whole cell;
    /// packed elements are sign-extended when <paramref name="signed"/>, else zero-extended.
    /// </summary>
    internal void Read(uint index, Slot* cell, bool signed)
    {
        var at = Bytes(index, ElementSize);
        switch (ElementSize)
        {
            case 0: *cell = new Slot { Ref = _refs[index] }; break;
            case 1: *cell = new Slot { I32 = signed ? (sbyte)at[0] : at[0] }; break;
            case 2: *cell = new Slot { I32 = signed ? BinaryPrimitives.ReadInt16LittleEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at) }; break;
            case 4: *cell = new Slot { U64 = BinaryPrimitives.ReadUInt32LittleEndian(at) }; break;
            case 8: *cell = new Slot { U64 = BinaryPrimitives.ReadUInt64LittleEndian(at) }; break;
            default:
                cell[0] = new Slot { U64 = BinaryPrimitives.ReadUInt64LittleEndian(at) };
                cell[1] = new Slot { U64 = BinaryPrimitives.ReadUInt64LittleEndian(at[8..]) };
                break;
        }
    }

    /// <summary>Writes the value in <paramref name="cell"/> (two cells for v128) to element <paramref name="index"/>; packed elements keep its low bits.</summary>
    internal void Write(uint index, Slot* cell)
    {
        var at = Bytes(index, ElementSize);
        switch (ElementSize)
        {
            case 0: _refs[index] = cell->Ref; break;
            case 1: at[0] = (byte)cell->U32; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)cell->U32); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(at, cell->U32); break;
            case 8: BinaryPrimitives.WriteUInt64LittleEndian(at, cell->U64); break;
            default:
                BinaryPrimitives.WriteUInt64LittleEndian(at, cell[0].U64);
                BinaryPrimitives.WriteUInt64LittleEndian(at[8..], cell[1].U64);
                break;
        }
    }

    /// <summary>Sets elements <c>[index, index + count)</c> to the value in <paramref name="cell"/>.</summary>
    internal void Fill(uint index, uint count, Slot* cell)
    {
        if (count == 0) return;
        if (ElementSize == 0)
        {
            Array.Fill(_refs, cell->Ref, (int)index, (int)count);
            return;
        }
        Write(index, cell);
        var first = Bytes(index, ElementSize);
        var rest = _bytes.AsSpan((int)(index + 1) * ElementSize, (int)(count - 1) * ElementSize);
        for (int i = 0; i < rest.Length; i += ElementSize) first.CopyTo(rest[i..]);
    }

    /// <summary>
    /// Copies elements <c>[source, source + count)</c> of <paramref name="from"/> to
    /// <c>[dest, dest + count)</c> of <paramref name="to"/>, as if through a temporary buffer,
    /// so overlapping ranges of one array copy correctly. Both arrays have the same element storage.
    /// </summary>
    internal static void Copy(ArrayInstance to, uint dest, ArrayInstance from, uint source, uint count)
    {
        if (to.ElementSize == 0)
        {
            Array.Copy(from._refs, source, to._refs, dest, count);
            return;
        }
        int size = to.ElementSize;
        from._bytes.AsSpan((int)source * size, (int)count * size).CopyTo(to._bytes.AsSpan((int)dest * size));
    }

    /// <summary>Copies <paramref name="bytes"/> (whole elements, little-endian) to the elements from <paramref name="dest"/> on.</summary>
    internal void InitBytes(uint dest, ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes.AsSpan((int)dest * ElementSize));

    /// <summary>Copies <paramref name="references"/> to the elements from <paramref name="dest"/> on.</summary>
    internal void InitReferences(uint dest, ReadOnlySpan<object?> references) => references.CopyTo(_refs.AsSpan((int)dest));

    /// <summary>Element <paramref name="index"/>, packed elements zero-extended to i32 (as <c>array.get_u</c> reads them).</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such element.</exception>
    public Value Element(int index)
    {
        if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index));
        var storage = Type.Array!.Field.Storage;
        var cells = new Slot[2];
        fixed (Slot* cell = cells) Read((uint)index, cell, signed: false);
        if (storage.Packed != PackedType.None) return Value.I32(cells[0].I32);
        return storage.Type.Kind switch
        {
            ValTypeKind.Ref => Interpreter.RefValue(storage.Type.Ref, cells[0].Ref),
            ValTypeKind.V128 => Value.V128(cells[0].U64, cells[1].U64),
            ValTypeKind.I32 or ValTypeKind.F32 => Value.FromBits(storage.Type, cells[0].U32),
            _ => Value.FromBits(storage.Type, cells[0].U64),
        };
    }

    private Span<byte> Bytes(uint index, int size) => size == 0 ? default : _bytes.AsSpan((int)index * size, size);
}
