using System.Globalization;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>Text-format spelling of types (§6.4): value, reference, heap, composite and sub types, limits, block types.</summary>
internal static class TypeText
{
    /// <summary>§6.4.2 heaptype: <c>func</c>, <c>noextern</c>, … a type index, or (custom descriptors) <c>(exact typeidx)</c>.</summary>
    public static string Heap(HeapType heap) => heap.ToString();

    /// <summary>
    /// §6.4.3 reftype: the short form (<c>funcref</c>, <c>nullref</c>, …) for a nullable abstract
    /// heap type, else <c>(ref null? heaptype)</c>.
    /// </summary>
    public static string Ref(RefType type)
    {
        string? shortForm = type.Nullable ? ShortForm(type.Heap) : null;
        return shortForm ?? $"(ref {(type.Nullable ? "null " : "")}{Heap(type.Heap)})";
    }

    private static string? ShortForm(HeapType heap) => heap.IsConcrete ? null : heap.Kind switch
    {
        HeapKind.Func => "funcref",
        HeapKind.NoFunc => "nullfuncref",
        HeapKind.Extern => "externref",
        HeapKind.NoExtern => "nullexternref",
        HeapKind.Any => "anyref",
        HeapKind.Eq => "eqref",
        HeapKind.I31 => "i31ref",
        HeapKind.Struct => "structref",
        HeapKind.Array => "arrayref",
        HeapKind.None => "nullref",
        HeapKind.Exn => "exnref",
        HeapKind.NoExn => "nullexnref",
        _ => null,
    };

    /// <summary>§6.4.4 valtype.</summary>
    public static string Val(ValType type) => type.Kind switch
    {
        ValTypeKind.I32 => "i32",
        ValTypeKind.I64 => "i64",
        ValTypeKind.F32 => "f32",
        ValTypeKind.F64 => "f64",
        ValTypeKind.V128 => "v128",
        ValTypeKind.Ref => Ref(type.Ref),
        _ => "bot",
    };

    /// <summary>
    /// <c>(keyword t*)</c>, e.g. <c>(param i32 i64)</c>; empty when <paramref name="types"/> is.
    /// </summary>
    public static string List(string keyword, IEnumerable<ValType> types)
    {
        var text = string.Join(" ", types.Select(Val));
        return text.Length == 0 ? "" : $"({keyword} {text})";
    }

    /// <summary>§6.4.6 storagetype: a value type or a packed type.</summary>
    public static string Storage(StorageType type) => type.Packed switch
    {
        PackedType.I8 => "i8",
        PackedType.I16 => "i16",
        _ => Val(type.Type),
    };

    /// <summary>§6.4.6 fieldtype: <c>t</c> or <c>(mut t)</c>.</summary>
    public static string Field(FieldType field) =>
        field.Mutable ? $"(mut {Storage(field.Storage)})" : Storage(field.Storage);

    /// <summary>§6.4.11 globaltype: <c>t</c> or <c>(mut t)</c>.</summary>
    public static string Global(GlobalType type) => type.Mutable ? $"(mut {Val(type.Type)})" : Val(type.Type);

    /// <summary>§6.4.5 functype: <c>(func (param t*) (result t*))</c>.</summary>
    public static string Func(FuncType type) =>
        Join("(func", List("param", type.Params), List("result", type.Results)) + ")";

    /// <summary>§6.4.6 comptype: <c>(func …)</c>, <c>(struct (field …)*)</c> or <c>(array fieldtype)</c>.</summary>
    public static string Comp(CompType type) => type switch
    {
        FuncType f => Func(f),
        StructType s => Join("(struct", string.Join(" ", s.Fields.Select(f => $"(field {Field(f)})"))) + ")",
        ArrayType a => $"(array {Field(a.Field)})",
        _ => "(func)",
    };

    /// <summary>
    /// §6.4.7 subtype: the composite type alone for a final type without supertypes, else
    /// <c>(sub final? typeidx* comptype)</c>; descriptor clauses (custom descriptors) before the composite type.
    /// </summary>
    public static string Sub(SubType type)
    {
        // Custom descriptors: (describes x)? (descriptor y)? come just before the composite type.
        string described = Join(
            type.Describes is { } describes ? $"(describes {PrintContext.Index(describes)})" : "",
            type.Descriptor is { } descriptor ? $"(descriptor {PrintContext.Index(descriptor)})" : "",
            Comp(type.Comp));
        if (type.Final && type.Supers.IsEmpty) return described;
        var supers = string.Join(" ", type.Supers.Select(PrintContext.Index));
        return Join("(sub", type.Final ? "final" : "", supers, described) + ")";
    }

    /// <summary>§6.4.8 limits: <c>min max?</c>.</summary>
    public static string Limits(Limits limits) =>
        limits.Max is { } max ? $"{Nat(limits.Min)} {Nat(max)}" : Nat(limits.Min);

    /// <summary>§6.4.9 memtype: <c>i64? limits shared? (pagesize n)?</c>.</summary>
    public static string Memory(MemType type) => Join(
        type.AddrType == AddrType.I64 ? "i64" : "",
        Limits(type.Limits),
        type.Shared ? "shared" : "",
        type.PageSizeLog2 is { } log2 ? $"(pagesize {PageSize(log2)})" : "");

    /// <summary>§6.4.10 tabletype: <c>i64? limits reftype</c>.</summary>
    public static string Table(TableType type) =>
        Join(type.AddrType == AddrType.I64 ? "i64" : "", Limits(type.Limits), Ref(type.ElemType));

    /// <summary>
    /// §6.5.2 blocktype: nothing, <c>(result t)</c>, or <c>(type x)</c> (with no inline
    /// parameters or results, so that the parser takes the index as it is).
    /// </summary>
    public static string Block(BlockType type) => type.Kind switch
    {
        BlockTypeKind.Value => $"(result {Val(type.Value)})",
        BlockTypeKind.TypeIndex => $"(type {PrintContext.Index(type.TypeIndex)})",
        _ => "",
    };

    /// <summary>The words of <paramref name="parts"/> that are not empty, separated by spaces.</summary>
    public static string Join(params string[] parts) => string.Join(" ", parts.Where(p => p.Length > 0));

    private static string Nat(ulong n) => n.ToString(CultureInfo.InvariantCulture);

    // A page size of 2^log2 bytes. Only exponents below 64 have a text form; larger ones (never
    // valid) are shown as 2^n, which no parser accepts.
    private static string PageSize(uint log2) => log2 < 64 ? Nat(1UL << (int)log2) : $"2^{log2}";
}
