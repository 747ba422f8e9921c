using System.Globalization;
using System.Text.Json;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>
/// Values in the runner protocol's encoding, wabt's wast2json one (fuzz/runners/README.md):
/// numbers as unsigned decimal bit patterns, <c>v128</c> as lanes, references as <c>null</c>,
/// a host number (<c>externref</c>) or the kind of a non-null reference.
/// </summary>
public static class WireValue
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">A non-null reference that is neither a host reference nor null cannot be sent.</exception>
    public static void Write(Utf8JsonWriter w, Value value)
    {
        w.WriteStartObject();
        switch (value.Type.Kind)
        {
            case ValTypeKind.I32: Number(w, "i32", (uint)value.Bits); break;
            case ValTypeKind.I64: Number(w, "i64", value.Bits); break;
            case ValTypeKind.F32: Number(w, "f32", (uint)value.Bits); break;
            case ValTypeKind.F64: Number(w, "f64", value.Bits); break;
            case ValTypeKind.V128:
                w.WriteString("type", "v128");
                w.WriteString("lane_type", "i64");
                w.WriteStartArray("value");
                w.WriteStringValue(value.Bits.ToString(C));
                w.WriteStringValue(value.High.ToString(C));
                w.WriteEndArray();
                break;
            default:
                w.WriteString("type", RefTypeName(value.Type.Ref.Heap.Kind));
                w.WriteString("value", value.Reference switch
                {
                    null => "null",
                    HostReference h => h.Id.ToString(C),
                    var other => throw new ArgumentException($"a {other.GetType().Name} reference cannot be sent to a runner"),
                });
                break;
        }
        w.WriteEndObject();
    }

    /// <summary>Reads one value.</summary>
    /// <exception cref="FormatException">The element is not a value in the protocol's encoding.</exception>
    public static Value Read(JsonElement e)
    {
        string type = Field(e, "type");
        if (type == "v128") return ReadV128(e);
        string text = Field(e, "value");
        switch (type)
        {
            case "i32": return Value.I32((int)uint.Parse(text, C));
            case "i64": return Value.I64((long)ulong.Parse(text, C));
            case "f32": return Value.F32Bits(uint.Parse(text, C));
            case "f64": return Value.F64Bits(ulong.Parse(text, C));
        }
        var heap = HeapKindOf(type) ?? throw new FormatException($"unknown value type \"{type}\"");
        if (text == "null") return Value.Null(new HeapType(heap));
        if (uint.TryParse(text, NumberStyles.None, C, out uint host))
            return Value.Ref(new HeapType(HeapKind.Extern), new HostReference(host));
        var kind = HeapKindOf(text + "ref") ?? throw new FormatException($"unknown reference kind \"{text}\"");
        return Value.Ref(new HeapType(kind), new ForeignReference(kind));
    }

    private static Value ReadV128(JsonElement e)
    {
        string lane = e.TryGetProperty("lane_type", out var l) ? l.GetString() ?? "i64" : "i64";
        int bits = lane switch { "i8" => 8, "i16" => 16, "i32" or "f32" => 32, "i64" or "f64" => 64, _ => throw new FormatException($"unknown lane type \"{lane}\"") };
        ulong low = 0, high = 0;
        int offset = 0;
        foreach (var item in e.GetProperty("value").EnumerateArray())
        {
            ulong v = ulong.Parse(item.GetString() ?? "", C);
            if (bits < 64) v &= (1UL << bits) - 1;
            if (offset < 64) low |= v << offset;
            else high |= v << (offset - 64);
            offset += bits;
        }
        if (offset != 128) throw new FormatException($"a v128 needs {128 / bits} {lane} lanes");
        return Value.V128(low, high);
    }

    /// <summary>The protocol's type name of a reference of heap kind <paramref name="kind"/>: <c>funcref</c>, <c>externref</c>, …</summary>
    public static string RefTypeName(HeapKind kind) => kind switch
    {
        HeapKind.Concrete or HeapKind.Bot => "anyref",
        _ => kind.ToString().ToLowerInvariant() + "ref",
    };

    private static HeapKind? HeapKindOf(string typeName) =>
        typeName.EndsWith("ref", StringComparison.Ordinal)
        && Enum.TryParse<HeapKind>(typeName[..^3], ignoreCase: true, out var kind)
        && kind is not HeapKind.Concrete and not HeapKind.Bot
            ? kind
            : null;

    private static void Number(Utf8JsonWriter w, string type, ulong bits)
    {
        w.WriteString("type", type);
        w.WriteString("value", bits.ToString(C));
    }

    private static string Field(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var f) && f.GetString() is { } s
            ? s
            : throw new FormatException($"a value needs a \"{name}\" string");
}
