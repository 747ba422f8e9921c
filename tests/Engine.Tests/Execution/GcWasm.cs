using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>Shorthands for building modules with GC types and instructions in execution tests.</summary>
internal static class GcWasm
{
    public static FieldType Field(ValType type, bool mutable = true) => new(new StorageType(type), mutable);
    public static FieldType Packed(PackedType packed, bool mutable = true) => new(StorageType.Of(packed), mutable);

    public static RecType Struct(params FieldType[] fields) => RecType.Single(SubType.Plain(new StructType(fields)));
    public static RecType Array(FieldType element) => RecType.Single(SubType.Plain(new ArrayType(element)));
    public static RecType Func(ValType[] parameters, ValType[] results) => RecType.Single(SubType.Plain(new FuncType(parameters, results)));

    /// <summary>A non-final sub type, with <paramref name="super"/> as its declared supertype if given.</summary>
    public static RecType Sub(CompType comp, uint? super = null) =>
        RecType.Single(new SubType(false, super is { } s ? [s] : [], comp));

    public static ValType RefTo(uint typeIndex, bool nullable = false) => new(new RefType(nullable, HeapType.Concrete(typeIndex)));
    public static ValType Ref(HeapKind kind, bool nullable = true) => new(new RefType(nullable, new HeapType(kind)));
    public static RefType RefTypeTo(uint typeIndex, bool nullable = false) => new(nullable, HeapType.Concrete(typeIndex));
    public static RefType RefT(HeapKind kind, bool nullable = false) => new(nullable, new HeapType(kind));

    public static Instruction Index(Opcode op, uint index) => new IndexInstruction(op, index);
    public static Instruction Pair(Opcode op, uint x, uint y) => new IndexPairInstruction(op, x, y);
    public static Instruction Null(HeapKind kind) => new HeapTypeInstruction(Opcode.RefNull, new HeapType(kind));
    public static Instruction NullOf(uint typeIndex) => new HeapTypeInstruction(Opcode.RefNull, HeapType.Concrete(typeIndex));
    public static Instruction Test(RefType type) => new RefTypeInstruction(Opcode.RefTest, type);
    public static Instruction Cast(RefType type) => new RefTypeInstruction(Opcode.RefCast, type);

    /// <summary>
    /// A module with <paramref name="types"/> (each its own recursive group) whose functions
    /// are all exported under their given names; optionally one passive data segment.
    /// </summary>
    public static Module Module(RecType[] types, (string Name, uint Type, ValType[] Locals, Instruction[] Body)[] funcs,
        byte[]? data = null) => new()
        {
            Types = types,
            Functions = funcs.Select(f => new Function(f.Type, f.Locals, f.Body)).ToArray(),
            Exports = funcs.Select((f, i) => new Export(f.Name, ExternKind.Func, (uint)i)).ToArray(),
            Datas = data is null ? [] : [new DataSegment(data, new SegmentMode(SegmentModeKind.Passive))],
            DataCount = data is null ? null : 1,
        };

    public static ModuleInstance Instantiate(Module module) => Wasm.Instantiate(module);
}
