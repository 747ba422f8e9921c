using System.Globalization;
using System.Text.Json;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Json;

/// <summary>
/// Reads constants and result patterns in the encoding <see cref="JsonValueWriter"/> writes (and
/// wabt's, and the signed integers of wasm-tools' <c>json-from-wast</c>) back into script values.
/// Throws <see cref="FormatException"/> for anything else.
/// </summary>
internal static class JsonValueReader
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>An invoke argument, with the lane shape when it is a v128.</summary>
    public static (Value Value, V128Shape? Shape) Argument(JsonElement e)
    {
        string type = Text(e, "type");
        switch (type)
        {
            case "i32": return (Value.I32((int)Integer(Text(e, "value"), 32)), null);
            case "i64": return (Value.I64((long)Integer(Text(e, "value"), 64)), null);
            case "f32": return (Value.F32Bits((uint)Bits(Text(e, "value"), 32)), null);
            case "f64": return (Value.F64Bits(Bits(Text(e, "value"), 64)), null);
            case "v128":
            {
                var (shape, lanes) = Lanes(e);
                if (lanes.Any(l => l.Nan is not null)) throw new FormatException("a NaN pattern is not an argument");
                return (Vector(shape, lanes), shape);
            }
        }
        var heap = RefTypeNames.Parse(type) ?? throw new FormatException($"unknown value type \"{type}\"");
        string value = Text(e, "value");
        if (value == "null") return (Value.Null(heap), null);
        if (heap.Kind is HeapKind.Extern or HeapKind.Any)
            return (Value.Ref(heap, new HostReference((uint)Integer(value, 32, signed: false))), null);
        throw new FormatException($"a non-null {type} is not an argument");
    }

    /// <summary>An expected result of <c>assert_return</c>.</summary>
    public static ResultPattern Result(JsonElement e)
    {
        string type = Text(e, "type");
        switch (type)
        {
            case "i32" or "i64":
                return new ValueResult(Argument(e).Value);
            case "f32" or "f64":
            {
                string value = Text(e, "value");
                var kind = type == "f32" ? ValTypeKind.F32 : ValTypeKind.F64;
                return Nan(value) is { } nan ? new NanResult(kind, nan) : new ValueResult(Argument(e).Value);
            }
            case "v128":
            {
                var (shape, lanes) = Lanes(e);
                return new V128Result(shape, lanes);
            }
            case "refnull":
                return new RefNullResult(null);
            case "either":
                return new EitherResult(Items(e, "values").Select(Result).ToArray());
        }
        var heap = RefTypeNames.Parse(type) ?? throw new FormatException($"unknown value type \"{type}\"");
        bool bottom = heap.Kind is HeapKind.None or HeapKind.NoFunc or HeapKind.NoExtern or HeapKind.NoExn;
        if (!e.TryGetProperty("value", out var v)) return bottom ? new RefNullResult(heap) : new RefTypeResult(heap);
        if (v.ValueKind != JsonValueKind.String) throw new FormatException("\"value\" must be a string");
        string text = v.GetString()!;
        if (text == "null") return new RefNullResult(heap);
        return heap.Kind switch
        {
            HeapKind.Extern or HeapKind.Any => new ValueResult(Value.Ref(heap, new HostReference((uint)Integer(text, 32, signed: false)))),
            HeapKind.Func => new RefTypeResult(heap),
            _ => throw new FormatException($"a {type} result is \"null\" or has no value"),
        };
    }

    /// <summary>The elements of the array <paramref name="name"/>.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : throw new FormatException($"\"{name}\" must be a list");

    /// <summary>The string member <paramref name="name"/>.</summary>
    public static string Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var f) && f.ValueKind == JsonValueKind.String
            ? f.GetString()!
            : throw new FormatException($"\"{name}\" must be a string");

    private static (V128Shape Shape, LanePattern[] Lanes) Lanes(JsonElement e)
    {
        string laneType = Text(e, "lane_type");
        V128Shape shape = laneType switch
        {
            "i8" => V128Shape.I8x16,
            "i16" => V128Shape.I16x8,
            "i32" => V128Shape.I32x4,
            "i64" => V128Shape.I64x2,
            "f32" => V128Shape.F32x4,
            "f64" => V128Shape.F64x2,
            _ => throw new FormatException($"unknown lane_type \"{laneType}\""),
        };
        int bits = V128Literal.LaneBits(shape);
        bool isFloat = V128Literal.IsFloat(shape);
        var lanes = Items(e, "value").Select(lane =>
        {
            if (lane.ValueKind != JsonValueKind.String) throw new FormatException("v128 lanes must be strings");
            string text = lane.GetString()!;
            if (isFloat && Nan(text) is { } nan) return new LanePattern(0, nan);
            return new LanePattern(isFloat ? Bits(text, bits) : Integer(text, bits));
        }).ToArray();
        if (lanes.Length != V128Literal.LaneCount(shape))
            throw new FormatException($"a v128 of {laneType} lanes needs {V128Literal.LaneCount(shape)} lanes, not {lanes.Length}");
        return (shape, lanes);
    }

    private static Value Vector(V128Shape shape, LanePattern[] lanes)
    {
        var bits = lanes.Select(l => l.Bits).ToArray();
        var (low, high) = V128Literal.Assemble(shape, bits);
        return Value.V128(low, high);
    }

    private static NanKind? Nan(string text) => text switch
    {
        "nan:canonical" => NanKind.Canonical,
        "nan:arithmetic" => NanKind.Arithmetic,
        _ => null,
    };

    // An unsigned decimal bit pattern of a float.
    private static ulong Bits(string text, int width) =>
        ulong.TryParse(text, NumberStyles.None, C, out ulong bits) && (width == 64 || bits >> width == 0)
            ? bits
            : throw new FormatException($"\"{text}\" is not a {width}-bit pattern in decimal");

    // An integer of <width> bits in decimal, unsigned (wabt) or signed (json-from-wast); its bits, zero-extended.
    private static ulong Integer(string text, int width, bool signed = true)
    {
        ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        if (ulong.TryParse(text, NumberStyles.None, C, out ulong u) && (u & ~mask) == 0) return u;
        if (signed && text.StartsWith('-') && long.TryParse(text, NumberStyles.AllowLeadingSign, C, out long s)
            && (width == 64 || s >= -(1L << (width - 1))))
            return (ulong)s & mask;
        throw new FormatException($"\"{text}\" is not a {width}-bit integer in decimal");
    }
}
