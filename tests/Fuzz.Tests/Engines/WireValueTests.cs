using System.Text;
using System.Text.Json;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Engines.Runners;

namespace WasmConform.Fuzz.Tests.Engines;

/// <summary>Values in the protocol's (wast2json's) encoding.</summary>
public sealed class WireValueTests
{
    private static string Json(Value v)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) WireValue.Write(w, v);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Value Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return WireValue.Read(doc.RootElement);
    }

    [Fact]
    public void I32_is_the_unsigned_decimal_of_its_bits() =>
        Assert.Equal("""{"type":"i32","value":"4294967295"}""", Json(Value.I32(-1)));

    [Fact]
    public void F32_is_the_decimal_of_its_bits_nan_payload_included() =>
        Assert.Equal("""{"type":"f32","value":"2143289345"}""", Json(Value.F32Bits(0x7FC0_0001)));

    [Fact]
    public void Null_references_name_their_type() =>
        Assert.Equal("""{"type":"funcref","value":"null"}""", Json(Value.Null(HeapType.Func)));

    [Fact]
    public void Host_references_are_their_number() =>
        Assert.Equal("""{"type":"externref","value":"7"}""", Json(Value.Ref(HeapType.Extern, new HostReference(7))));

    [Theory]
    [InlineData(ValTypeKind.I64, 0x8000_0000_0000_0000UL)]
    [InlineData(ValTypeKind.F64, 0xFFF8_0000_0000_0001UL)]
    public void Numbers_round_trip(ValTypeKind kind, ulong bits)
    {
        var v = Value.FromBits(new ValType(kind), bits);
        Assert.Equal(v, Read(Json(v)));
    }

    [Fact]
    public void V128_round_trips_as_two_i64_lanes()
    {
        var v = Value.V128(0x0102030405060708, 0xF0E0D0C0B0A09080);
        Assert.Equal(v, Read(Json(v)));
    }

    [Fact]
    public void V128_reads_any_lane_shape()
    {
        var v = Read("""{"type":"v128","lane_type":"i32","value":["1","2","3","4294967295"]}""");
        Assert.Equal((0x0000_0002_0000_0001UL, 0xFFFF_FFFF_0000_0003UL), (v.Bits, v.High));
    }

    [Fact]
    public void Non_null_references_read_as_their_kind()
    {
        var v = Read("""{"type":"anyref","value":"struct"}""");
        Assert.Equal(new ForeignReference(HeapKind.Struct), v.Reference);
    }

    [Fact]
    public void A_value_without_a_type_is_a_format_error() =>
        Assert.Throws<FormatException>(() => Read("""{"value":"1"}"""));
}
