using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

// Custom-descriptors proposal: allocation with descriptors, ref.get_desc and the descriptor casts.
internal sealed partial class CodeValidator
{
    /// <summary>
    /// The heap type of a reference to a value allocated as <paramref name="type"/>: exact with
    /// custom descriptors (the value is of that type and no subtype), else the type itself.
    /// </summary>
    private HeapType Allocated(DefType type) =>
        new(HeapKind.Concrete, type.Id, Exact: _c.Has(Features.CustomDescriptors));

    /// <summary>
    /// <c>struct.new_desc x</c> / <c>struct.new_default_desc x</c>: the fields (unless default)
    /// and an exact reference to x's descriptor give an exact reference to x.
    /// </summary>
    private void StructNewDesc(bool deflt)
    {
        uint x = Index();
        var fields = _c.StructType(x, this).Fields;
        var type = _c.Types[x];
        if (deflt) RequireDefaultable(fields);
        if (type.Sub.Descriptor is not { } descriptor) throw Fail("type without descriptor requires non-descriptor allocation");
        var desc = Ref(true, new HeapType(HeapKind.Concrete, descriptor, Exact: true));
        if (deflt)
        {
            Pop1(desc);
        }
        else
        {
            if (_scratch.Length < fields.Count) _scratch = new ValType[fields.Count];
            for (int i = 0; i < fields.Count; i++) _scratch[i] = fields[i].Storage.Unpacked;
            Pop(_scratch.AsSpan(0, fields.Count), [desc]);
        }
        Push(new ValType(new RefType(false, Allocated(type))));
    }

    private void RequireDefaultable(EquatableArray<FieldType> fields)
    {
        foreach (var f in fields)
            if (!f.Storage.Unpacked.IsDefaultable) throw Fail("field type is not defaultable");
    }

    /// <summary>
    /// <c>ref.get_desc x</c>: a reference to x (or a subtype) gives a non-null reference to its
    /// descriptor, exact when the operand is exactly x.
    /// </summary>
    private void RefGetDesc()
    {
        uint x = Index();
        var type = _c.Type(x, this);
        if (type.Sub.Descriptor is not { } descriptor) throw Fail("type without descriptor " + ModuleContext.Str(x));
        var exactX = new HeapType(HeapKind.Concrete, type.Id, Exact: true);
        bool exact = Subtyping.Matches(PeekRef(0).Heap, exactX);
        Pop1(Ref(true, exact ? exactX : new HeapType(HeapKind.Concrete, type.Id)));
        Push(Ref(false, new HeapType(HeapKind.Concrete, descriptor, exact)));
    }

    /// <summary>
    /// The operand a descriptor cast to <paramref name="target"/> compares with: a nullable
    /// reference to the descriptor of the target's type, exact when the target is
    /// ("type … does not have a descriptor" for an abstract target or one without descriptor).
    /// </summary>
    private ValType DescriptorOperand(RefType target, RefType written)
    {
        var heap = target.Heap;
        if (heap.Kind != HeapKind.Concrete || TypeRegistry.Get(heap.Index).Sub.Descriptor is not { } descriptor)
            throw Fail("type " + HeapText(written.Heap) + " does not have a descriptor");
        return Ref(true, new HeapType(HeapKind.Concrete, descriptor, heap.Exact));
    }

    /// <summary>A heap type as written in the module, as the spec interpreter prints it: <c>any</c>, <c>3</c>, <c>(exact 3)</c>.</summary>
    private static string HeapText(HeapType written) => written.Kind switch
    {
        HeapKind.Concrete when written.Exact => "(exact " + ModuleContext.Str(written.Index) + ")",
        HeapKind.Concrete => ModuleContext.Str(written.Index),
        _ => written.Kind.ToString().ToLowerInvariant(),
    };

    /// <summary><c>ref.cast_desc_eq rt</c>: a reference in rt's hierarchy and the descriptor operand give rt.</summary>
    private void RefCastDescEq()
    {
        var written = Imm<RefTypeInstruction>().Type;
        var rt = _c.Canon(written, this);
        var desc = DescriptorOperand(rt, written);
        Pop([Ref(true, Subtyping.Top(rt.Heap)), desc]);
        Push(new ValType(rt), TypeText.ShownOf(written));
    }

    /// <summary>
    /// <c>br_on_cast_desc_eq l rt1 rt2</c> / <c>br_on_cast_desc_eq_fail</c>: as br_on_cast, with
    /// the descriptor operand of rt2 on top of the reference.
    /// </summary>
    private void BrOnCastDescEq(bool fail)
    {
        var bc = Imm<BrOnCastInstruction>();
        var rt1 = _c.Canon(bc.From, this);
        var rt2 = _c.Canon(bc.To, this);
        uint shown1 = TypeText.ShownOf(bc.From), shown2 = TypeText.ShownOf(bc.To);
        RequireSameHierarchy(rt1, rt2, bc.From, bc.To);
        var diff = new RefType(!rt2.Nullable && rt1.Nullable, rt1.Heap);
        var passed = fail ? diff : rt2;
        uint passedShown = fail ? shown1 : shown2;
        var label = LabelTypes(bc.Label, out uint shown);
        if (label.IsEmpty || !Subtyping.Matches(new ValType(passed), label[^1]))
        {
            throw Fail("type mismatch: instruction requires type " + TypeText.Of(passed, passedShown)
                + " but label has " + TypeText.Of(label, [shown]));
        }
        var desc = DescriptorOperand(rt2, bc.To);
        var rest = label[..^1];
        Pop(rest, [new ValType(rt1), desc], [shown], [shown1, Structural]);
        Push(rest, shown);
        Push(new ValType(fail ? rt2 : diff), fail ? shown2 : shown1);
    }

    /// <summary>Custom descriptors: the two types of a branching cast need only share their top type.</summary>
    private void RequireSameHierarchy(RefType rt1, RefType rt2, RefType written1, RefType written2)
    {
        if (Subtyping.Top(rt1.Heap) != Subtyping.Top(rt2.Heap))
        {
            throw Fail("type mismatch on cast: type " + HeapText(written1.Heap)
                + " has a different top type than type " + HeapText(written2.Heap));
        }
    }
}
