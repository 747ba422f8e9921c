using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>How many operands an instruction takes from the stack and how many results it leaves.</summary>
internal readonly record struct Arity(int Params, int Results);

/// <summary>
/// Stack arities for the folded layout (§6.5.9): from the fixed signatures of <see cref="OpcodeTable"/>,
/// and for the instructions typed by their immediates, from the module's types. Folding only ever
/// nests the instructions that immediately precede an instruction, so an arity never changes
/// the instruction sequence; an instruction without a known arity is simply not folded.
/// </summary>
internal static class FoldArity
{
    /// <summary>
    /// The arity of <paramref name="instr"/>, or <c>null</c> when it is not known.
    /// <paramref name="label"/> gives the number of values a branch to a label index carries (−1 unknown);
    /// <paramref name="returns"/> the number of results of the enclosing function (−1 unknown).
    /// </summary>
    public static Arity? Of(Instruction instr, PrintContext ctx, Func<uint, int> label, int returns)
    {
        if (OpcodeTable.Info(instr.Op).Signature is { } sig) return new(sig.Params.Count, sig.Results.Count);
        return instr switch
        {
            IndexInstruction x => Indexed(x, ctx, label),
            IndexPairInstruction p => Paired(p, ctx),
            BrTableInstruction t => Known(label(t.Default), n => new(n + 1, 0)),
            SelectInstruction => new(3, 1),
            _ => Plain(instr.Op, returns),
        };
    }

    private static Arity? Indexed(IndexInstruction x, PrintContext ctx, Func<uint, int> label) => x.Op switch
    {
        Opcode.Br => Known(label(x.Index), n => new(n, 0)),
        Opcode.BrIf => Known(label(x.Index), n => new(n + 1, n)),
        Opcode.Call => Call(ctx.FuncTypeOfFunction(x.Index), 0),
        Opcode.ReturnCall => Known(Call(ctx.FuncTypeOfFunction(x.Index), 0), a => new(a.Params, 0)),
        Opcode.CallRef => Call(ctx.FuncTypeAt(x.Index), 1),
        Opcode.ReturnCallRef => Known(Call(ctx.FuncTypeAt(x.Index), 1), a => new(a.Params, 0)),
        Opcode.Throw => Known(ctx.FuncTypeOfTag(x.Index), t => new(t.Params.Count, 0)),
        Opcode.LocalGet or Opcode.GlobalGet or Opcode.RefFunc or Opcode.TableSize or Opcode.StructNewDefault => new(0, 1),
        Opcode.LocalSet or Opcode.GlobalSet => new(1, 0),
        Opcode.LocalTee or Opcode.TableGet or Opcode.ArrayNewDefault => new(1, 1),
        Opcode.TableSet => new(2, 0),
        Opcode.TableGrow or Opcode.ArrayNew or Opcode.ArrayGet or Opcode.ArrayGetS or Opcode.ArrayGetU => new(2, 1),
        Opcode.TableFill or Opcode.MemoryFill or Opcode.ArraySet => new(3, 0),
        Opcode.ArrayFill => new(4, 0),
        Opcode.StructNew => ctx.CompTypeAt(x.Index) is StructType s ? new(s.Fields.Count, 1) : null,
        _ => null,
    };

    private static Arity? Paired(IndexPairInstruction p, PrintContext ctx) => p.Op switch
    {
        Opcode.CallIndirect => Call(ctx.FuncTypeAt(p.Y), 1),
        Opcode.ReturnCallIndirect => Known(Call(ctx.FuncTypeAt(p.Y), 1), a => new(a.Params, 0)),
        Opcode.MemoryCopy or Opcode.MemoryInit or Opcode.TableCopy or Opcode.TableInit => new(3, 0),
        Opcode.StructGet or Opcode.StructGetS or Opcode.StructGetU => new(1, 1),
        Opcode.StructSet => new(2, 0),
        Opcode.ArrayNewFixed => p.Y <= int.MaxValue ? new((int)p.Y, 1) : null,
        Opcode.ArrayNewData or Opcode.ArrayNewElem => new(2, 1),
        Opcode.ArrayInitData or Opcode.ArrayInitElem => new(4, 0),
        Opcode.ArrayCopy => new(5, 0),
        _ => null,
    };

    private static Arity? Plain(Opcode op, int returns) => op switch
    {
        Opcode.Unreachable => new(0, 0),
        Opcode.Return => returns < 0 ? null : new(returns, 0),
        Opcode.Drop or Opcode.ThrowRef => new(1, 0),
        Opcode.Select => new(3, 1),
        Opcode.RefIsNull or Opcode.RefAsNonNull or Opcode.ArrayLen or Opcode.RefI31 or Opcode.I31GetS
            or Opcode.I31GetU or Opcode.AnyConvertExtern or Opcode.ExternConvertAny => new(1, 1),
        Opcode.RefEq => new(2, 1),
        Opcode.RefNull => new(0, 1),
        Opcode.RefTest or Opcode.RefCast => new(1, 1),
        _ => null,
    };

    // A call takes the function's parameters (plus a table index or reference) and leaves its results.
    private static Arity? Call(FuncType? type, int extra) =>
        type is null ? null : new(type.Params.Count + extra, type.Results.Count);

    private static Arity? Known(int n, Func<int, Arity> arity) => n < 0 ? null : arity(n);

    private static Arity? Known<T>(T? value, Func<T, Arity> arity) where T : class => value is null ? null : arity(value);

    private static Arity? Known(Arity? value, Func<Arity, Arity> arity) => value is { } a ? arity(a) : null;
}
