using System.Globalization;
using System.Text;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Reports;

/// <summary>
/// Values in <c>.wast</c> script syntax: invoke arguments (<c>(i32.const -1)</c>,
/// <c>(ref.extern 2)</c>) and <c>assert_return</c> results (<c>(f32.const nan:0x200000)</c>,
/// <c>(ref.func)</c>), and binary modules as <c>"\00\61…"</c> strings.
/// </summary>
public static class WastText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>
    /// An argument. A null reference is written with the abstract heap type at the top of its
    /// hierarchy (<paramref name="isFunctionType"/> tells a concrete type index that names a function type).
    /// </summary>
    public static string Argument(Value v, Func<uint, bool> isFunctionType) => v.Type.Kind switch
    {
        ValTypeKind.Ref when v.Reference is HostReference h => $"(ref.extern {h.Id.ToString(C)})",
        ValTypeKind.Ref => $"(ref.null {Top(v.Type.Ref.Heap, isFunctionType)})",
        _ => Number(v),
    };

    /// <summary>
    /// A result that holds for exactly <paramref name="v"/>; with <paramref name="anyArithmeticNan"/>,
    /// a quiet f32/f64 NaN is written <c>nan:arithmetic</c> instead of its bits (vectors stay exact, as the oracle compares them).
    /// </summary>
    public static string Result(Value v, bool anyArithmeticNan = false) => v.Type.Kind switch
    {
        ValTypeKind.Ref => v.Reference switch
        {
            null => "(ref.null)",
            HostReference h => $"(ref.extern {h.Id.ToString(C)})",
            _ when v.Type.Ref.Heap.Kind is HeapKind.Extern or HeapKind.NoExtern => "(ref.extern)",
            FunctionInstance => "(ref.func)",
            StructInstance => "(ref.struct)",
            ArrayInstance => "(ref.array)",
            I31Reference => "(ref.i31)",
            ExceptionInstance => "(ref.exn)",
            _ => "(ref.extern)",
        },
        ValTypeKind.F32 when anyArithmeticNan && IsQuietNan32(v.AsF32Bits) => "(f32.const nan:arithmetic)",
        ValTypeKind.F64 when anyArithmeticNan && IsQuietNan64(v.AsF64Bits) => "(f64.const nan:arithmetic)",
        _ => Number(v),
    };

    /// <summary><c>(i32.const …)</c>, <c>(f64.const …)</c> (exact hexadecimal floats and NaN payloads), <c>(v128.const i64x2 …)</c>.</summary>
    public static string Number(Value v) => v.Type.Kind switch
    {
        ValTypeKind.I32 => $"(i32.const {v.AsI32.ToString(C)})",
        ValTypeKind.I64 => $"(i64.const {v.AsI64.ToString(C)})",
        ValTypeKind.F32 => $"(f32.const {HexFloat.Format32(v.AsF32Bits)})",
        ValTypeKind.F64 => $"(f64.const {HexFloat.Format64(v.AsF64Bits)})",
        ValTypeKind.V128 => $"(v128.const i64x2 0x{v.Bits.ToString("x", C)} 0x{v.High.ToString("x", C)})",
        _ => throw new ArgumentException($"{v} is not a number", nameof(v)),
    };

    /// <summary>A binary module's bytes as the strings of <c>(module binary …)</c>, 32 bytes to a line, each line indented by <paramref name="indent"/>.</summary>
    public static string Binary(ReadOnlySpan<byte> bytes, string indent)
    {
        var s = new StringBuilder();
        for (int i = 0; i < bytes.Length; i += 32)
        {
            s.Append(indent).Append('"');
            foreach (byte b in bytes.Slice(i, Math.Min(32, bytes.Length - i))) s.Append('\\').Append(b.ToString("x2", C));
            s.Append('"');
            if (i + 32 < bytes.Length) s.Append('\n');
        }
        return s.ToString();
    }

    /// <summary>A string literal: printable ASCII as is, everything else escaped.</summary>
    public static string String(string text)
    {
        var s = new StringBuilder("\"");
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= 0x20 and < 0x7F && b != '"' && b != '\\') s.Append((char)b);
            else s.Append('\\').Append(b.ToString("x2", C));
        }
        return s.Append('"').ToString();
    }

    private static string Top(HeapType heap, Func<uint, bool> isFunctionType) => heap.Kind switch
    {
        HeapKind.Func or HeapKind.NoFunc => "func",
        HeapKind.Extern or HeapKind.NoExtern => "extern",
        HeapKind.Exn or HeapKind.NoExn => "exn",
        HeapKind.Concrete => isFunctionType(heap.Index) ? "func" : "any",
        _ => "any",
    };

    private static bool IsQuietNan32(uint bits) => (bits & 0x7FC0_0000) == 0x7FC0_0000;

    private static bool IsQuietNan64(ulong bits) => (bits & 0x7FF8_0000_0000_0000) == 0x7FF8_0000_0000_0000;
}
