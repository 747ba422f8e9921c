using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

// §3.4.6 aggregate instructions: structures and arrays.
internal sealed partial class CodeValidator
{
    private void StructNew(bool deflt)
    {
        uint x = Index();
        var fields = _c.StructType(x, this).Fields;
        if (deflt) RequireDefaultable(fields);
        // Custom descriptors: a type with a descriptor is allocated with struct.new_desc.
        if (_c.Types[x].Sub.Descriptor is not null) throw Fail("type with descriptor requires descriptor allocation");
        if (!deflt) PopFields(fields);
        Push(new ValType(new RefType(false, Allocated(_c.Types[x]))));
    }

    /// <summary>Takes one operand per field (unpacked), checked as one instruction type.</summary>
    private void PopFields(EquatableArray<FieldType> fields)
    {
        if (_scratch.Length < fields.Count) _scratch = new ValType[fields.Count];
        for (int i = 0; i < fields.Count; i++) _scratch[i] = fields[i].Storage.Unpacked;
        Pop(_scratch.AsSpan(0, fields.Count));
    }

    private void StructGet(bool packed)
    {
        var ii = Imm<IndexPairInstruction>();
        var fields = _c.StructType(ii.X, this).Fields;
        if (ii.Y >= (uint)fields.Count) throw Fail("unknown field " + ModuleContext.Str(ii.Y));
        var storage = fields[(int)ii.Y].Storage;
        if (packed != (storage.Packed != PackedType.None)) throw Fail(packed ? "field is unpacked" : "field is packed");
        Pop1(Ref(true, _c.Types[ii.X]));
        Push(storage.Unpacked);
    }

    private void StructSet()
    {
        var ii = Imm<IndexPairInstruction>();
        var fields = _c.StructType(ii.X, this).Fields;
        if (ii.Y >= (uint)fields.Count) throw Fail("unknown field " + ModuleContext.Str(ii.Y));
        var field = fields[(int)ii.Y];
        if (!field.Mutable) throw Fail("immutable field");
        Pop([Ref(true, _c.Types[ii.X]), field.Storage.Unpacked]);
    }

    private void ArrayNew(bool deflt)
    {
        uint x = Index();
        var t = _c.ArrayType(x, this).Field.Storage.Unpacked;
        if (deflt)
        {
            if (!t.IsDefaultable) throw Fail("array type is not defaultable");
            Pop1(ValType.I32);
        }
        else
        {
            Pop([t, ValType.I32]);
        }
        Push(new ValType(new RefType(false, Allocated(_c.Types[x]))));
    }

    private void ArrayNewFixed()
    {
        var ii = Imm<IndexPairInstruction>();
        var t = _c.ArrayType(ii.X, this).Field.Storage.Unpacked;
        PopRepeated(t, ii.Y);
        Push(new ValType(new RefType(false, Allocated(_c.Types[ii.X]))));
    }

    private void ArrayNewData()
    {
        var ii = Imm<IndexPairInstruction>();
        var t = _c.ArrayType(ii.X, this).Field.Storage.Unpacked;
        _c.Data(ii.Y, this);
        if (t.Kind is not (ValTypeKind.I32 or ValTypeKind.I64 or ValTypeKind.F32 or ValTypeKind.F64 or ValTypeKind.V128))
            throw Fail("array type is not numeric or vector");
        Pop([ValType.I32, ValType.I32]);
        Push(new ValType(new RefType(false, Allocated(_c.Types[ii.X]))));
    }

    private void ArrayNewElem()
    {
        var ii = Imm<IndexPairInstruction>();
        var field = _c.ArrayType(ii.X, this).Field;
        var elem = _c.Elem(ii.Y, this);
        CheckElemFitsField(elem, ii.Y, field);
        Pop([ValType.I32, ValType.I32]);
        Push(new ValType(new RefType(false, Allocated(_c.Types[ii.X]))));
    }

    private void CheckElemFitsField(RefType elem, uint elemIndex, FieldType field)
    {
        if (!Subtyping.Matches(new ValType(elem), field.Storage.Unpacked))
        {
            throw Fail("type mismatch: element segment's type " + TypeText.Of(elem, ElemShown(elemIndex))
                + " does not match array's field type " + TypeText.Of(field));
        }
    }

    private void ArrayGet(bool packed)
    {
        uint x = Index();
        var storage = _c.ArrayType(x, this).Field.Storage;
        if (packed != (storage.Packed != PackedType.None)) throw Fail(packed ? "array is unpacked" : "array is packed");
        Pop([Ref(true, _c.Types[x]), ValType.I32]);
        Push(storage.Unpacked);
    }

    /// <summary>The field of a mutable array type ("immutable array" otherwise).</summary>
    private FieldType MutableArray(uint x)
    {
        var field = _c.ArrayType(x, this).Field;
        if (!field.Mutable) throw Fail("immutable array");
        return field;
    }

    private void ArraySet()
    {
        uint x = Index();
        var field = MutableArray(x);
        Pop([Ref(true, _c.Types[x]), ValType.I32, field.Storage.Unpacked]);
    }

    private void ArrayFill()
    {
        uint x = Index();
        var field = MutableArray(x);
        Pop([Ref(true, _c.Types[x]), ValType.I32, field.Storage.Unpacked, ValType.I32]);
    }

    private void ArrayCopy()
    {
        var ii = Imm<IndexPairInstruction>();
        var dst = _c.ArrayType(ii.X, this).Field;
        var src = _c.ArrayType(ii.Y, this).Field;
        if (!dst.Mutable) throw Fail("immutable array");
        if (!Subtyping.Matches(src.Storage, dst.Storage)) throw Fail("array types do not match");
        Pop([Ref(true, _c.Types[ii.X]), ValType.I32, Ref(true, _c.Types[ii.Y]), ValType.I32, ValType.I32]);
    }

    private void ArrayInitData()
    {
        var ii = Imm<IndexPairInstruction>();
        var t = MutableArray(ii.X).Storage.Unpacked;
        _c.Data(ii.Y, this);
        if (t.Kind is not (ValTypeKind.I32 or ValTypeKind.I64 or ValTypeKind.F32 or ValTypeKind.F64 or ValTypeKind.V128))
            throw Fail("array type is not numeric or vector");
        Pop([Ref(true, _c.Types[ii.X]), ValType.I32, ValType.I32, ValType.I32]);
    }

    private void ArrayInitElem()
    {
        var ii = Imm<IndexPairInstruction>();
        var field = MutableArray(ii.X);
        var elem = _c.Elem(ii.Y, this);
        CheckElemFitsField(elem, ii.Y, field);
        Pop([Ref(true, _c.Types[ii.X]), ValType.I32, ValType.I32, ValType.I32]);
    }
}
