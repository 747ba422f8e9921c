using WasmConform.Engine.Execution;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Tests.Execution;

/// <summary>Shorthands for building modules in execution tests.</summary>
internal static class Wasm
{
    public static Instruction Op(Opcode op) => new(op);
    public static Instruction I32(int value) => new I32ConstInstruction(value);
    public static Instruction I64(long value) => new I64ConstInstruction(value);
    public static Instruction LocalGet(uint index) => new IndexInstruction(Opcode.LocalGet, index);
    public static Instruction LocalSet(uint index) => new IndexInstruction(Opcode.LocalSet, index);
    public static Instruction LocalTee(uint index) => new IndexInstruction(Opcode.LocalTee, index);
    public static Instruction Call(uint index) => new IndexInstruction(Opcode.Call, index);
    public static Instruction Br(uint depth) => new IndexInstruction(Opcode.Br, depth);
    public static Instruction BrIf(uint depth) => new IndexInstruction(Opcode.BrIf, depth);
    public static Instruction Block(BlockType type) => new BlockInstruction(Opcode.Block, type);
    public static Instruction Loop(BlockType type) => new BlockInstruction(Opcode.Loop, type);
    public static Instruction If(BlockType type) => new BlockInstruction(Opcode.If, type);
    public static Instruction Load(Opcode op, ulong offset = 0) => new MemoryInstruction(op, new MemArg(0, offset));
    public static Instruction Store(Opcode op, ulong offset = 0) => new MemoryInstruction(op, new MemArg(0, offset));
    public static Instruction V128(ulong low, ulong high) => new V128ConstInstruction(low, high);
    public static Instruction Lane(Opcode op, byte lane) => new LaneInstruction(op, lane);
    public static Instruction Shuffle(params byte[] lanes) => new ShuffleInstruction(lanes);
    public static Instruction MemoryLane(Opcode op, byte lane, ulong offset = 0) => new MemoryLaneInstruction(op, new MemArg(0, offset), lane);
    public static readonly Instruction End = new(Opcode.End);
    public static readonly Instruction Else = new(Opcode.Else);

    public static FuncType Type(ValType[] parameters, ValType[] results) => new(parameters, results);

    /// <summary>A module whose functions are all exported under their given names.</summary>
    public static Module Module(FuncType[] types, (string Name, uint Type, ValType[] Locals, Instruction[] Body)[] funcs,
        Memory[]? memories = null, Import[]? imports = null, Table[]? tables = null, ElementSegment[]? elements = null)
    {
        int imported = imports?.Count(i => i.Type is ExternFunc) ?? 0;
        return new Module
        {
            Types = types.Select(t => RecType.Single(SubType.Plain(t))).ToArray(),
            Imports = imports ?? [],
            Functions = funcs.Select(f => new Function(f.Type, f.Locals, f.Body)).ToArray(),
            Memories = memories ?? [],
            Tables = tables ?? [],
            Elements = elements ?? [],
            Exports = funcs.Select((f, i) => new Export(f.Name, ExternKind.Func, (uint)(imported + i))).ToArray(),
        };
    }

    public static ModuleInstance Instantiate(Module module, Store? store = null, Linker? linker = null) =>
        (linker ?? new Linker()).Instantiate(store ?? new Store(), CompiledModule.FromModule(module));
}
