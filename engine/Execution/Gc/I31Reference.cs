namespace WasmConform.Engine.Execution;

/// <summary>
/// An unboxed scalar reference (§4.2.1 <c>ref.i31 u31</c>, GC): a 31-bit integer that is a
/// reference of type <c>i31</c>. Immutable; two i31 references are the same reference exactly
/// when their payloads are equal (<c>ref.eq</c> compares them by value).
/// </summary>
public sealed class I31Reference : IEquatable<I31Reference>
{
    private const uint PayloadMask = 0x7FFF_FFFF;

    // Small payloads are shared: ref.i31 of a small constant does not allocate.
    private static readonly I31Reference[] Small = CreateSmall(256);

    private I31Reference(uint payload) => Payload = payload;

    /// <summary>The payload, an unsigned 31-bit integer (0 to 2^31-1).</summary>
    public uint Payload { get; }

    /// <summary>
    /// <c>ref.i31</c> (§4.4.2): the reference to the low 31 bits of <paramref name="value"/>; the
    /// top bit is dropped, so values outside the 31-bit range wrap around.
    /// </summary>
    public static I31Reference Of(int value)
    {
        uint payload = (uint)value & PayloadMask;
        return payload < (uint)Small.Length ? Small[payload] : new I31Reference(payload);
    }

    /// <summary><c>i31.get_u</c>: the payload zero-extended to 32 bits.</summary>
    public int GetU() => (int)Payload;

    /// <summary><c>i31.get_s</c>: the payload sign-extended from bit 30 to 32 bits.</summary>
    public int GetS() => (int)(Payload << 1) >> 1;

    public bool Equals(I31Reference? other) => other is not null && other.Payload == Payload;

    public override bool Equals(object? obj) => obj is I31Reference other && Equals(other);

    public override int GetHashCode() => (int)Payload;

    /// <summary>The payload in decimal, as the spec interpreter prints <c>(i31 n)</c>.</summary>
    public override string ToString() => Payload.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static I31Reference[] CreateSmall(int count)
    {
        var small = new I31Reference[count];
        for (int i = 0; i < count; i++) small[i] = new I31Reference((uint)i);
        return small;
    }
}
