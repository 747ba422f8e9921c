using System.Text;
using System.Text.Unicode;

namespace WasmConform.Engine.Binary;

/// <summary>
/// A non-throwing reader over the bytes of a custom section: custom sections never make a module
/// malformed, so their decoders report a section that does not follow its format as a failed read.
/// </summary>
internal ref struct CustomCursor(ReadOnlySpan<byte> bytes)
{
    private ReadOnlySpan<byte> _rest = bytes;

    public readonly bool AtEnd => _rest.IsEmpty;
    public readonly int Left => _rest.Length;

    public bool TryByte(out byte b)
    {
        b = 0;
        if (_rest.IsEmpty) return false;
        b = _rest[0];
        _rest = _rest[1..];
        return true;
    }

    public ReadOnlySpan<byte> Take(int n)
    {
        var taken = _rest[..n];
        _rest = _rest[n..];
        return taken;
    }

    public bool Skip()
    {
        _rest = default;
        return true;
    }

    /// <summary>A u32 with the limits of §5.2.2.</summary>
    public bool TryU32(out uint value)
    {
        value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            if (!TryByte(out byte b)) return false;
            if (shift == 28 && (b & 0x70) != 0) return false;
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }

    public bool TryName(out string? name)
    {
        name = null;
        if (!TryU32(out uint n) || n > Left) return false;
        var bytes = Take((int)n);
        if (!Utf8.IsValid(bytes)) return false;
        name = Encoding.UTF8.GetString(bytes);
        return true;
    }
}
