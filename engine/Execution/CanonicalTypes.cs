using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

/// <summary>Canonical type ids as compared at run time (call_indirect, casts), backed by the <see cref="TypeRegistry"/>.</summary>
internal static class CanonicalTypes
{
    /// <summary>The canonical id of a standalone function type (a final type in a rec group of its own).</summary>
    public static uint IdOf(FuncType type) => TypeRegistry.InternFunc(type).Id;

    /// <summary>Whether the defined type <paramref name="sub"/> matches <paramref name="super"/> (§3.3.x deftype subtyping).</summary>
    public static bool IsSubtype(uint sub, uint super) => TypeRegistry.Get(sub).IsSubtypeOf(TypeRegistry.Get(super));
}
