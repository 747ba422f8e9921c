using WasmConform.Engine.Binary;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>LEB128 limits (§5.2.2), lengths and names (§5.2.4) of the byte reader.</summary>
public class WasmReaderTests
{
    private delegate T Read<T>(ref WasmReader r);

    /// <summary>Reads one value and checks that exactly all bytes were used.</summary>
    private static T ReadAll<T>(Read<T> read, params byte[] bytes)
    {
        var r = new WasmReader(bytes);
        var value = read(ref r);
        Assert.True(r.AtEnd, "bytes left after the value");
        return value;
    }

    private static string ErrorOf<T>(Read<T> read, params byte[] bytes) =>
        Assert.Throws<MalformedException>(() => ReadAll(read, bytes)).Message;

    private static uint U32(ref WasmReader r) => r.ReadU32();
    private static ulong U64(ref WasmReader r) => r.ReadU64();
    private static int S32(ref WasmReader r) => r.ReadS32();
    private static long S33(ref WasmReader r) => r.ReadS33();
    private static long S64(ref WasmReader r) => r.ReadS64();
    private static byte U8(ref WasmReader r) => r.ReadU8LEB();
    private static string Name(ref WasmReader r) => r.ReadName();
    private static int Length(ref WasmReader r) => r.ReadLength();

    [Fact]
    public void U32_max_fits_in_five_bytes() => Assert.Equal(uint.MaxValue, ReadAll(U32, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F));

    [Fact]
    public void U32_zero_padded_to_five_bytes_is_accepted() => Assert.Equal(0u, ReadAll(U32, 0x80, 0x80, 0x80, 0x80, 0x00));

    [Fact]
    public void U32_in_six_bytes_is_too_long() =>
        Assert.Equal("integer representation too long", ErrorOf(U32, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00));

    [Fact]
    public void U32_fifth_byte_with_continuation_is_too_long() =>
        Assert.Equal("integer representation too long", ErrorOf(U32, 0xFF, 0xFF, 0xFF, 0xFF, 0x8F, 0x00));

    [Fact]
    public void U32_with_bit_32_set_is_too_large() =>
        Assert.Equal("integer too large", ErrorOf(U32, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F));

    [Fact]
    public void U32_cut_short_is_unexpected_end() =>
        Assert.Equal("unexpected end of section or function", ErrorOf(U32, 0x80, 0x80));

    [Fact]
    public void S32_min_is_read() => Assert.Equal(int.MinValue, ReadAll(S32, 0x80, 0x80, 0x80, 0x80, 0x78));

    [Fact]
    public void S32_minus_one_padded_to_five_bytes_is_accepted() => Assert.Equal(-1, ReadAll(S32, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));

    [Fact]
    public void S32_one_byte_sign_extends() => Assert.Equal(-64, ReadAll(S32, 0x40));

    [Theory]
    [InlineData(0x70)]
    [InlineData(0x08)]
    [InlineData(0x0F)]
    public void S32_fifth_byte_that_is_not_a_sign_extension_is_too_large(byte last) =>
        Assert.Equal("integer too large", ErrorOf(S32, 0x80, 0x80, 0x80, 0x80, last));

    [Fact]
    public void S33_reaches_two_to_the_32_minus_one() => Assert.Equal((1L << 32) - 1, ReadAll(S33, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F));

    [Fact]
    public void S33_reaches_minus_two_to_the_32() => Assert.Equal(-(1L << 32), ReadAll(S33, 0x80, 0x80, 0x80, 0x80, 0x70));

    [Fact]
    public void S33_beyond_33_bits_is_too_large() =>
        Assert.Equal("integer too large", ErrorOf(S33, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F));

    [Fact]
    public void S64_min_is_read() =>
        Assert.Equal(long.MinValue, ReadAll(S64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F));

    [Fact]
    public void S64_max_is_read() =>
        Assert.Equal(long.MaxValue, ReadAll(S64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00));

    [Fact]
    public void S64_tenth_byte_that_is_not_a_sign_extension_is_too_large() =>
        Assert.Equal("integer too large", ErrorOf(S64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01));

    [Fact]
    public void S64_in_eleven_bytes_is_too_long() =>
        Assert.Equal("integer representation too long", ErrorOf(S64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00));

    [Fact]
    public void U64_max_is_read() =>
        Assert.Equal(ulong.MaxValue, ReadAll(U64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01));

    [Fact]
    public void U64_with_bit_64_set_is_too_large() =>
        Assert.Equal("integer too large", ErrorOf(U64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x03));

    [Fact]
    public void U8_lane_index_255_takes_two_bytes() => Assert.Equal(255, ReadAll(U8, 0xFF, 0x01));

    [Fact]
    public void U8_above_255_is_too_large() => Assert.Equal("integer too large", ErrorOf(U8, 0x80, 0x02));

    [Fact]
    public void U8_in_three_bytes_is_too_long() => Assert.Equal("integer representation too long", ErrorOf(U8, 0x80, 0x80, 0x00));

    [Fact]
    public void Length_counts_the_bytes_of_the_length_itself() => Assert.Equal("length out of bounds", ErrorOf(Length, 0x03, 0x00));

    [Fact]
    public void Name_is_decoded_from_utf8() => Assert.Equal("é€😀", ReadAll(Name, 9, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80));

    [Theory]
    [InlineData(new byte[] { 2, 0xC0, 0x80 })]
    [InlineData(new byte[] { 3, 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 4, 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 1, 0x80 })]
    [InlineData(new byte[] { 2, 0xE2, 0x82 })]
    public void Name_with_overlong_surrogate_out_of_range_or_cut_sequence_is_malformed(byte[] bytes) =>
        Assert.Equal("malformed UTF-8 encoding", ErrorOf(Name, bytes));
}
