using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>A global instance (§4.2.9): its (canonical) type and a mutable value cell.</summary>
public sealed class GlobalInstance(GlobalType type, Value value)
{
    /// <summary>Type and mutability; value types are canonical (concrete heap types are DefType ids).</summary>
    public GlobalType Type { get; } = type;

    /// <summary>The value's low cell (numbers, references, low half of a v128).</summary>
    public Slot Low = ToSlots(value).Low;

    /// <summary>The high half of a v128 value; unused otherwise.</summary>
    public ulong High = value.High;

    /// <summary>The current value (a number's cell may still hold a stale reference from the stack; it is not part of the value).</summary>
    public Value Value
    {
        get => Value.FromBits(Type.Type, Low.U64 & Mask(Type.Type), High, Type.Type.IsRef ? Low.Ref : null);
        set { Low = ToSlots(value).Low; High = value.High; }
    }

    private static (Slot Low, ulong High) ToSlots(Value value) =>
        (new Slot { U64 = value.Bits, Ref = value.Reference }, value.High);

    private static ulong Mask(ValType type) =>
        type.Kind is ValTypeKind.I32 or ValTypeKind.F32 ? 0xFFFF_FFFFUL : ulong.MaxValue;
}
