using System.Globalization;
using System.Numerics;

namespace WasmConform.Engine.Tests.Numerics;

/// <summary>
/// Bit patterns from the text format's float notation, so cases copied from the suite read as
/// they do there: <c>0x1.fffffep+127</c>, <c>-0x1p-149</c>, <c>inf</c>, <c>nan</c>, <c>-nan:0x200000</c>.
/// The value is rounded through <see cref="ExactFloat"/>, never through a C# float.
/// </summary>
internal static class HexFloat
{
    public static uint F32(string text) => (uint)Parse(text, FloatFormat.Binary32);

    public static ulong F64(string text) => Parse(text, FloatFormat.Binary64);

    private static ulong Parse(string text, FloatFormat f)
    {
        bool negative = text.StartsWith('-');
        string body = text.TrimStart('-', '+');
        ulong sign = negative ? f.SignBit : 0;
        if (body == "inf")
            return sign | f.Infinity;
        if (body == "nan")
            return sign | f.Infinity | f.QuietBit;
        if (body.StartsWith("nan:0x", StringComparison.Ordinal))
            return sign | f.Infinity | ulong.Parse(body[6..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (!body.StartsWith("0x", StringComparison.Ordinal))
            throw new FormatException($"not a hexadecimal float: {text}");

        string digits = body[2..];
        int exponent = 0;
        int p = digits.IndexOf('p');
        if (p >= 0)
        {
            exponent = int.Parse(digits[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            digits = digits[..p];
        }
        int dot = digits.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= 4 * (digits.Length - dot - 1);
            digits = digits.Remove(dot, 1);
        }
        var mantissa = BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (negative)
            mantissa = -mantissa;
        return exponent >= 0
            ? ExactFloat.Round(mantissa << exponent, BigInteger.One, f, negative)
            : ExactFloat.Round(mantissa, BigInteger.One << -exponent, f, negative);
    }
}
