using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Tests.Validation;

/// <summary>Short constructors for module syntax in validation tests.</summary>
internal static class Build
{
    public static Instruction Op(Opcode op) => new(op);
    public static Instruction Idx(Opcode op, uint index) => new IndexInstruction(op, index);
    public static Instruction Pair(Opcode op, uint x, uint y) => new IndexPairInstruction(op, x, y);
    public static Instruction I32(int v) => new I32ConstInstruction(v);
    public static Instruction I64(long v) => new I64ConstInstruction(v);
    public static Instruction F32(float v) => new F32ConstInstruction(BitConverter.SingleToUInt32Bits(v));
    public static Instruction F64(double v) => new F64ConstInstruction(BitConverter.DoubleToUInt64Bits(v));
    public static Instruction V128() => new V128ConstInstruction(0, 0);
    public static Instruction LocalGet(uint x) => Idx(Opcode.LocalGet, x);
    public static Instruction LocalSet(uint x) => Idx(Opcode.LocalSet, x);
    public static Instruction LocalTee(uint x) => Idx(Opcode.LocalTee, x);
    public static Instruction GlobalGet(uint x) => Idx(Opcode.GlobalGet, x);
    public static Instruction GlobalSet(uint x) => Idx(Opcode.GlobalSet, x);
    public static Instruction Call(uint x) => Idx(Opcode.Call, x);
    public static Instruction Br(uint l) => Idx(Opcode.Br, l);
    public static Instruction BrIf(uint l) => Idx(Opcode.BrIf, l);
    public static Instruction BrTable(uint[] labels, uint deflt) => new BrTableInstruction(labels, deflt);
    public static Instruction Block(ValType? result = null) => new BlockInstruction(Opcode.Block, result is { } t ? BlockType.Of(t) : BlockType.Empty);
    public static Instruction Block(uint typeIndex) => new BlockInstruction(Opcode.Block, BlockType.Indexed(typeIndex));
    public static Instruction Loop(ValType? result = null) => new BlockInstruction(Opcode.Loop, result is { } t ? BlockType.Of(t) : BlockType.Empty);
    public static Instruction Loop(uint typeIndex) => new BlockInstruction(Opcode.Loop, BlockType.Indexed(typeIndex));
    public static Instruction If(ValType? result = null) => new BlockInstruction(Opcode.If, result is { } t ? BlockType.Of(t) : BlockType.Empty);
    public static Instruction Try(ValType? result = null) => new BlockInstruction(Opcode.Try, result is { } t ? BlockType.Of(t) : BlockType.Empty);
    public static Instruction Else => Op(Opcode.Else);
    public static Instruction End => Op(Opcode.End);
    public static Instruction Load(Opcode op, uint align = 0, ulong offset = 0, uint memory = 0) => new MemoryInstruction(op, new MemArg(align, offset, memory));
    public static Instruction RefNull(HeapType heap) => new HeapTypeInstruction(Opcode.RefNull, heap);
    public static Instruction RefFunc(uint x) => Idx(Opcode.RefFunc, x);

    public static ValType Ref(bool nullable, HeapKind heap) => new(new RefType(nullable, new HeapType(heap)));
    public static ValType RefIdx(bool nullable, uint typeIndex) => new(new RefType(nullable, HeapType.Concrete(typeIndex)));
    public static RefType RefT(bool nullable, uint typeIndex) => new(nullable, HeapType.Concrete(typeIndex));

    public static FuncType Func(ValType[] parameters, ValType[] results) => new(parameters, results);
    public static RecType FuncRec(ValType[] parameters, ValType[] results) => RecType.Single(SubType.Plain(Func(parameters, results)));
    public static RecType StructRec(params FieldType[] fields) => RecType.Single(SubType.Plain(new StructType(fields)));
    public static RecType ArrayRec(FieldType field) => RecType.Single(SubType.Plain(new ArrayType(field)));
    public static FieldType Field(ValType t, bool mutable = false) => new(new StorageType(t), mutable);
    public static FieldType Packed(PackedType p, bool mutable = false) => new(StorageType.Of(p), mutable);

    public static Memory Memory(ulong min = 1, ulong? max = null, AddrType at = AddrType.I32) => new(new MemType(at, new Limits(min, max)));
    public static Table Table(ulong min = 1, RefType? elem = null, AddrType at = AddrType.I32) => new(new TableType(at, new Limits(min), elem ?? RefType.FuncRef));

    /// <summary>A module with one type <c>[params] -> [results]</c> (index 0) and one function of it.</summary>
    public static Module Function(ValType[] parameters, ValType[] results, ValType[] locals, params Instruction[] body) =>
        new()
        {
            Types = [FuncRec(parameters, results)],
            Functions = [new Function(0, locals, body)],
        };

    /// <summary>A module with one function <c>[] -> []</c> without locals.</summary>
    public static Module Body(params Instruction[] body) => Function([], [], [], body);

    /// <summary>Adds a function of type 0 with <paramref name="body"/> to <paramref name="m"/>.</summary>
    public static Module WithBody(this Module m, ValType[] locals, params Instruction[] body) =>
        m with { Functions = [.. m.Functions, new Function(0, locals, body)] };

    /// <summary>Validation must fail with exactly <paramref name="message"/>.</summary>
    public static InvalidException Invalid(Module m, string message, Features features = FeatureSets.Wasm3 | Features.LegacyExceptions)
    {
        var ex = Assert.Throws<InvalidException>(() => Validator.Validate(m, features));
        Assert.Equal(message, ex.Message);
        return ex;
    }

    /// <summary>Validation must succeed.</summary>
    public static ValidatedModule Valid(Module m, Features features = FeatureSets.Wasm3 | Features.LegacyExceptions) =>
        Validator.Validate(m, features);
}
