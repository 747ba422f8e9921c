using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace WasmConform.Engine.Execution.Numerics;

/// <summary>
/// The throw sites of the numeric operations, kept out of line so that the callers' fast paths
/// stay small enough to inline (the JIT does not inline a method that contains a <c>throw</c>).
/// </summary>
internal static class NumericTrap
{
    /// <summary>Throws "integer divide by zero" (§4.3.2 idiv, irem with a zero divisor).</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void DivideByZero() => throw new TrapException(TrapKind.IntegerDivideByZero);

    /// <summary>
    /// Throws for a signed division that failed its fast check: "integer divide by zero" when
    /// <paramref name="divisorIsZero"/>, else "integer overflow" (MIN divided by -1).
    /// </summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void SignedDivision(bool divisorIsZero) =>
        throw new TrapException(divisorIsZero ? TrapKind.IntegerDivideByZero : TrapKind.IntegerOverflow);

    /// <summary>
    /// Throws for a truncation whose operand is out of the target's range (§4.3.4 trunc):
    /// "invalid conversion to integer" when the operand is a NaN, else "integer overflow".
    /// </summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void Truncation(bool operandIsNaN) =>
        throw new TrapException(operandIsNaN ? TrapKind.InvalidConversionToInteger : TrapKind.IntegerOverflow);
}
