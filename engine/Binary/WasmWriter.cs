using System.Buffers.Binary;
using System.Text;

namespace WasmConform.Engine.Binary;

/// <summary>
/// A growable byte buffer for the binary format (§5.1, §5.2): bytes, little-endian words,
/// minimal LEB128 integers, names, and size-prefixed regions (sections, function bodies).
/// </summary>
internal sealed class WasmWriter
{
    private byte[] _buffer = new byte[1024];
    private int _length;

    /// <summary>Number of bytes written.</summary>
    public int Length => _length;

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    public void WriteByte(byte b)
    {
        if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        _buffer[_length++] = b;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>A 32-bit little-endian word.</summary>
    public void WriteWord32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    /// <summary>A 64-bit little-endian word.</summary>
    public void WriteWord64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    /// <summary>Unsigned LEB128 in the fewest bytes (u32, u64, and u8 lane indices).</summary>
    public void WriteU64(ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        WriteByte((byte)value);
    }

    /// <summary>§5.2.2 u32.</summary>
    public void WriteU32(uint value) => WriteU64(value);

    /// <summary>Signed LEB128 in the fewest bytes (s32, s33, s64).</summary>
    public void WriteS64(long value)
    {
        while (true)
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bool done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            if (done)
            {
                WriteByte(b);
                return;
            }
            WriteByte((byte)(b | 0x80));
        }
    }

    /// <summary>A vector length.</summary>
    public void WriteLength(int count) => WriteU32((uint)count);

    /// <summary>§5.2.4 name: length and UTF-8 bytes.</summary>
    public void WriteName(string name)
    {
        int count = Encoding.UTF8.GetByteCount(name);
        WriteLength(count);
        Encoding.UTF8.GetBytes(name, Reserve(count));
    }

    /// <summary>Starts a region whose size will precede it; pass the result to <see cref="EndSized"/>.</summary>
    public int BeginSized() => _length;

    /// <summary>Inserts the u32 size of everything written since <paramref name="mark"/> in front of it.</summary>
    public void EndSized(int mark)
    {
        int size = _length - mark;
        int prefix = 1;
        for (uint v = (uint)size; v >= 0x80; v >>= 7) prefix++;
        Reserve(prefix);
        _buffer.AsSpan(mark, size).CopyTo(_buffer.AsSpan(mark + prefix));
        int end = _length;
        _length = mark;
        WriteU32((uint)size);
        _length = end;
    }
}
