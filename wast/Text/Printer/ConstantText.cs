using System.Globalization;
using System.Text;
using WasmConform.Engine.Embedding;

namespace WasmConform.Wast.Text;

/// <summary>Literals of the text format (§6.3): numbers exactly as their bits, strings byte for byte.</summary>
internal static class ConstantText
{
    /// <summary>Bytes per string literal when long contents are split over several strings.</summary>
    public const int BytesPerString = 32;

    /// <summary>An i32 in signed decimal.</summary>
    public static string I32(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An i64 in signed decimal.</summary>
    public static string I64(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An f32 from its bits as a hexadecimal float, <c>inf</c> or <c>nan:0x…</c> (payload kept).</summary>
    public static string F32(uint bits) => HexFloat.Format32(bits);

    /// <summary>An f64 from its bits as a hexadecimal float, <c>inf</c> or <c>nan:0x…</c> (payload kept).</summary>
    public static string F64(ulong bits) => HexFloat.Format64(bits);

    /// <summary>The operand of <c>v128.const</c>: <c>i32x4</c> and four lanes in hexadecimal, lowest lane first.</summary>
    public static string V128(ulong low, ulong high) =>
        $"i32x4 {Lane((uint)low)} {Lane((uint)(low >> 32))} {Lane((uint)high)} {Lane((uint)(high >> 32))}";

    private static string Lane(uint lane) => "0x" + lane.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>
    /// §6.3.3 string: printable ASCII as is (except <c>"</c> and <c>\</c>), every other byte as <c>\hh</c>.
    /// </summary>
    public static string String(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length + 2).Append('"');
        foreach (byte b in bytes)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\') text.Append((char)b);
            else text.Append('\\').Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
        return text.Append('"').ToString();
    }

    /// <summary>A name (§6.3.4) as a string literal of its UTF-8 encoding.</summary>
    public static string Name(string name) => String(Encoding.UTF8.GetBytes(name));

    /// <summary>
    /// <paramref name="bytes"/> as consecutive string literals of at most <see cref="BytesPerString"/>
    /// bytes each (which the text format concatenates); none for no bytes.
    /// </summary>
    public static IEnumerable<string> Strings(ReadOnlyMemory<byte> bytes)
    {
        for (int at = 0; at < bytes.Length; at += BytesPerString)
            yield return String(bytes.Span.Slice(at, Math.Min(BytesPerString, bytes.Length - at)));
    }
}
