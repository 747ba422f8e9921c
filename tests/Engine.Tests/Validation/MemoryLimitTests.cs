using WasmConform.Engine.Syntax;
using static WasmConform.Engine.Tests.Validation.Build;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>§3.2.5 memory limits: the 1.0 wording without memory64, and limits in custom pages.</summary>
public class MemoryLimitTests
{
    private static Module WithMemory(ulong min, ulong? max = null, AddrType at = AddrType.I32, uint? pageSizeLog2 = null) =>
        new() { Memories = [new Memory(new MemType(at, new Limits(min, max), PageSizeLog2: pageSizeLog2))] };

    [Fact]
    public void Without_memory64_a_too_large_memory_is_reported_in_the_1_0_wording()
    {
        Invalid(WithMemory(65537), "memory size must be at most 65536 pages (4GiB)", FeatureSets.Wasm1);
        Invalid(WithMemory(0, 65537), "memory size must be at most 65536 pages (4GiB)", FeatureSets.Wasm2 | Features.Threads);
    }

    [Fact]
    public void Without_memory64_65536_pages_are_valid()
    {
        Valid(WithMemory(65536, 65536), FeatureSets.Wasm1);
    }

    [Fact]
    public void One_byte_pages_allow_2_to_32_minus_1_bytes_for_i32()
    {
        Valid(WithMemory(uint.MaxValue, uint.MaxValue, pageSizeLog2: 0), FeatureSets.All);
    }

    [Fact]
    public void One_byte_pages_reject_2_to_32_bytes_for_i32()
    {
        Invalid(WithMemory(1UL << 32, pageSizeLog2: 0), "memory size must be at most 2^32 - 1 bytes for i32", FeatureSets.All);
        Invalid(WithMemory(0, 1UL << 32, pageSizeLog2: 0), "memory size must be at most 2^32 - 1 bytes for i32", FeatureSets.All);
    }

    [Fact]
    public void One_byte_pages_allow_the_whole_64_bit_range_for_i64()
    {
        Valid(WithMemory(0, ulong.MaxValue, AddrType.I64, pageSizeLog2: 0), FeatureSets.All);
    }

    [Fact]
    public void Explicit_64_KiB_pages_keep_the_2_to_16_page_limit()
    {
        Valid(WithMemory(65536, pageSizeLog2: 16), FeatureSets.All);
        Invalid(WithMemory(65537, pageSizeLog2: 16), "memory size must be at most 2^16 pages (4 GiB) for i32", FeatureSets.All);
    }
}
