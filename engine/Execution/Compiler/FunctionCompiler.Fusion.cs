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
/// <item><c>i32.eqz; br_if</c> → <see cref="Op.BrUnless"/>.</item>
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

    /// <summary>A branch without a move: <c>i32.eqz; br_if</c> becomes one <see cref="Op.BrUnless"/>. Returns its index.</summary>
    private int EmitFusedBranch(Op op)
    {
        if (op == Op.BrIf && Previous(out var previous) && previous.Op == (Op)Opcode.I32Eqz)
        {
            ReplacePrevious(new Inst(Op.BrUnless));
            return _code.Count - 1;
        }
        return Emit(op);
    }
}
