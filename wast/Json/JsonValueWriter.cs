using System.Globalization;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Json;

/// <summary>
/// Writes script constants and result patterns in wabt's <c>wast2json</c> value encoding:
/// <c>{"type": "i32", "value": "4294967295"}</c> — integers and float bit patterns as unsigned
/// decimal strings, <c>"nan:canonical"</c> / <c>"nan:arithmetic"</c> for NaN patterns, <c>v128</c>
/// with a <c>lane_type</c> and one string per lane, references by type name with <c>"null"</c> or
/// a host number. Beyond wabt (the names of <see cref="RefTypeNames"/>): a non-null pattern of a
/// reference kind has no <c>value</c> (<c>{"type": "structref"}</c>), except <c>funcref</c> which
/// wabt writes with <c>"0"</c>; <c>(ref.null)</c> of any type is <c>{"type": "refnull"}</c>;
/// <c>(ref.host N)</c> is <c>{"type": "anyref", "value": "N"}</c>; a nested <c>either</c> is
/// <c>{"type": "either", "values": [...]}</c>.
/// </summary>
internal static class JsonValueWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>An invoke argument; <paramref name="shape"/> is the lane shape of a v128 (i32x4 when null).</summary>
    /// <exception cref="ArgumentException">A reference that is neither null nor a host reference.</exception>
    public static void Argument(JsonText json, Value value, V128Shape? shape)
    {
        json.Open();
        switch (value.Type.Kind)
        {
            case ValTypeKind.I32: Scalar(json, "i32", (uint)value.Bits); break;
            case ValTypeKind.I64: Scalar(json, "i64", value.Bits); break;
            case ValTypeKind.F32: Scalar(json, "f32", (uint)value.Bits); break;
            case ValTypeKind.F64: Scalar(json, "f64", value.Bits); break;
            case ValTypeKind.V128:
            {
                var s = shape ?? V128Shape.I32x4;
                int bits = V128Literal.LaneBits(s);
                Vector(json, s, Enumerable.Range(0, V128Literal.LaneCount(s)).Select(i => Lane(value, i, bits).ToString(C)));
                break;
            }
            case ValTypeKind.Ref:
                Reference(json, value);
                break;
            default:
                throw new ArgumentException($"no JSON encoding for a value of type {value.Type}");
        }
        json.Close();
    }

    /// <summary>An expected result of <c>assert_return</c>.</summary>
    /// <exception cref="ArgumentException">A pattern with no encoding (a reference value other than null or host).</exception>
    public static void Result(JsonText json, ResultPattern pattern)
    {
        switch (pattern)
        {
            case ValueResult v:
                Argument(json, v.Value, null);
                return;
            case NanResult n:
                json.Open().String("type", n.Type == ValTypeKind.F32 ? "f32" : "f64").String("value", NanText(n.Kind)).Close();
                return;
            case V128Result v:
                json.Open();
                Vector(json, v.Shape, v.Lanes.AsSpan().ToArray().Select(l => LaneText(v.Shape, l)));
                json.Close();
                return;
            case RefNullResult { Heap: { } heap }:
                json.Open().String("type", RefTypeNames.Of(heap)).String("value", "null").Close();
                return;
            case RefNullResult:
                json.Open().String("type", "refnull").Close();
                return;
            case RefTypeResult { Heap.Kind: HeapKind.Func }:
                json.Open().String("type", "funcref").String("value", "0").Close();
                return;
            case RefTypeResult r:
                json.Open().String("type", RefTypeNames.Of(r.Heap)).Close();
                return;
            case EitherResult e:
                json.Open().String("type", "either").List("values", e.Alternatives.AsSpan().ToArray(), Result).Close();
                return;
            default:
                throw new ArgumentException($"no JSON encoding for the pattern {pattern}");
        }
    }

    /// <summary>A value type, as the <c>expected</c> list of actions and traps holds them: <c>{"type": "i32"}</c>.</summary>
    public static void Type(JsonText json, ValType type) => json.Open().String("type", type.ToString()).Close();

    /// <summary>wabt's name of a lane type: <c>i8</c>, <c>i16</c>, <c>i32</c>, <c>i64</c>, <c>f32</c>, <c>f64</c>.</summary>
    public static string LaneType(V128Shape shape) => shape switch
    {
        V128Shape.I8x16 => "i8",
        V128Shape.I16x8 => "i16",
        V128Shape.I32x4 => "i32",
        V128Shape.I64x2 => "i64",
        V128Shape.F32x4 => "f32",
        _ => "f64",
    };

    /// <summary>Lane <paramref name="index"/> of <paramref name="bits"/> bits of a v128 value (lane 0 in the low bytes), zero-extended.</summary>
    public static ulong Lane(Value v, int index, int bits)
    {
        int at = index * bits;
        ulong half = at < 64 ? v.Bits : v.High;
        ulong lane = half >> (at % 64);
        return bits == 64 ? lane : lane & ((1UL << bits) - 1);
    }

    private static void Scalar(JsonText json, string type, ulong bits) =>
        json.String("type", type).String("value", bits.ToString(C));

    private static void Vector(JsonText json, V128Shape shape, IEnumerable<string> lanes) =>
        json.String("type", "v128").String("lane_type", LaneType(shape)).List("value", lanes, (j, lane) => j.Quoted(lane));

    private static string LaneText(V128Shape shape, LanePattern lane)
    {
        if (lane.Nan is { } nan) return NanText(nan);
        int bits = V128Literal.LaneBits(shape);
        ulong value = bits == 64 ? lane.Bits : lane.Bits & ((1UL << bits) - 1);
        return value.ToString(C);
    }

    private static string NanText(NanKind kind) => kind == NanKind.Canonical ? "nan:canonical" : "nan:arithmetic";

    private static void Reference(JsonText json, Value value)
    {
        var heap = value.Type.Ref.Heap;
        switch (value.Reference)
        {
            case null:
                json.String("type", RefTypeNames.Of(heap)).String("value", "null");
                break;
            case HostReference h when heap.Kind is HeapKind.Extern or HeapKind.Any:
                json.String("type", RefTypeNames.Of(heap)).String("value", h.Id.ToString(C));
                break;
            default:
                throw new ArgumentException($"no JSON encoding for a {value.Reference.GetType().Name} reference");
        }
    }
}
