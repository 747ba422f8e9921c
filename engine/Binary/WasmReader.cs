using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace WasmConform.Engine.Binary;

/// <summary>
/// A cursor over the bytes of a binary module (§5.1, §5.2): raw bytes, fixed-width little-endian
/// words, LEB128 integers with the exact limits of the binary format, lengths, and names.
/// </summary>
/// <remarks>
/// Every read checks bounds against the whole module (not the current section, as in the
/// spec interpreter; section and body sizes are checked after the fact) and throws
/// <see cref="MalformedException"/> with the spec interpreter's wording: "unexpected end of
/// section or function" past the end, "integer representation too long" for too many LEB128
/// bytes, "integer too large" for unused bits that are not zero (unsigned) or not a sign
/// extension (signed), "length out of bounds" for a length above the bytes left.
/// </remarks>
internal ref struct WasmReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _pos;

    /// <summary>A reader positioned at the first byte of <paramref name="bytes"/>.</summary>
    public WasmReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _pos = 0;
    }

    /// <summary>The features the module is read with (where the encoding of types depends on them).</summary>
    public Features Features { get; init; }

    /// <summary>Offset of the next byte to read.</summary>
    public int Position
    {
        readonly get => _pos;
        set => _pos = value;
    }

    /// <summary>Total number of bytes.</summary>
    public readonly int Length => _bytes.Length;

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool AtEnd => _pos >= _bytes.Length;

    /// <summary>The error for a read past the end (the spec interpreter reports it at the end of the module).</summary>
    public readonly MalformedException EndError() => new("unexpected end of section or function", _bytes.Length);

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public readonly int Peek() => _pos < _bytes.Length ? _bytes[_pos] : -1;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        if (_pos >= _bytes.Length) throw EndError();
        return _bytes[_pos++];
    }

    /// <summary>Reads <paramref name="count"/> raw bytes (a view, no copy).</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _bytes.Length - _pos) throw EndError();
        var span = _bytes.Slice(_pos, count);
        _pos += count;
        return span;
    }

    /// <summary>Reads a 32-bit little-endian word (the bits of an f32).</summary>
    public uint ReadWord32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    /// <summary>Reads a 64-bit little-endian word (the bits of an f64, or half a v128).</summary>
    public ulong ReadWord64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    /// <summary>§5.2.2 u32.</summary>
    public uint ReadU32()
    {
        if (_pos < _bytes.Length && _bytes[_pos] < 0x80) return _bytes[_pos++];
        return (uint)ReadUnsigned(32);
    }

    /// <summary>§5.2.2 u64.</summary>
    public ulong ReadU64()
    {
        if (_pos < _bytes.Length && _bytes[_pos] < 0x80) return _bytes[_pos++];
        return ReadUnsigned(64);
    }

    /// <summary>u8 in LEB128 form (lane indices).</summary>
    public byte ReadU8LEB() => (byte)ReadUnsigned(8);

    /// <summary>§5.2.2 s32.</summary>
    public int ReadS32() => (int)ReadSigned(32);

    /// <summary>§5.2.2 s33 (block types and heap types), in the range -2^32 .. 2^32-1.</summary>
    public long ReadS33() => ReadSigned(33);

    /// <summary>§5.2.2 s64.</summary>
    public long ReadS64() => ReadSigned(64);

    /// <summary>
    /// An s33 read that does not throw: false (position unspecified) when the bytes are not a
    /// well-formed s33, for the readings that fall back to another interpretation of the bytes.
    /// </summary>
    public bool TryReadS33(out long value)
    {
        value = 0;
        int shift = 0;
        for (int left = 33; left > 0; left -= 7)
        {
            if (_pos >= _bytes.Length) return false;
            byte b = _bytes[_pos++];
            if (left < 7 && !IsSignExtension(b, left)) return false;
            value |= (long)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                if ((b & 0x40) != 0) value |= -1L << shift;
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the bits of the last byte of an sN beyond its <paramref name="left"/> remaining bits repeat its sign bit.</summary>
    private static bool IsSignExtension(byte b, int left)
    {
        int mask = (-1 << (left - 1)) & 0x7F;
        int unused = b & mask;
        return unused == 0 || unused == mask;
    }

    /// <summary>s7: the one-byte signed integers that encode types; a continuation bit is "integer representation too long".</summary>
    public int ReadS7() => (int)ReadSigned(7);

    /// <summary>uN: at most ceil(N/7) bytes, unused bits of the last byte zero.</summary>
    private ulong ReadUnsigned(int bits)
    {
        ulong result = 0;
        int shift = 0;
        for (int left = bits; ; left -= 7, shift += 7)
        {
            if (left <= 0) throw new MalformedException("integer representation too long", _pos);
            byte b = ReadByte();
            if (left < 7 && (b & 0x7F) >= 1 << left) throw new MalformedException("integer too large", _pos - 1);
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /// <summary>sN: at most ceil(N/7) bytes, unused bits of the last byte a sign extension.</summary>
    private long ReadSigned(int bits)
    {
        long result = 0;
        int shift = 0;
        for (int left = bits; ; left -= 7)
        {
            if (left <= 0) throw new MalformedException("integer representation too long", _pos);
            byte b = ReadByte();
            if (left < 7 && !IsSignExtension(b, left)) throw new MalformedException("integer too large", _pos - 1);
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
                return result;
            }
        }
    }

    /// <summary>
    /// A u32 length or count, which cannot exceed the bytes left counted from the start of
    /// the length itself, as in the spec interpreter ("length out of bounds").
    /// </summary>
    public int ReadLength()
    {
        int start = _pos;
        uint n = ReadU32();
        if (n > (uint)(_bytes.Length - start)) throw new MalformedException("length out of bounds", start);
        return (int)n;
    }

    /// <summary>§5.2.4 name: a length-prefixed UTF-8 string ("malformed UTF-8 encoding").</summary>
    public string ReadName()
    {
        int start = _pos;
        int n = ReadLength();
        var bytes = ReadBytes(n);
        if (!Utf8.IsValid(bytes)) throw new MalformedException("malformed UTF-8 encoding", start);
        return Encoding.UTF8.GetString(bytes);
    }
}
