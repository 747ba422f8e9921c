using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    /// <summary>Most elements a generated array gets: lengths are masked with this, so no run allocates much.</summary>
    private const ulong MaxArrayLength = 15;

    /// <summary>
    /// A struct, array or i31 instruction (§3.4.6). Guarded, objects that might be null are
    /// replaced by fresh ones, and array accesses go to a fresh array of known length with
    /// indices masked into it; array lengths are always at most <see cref="MaxArrayLength"/>.
    /// </summary>
    private void AggregateStep()
    {
        var structs = _m.GcTypes.Where(g => _m.Types[g].Comp is StructType).ToList();
        var arrays = _m.GcTypes.Where(g => _m.Types[g].Comp is ArrayType).ToList();
        int s = structs.Count > 0 ? 1 : 0, a = arrays.Count > 0 ? 1 : 0;
        switch (_u.Weighted([2 * s, 3 * s, 2 * s, 3 * a, 3 * a, 2 * a, a, a, a, 2 * a, 2, 2]))
        {
            case 0: StructNew(_u.Pick(structs)); break;
            case 1: StructGet(_u.Pick(structs)); break;
            case 2: StructSet(structs); break;
            case 3: ArrayNew(_u.Pick(arrays)); break;
            case 4: ArrayGet(_u.Pick(arrays)); break;
            case 5: ArraySet(arrays); break;
            case 6: ArrayLen(_u.Pick(arrays)); break;
            case 7: ArrayFill(arrays); break;
            case 8: ArrayCopy(arrays); break;
            case 9: ArrayInit(arrays); break;
            case 10:
                Supply([ValType.I32]);
                Pop(1);
                Emit(Opcode.RefI31);
                Push(ValueTypes.NonNull(ValueTypes.Abstract(HeapKind.I31)));
                break;
            default:
                var i31 = ValueTypes.Abstract(HeapKind.I31);
                Supply([i31]);
                if (_stack[^1].Ref.Nullable && (NoTraps || ShouldGuard())) GuardOperands([new Guard(Fresh: ValueTypes.NonNull(i31))]);
                Pop(1);
                Emit(_u.Bool() ? Opcode.I31GetS : Opcode.I31GetU);
                Push(ValType.I32);
                break;
        }
    }

    private static ValType Nullable(uint type) => new(new RefType(true, HeapType.Concrete(type)));

    private StructType Struct(uint type) => (StructType)_m.Types[type].Comp;

    private FieldType Element(uint type) => ((ArrayType)_m.Types[type].Comp).Field;

    private void StructNew(uint type)
    {
        var fields = Struct(type).Fields;
        if (fields.All(f => f.Storage.Unpacked.IsDefaultable) && _u.Chance(30))
        {
            Emit(new IndexInstruction(Opcode.StructNewDefault, type));
        }
        else
        {
            var needs = fields.Select(f => f.Storage.Unpacked).ToArray();
            Supply(needs);
            Pop(needs.Length);
            Emit(new IndexInstruction(Opcode.StructNew, type));
        }
        Push(ModuleState.NonNullConcrete(type));
    }

    /// <summary>The object operand of an access, guarded against null (a fresh object instead).</summary>
    private Guard ObjectGuard(int depth, uint type) =>
        _stack[^(depth + 1)].Ref.Nullable && (NoTraps || ShouldGuard()) ? new Guard(Fresh: ModuleState.NonNullConcrete(type)) : default;

    private void StructGet(uint type)
    {
        var fields = Struct(type).Fields;
        if (fields.Count == 0)
        {
            StructNew(type);
            return;
        }
        int i = _u.Int(0, fields.Count - 1);
        var storage = fields[i].Storage;
        Supply([Nullable(type)]);
        GuardOperands([ObjectGuard(0, type)]);
        Pop(1);
        var op = storage.Packed == PackedType.None ? Opcode.StructGet : _u.Bool() ? Opcode.StructGetS : Opcode.StructGetU;
        Emit(new IndexPairInstruction(op, type, (uint)i));
        Push(storage.Unpacked);
    }

    private void StructSet(List<uint> structs)
    {
        var candidates = structs.SelectMany(t => Struct(t).Fields.Select((f, i) => (Type: t, Index: i, Field: f)))
            .Where(c => c.Field.Mutable).ToList();
        if (candidates.Count == 0)
        {
            StructNew(_u.Pick(structs));
            return;
        }
        var (type, index, field) = _u.Pick(candidates);
        Supply([Nullable(type), field.Storage.Unpacked]);
        GuardOperands([ObjectGuard(1, type), default]);
        Pop(2);
        Emit(new IndexPairInstruction(Opcode.StructSet, type, (uint)index));
    }

    /// <summary><c>array.new</c>, <c>array.new_default</c>, <c>array.new_fixed</c>, <c>array.new_data</c> or <c>array.new_elem</c>.</summary>
    private void ArrayNew(uint type)
    {
        var element = Element(type).Storage;
        var unpacked = element.Unpacked;
        var datas = IsNumeric(unpacked) ? _m.DataInfo : [];
        var elems = ElementsFor(unpacked);
        switch (_u.Weighted([3, unpacked.IsDefaultable ? 2 : 0, 2, datas.Count > 0 ? 2 : 0, elems.Count > 0 ? 2 : 0]))
        {
            case 0:
                Supply([unpacked, ValType.I32]);
                GuardOperands([default, new Guard(MaxArrayLength)]);
                Pop(2);
                Emit(new IndexInstruction(Opcode.ArrayNew, type));
                break;
            case 1:
                Supply([ValType.I32]);
                GuardOperands([new Guard(MaxArrayLength)]);
                Pop(1);
                Emit(new IndexInstruction(Opcode.ArrayNewDefault, type));
                break;
            case 2:
                uint n = (uint)_u.Int(0, 4);
                var needs = Enumerable.Repeat(unpacked, (int)n).ToArray();
                Supply(needs);
                Pop(needs.Length);
                Emit(new IndexPairInstruction(Opcode.ArrayNewFixed, type, n));
                break;
            case 3:
                int data = _u.Int(0, datas.Count - 1);
                ulong bytes = (ulong)datas[data].SafeLength;
                Supply([ValType.I32, ValType.I32]);
                GuardOperands(Guarded()
                    ? [new Guard(LowMask(bytes / 2)), new Guard(Math.Min(MaxArrayLength, LowMask(bytes / 2 / SizeOf(element))))]
                    : [default, new Guard(MaxArrayLength)]);
                Pop(2);
                Emit(new IndexPairInstruction(Opcode.ArrayNewData, type, (uint)data));
                break;
            default:
                int e = _u.Pick(elems);
                ulong count = (ulong)_m.ElementInfo[e].SafeLength;
                Supply([ValType.I32, ValType.I32]);
                GuardOperands(Guarded()
                    ? [new Guard(LowMask(count / 2)), new Guard(Math.Min(MaxArrayLength, LowMask(count / 2)))]
                    : [default, new Guard(MaxArrayLength)]);
                Pop(2);
                Emit(new IndexPairInstruction(Opcode.ArrayNewElem, type, (uint)e));
                break;
        }
        Push(ModuleState.NonNullConcrete(type));
    }

    private bool Guarded() => NoTraps || ShouldGuard();

    /// <summary>A guard that puts a fresh array of type <paramref name="type"/> in place of the operand, and its length.</summary>
    private Guard FreshArray(uint type, out ulong length)
    {
        length = _u.UInt64(1, 8);
        return new Guard(Fresh: ModuleState.NonNullConcrete(type), FreshArrayLength: length);
    }

    private void ArrayGet(uint type)
    {
        var storage = Element(type).Storage;
        Supply([Nullable(type), ValType.I32]);
        if (Guarded()) GuardOperands([FreshArray(type, out ulong length), new Guard(LowMask(length - 1))]);
        Pop(2);
        Emit(new IndexInstruction(storage.Packed == PackedType.None ? Opcode.ArrayGet : _u.Bool() ? Opcode.ArrayGetS : Opcode.ArrayGetU, type));
        Push(storage.Unpacked);
    }

    private void ArraySet(List<uint> arrays)
    {
        var mutable = arrays.Where(t => Element(t).Mutable).ToList();
        if (mutable.Count == 0)
        {
            ArrayNew(_u.Pick(arrays));
            return;
        }
        uint type = _u.Pick(mutable);
        Supply([Nullable(type), ValType.I32, Element(type).Storage.Unpacked]);
        if (Guarded()) GuardOperands([FreshArray(type, out ulong length), new Guard(LowMask(length - 1)), default]);
        Pop(3);
        Emit(new IndexInstruction(Opcode.ArraySet, type));
    }

    private void ArrayLen(uint type)
    {
        Supply([ValueTypes.Abstract(HeapKind.Array)]);
        GuardOperands([ObjectGuard(0, type)]);
        Pop(1);
        Emit(Opcode.ArrayLen);
        Push(ValType.I32);
    }

    private void ArrayFill(List<uint> arrays)
    {
        var mutable = arrays.Where(t => Element(t).Mutable).ToList();
        if (mutable.Count == 0)
        {
            ArrayNew(_u.Pick(arrays));
            return;
        }
        uint type = _u.Pick(mutable);
        Supply([Nullable(type), ValType.I32, Element(type).Storage.Unpacked, ValType.I32]);
        if (Guarded()) GuardOperands([FreshArray(type, out ulong length), new Guard(LowMask(length / 2)), default, new Guard(LowMask(length / 2))]);
        Pop(4);
        Emit(new IndexInstruction(Opcode.ArrayFill, type));
    }

    /// <summary><c>array.copy</c> between array types whose element storage types match (§3.4.6).</summary>
    private void ArrayCopy(List<uint> arrays)
    {
        var pairs = arrays.Where(d => Element(d).Mutable)
            .SelectMany(d => arrays.Where(s => StorageMatches(Element(s).Storage, Element(d).Storage)).Select(s => (Dst: d, Src: s))).ToList();
        if (pairs.Count == 0)
        {
            ArrayNew(_u.Pick(arrays));
            return;
        }
        var (dst, src) = _u.Pick(pairs);
        Supply([Nullable(dst), ValType.I32, Nullable(src), ValType.I32, ValType.I32]);
        if (Guarded())
        {
            var d = FreshArray(dst, out ulong dLength);
            var s = FreshArray(src, out ulong sLength);
            GuardOperands([d, new Guard(LowMask(dLength / 2)), s, new Guard(LowMask(sLength / 2)), new Guard(LowMask(Math.Min(dLength, sLength) / 2))]);
        }
        Pop(5);
        Emit(new IndexPairInstruction(Opcode.ArrayCopy, dst, src));
    }

    /// <summary><c>array.init_data</c> (numeric and vector elements) or <c>array.init_elem</c> (references), into a mutable array.</summary>
    private void ArrayInit(List<uint> arrays)
    {
        var fromData = _m.DataInfo.Count == 0 ? [] : arrays.Where(t => Element(t).Mutable && IsNumeric(Element(t).Storage.Unpacked)).ToList();
        var fromElems = arrays.Where(t => Element(t).Mutable && ElementsFor(Element(t).Storage.Unpacked).Count > 0).ToList();
        if (fromData.Count + fromElems.Count == 0)
        {
            ArrayNew(_u.Pick(arrays));
            return;
        }
        bool data = fromElems.Count == 0 || (fromData.Count > 0 && _u.Bool());
        uint type = _u.Pick(data ? fromData : fromElems);
        var storage = Element(type).Storage;
        int segment = data ? _u.Int(0, _m.DataInfo.Count - 1) : _u.Pick(ElementsFor(storage.Unpacked));
        ulong available = data ? (ulong)_m.DataInfo[segment].SafeLength / SizeOf(storage) : (ulong)_m.ElementInfo[segment].SafeLength;
        ulong sourceMask = LowMask((data ? (ulong)_m.DataInfo[segment].SafeLength : available) / 2);
        Supply([Nullable(type), ValType.I32, ValType.I32, ValType.I32]);
        if (Guarded())
        {
            var fresh = FreshArray(type, out ulong length);
            GuardOperands([fresh, new Guard(LowMask(length / 2)), new Guard(sourceMask), new Guard(LowMask(Math.Min(length, available) / 2))]);
        }
        Pop(4);
        Emit(new IndexPairInstruction(data ? Opcode.ArrayInitData : Opcode.ArrayInitElem, type, (uint)segment));
    }

    /// <summary>Element segments whose type matches an array element type <paramref name="element"/> (references only).</summary>
    private List<int> ElementsFor(ValType element) => !element.IsRef ? []
        : Enumerable.Range(0, _m.ElementInfo.Count).Where(e => _m.Types.Matches(new ValType(_m.ElementInfo[e].Elem), element)).ToList();

    private static bool IsNumeric(ValType t) => t.IsNum || t.IsVec;

    /// <summary>Storage subtyping (§3.3.4): packed types match themselves, value types by value subtyping.</summary>
    private bool StorageMatches(StorageType a, StorageType b) =>
        a.Packed == b.Packed && (a.Packed != PackedType.None || _m.Types.Matches(a.Type, b.Type));

    /// <summary>Bytes per element in memory (data segments): 1 or 2 for packed types, else the value's size.</summary>
    private static ulong SizeOf(StorageType storage) => storage.Packed switch
    {
        PackedType.I8 => 1,
        PackedType.I16 => 2,
        _ => (ulong)storage.Type.ByteSize,
    };

    /// <summary>Pushes a fresh non-null value of <paramref name="type"/>; an array gets <paramref name="arrayLength"/> elements.</summary>
    private void PushFresh(ValType type, ulong arrayLength)
    {
        if (!type.Ref.Heap.IsConcrete || _m.Types[type.Ref.Heap.Index].Comp is not ArrayType array)
        {
            PushLeaf(type);
            return;
        }
        uint index = type.Ref.Heap.Index;
        if (array.Field.Storage.Unpacked.IsDefaultable)
        {
            Emit(I32Const((int)arrayLength));
            Emit(new IndexInstruction(Opcode.ArrayNewDefault, index));
        }
        else
        {
            PushLeaf(array.Field.Storage.Unpacked);
            Emit(I32Const((int)arrayLength));
            Emit(new IndexInstruction(Opcode.ArrayNew, index));
            Pop(1);
        }
        Push(type);
    }
}
