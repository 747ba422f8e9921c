using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Json;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Tests.Json;

/// <summary>The wast2json value encoding: what it writes, and that every value and pattern reads back as it was.</summary>
public class JsonValueTests
{
    private static Value RoundTrip(Value value, V128Shape? shape = null) => JsonValues.ParseArgument(JsonValues.Format(value, shape)).Value;

    private static ResultPattern RoundTrip(ResultPattern pattern) => JsonValues.ParseResult(JsonValues.Format(pattern));

    [Fact]
    public void I32_is_written_as_its_unsigned_decimal_bits()
    {
        Assert.Equal("{\"type\": \"i32\", \"value\": \"4294967295\"}", JsonValues.Format(Value.I32(-1)));
    }

    [Fact]
    public void I64_is_written_as_its_unsigned_decimal_bits()
    {
        Assert.Equal("{\"type\": \"i64\", \"value\": \"9223372036854775808\"}", JsonValues.Format(Value.I64(long.MinValue)));
    }

    [Theory]
    [InlineData(0x7FA0_0001u)]
    [InlineData(0xFFC0_0000u)]
    [InlineData(0x7F80_0001u)]
    [InlineData(0x8000_0000u)]
    [InlineData(0x0000_0001u)]
    public void F32_bits_round_trip_exactly(uint bits)
    {
        Assert.Equal(bits, RoundTrip(Value.F32Bits(bits)).AsF32Bits);
    }

    [Theory]
    [InlineData(0x7FF0_0000_0000_0001UL)]
    [InlineData(0xFFF8_0000_0000_0000UL)]
    [InlineData(0x7FF4_0000_DEAD_BEEFUL)]
    [InlineData(0x8000_0000_0000_0000UL)]
    public void F64_bits_round_trip_exactly(ulong bits)
    {
        Assert.Equal(bits, RoundTrip(Value.F64Bits(bits)).AsF64Bits);
    }

    [Fact]
    public void Negative_zero_is_written_as_the_sign_bit_alone()
    {
        Assert.Equal($"{{\"type\": \"f64\", \"value\": \"{1UL << 63}\"}}", JsonValues.Format(Value.F64Bits(1UL << 63)));
    }

    [Theory]
    [InlineData(V128Shape.I8x16, "i8", 16)]
    [InlineData(V128Shape.I16x8, "i16", 8)]
    [InlineData(V128Shape.I32x4, "i32", 4)]
    [InlineData(V128Shape.I64x2, "i64", 2)]
    [InlineData(V128Shape.F32x4, "f32", 4)]
    [InlineData(V128Shape.F64x2, "f64", 2)]
    public void V128_is_written_in_the_lanes_of_its_shape(V128Shape shape, string laneType, int lanes)
    {
        var json = JsonValues.Format(Value.V128(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210), shape);
        Assert.Contains($"\"lane_type\": \"{laneType}\"", json);
        Assert.Equal(lanes, json.Split(',').Length - 2);
    }

    [Theory]
    [InlineData(V128Shape.I8x16)]
    [InlineData(V128Shape.I16x8)]
    [InlineData(V128Shape.I32x4)]
    [InlineData(V128Shape.I64x2)]
    [InlineData(V128Shape.F32x4)]
    [InlineData(V128Shape.F64x2)]
    public void V128_and_its_shape_round_trip(V128Shape shape)
    {
        var value = Value.V128(0x8000_0001_FFFF_0080, 0x7FF8_0000_0000_00FF);
        var (back, backShape) = JsonValues.ParseArgument(JsonValues.Format(value, shape));
        Assert.Equal(value, back);
        Assert.Equal(shape, backShape);
    }

    [Fact]
    public void V128_lane_zero_is_the_low_byte()
    {
        var json = JsonValues.Format(Value.V128(0x0201, 0), V128Shape.I8x16);
        Assert.StartsWith("{\"type\": \"v128\", \"lane_type\": \"i8\", \"value\": [\"1\", \"2\", \"0\"", json);
    }

    [Fact]
    public void Nan_patterns_are_written_by_name()
    {
        Assert.Equal("{\"type\": \"f32\", \"value\": \"nan:canonical\"}", JsonValues.Format(new NanResult(ValTypeKind.F32, NanKind.Canonical)));
        Assert.Equal("{\"type\": \"f64\", \"value\": \"nan:arithmetic\"}", JsonValues.Format(new NanResult(ValTypeKind.F64, NanKind.Arithmetic)));
    }

    [Theory]
    [InlineData(ValTypeKind.F32, NanKind.Canonical)]
    [InlineData(ValTypeKind.F32, NanKind.Arithmetic)]
    [InlineData(ValTypeKind.F64, NanKind.Canonical)]
    [InlineData(ValTypeKind.F64, NanKind.Arithmetic)]
    public void Nan_patterns_round_trip(ValTypeKind type, NanKind kind)
    {
        Assert.Equal(new NanResult(type, kind), RoundTrip(new NanResult(type, kind)));
    }

    [Fact]
    public void V128_pattern_with_nan_lanes_round_trips()
    {
        var pattern = new V128Result(V128Shape.F32x4,
            new LanePattern[] { new(0, NanKind.Canonical), new(0x8000_0000), new(0, NanKind.Arithmetic), new(0x7FA0_0000) });
        Assert.Equal(pattern, RoundTrip(pattern));
    }

    [Fact]
    public void Nan_pattern_is_not_an_argument()
    {
        Assert.Throws<FormatException>(() => JsonValues.ParseArgument("{\"type\": \"f32\", \"value\": \"nan:canonical\"}"));
    }

    [Theory]
    [InlineData(HeapKind.Func, "funcref")]
    [InlineData(HeapKind.Extern, "externref")]
    [InlineData(HeapKind.Exn, "exnref")]
    [InlineData(HeapKind.Any, "anyref")]
    [InlineData(HeapKind.Eq, "eqref")]
    [InlineData(HeapKind.I31, "i31ref")]
    [InlineData(HeapKind.Struct, "structref")]
    [InlineData(HeapKind.Array, "arrayref")]
    [InlineData(HeapKind.None, "nullref")]
    [InlineData(HeapKind.NoFunc, "nullfuncref")]
    [InlineData(HeapKind.NoExtern, "nullexternref")]
    [InlineData(HeapKind.NoExn, "nullexnref")]
    public void Null_references_are_written_by_their_type_name_and_round_trip(HeapKind kind, string name)
    {
        var value = Value.Null(new HeapType(kind));
        Assert.Equal($"{{\"type\": \"{name}\", \"value\": \"null\"}}", JsonValues.Format(value));
        Assert.Equal(value, RoundTrip(value));
        Assert.Equal(new RefNullResult(new HeapType(kind)), RoundTrip(new RefNullResult(new HeapType(kind))));
    }

    [Fact]
    public void Null_of_a_concrete_type_round_trips()
    {
        var value = Value.Null(HeapType.Concrete(3));
        Assert.Equal(value, RoundTrip(value));
    }

    [Fact]
    public void Extern_host_reference_is_its_number()
    {
        var value = Value.Ref(HeapType.Extern, new HostReference(7));
        Assert.Equal("{\"type\": \"externref\", \"value\": \"7\"}", JsonValues.Format(value));
        Assert.Equal(value, RoundTrip(value));
    }

    [Fact]
    public void Any_host_reference_round_trips()
    {
        var value = Value.Ref(HeapType.Any, new HostReference(4294967295));
        Assert.Equal(value, RoundTrip(value));
    }

    [Theory]
    [InlineData(HeapKind.Extern)]
    [InlineData(HeapKind.Any)]
    [InlineData(HeapKind.Eq)]
    [InlineData(HeapKind.I31)]
    [InlineData(HeapKind.Struct)]
    [InlineData(HeapKind.Array)]
    [InlineData(HeapKind.Exn)]
    [InlineData(HeapKind.Func)]
    public void Non_null_reference_patterns_round_trip(HeapKind kind)
    {
        var pattern = new RefTypeResult(new HeapType(kind));
        Assert.Equal(pattern, RoundTrip(pattern));
    }

    [Fact]
    public void Non_null_funcref_pattern_is_written_as_wabt_writes_it()
    {
        Assert.Equal("{\"type\": \"funcref\", \"value\": \"0\"}", JsonValues.Format(new RefTypeResult(HeapType.Func)));
    }

    [Fact]
    public void Null_of_any_type_round_trips()
    {
        Assert.Equal(new RefNullResult(null), RoundTrip(new RefNullResult(null)));
    }

    [Fact]
    public void Nested_either_round_trips()
    {
        var pattern = new EitherResult(new ResultPattern[]
        {
            new ValueResult(Value.I32(1)),
            new EitherResult(new ResultPattern[] { new NanResult(ValTypeKind.F32, NanKind.Canonical), new RefNullResult(null) }),
        });
        Assert.Equal(pattern, RoundTrip(pattern));
    }

    [Fact]
    public void Signed_decimal_integers_are_read_too()
    {
        Assert.Equal(Value.I32(-1), JsonValues.ParseArgument("{\"type\": \"i32\", \"value\": \"-1\"}").Value);
        Assert.Equal(Value.I64(long.MinValue), JsonValues.ParseArgument("{\"type\": \"i64\", \"value\": \"-9223372036854775808\"}").Value);
    }

    [Theory]
    [InlineData("{\"type\": \"i32\", \"value\": \"4294967296\"}")]
    [InlineData("{\"type\": \"f32\", \"value\": \"4294967296\"}")]
    [InlineData("{\"type\": \"i32\"}")]
    [InlineData("{\"type\": \"v128\", \"lane_type\": \"i32\", \"value\": [\"1\", \"2\", \"3\"]}")]
    [InlineData("{\"type\": \"stringref\", \"value\": \"null\"}")]
    [InlineData("{\"type\": \"v128\", \"lane_type\": \"i64\", \"value\": [1, 2]}")]
    [InlineData("[\"i32\"]")]
    [InlineData("[1, 2")]
    public void Values_out_of_the_encoding_are_format_errors(string json)
    {
        Assert.Throws<FormatException>(() => JsonValues.ParseArgument(json));
    }
}
