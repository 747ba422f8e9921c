using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class ModuleState
{
    /// <summary>
    /// Whether <see cref="MakeRef"/> can make a value of reference type <paramref name="t"/>:
    /// nullable types always (<c>ref.null</c>); non-null function references when a function
    /// of the type exists; with GC, i31, eq, any and extern references (<c>ref.i31</c>), and
    /// structs and arrays whose fields can be made.
    /// </summary>
    public bool CanMake(ValType t) => CanMake(t, []);

    /// <summary>
    /// <see cref="CanMake(ValType)"/> with the struct types being looked at: a struct that needs
    /// itself through non-null fields has no finite value, so a type met again counts as not makeable.
    /// </summary>
    private bool CanMake(ValType t, HashSet<uint> visiting)
    {
        if (!t.IsRef || t.Ref.Nullable) return true;
        var heap = t.Ref.Heap;
        bool gc = Features.Gc;
        return heap.Kind switch
        {
            HeapKind.Func => DefinedFunctions > 0,
            HeapKind.I31 or HeapKind.Eq or HeapKind.Any or HeapKind.Extern => gc,
            HeapKind.Struct => gc && GcTypes.Any(g => Types[g].Comp is StructType && CanMake(NonNullConcrete(g), visiting)),
            HeapKind.Array => gc && GcTypes.Any(g => Types[g].Comp is ArrayType),
            HeapKind.Concrete => Types[heap.Index].Comp switch
            {
                StructType s => CanMakeStruct(heap.Index, s, visiting),
                ArrayType => true,
                _ => FunctionsOfHeap(heap).Count > 0,
            },
            _ => false,
        };
    }

    private bool CanMakeStruct(uint index, StructType s, HashSet<uint> visiting)
    {
        if (!visiting.Add(index)) return false;
        bool all = s.Fields.All(f => CanMake(f.Storage.Unpacked, visiting));
        visiting.Remove(index);
        return all;
    }

    /// <summary>How deep nested struct/array values go before nullable fields are left null.</summary>
    private const int MaxAggregateDepth = 3;

    /// <summary>
    /// Constant instructions (valid in constant expressions and in code) that produce a value
    /// matching <paramref name="t"/>, and the type they produce: <c>ref.null</c>, <c>ref.func</c>,
    /// <c>ref.i31</c>, <c>struct.new</c>/<c>struct.new_default</c>, <c>array.new_fixed</c>,
    /// <c>extern.convert_any</c>. <see cref="CanMake(ValType)"/> must allow <paramref name="t"/>.
    /// </summary>
    public (List<Instruction> Code, ValType Type) MakeRef(ValType t)
    {
        var code = new List<Instruction>();
        var type = Make(t, code, 0);
        return (code, type);
    }

    private ValType Make(ValType t, List<Instruction> code, int depth)
    {
        if (!t.IsRef)
        {
            code.Add(Constants.Random(U, t));
            return t;
        }
        var heap = t.Ref.Heap;
        if (t.Ref.Nullable && (depth > MaxAggregateDepth || U.Chance(40) || !CanMake(ValueTypes.NonNull(t))))
        {
            code.Add(new HeapTypeInstruction(Opcode.RefNull, heap));
            return t;
        }
        switch (heap.Kind)
        {
            case HeapKind.Func:
            case HeapKind.Concrete when Types.IsFunc(heap.Index):
                uint f = U.Pick(FunctionsOfHeap(heap));
                code.Add(new IndexInstruction(Opcode.RefFunc, f));
                return NonNullConcrete(FuncTypes[(int)f]);
            case HeapKind.I31 or HeapKind.Eq or HeapKind.Any:
                code.Add(new I32ConstInstruction(U.Int(-8, 300)));
                code.Add(new Instruction(Opcode.RefI31));
                return ValueTypes.NonNull(ValueTypes.Abstract(HeapKind.I31));
            case HeapKind.Extern:
                code.Add(new I32ConstInstruction(U.Int(-8, 300)));
                code.Add(new Instruction(Opcode.RefI31));
                code.Add(new Instruction(Opcode.ExternConvertAny));
                return ValueTypes.NonNull(ValType.ExternRef);
            case HeapKind.Struct or HeapKind.Array:
                var kinds = GcTypes.Where(g => (Types[g].Comp is StructType) == (heap.Kind == HeapKind.Struct)
                    && CanMake(NonNullConcrete(g))).ToList();
                return Make(NonNullConcrete(U.Pick(kinds)), code, depth);
            default:
                return MakeAggregate(heap.Index, code, depth + 1);
        }
    }

    /// <summary><c>struct.new</c>/<c>struct.new_default</c> or <c>array.new_fixed</c> of type <paramref name="index"/>, operands first.</summary>
    private ValType MakeAggregate(uint index, List<Instruction> code, int depth)
    {
        if (Types[index].Comp is StructType s)
        {
            if (s.Fields.All(f => f.Storage.Unpacked.IsDefaultable) && U.Chance(40))
            {
                code.Add(new IndexInstruction(Opcode.StructNewDefault, index));
                return NonNullConcrete(index);
            }
            foreach (var field in s.Fields) Make(field.Storage.Unpacked, code, depth);
            code.Add(new IndexInstruction(Opcode.StructNew, index));
            return NonNullConcrete(index);
        }
        var element = ((ArrayType)Types[index].Comp).Field.Storage.Unpacked;
        uint n = depth > MaxAggregateDepth || !CanMake(element) ? 0 : (uint)U.Int(0, 2);
        for (int i = 0; i < n; i++) Make(element, code, depth);
        code.Add(new IndexPairInstruction(Opcode.ArrayNewFixed, index, n));
        return NonNullConcrete(index);
    }

    /// <summary><c>(ref $index)</c>.</summary>
    public static ValType NonNullConcrete(uint index) => new(new RefType(false, HeapType.Concrete(index)));
}
