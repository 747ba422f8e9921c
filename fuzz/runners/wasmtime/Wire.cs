using System.Globalization;
using System.Text.Json;
using Wasmtime;

namespace WasmConform.Runners.Wasmtime;

/// <summary>A host reference passed in as <c>ref.extern N</c>; one object per number, so identity survives round trips.</summary>
public sealed record HostRef(uint Id);

/// <summary>Values between the wire encoding (wast2json's) and wasmtime's boxes.</summary>
public static class Wire
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Reads one argument value; <paramref name="hosts"/> gives the host object of each extern number.</summary>
    public static ValueBox ReadArgument(JsonElement e, Func<uint, HostRef> hosts)
    {
        string type = e.GetProperty("type").GetString() ?? "";
        if (type == "v128") return ReadV128(e);
        string text = e.GetProperty("value").GetString() ?? "";
        return type switch
        {
            "i32" => (int)uint.Parse(text, C),
            "i64" => (long)ulong.Parse(text, C),
            "f32" => BitConverter.UInt32BitsToSingle(uint.Parse(text, C)),
            "f64" => BitConverter.UInt64BitsToDouble(ulong.Parse(text, C)),
            "funcref" when text == "null" => Function.Null,
            "externref" when text == "null" => ValueBox.AsBox<object>(null),
            "externref" => ValueBox.AsBox<object>(hosts(uint.Parse(text, C))),
            _ when text == "null" => ValueBox.AsBox<object>(null),
            _ => throw new RequestException($"cannot pass a {type} value {text}"),
        };
    }

    private static ValueBox ReadV128(JsonElement e)
    {
        string lane = e.TryGetProperty("lane_type", out var l) ? l.GetString() ?? "i64" : "i64";
        int width = lane switch { "i8" => 1, "i16" => 2, "i32" or "f32" => 4, _ => 8 };
        Span<byte> bytes = stackalloc byte[16];
        int offset = 0;
        foreach (var item in e.GetProperty("value").EnumerateArray())
        {
            ulong bits = ulong.Parse(item.GetString() ?? "0", C);
            for (int i = 0; i < width && offset < 16; i++) bytes[offset++] = (byte)(bits >> (8 * i));
        }
        return new V128(bytes);
    }

    /// <summary>Writes one value of kind <paramref name="kind"/> as boxed by wasmtime.</summary>
    public static void WriteValue(Utf8JsonWriter w, ValueKind kind, object? value)
    {
        w.WriteStartObject();
        switch (kind)
        {
            case ValueKind.Int32:
                Number(w, "i32", (uint)(int)value!);
                break;
            case ValueKind.Int64:
                Number(w, "i64", (ulong)(long)value!);
                break;
            case ValueKind.Float32:
                Number(w, "f32", BitConverter.SingleToUInt32Bits((float)value!));
                break;
            case ValueKind.Float64:
                Number(w, "f64", BitConverter.DoubleToUInt64Bits((double)value!));
                break;
            case ValueKind.V128:
                var bytes = ((V128)value!).AsSpan();
                w.WriteString("type", "v128");
                w.WriteString("lane_type", "i64");
                w.WriteStartArray("value");
                w.WriteStringValue(BitConverter.ToUInt64(bytes[..8]).ToString(C));
                w.WriteStringValue(BitConverter.ToUInt64(bytes[8..]).ToString(C));
                w.WriteEndArray();
                break;
            case ValueKind.FuncRef:
                w.WriteString("type", "funcref");
                w.WriteString("value", value is Function { IsNull: false } ? "func" : "null");
                break;
            case ValueKind.ExternRef:
                w.WriteString("type", "externref");
                w.WriteString("value", value switch { null => "null", HostRef h => h.Id.ToString(C), _ => "extern" });
                break;
            default:
                w.WriteString("type", "anyref");
                w.WriteString("value", value is null ? "null" : "any");
                break;
        }
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string type, ulong bits)
    {
        w.WriteString("type", type);
        w.WriteString("value", bits.ToString(C));
    }
}
