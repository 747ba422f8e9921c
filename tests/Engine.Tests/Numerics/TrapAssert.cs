using WasmConform.Engine.Execution;

namespace WasmConform.Engine.Tests.Numerics;

internal static class TrapAssert
{
    /// <summary>Asserts that <paramref name="action"/> traps with <paramref name="kind"/> and the spec's message.</summary>
    public static void Traps(TrapKind kind, Action action)
    {
        var trap = Assert.Throws<TrapException>(action);
        Assert.Equal(kind, trap.Kind);
        Assert.Equal(TrapMessages.Of(kind), trap.Message);
    }
}
