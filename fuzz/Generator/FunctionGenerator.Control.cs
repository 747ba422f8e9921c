using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    /// <summary>Opens a <c>block</c>, <c>loop</c> or <c>if</c>, or closes the current one (<c>else</c> or <c>end</c>).</summary>
    private void ControlStep()
    {
        bool canOpen = _frames.Count - 2 < _config.Limits.MaxBlockDepth;
        bool canClose = _frames.Count > 2;
        if (!canOpen && !canClose)
        {
            Emit(Opcode.Nop);
            return;
        }
        var f = _m.Features;
        bool tryTable = canOpen && f.Exceptions, tryLegacy = canOpen && f.LegacyExceptions;
        switch (_u.Weighted([canOpen ? 3 : 0, canOpen ? 2 : 0, canOpen ? 3 : 0, canClose ? _frames.Count : 0, tryTable ? 2 : 0, tryLegacy ? 2 : 0]))
        {
            case 0: Open(FrameKind.Block); break;
            case 1: Open(FrameKind.Loop); break;
            case 2: Open(FrameKind.If); break;
            case 4: OpenTryTable(); break;
            case 5: Open(FrameKind.Try); break;
            default:
                if (Current.Kind == FrameKind.If && _u.Bool()) ToElse();
                else if (Current.Kind is FrameKind.Try or FrameKind.Catch && _u.Chance(70)) NextHandler();
                else CloseFrame();
                break;
        }
    }

    /// <summary>
    /// Opens a structured instruction with a block type (§3.4.11): empty, one result, or with
    /// multi-value a function type whose parameters are the types of values now on top.
    /// A loop starts with a fuel check.
    /// </summary>
    private void Open(FrameKind kind, Instruction? opening = null)
    {
        var (parameters, results) = RandomBlockType();
        OpenWith(kind, parameters, results, opening);
    }

    /// <summary>A block type: empty, one result, or with multi-value parameters (the types on top of the stack) and results.</summary>
    private (ValType[] Params, ValType[] Results) RandomBlockType()
    {
        bool nonNull = _m.Features.FunctionReferences;
        switch (_u.Weighted([3, 3, _m.Features.MultiValue ? 3 : 0]))
        {
            case 0:
                return ([], []);
            case 1:
                return ([], [CanMakeOr(_m.RandomValType(nonNull))]);
            default:
                int k = _u.Int(0, Math.Min(3, Available));
                var parameters = _stack.Skip(_stack.Count - k).Select(Declarable).ToArray();
                return (parameters, _m.RandomValTypes(_m.MaxResults, nonNull).Select(CanMakeOr).ToArray());
        }
    }

    private ValType CanMakeOr(ValType t) => HasLeaf(t) ? t : ValueTypes.Nullable(t);

    /// <summary>
    /// Opens <paramref name="kind"/> with the given block type: operands supplied, the block
    /// instruction (or <paramref name="opening"/>, a try_table with its catches, whose block type
    /// is filled in here), a new frame; a loop starts with a fuel check.
    /// </summary>
    private void OpenWith(FrameKind kind, ValType[] parameters, ValType[] results, Instruction? opening = null)
    {
        var type = BlockTypeFor(parameters, results);
        if (kind == FrameKind.If)
        {
            Supply([.. parameters, ValType.I32]);
            Pop(parameters.Length + 1);
        }
        else
        {
            Supply(parameters);
            Pop(parameters.Length);
        }
        Push(parameters);
        var op = kind switch { FrameKind.Block => Opcode.Block, FrameKind.Loop => Opcode.Loop, FrameKind.Try => Opcode.Try, _ => Opcode.If };
        Emit(opening is TryTableInstruction tt ? tt with { Type = type } : new BlockInstruction(op, type));
        _frames.Add(new Frame(kind, parameters, results, _stack.Count - parameters.Length));
        if (kind == FrameKind.Loop) EmitFuelCheck();
    }

    /// <summary>Ends the then-arm of an <c>if</c>: results in place, <c>else</c>, and the else-arm starts from the parameters.</summary>
    private void ToElse()
    {
        var f = Current;
        FixStack(f.Results);
        Emit(Opcode.Else);
        Pop(Available);
        Push(f.Params);
        f.Kind = FrameKind.Else;
        f.Unreachable = false;
    }

    /// <summary>
    /// Closes the current frame: results in place, and an <c>else</c> first for an <c>if</c> whose
    /// parameters do not pass for its results (an <c>if</c> without <c>else</c> must be <c>[t*] -> [t*]</c>).
    /// </summary>
    private void CloseFrame()
    {
        var f = Current;
        FixStack(f.Results);
        if (f.Kind == FrameKind.If && !_m.Types.Match(f.Params, f.Results))
        {
            ToElse();
            FixStack(f.Results);
        }
        Emit(Opcode.End);
        _frames.RemoveAt(_frames.Count - 1);
        Pop(_stack.Count - f.Height);
        Push(f.Results);
        if (f.CatchTarget) EmitDepthRestore();
    }

    /// <summary>Relative label depth (§2.4.8 labelidx) of the frame at <paramref name="frame"/>.</summary>
    private uint Depth(int frame) => (uint)(_frames.Count - 1 - frame);

    /// <summary>
    /// <c>br</c>, <c>br_if</c>, <c>br_table</c>, <c>return</c>, and with function references
    /// <c>br_on_null</c> and <c>br_on_non_null</c>, to the wrapping block or an inner frame.
    /// </summary>
    private void BranchStep()
    {
        bool typed = _m.Features.FunctionReferences;
        var refLabels = Enumerable.Range(1, _frames.Count - 1).Where(l => _frames[l].LabelTypes is [.., { IsRef: true }]).ToList();
        var castLabels = CastLabels();
        int label = _u.Int(1, _frames.Count - 1);
        var types = _frames[label].LabelTypes;
        switch (_u.Weighted([3, 4, 2, 1, typed ? 1 : 0, typed && refLabels.Count > 0 ? 1 : 0, castLabels.Count > 0 ? 2 : 0]))
        {
            case 6:
                BrOnCast(castLabels);
                break;
            case 0:
                Supply(types);
                Emit(new IndexInstruction(Opcode.Br, Depth(label)));
                MarkUnreachable();
                break;
            case 1:
                Supply([.. types, ValType.I32]);
                Pop(types.Length + 1);
                Emit(new IndexInstruction(Opcode.BrIf, Depth(label)));
                Push(types);
                break;
            case 2:
                BrTable(label, types);
                break;
            case 3:
                Return();
                break;
            case 4:
                var operand = Top is { IsRef: true } top && _u.Chance(70) ? ValueTypes.Nullable(Declarable(top)) : RandomRefType();
                Supply([.. types, operand]);
                Pop(types.Length + 1);
                Emit(new IndexInstruction(Opcode.BrOnNull, Depth(label)));
                Push(types);
                Push(new ValType(operand.Ref with { Nullable = false }));
                break;
            default:
                label = _u.Pick(refLabels);
                types = _frames[label].LabelTypes;
                var carried = types[^1];
                Supply([.. types[..^1], ValueTypes.Nullable(carried)]);
                Pop(types.Length);
                Emit(new IndexInstruction(Opcode.BrOnNonNull, Depth(label)));
                Push(types[..^1]);
                break;
        }
    }

    /// <summary><c>br_table</c> over labels that carry exactly the types of the default label.</summary>
    private void BrTable(int label, ValType[] types)
    {
        var same = Enumerable.Range(1, _frames.Count - 1).Where(l => _frames[l].LabelTypes.AsSpan().SequenceEqual(types)).ToList();
        var targets = new uint[_u.Int(0, 4)];
        for (int i = 0; i < targets.Length; i++) targets[i] = Depth(_u.Pick(same));
        Supply([.. types, ValType.I32]);
        Emit(new BrTableInstruction(targets, Depth(label)));
        MarkUnreachable();
    }

    /// <summary><c>return</c> (§3.4.11), after the depth decrement.</summary>
    private void Return()
    {
        Supply(_type.Results.AsSpan());
        EmitDepthDecrement();
        Emit(Opcode.Return);
        MarkUnreachable();
    }
}
