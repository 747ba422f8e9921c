using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// The operand stack after one instruction of a function body as validation sees it (§3.4, the
/// appendix's validation algorithm), for tools that need the types of a body's values (a reducer
/// replacing a subexpression by a constant of its type).
/// </summary>
/// <param name="Height">Operands on the stack, counted over every open block (a block's operands sit on those of its enclosing blocks).</param>
/// <param name="Floor">The lowest the stack went during the instruction: the operands below it are the ones it left untouched.</param>
/// <param name="Depth">Open control frames, the function's own included: 1 at the top level of the body.</param>
/// <param name="Unreachable">The innermost block is unreachable after the instruction (its stack is polymorphic).</param>
/// <param name="Top">The type of the top operand of the innermost block, canonical (concrete heap types are <see cref="DefType.Id"/>s); null when that block has no operand.</param>
public readonly record struct OperandState(int Height, int Floor, int Depth, bool Unreachable, ValType? Top);

/// <summary>Told the operand stack after each instruction of each function body during validation.</summary>
/// <param name="function">The defined function's index, imports excluded.</param>
/// <param name="instruction">The instruction's index in the body.</param>
/// <param name="state">The operand stack after it.</param>
public delegate void OperandObserver(int function, int instruction, OperandState state);
