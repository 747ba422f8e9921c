using WasmConform.Fuzz.Generator;

namespace WasmConform.Fuzz.Tests.Generator;

public sealed class ChoiceStreamTests
{
    [Fact]
    public void An_exhausted_stream_gives_the_smallest_choices()
    {
        var u = new ChoiceStream([]);
        Assert.True(u.IsExhausted);
        Assert.Equal(-5, u.Int(-5, 10));
        Assert.Equal(7UL, u.UInt64(7, 1000));
        Assert.False(u.Bool());
        Assert.False(u.Chance(99));
        Assert.Equal(2, u.Weighted([0, 0, 3, 1]));
        Assert.Equal("a", u.Pick(["a", "b"]));
        Span<byte> buffer = [1, 2, 3];
        u.Fill(buffer);
        Assert.Equal([0, 0, 0], buffer.ToArray());
    }

    [Fact]
    public void A_range_of_256_values_takes_one_byte()
    {
        var u = new ChoiceStream([0x10, 0x20]);
        Assert.Equal(0x10, u.Int(0, 255));
        Assert.Equal(1, u.Remaining);
    }

    [Fact]
    public void A_range_of_257_values_takes_two_bytes_read_big_endian()
    {
        var u = new ChoiceStream([0x01, 0x00]);
        Assert.Equal(256, u.Int(0, 256));
        Assert.True(u.IsExhausted);
    }

    [Fact]
    public void Bytes_beyond_the_range_wrap_around_it()
    {
        var u = new ChoiceStream([250]);
        Assert.Equal(250 % 10, u.Int(0, 9));
    }

    [Fact]
    public void A_choice_from_a_single_value_reads_nothing()
    {
        var u = new ChoiceStream([9]);
        Assert.Equal(4, u.Int(4, 4));
        Assert.Equal(1, u.Remaining);
    }

    [Fact]
    public void A_choice_that_finds_only_part_of_its_bytes_uses_them()
    {
        var u = new ChoiceStream([0x02]);
        Assert.Equal(2, u.Int(0, 70_000));
        Assert.True(u.IsExhausted);
    }

    [Fact]
    public void Weighted_choice_never_picks_a_zero_weight()
    {
        for (int b = 0; b < 256; b++)
            Assert.NotEqual(1, new ChoiceStream([(byte)b]).Weighted([1, 0, 1]));
    }

    [Fact]
    public void Weighted_choice_without_a_positive_weight_is_an_argument_error() =>
        Assert.Throws<ArgumentException>(() => new ChoiceStream([1]).Weighted([0, 0]));

    [Fact]
    public void An_empty_range_is_an_argument_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChoiceStream([1]).Int(3, 2));

    [Fact]
    public void The_full_unsigned_range_reads_eight_bytes()
    {
        var u = new ChoiceStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Equal(0x0102030405060708UL, u.UInt64(0, ulong.MaxValue));
    }
}

public sealed class SeedInputTests
{
    // Reference outputs computed with the authors' C code (splitmix64.c, xoshiro256starstar.c).
    [Fact]
    public void SplitMix64_of_zero_starts_with_the_published_value()
    {
        ulong x = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref x));
    }

    [Theory]
    [InlineData(0UL, 0x99EC5F36CB75F2B4UL, 0xBF6E1F784956452AUL, 0x1A5F849D4933E6E0UL)]
    [InlineData(2026UL, 0x92E011592E98AE15UL, 0x489F37946D6D18D8UL, 0xD0009E279D9CDEDAUL)]
    public void Xoshiro256StarStar_matches_the_reference_implementation(ulong seed, ulong first, ulong second, ulong third)
    {
        var rng = new Xoshiro256StarStar(seed);
        Assert.Equal([first, second, third], [rng.Next(), rng.Next(), rng.Next()]);
    }

    [Fact]
    public void Input_bytes_are_the_generator_words_little_endian()
    {
        var rng = new Xoshiro256StarStar(2026);
        ulong word = rng.Next();
        var expected = BitConverter.GetBytes(word);
        if (!BitConverter.IsLittleEndian) Array.Reverse(expected);
        Assert.Equal(expected[..5], SeedInput.Bytes(2026, 0, 5));
    }

    [Fact]
    public void Different_indices_give_different_inputs() =>
        Assert.NotEqual(SeedInput.Bytes(1, 0, 32), SeedInput.Bytes(1, 1, 32));
}
