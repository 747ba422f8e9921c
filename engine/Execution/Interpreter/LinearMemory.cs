using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WasmConform.Engine.Execution;

/// <summary>
/// Bounds-checked little-endian access to linear memory (§4.4.7): an access of
/// <c>sizeof(T)</c> bytes at effective address <c>ea</c> traps with "out of bounds memory
/// access" unless <c>ea + sizeof(T) &lt;= length</c>.
/// </summary>
internal static class LinearMemory
{
    /// <summary>Reads a <typeparamref name="T"/> at <paramref name="ea"/> (an effective address below 2^63).</summary>
    /// <exception cref="TrapException">Out of bounds.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(byte[] mem, ulong ea) where T : unmanaged
    {
        if (ea + (ulong)Unsafe.SizeOf<T>() > (ulong)mem.LongLength) OutOfBounds();
        return Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea));
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="ea"/>.</summary>
    /// <exception cref="TrapException">Out of bounds.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(byte[] mem, ulong ea, T value) where T : unmanaged
    {
        if (ea + (ulong)Unsafe.SizeOf<T>() > (ulong)mem.LongLength) OutOfBounds();
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea), value);
    }

    /// <summary>
    /// The effective address of an access of <paramref name="size"/> bytes at
    /// <paramref name="address"/> + <paramref name="offset"/>, both up to 2^64-1 (memory64),
    /// checked against <paramref name="length"/>; traps when out of bounds or when the sum overflows.
    /// </summary>
    public static ulong EffectiveAddress(ulong address, ulong offset, ulong size, ulong length)
    {
        if (address > length || offset > length - address || size > length - address - offset) OutOfBounds();
        return address + offset;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OutOfBounds() => throw new TrapException(TrapKind.OutOfBoundsMemoryAccess);
}
