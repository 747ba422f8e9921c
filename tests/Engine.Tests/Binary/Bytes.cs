using System.Text;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>
/// Builds binary modules by hand for the tests, with its own LEB128 writer (independent of
/// the encoder under test).
/// </summary>
internal static class Bytes
{
    /// <summary>The magic number and version 1.</summary>
    public static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    /// <summary>Unsigned LEB128, shortest form.</summary>
    public static byte[] U(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value != 0 ? (byte)(b | 0x80) : b);
        } while (value != 0);
        return [.. bytes];
    }

    /// <summary>Signed LEB128, shortest form.</summary>
    public static byte[] S(long value)
    {
        var bytes = new List<byte>();
        while (true)
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0))
            {
                bytes.Add(b);
                return [.. bytes];
            }
            bytes.Add((byte)(b | 0x80));
        }
    }

    /// <summary>Concatenates bytes, byte arrays and ints (each int one byte).</summary>
    public static byte[] Cat(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case byte b: bytes.Add(b); break;
                case int i: bytes.Add(checked((byte)i)); break;
                case byte[] a: bytes.AddRange(a); break;
                case IEnumerable<byte[]> many: foreach (var a in many) bytes.AddRange(a); break;
                default: throw new ArgumentException($"cannot concatenate {part}");
            }
        }
        return [.. bytes];
    }

    /// <summary>A name: length and UTF-8 bytes.</summary>
    public static byte[] Name(string s)
    {
        var utf8 = Encoding.UTF8.GetBytes(s);
        return Cat(U((ulong)utf8.Length), utf8);
    }

    /// <summary>A vector: count and the items.</summary>
    public static byte[] Vec(params byte[][] items) => Cat(U((ulong)items.Length), items);

    /// <summary>A section: id, size, contents.</summary>
    public static byte[] Section(int id, params object[] content)
    {
        var body = Cat(content);
        return Cat(id, U((ulong)body.Length), body);
    }

    /// <summary>A module: header and the given sections (or any other bytes).</summary>
    public static byte[] Module(params object[] sections) => Cat(Header, Cat(sections));

    /// <summary>One function body: size, locals, instructions (the caller writes the final end).</summary>
    public static byte[] Body(params object[] content)
    {
        var body = Cat(content);
        return Cat(U((ulong)body.Length), body);
    }

    /// <summary>
    /// A module with one function of type [] -> [] whose body (after an empty locals vector)
    /// is <paramref name="code"/>, which must include the final end.
    /// </summary>
    public static byte[] FunctionModule(params object[] code) => Module(
        Section(1, Vec(Cat(0x60, 0, 0))),
        Section(3, Vec(Cat(0))),
        Section(10, Vec(Body(0, Cat(code)))));
}
