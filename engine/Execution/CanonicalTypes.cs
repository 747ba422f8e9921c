using System.Collections.Concurrent;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>Canonical ids of defined types, as compared at run time (call_indirect, imports).</summary>
internal static class CanonicalTypes
{
    private static readonly ConcurrentDictionary<FuncType, uint> Ids = new();
    private static int _next;

    /// <summary>The canonical id of a standalone function type (a final type in a rec group of its own).</summary>
    public static uint IdOf(FuncType type) => Ids.GetOrAdd(type, _ => (uint)Interlocked.Increment(ref _next));

    /// <summary>Whether the type with id <paramref name="sub"/> is a declared subtype of the one with id <paramref name="super"/>.</summary>
    public static bool IsSubtype(uint sub, uint super) => sub == super;
}
