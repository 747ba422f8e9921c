using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Compiler;

/// <summary>
/// Peephole fusion: pairs of internal instructions that the hot loops of compiled C run most
/// often become one instruction, so the interpreter dispatches less. Only instructions of one
/// basic block are fused: never across a position that a branch can reach (<c>_barrier</c>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>i32.const c; i32.op</c> → <c>i32.op</c> with an immediate right operand (Op.I32*Imm).</item>
/// <item><c>local.get x; i32.const c; i32.add</c> → <see cref="Op.LocalGetI32AddImm"/>.</item>
/// <item><c>local.get x; local.get y</c> → <see cref="Op.LocalGetGet"/>; <c>local.set x; local.get y</c> → <see cref="Op.LocalSetGet"/>.</item>
/// <item><c>i32.eqz; br_if</c> → <see cref="Op.BrUnless"/>; <c>i32.eqz; if</c> → <see cref="Op.BrIf"/> to the else.</item>
/// <item><c>i32.cmp; br_if</c> (a comparison, or its immediate form) → <see cref="Op.BrIfI32Eq"/>…;
/// <c>i32.cmp; if</c> → the negated comparison's branch to the else (integer comparisons negate exactly).</item>
/// </list>
/// Fuel is counted per WebAssembly instruction before fusion, so metering is unchanged.
/// </remarks>
internal sealed partial class FunctionCompiler
{
    /// <summary>The first code index a branch may target; instructions before it are not fused with later ones.</summary>
    private int _barrier;

    /// <summary>The previous instruction, when it belongs to the current basic block.</summary>
    private bool Previous(out Inst previous)
    {
        bool ok = _code.Count > _barrier;
        previous = ok ? _code[^1] : default;
        return ok;
    }

    private void ReplacePrevious(Inst ins) => _code[^1] = ins;

    /// <summary>The immediate form of an i32 binary operation whose right operand is a constant.</summary>
    private static Op ImmediateForm(Opcode op) => op switch
    {
        Opcode.I32Add => Op.I32AddImm,
        Opcode.I32Sub => Op.I32SubImm,
        Opcode.I32Mul => Op.I32MulImm,
        Opcode.I32And => Op.I32AndImm,
        Opcode.I32Or => Op.I32OrImm,
        Opcode.I32Xor => Op.I32XorImm,
        Opcode.I32Shl => Op.I32ShlImm,
        Opcode.I32ShrS => Op.I32ShrSImm,
        Opcode.I32ShrU => Op.I32ShrUImm,
        Opcode.I32Rotl => Op.I32RotlImm,
        Opcode.I32Eq => Op.I32EqImm,
        Opcode.I32Ne => Op.I32NeImm,
        Opcode.I32LtS => Op.I32LtSImm,
        Opcode.I32LtU => Op.I32LtUImm,
        Opcode.I32GtS => Op.I32GtSImm,
        Opcode.I32GtU => Op.I32GtUImm,
        Opcode.I32LeS => Op.I32LeSImm,
        Opcode.I32LeU => Op.I32LeUImm,
        Opcode.I32GeS => Op.I32GeSImm,
        Opcode.I32GeU => Op.I32GeUImm,
        _ => 0,
    };

    /// <summary>Folds a preceding <c>i32.const</c> into <paramref name="op"/> when it has an immediate form.</summary>
    private bool TryFuseConstOperand(Opcode op)
    {
        var fused = ImmediateForm(op);
        if (fused == 0 || !Previous(out var constant) || constant.Op != Op.Const || constant.Aux != (ushort)Opcode.I32Const)
            return false;
        ReplacePrevious(new Inst(fused, 0, constant.B));
        if (fused == Op.I32AddImm && _code.Count - 2 >= _barrier && _code[^2].Op == Op.LocalGet)
        {
            var get = _code[^2];
            _code.RemoveAt(_code.Count - 1);
            _code[^1] = new Inst(Op.LocalGetI32AddImm, get.A, constant.B);
        }
        return true;
    }

    /// <summary><c>local.get</c> of a one-cell local, fused with a preceding <c>local.get</c> or <c>local.set</c>.</summary>
    private void EmitLocalGet(int offset)
    {
        if (Previous(out var previous) && previous.Op is Op.LocalGet or Op.LocalSet)
            ReplacePrevious(new Inst(previous.Op == Op.LocalGet ? Op.LocalGetGet : Op.LocalSetGet, previous.A, offset));
        else
            Emit(Op.LocalGet, offset);
    }

    /// <summary>
    /// A branch without a move, a conditional one fused with the comparison before it:
    /// <paramref name="op"/> is <see cref="Op.Br"/>, <see cref="Op.BrIf"/> (branch when the
    /// condition is non-zero) or <see cref="Op.BrUnless"/> (when it is zero: the false edge of
    /// <c>if</c>). Returns the index of the branch, to patch.
    /// </summary>
    private int EmitFusedBranch(Op op)
    {
        // Only a conditional branch consumes the comparison's result; br leaves it on the stack.
        if (op is Op.BrIf or Op.BrUnless && Previous(out var previous))
        {
            bool negate = op == Op.BrUnless;
            Op fused = previous.Op == (Op)Opcode.I32Eqz ? (negate ? Op.BrIf : Op.BrUnless) : CompareBranch(previous.Op, negate);
            if (fused != 0)
            {
                ReplacePrevious(new Inst(fused, 0, previous.B));
                return _code.Count - 1;
            }
        }
        return Emit(op);
    }

    /// <summary>The branch form of an i32 comparison (plain or with an immediate), negated when <paramref name="negate"/>; 0 for other operations.</summary>
    private static Op CompareBranch(Op compare, bool negate)
    {
        if (compare < Op.First)
        {
            return (Opcode)compare switch
            {
                Opcode.I32Eq => negate ? Op.BrIfI32Ne : Op.BrIfI32Eq,
                Opcode.I32Ne => negate ? Op.BrIfI32Eq : Op.BrIfI32Ne,
                Opcode.I32LtS => negate ? Op.BrIfI32GeS : Op.BrIfI32LtS,
                Opcode.I32LtU => negate ? Op.BrIfI32GeU : Op.BrIfI32LtU,
                Opcode.I32GtS => negate ? Op.BrIfI32LeS : Op.BrIfI32GtS,
                Opcode.I32GtU => negate ? Op.BrIfI32LeU : Op.BrIfI32GtU,
                Opcode.I32LeS => negate ? Op.BrIfI32GtS : Op.BrIfI32LeS,
                Opcode.I32LeU => negate ? Op.BrIfI32GtU : Op.BrIfI32LeU,
                Opcode.I32GeS => negate ? Op.BrIfI32LtS : Op.BrIfI32GeS,
                Opcode.I32GeU => negate ? Op.BrIfI32LtU : Op.BrIfI32GeU,
                _ => 0,
            };
        }
        return compare switch
        {
            Op.I32EqImm => negate ? Op.BrIfI32NeImm : Op.BrIfI32EqImm,
            Op.I32NeImm => negate ? Op.BrIfI32EqImm : Op.BrIfI32NeImm,
            Op.I32LtSImm => negate ? Op.BrIfI32GeSImm : Op.BrIfI32LtSImm,
            Op.I32LtUImm => negate ? Op.BrIfI32GeUImm : Op.BrIfI32LtUImm,
            Op.I32GtSImm => negate ? Op.BrIfI32LeSImm : Op.BrIfI32GtSImm,
            Op.I32GtUImm => negate ? Op.BrIfI32LeUImm : Op.BrIfI32GtUImm,
            Op.I32LeSImm => negate ? Op.BrIfI32GtSImm : Op.BrIfI32LeSImm,
            Op.I32LeUImm => negate ? Op.BrIfI32GtUImm : Op.BrIfI32LeUImm,
            Op.I32GeSImm => negate ? Op.BrIfI32LtSImm : Op.BrIfI32GeSImm,
            Op.I32GeUImm => negate ? Op.BrIfI32LtUImm : Op.BrIfI32GeUImm,
            _ => 0,
        };
    }
}
