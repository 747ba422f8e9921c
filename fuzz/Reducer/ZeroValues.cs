using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Reducer;

/// <summary>
/// The simplest instructions that leave a value of a given type, for replacing a subexpression
/// or a function body: a zero of a number or vector type, a null of the bottom of a nullable
/// reference's hierarchy (§2.3.3: <c>none</c>, <c>nofunc</c>, <c>noextern</c>, <c>noexn</c>, a subtype
/// of every nullable reference of its hierarchy), an empty array (<c>array.new_fixed $t 0</c>), a
/// default struct, or <c>ref.i31 (i32.const 0)</c> for a non-null <c>any</c>, <c>eq</c> or <c>i31</c>.
/// </summary>
public static class ZeroValues
{
    /// <summary>Instructions leaving a value of <paramref name="type"/> (module type indices); null when there is no simple one.</summary>
    public static Instruction[]? Of(ValType type, Module module) => type.Kind switch
    {
        ValTypeKind.I32 => [new I32ConstInstruction(0)],
        ValTypeKind.I64 => [new I64ConstInstruction(0)],
        ValTypeKind.F32 => [new F32ConstInstruction(0)],
        ValTypeKind.F64 => [new F64ConstInstruction(0)],
        ValTypeKind.V128 => [new V128ConstInstruction(0, 0)],
        ValTypeKind.Ref when type.Ref.Nullable => [new HeapTypeInstruction(Opcode.RefNull, new HeapType(Bottom(type.Ref.Heap, module)))],
        ValTypeKind.Ref => NonNull(type.Ref.Heap, module),
        _ => null,
    };

    /// <summary>Values for every type of <paramref name="types"/> in order; null when one has none.</summary>
    public static Instruction[]? Of(IEnumerable<ValType> types, Module module)
    {
        var all = new List<Instruction>();
        foreach (var t in types)
        {
            if (Of(t, module) is not { } one) return null;
            all.AddRange(one);
        }
        return [.. all];
    }

    /// <summary>The bottom heap type of <paramref name="heap"/>'s hierarchy.</summary>
    public static HeapKind Bottom(HeapType heap, Module module) => heap.Kind switch
    {
        HeapKind.Func or HeapKind.NoFunc => HeapKind.NoFunc,
        HeapKind.Extern or HeapKind.NoExtern => HeapKind.NoExtern,
        HeapKind.Exn or HeapKind.NoExn => HeapKind.NoExn,
        HeapKind.Concrete when Composite(heap.Index, module) is FuncType => HeapKind.NoFunc,
        _ => HeapKind.None,
    };

    private static Instruction[]? NonNull(HeapType heap, Module module)
    {
        switch (heap.Kind)
        {
            case HeapKind.Any or HeapKind.Eq or HeapKind.I31:
                return [new I32ConstInstruction(0), new Instruction(Opcode.RefI31)];
            case HeapKind.Concrete:
                var sub = module.SubTypes.ElementAtOrDefault((int)heap.Index);
                if (sub is { Comp: ArrayType }) return [new IndexPairInstruction(Opcode.ArrayNewFixed, heap.Index, 0)];
                if (sub is { Comp: StructType s, Descriptor: null } && s.Fields.All(f => f.Storage.Unpacked.IsDefaultable))
                    return [new IndexInstruction(Opcode.StructNewDefault, heap.Index)];
                return null;
            default:
                return null;
        }
    }

    private static CompType? Composite(uint index, Module module) => module.SubTypes.ElementAtOrDefault((int)index)?.Comp;
}
