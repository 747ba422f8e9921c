using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// GC instructions (§4.4.2 aggregate and i31 references, casts, extern conversions): run out
    /// of line by <see cref="GcInstructions"/>, which documents the immediates encoded here.
    /// <c>br_on_cast</c>/<c>br_on_cast_fail</c> become a test that pushes the branch condition
    /// followed by a <c>br_if</c>; <c>any.convert_extern</c>/<c>extern.convert_any</c> keep the
    /// reference as it is and emit nothing.
    /// </summary>
    private bool CompileGc(Instruction ins)
    {
        switch (ins)
        {
            case { Op: Opcode.AnyConvertExtern or Opcode.ExternConvertAny }:
                return true;
            case { Op: Opcode.RefI31 or Opcode.I31GetS or Opcode.I31GetU or Opcode.ArrayLen }:
                Gc(ins.Op, 0, 0, 1, 1);
                return true;
            case RefTypeInstruction { Op: Opcode.RefTest or Opcode.RefCast } cast:
                var (a, b) = GcInstructions.EncodeTarget(cast.Type);
                Gc(cast.Op, a, b, 1, 1);
                return true;
            case BrOnCastInstruction { Op: Opcode.BrOnCast or Opcode.BrOnCastFail } brOnCast:
                CompileBrOnCast(brOnCast);
                return true;
            case IndexInstruction { Op: Opcode.StructNew or Opcode.StructNewDefault } n:
                var fields = StructFields(n.Index);
                Gc(n.Op, (int)n.Index, FieldLayout.CellCount(fields), n.Op == Opcode.StructNew ? fields.Count : 0, 1);
                return true;
            case IndexPairInstruction { Op: Opcode.StructGet or Opcode.StructGetS or Opcode.StructGetU or Opcode.StructSet } field:
                CompileStructField(field);
                return true;
            default:
                return CompileDescriptor(ins) || CompileArray(ins);
        }
    }

    /// <summary>
    /// Custom descriptors: run out of line by <see cref="DescriptorInstructions"/>, which documents
    /// the immediates; the descriptor branches become a test followed by a <c>br_if</c>.
    /// </summary>
    private bool CompileDescriptor(Instruction ins)
    {
        switch (ins)
        {
            case IndexInstruction { Op: Opcode.StructNewDesc } n:
                var fields = StructFields(n.Index);
                Gc(n.Op, (int)n.Index, FieldLayout.CellCount(fields), fields.Count + 1, 1);
                return true;
            case IndexInstruction { Op: Opcode.StructNewDefaultDesc } n:
                Gc(n.Op, (int)n.Index, FieldLayout.CellCount(StructFields(n.Index)), 1, 1);
                return true;
            case IndexInstruction { Op: Opcode.RefGetDesc }:
                Gc(ins.Op, 0, 0, 1, 1);
                return true;
            case RefTypeInstruction { Op: Opcode.RefCastDescEq } cast:
                Gc(cast.Op, 0, cast.Type.Nullable ? 1 : 0, 2, 1);
                return true;
            case BrOnCastInstruction { Op: Opcode.BrOnCastDescEq or Opcode.BrOnCastDescEqFail } br:
                Gc(br.Op, 0, br.To.Nullable ? 1 : 0, 1, 1);
                Pop();
                EmitBranch(Label(br.Label), Op.BrIf, Op.BrIfCopy);
                StartBlock();
                return true;
            default:
                return false;
        }
    }

    private bool CompileArray(Instruction ins)
    {
        switch (ins)
        {
            case IndexInstruction { Op: Opcode.ArrayNew } n:
                Gc(n.Op, (int)n.Index, ElementCells(n.Index), 2, 1);
                return true;
            case IndexInstruction { Op: Opcode.ArrayNewDefault } n:
                Gc(n.Op, (int)n.Index, 0, 1, 1);
                return true;
            case IndexPairInstruction { Op: Opcode.ArrayNewFixed } n:
                Gc(n.Op, (int)n.X, ((long)ElementCells(n.X) << 32) | n.Y, (int)n.Y, 1);
                return true;
            case IndexPairInstruction { Op: Opcode.ArrayNewData or Opcode.ArrayNewElem } n:
                Gc(n.Op, (int)n.X, n.Y, 2, 1);
                return true;
            case IndexInstruction { Op: Opcode.ArrayGet or Opcode.ArrayGetS or Opcode.ArrayGetU } get:
                int cells = ElementCells(get.Index);
                Gc(get.Op, 0, cells, 2, (byte)cells);
                return true;
            case IndexInstruction { Op: Opcode.ArraySet } set:
                Gc(set.Op, 0, ElementCells(set.Index), 3, 0);
                return true;
            case IndexInstruction { Op: Opcode.ArrayFill } fill:
                Gc(fill.Op, 0, ElementCells(fill.Index), 4, 0);
                return true;
            case IndexPairInstruction { Op: Opcode.ArrayCopy } copy:
                Gc(copy.Op, 0, 0, 5, 0);
                return true;
            case IndexPairInstruction { Op: Opcode.ArrayInitData or Opcode.ArrayInitElem } init:
                Gc(init.Op, 0, init.Y, 4, 0);
                return true;
            default:
                return false;
        }
    }

    /// <summary>struct.get/get_s/get_u/set: A = the field's first cell, B = its cells (or for get_s/get_u its packed size: 1 or 2).</summary>
    private void CompileStructField(IndexPairInstruction ins)
    {
        var fields = StructFields(ins.X);
        var storage = fields[(int)ins.Y].Storage;
        int offset = FieldLayout.CellOffset(fields, (int)ins.Y);
        int cells = FieldLayout.Cells(storage);
        switch (ins.Op)
        {
            case Opcode.StructSet:
                Gc(ins.Op, offset, cells, 2, 0);
                break;
            case Opcode.StructGet:
                Gc(ins.Op, offset, cells, 1, (byte)cells);
                break;
            default:
                Gc(ins.Op, offset, storage.Packed == PackedType.I8 ? 1 : 2, 1, 1);
                break;
        }
    }

    /// <summary>
    /// br_on_cast l rt1 rt2 / br_on_cast_fail (§4.4.8): the test pushes 1 when the branch is taken
    /// (the reference matches rt2, or for the fail form does not), then a br_if takes it with the
    /// reference on top of the label's values.
    /// </summary>
    private void CompileBrOnCast(BrOnCastInstruction ins)
    {
        var (a, b) = GcInstructions.EncodeTarget(ins.To);
        Emit(Op.Generic, a, b, ins.Op);
        Push(1);
        Pop();
        EmitBranch(Label(ins.Label), Op.BrIf, Op.BrIfCopy);
        StartBlock();
    }

    /// <summary>Emits a GC instruction run by <see cref="GcInstructions"/>: pops <paramref name="pops"/> operands, pushes a result of <paramref name="resultCells"/> cells (0: none).</summary>
    private void Gc(Opcode op, int a, long b, int pops, byte resultCells)
    {
        Emit(Op.Generic, a, b, op);
        Pop(pops);
        if (resultCells > 0) Push(resultCells);
    }

    private EquatableArray<FieldType> StructFields(uint typeIndex) => ((StructType)_ctx.Types[typeIndex].Comp).Fields;

    private int ElementCells(uint typeIndex) => FieldLayout.Cells(((ArrayType)_ctx.Types[typeIndex].Comp).Field.Storage);
}
