using System.Runtime.CompilerServices;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

/// <summary>
/// The GC instructions (§4.4.2 reference instructions: aggregates, i31 and casts), run out of
/// line from the interpreter loop. Immediates as the compiler encodes them
/// (<c>FunctionCompiler.CompileGc</c>):
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>struct.new</c>/<c>struct.new_default</c>: A = type index, B = cells of all fields.</item>
/// <item><c>struct.get</c>/<c>struct.set</c>: A = the field's first cell, B = its cells;
/// <c>struct.get_s</c>/<c>_u</c>: B = 1 for i8, 2 for i16.</item>
/// <item><c>array.new</c>, <c>array.new_default</c>: A = type index, B = cells of an element;
/// <c>array.new_fixed</c>: B = cells &lt;&lt; 32 | count; <c>array.new_data</c>/<c>_elem</c>: B = segment index.</item>
/// <item><c>array.get</c>, <c>array.set</c>, <c>array.fill</c>: B = cells of an element;
/// <c>array.init_data</c>/<c>_elem</c>: B = segment index.</item>
/// <item>casts: the target type as <see cref="EncodeTarget"/> gives it; <c>br_on_cast</c> and
/// <c>br_on_cast_fail</c> push the branch condition above the reference for a following <c>br_if</c>.</item>
/// </list>
/// </remarks>
internal static unsafe class GcInstructions
{
    private const long Nullable = 0x100, Exact = 0x200;

    /// <summary>Runs GC instruction <c>(Opcode)ins.Aux</c> on the operands below <paramref name="sp"/>; returns the new stack pointer.</summary>
    public static Slot* Execute(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        switch ((Opcode)ins.Aux)
        {
            case Opcode.RefI31:
                sp[-1] = new Slot { Ref = I31Reference.Of(sp[-1].I32) };
                return sp;
            case Opcode.I31GetS:
                sp[-1] = new Slot { I32 = I31(sp - 1).GetS() };
                return sp;
            case Opcode.I31GetU:
                sp[-1] = new Slot { I32 = I31(sp - 1).GetU() };
                return sp;
            case Opcode.RefTest:
                sp[-1] = new Slot { I32 = Test(sp[-1].Ref, inst, ins.A, ins.B) ? 1 : 0 };
                return sp;
            case Opcode.RefCast:
                if (!Test(sp[-1].Ref, inst, ins.A, ins.B)) Trap(TrapKind.CastFailure);
                return sp;
            case Opcode.BrOnCast:
                *sp = new Slot { I32 = Test(sp[-1].Ref, inst, ins.A, ins.B) ? 1 : 0 };
                return sp + 1;
            case Opcode.BrOnCastFail:
                *sp = new Slot { I32 = Test(sp[-1].Ref, inst, ins.A, ins.B) ? 0 : 1 };
                return sp + 1;
            case Opcode.StructNew:
            {
                int cells = (int)ins.B;
                sp -= cells;
                var fields = new Slot[cells];
                for (int i = 0; i < cells; i++) fields[i] = sp[i];
                *sp = new Slot { Ref = new StructInstance(TypeOf(inst, ins.A), fields) };
                return sp + 1;
            }
            case Opcode.StructNewDefault:
                *sp = new Slot { Ref = new StructInstance(TypeOf(inst, ins.A), new Slot[ins.B]) };
                return sp + 1;
            case Opcode.StructGet:
            {
                var fields = Struct(sp - 1).Cells;
                for (int i = 0; i < ins.B; i++) sp[i - 1] = fields[ins.A + i];
                return sp + (int)ins.B - 1;
            }
            case Opcode.StructGetS:
            {
                uint bits = Struct(sp - 1).Cells[ins.A].U32;
                sp[-1] = new Slot { I32 = ins.B == 1 ? (sbyte)bits : (short)bits };
                return sp;
            }
            case Opcode.StructGetU:
            {
                uint bits = Struct(sp - 1).Cells[ins.A].U32;
                sp[-1] = new Slot { I32 = ins.B == 1 ? (byte)bits : (ushort)bits };
                return sp;
            }
            case Opcode.StructSet:
            {
                sp -= 1 + (int)ins.B;
                var fields = Struct(sp).Cells;
                for (int i = 0; i < ins.B; i++) fields[ins.A + i] = sp[1 + i];
                return sp;
            }
            default:
                return ExecuteArray(ref ins, inst, sp);
        }
    }

    /// <summary>The array instructions (§4.4.2 <c>array.*</c>).</summary>
    private static Slot* ExecuteArray(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        switch ((Opcode)ins.Aux)
        {
            case Opcode.ArrayNew:
            {
                int cells = (int)ins.B;
                uint n = sp[-1].U32;
                sp -= 1 + cells;
                var array = ArrayInstance.Allocate(TypeOf(inst, ins.A), n);
                array.Fill(0, n, sp);
                *sp = new Slot { Ref = array };
                return sp + 1;
            }
            case Opcode.ArrayNewDefault:
                sp[-1] = new Slot { Ref = ArrayInstance.Allocate(TypeOf(inst, ins.A), sp[-1].U32) };
                return sp;
            case Opcode.ArrayNewFixed:
            {
                int cells = (int)(ins.B >> 32);
                uint n = (uint)ins.B;
                sp -= n * cells;
                var array = ArrayInstance.Allocate(TypeOf(inst, ins.A), n);
                for (uint i = 0; i < n; i++) array.Write(i, sp + i * cells);
                *sp = new Slot { Ref = array };
                return sp + 1;
            }
            case Opcode.ArrayNewData:
            {
                sp--;
                uint s = sp[-1].U32, n = sp[0].U32;
                var type = TypeOf(inst, ins.A);
                var bytes = DataRange(inst, (int)ins.B, s, (ulong)n * (ulong)FieldLayout.StorageSize(type.Array!.Field.Storage));
                var array = ArrayInstance.Allocate(type, n);
                array.InitBytes(0, bytes);
                sp[-1] = new Slot { Ref = array };
                return sp;
            }
            case Opcode.ArrayNewElem:
            {
                sp--;
                uint s = sp[-1].U32, n = sp[0].U32;
                var references = ElementRange(inst, (int)ins.B, s, n);
                var array = ArrayInstance.Allocate(TypeOf(inst, ins.A), n);
                array.InitReferences(0, references);
                sp[-1] = new Slot { Ref = array };
                return sp;
            }
            case Opcode.ArrayGet or Opcode.ArrayGetS or Opcode.ArrayGetU:
            {
                sp--;
                var array = Array(sp - 1);
                uint i = sp[0].U32;
                if (i >= (uint)array.Length) Trap(TrapKind.OutOfBoundsArrayAccess);
                array.Read(i, sp - 1, signed: (Opcode)ins.Aux == Opcode.ArrayGetS);
                return sp - 1 + ins.B;
            }
            case Opcode.ArraySet:
            {
                sp -= 2 + (int)ins.B;
                var array = Array(sp);
                uint i = sp[1].U32;
                if (i >= (uint)array.Length) Trap(TrapKind.OutOfBoundsArrayAccess);
                array.Write(i, sp + 2);
                return sp;
            }
            case Opcode.ArrayLen:
                sp[-1] = new Slot { I32 = Array(sp - 1).Length };
                return sp;
            default:
                return ExecuteArrayBulk(ref ins, inst, sp);
        }
    }

    /// <summary><c>array.fill</c>, <c>array.copy</c>, <c>array.init_data</c> and <c>array.init_elem</c>: every check before any write.</summary>
    private static Slot* ExecuteArrayBulk(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        switch ((Opcode)ins.Aux)
        {
            case Opcode.ArrayFill:
            {
                sp -= 3 + (int)ins.B;
                var array = Array(sp);
                uint d = sp[1].U32, n = sp[2 + ins.B].U32;
                if (!array.InBounds(d, n)) Trap(TrapKind.OutOfBoundsArrayAccess);
                array.Fill(d, n, sp + 2);
                return sp;
            }
            case Opcode.ArrayCopy:
            {
                sp -= 5;
                ArrayInstance to = Array(sp), from = Array(sp + 2);
                uint d = sp[1].U32, s = sp[3].U32, n = sp[4].U32;
                if (!from.InBounds(s, n) || !to.InBounds(d, n)) Trap(TrapKind.OutOfBoundsArrayAccess);
                ArrayInstance.Copy(to, d, from, s, n);
                return sp;
            }
            case Opcode.ArrayInitData:
            {
                sp -= 4;
                var array = Array(sp);
                uint d = sp[1].U32, s = sp[2].U32, n = sp[3].U32;
                if (!array.InBounds(d, n)) Trap(TrapKind.OutOfBoundsArrayAccess);
                array.InitBytes(d, DataRange(inst, (int)ins.B, s, (ulong)n * (ulong)array.ElementSize));
                return sp;
            }
            case Opcode.ArrayInitElem:
            {
                sp -= 4;
                var array = Array(sp);
                uint d = sp[1].U32, s = sp[2].U32, n = sp[3].U32;
                if (!array.InBounds(d, n)) Trap(TrapKind.OutOfBoundsArrayAccess);
                array.InitReferences(d, ElementRange(inst, (int)ins.B, s, n));
                return sp;
            }
            default:
                throw new UnsupportedFeatureException($"execution of {OpcodeTable.Info((Opcode)ins.Aux).Name}");
        }
    }

    /// <summary>Encodes a (module-relative) cast target for <see cref="Test"/>: A = type index of a concrete type, B = kind and flags.</summary>
    public static (int A, long B) EncodeTarget(RefType target)
    {
        long b = (long)target.Heap.Kind | (target.Nullable ? Nullable : 0) | (target.Heap.Exact ? Exact : 0);
        return ((int)target.Heap.Index, b);
    }

    /// <summary>Whether <paramref name="reference"/> matches the target encoded in <paramref name="a"/> and <paramref name="b"/>, type indices resolved in <paramref name="inst"/>.</summary>
    private static bool Test(object? reference, ModuleInstance inst, int a, long b)
    {
        if (reference is null) return (b & Nullable) != 0;
        var kind = (HeapKind)(byte)b;
        var concrete = kind == HeapKind.Concrete ? TypeOf(inst, a) : null;
        return RuntimeTypes.MatchesHeap(reference, kind, concrete, (b & Exact) != 0);
    }

    /// <summary>The canonical defined type of type index <paramref name="index"/> of <paramref name="inst"/>.</summary>
    private static DefType TypeOf(ModuleInstance inst, int index) => TypeRegistry.Get(inst.TypeIds[index]);

    /// <summary>Bytes <c>[start, start + length)</c> of data segment <paramref name="index"/>; traps with "out of bounds memory access" when they are not all there.</summary>
    private static ReadOnlySpan<byte> DataRange(ModuleInstance inst, int index, uint start, ulong length)
    {
        var bytes = inst.Datas[index].Bytes;
        if (start + length > (ulong)bytes.Length) Trap(TrapKind.OutOfBoundsMemoryAccess);
        return bytes.AsSpan((int)start, (int)length);
    }

    /// <summary>References <c>[start, start + count)</c> of element segment <paramref name="index"/>; traps with "out of bounds table access" when they are not all there.</summary>
    private static ReadOnlySpan<object?> ElementRange(ModuleInstance inst, int index, uint start, uint count)
    {
        var elements = inst.Elements[index].Elements;
        if ((ulong)start + count > (ulong)elements.Length) Trap(TrapKind.OutOfBoundsTableAccess);
        return elements.AsSpan((int)start, (int)count);
    }

    private static StructInstance Struct(Slot* cell) => cell->Ref as StructInstance ?? throw Null(TrapKind.NullStructureReference);

    private static ArrayInstance Array(Slot* cell) => cell->Ref as ArrayInstance ?? throw Null(TrapKind.NullArrayReference);

    private static I31Reference I31(Slot* cell) => cell->Ref as I31Reference ?? throw Null(TrapKind.NullI31Reference);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TrapException Null(TrapKind kind) => new(kind);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Trap(TrapKind kind) => throw new TrapException(kind);
}
