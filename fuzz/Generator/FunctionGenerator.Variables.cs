using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

internal sealed partial class FunctionGenerator
{
    /// <summary><c>local.get</c>, <c>local.set</c> or <c>local.tee</c>, preferring a local the top value fits.</summary>
    private void LocalStep()
    {
        int op = _u.Int(0, 2);
        uint local;
        if (op == 0 && _locals.Count > 0)
        {
            local = (uint)_u.Int(0, _locals.Count - 1);
            Emit(LocalGet(local));
            Push(_locals[(int)local]);
            return;
        }
        var fitting = new List<uint>();
        if (Top is { } top)
        {
            for (int i = 0; i < _locals.Count; i++)
                if (_m.Types.Matches(top, _locals[i])) fitting.Add((uint)i);
        }
        int declared = _locals.Count - _paramCount - _scratch.Count;
        if (fitting.Count > 0 && _u.Chance(80)) local = _u.Pick(fitting);
        else if (declared < _maxDeclared && (_locals.Count == 0 || _u.Chance(20)))
        {
            local = (uint)_locals.Count;
            _locals.Add(Top is { } t && _u.Chance(70) ? ValueTypes.Nullable(Declarable(t)) : _m.RandomValType());
        }
        else if (_locals.Count > 0) local = (uint)_u.Int(0, _locals.Count - 1);
        else return;
        var type = _locals[(int)local];
        Supply([type]);
        Pop(1);
        if (op == 1)
        {
            Emit(LocalSet(local));
            return;
        }
        Emit(LocalTee(local));
        Push(type);
    }

    /// <summary><c>global.get</c> of any global, or <c>global.set</c> of a mutable one (never fuel or depth).</summary>
    private void GlobalStep()
    {
        var mutable = new List<uint>();
        for (int i = (int)GeneratedModule.ReservedGlobals; i < _m.Globals.Count; i++)
            if (_m.Globals[i].Type.Mutable) mutable.Add((uint)i);
        if (mutable.Count == 0 || _u.Bool())
        {
            uint g = (uint)_u.Int(0, _m.Globals.Count - 1);
            Emit(GlobalGet(g));
            Push(_m.Globals[(int)g].Type.Type);
            return;
        }
        uint target = _u.Pick(mutable);
        if (Top is { } top && _u.Chance(70))
        {
            var fitting = mutable.Where(g => _m.Types.Matches(top, _m.Globals[(int)g].Type.Type)).ToList();
            if (fitting.Count > 0) target = _u.Pick(fitting);
        }
        Supply([_m.Globals[(int)target].Type.Type]);
        Pop(1);
        Emit(GlobalSet(target));
    }

    /// <summary><c>drop</c>, <c>select</c> (untyped for numbers and vectors, typed for references or by chance), or <c>nop</c>.</summary>
    private void ParametricStep()
    {
        int pick = _u.Weighted([Available > 0 ? 3 : 0, 4, 1]);
        if (pick == 0)
        {
            Drop();
            return;
        }
        if (pick == 2)
        {
            Emit(Opcode.Nop);
            return;
        }
        var t = Top is { } top && _u.Chance(70) ? Declarable(top) : _m.RandomValType();
        bool typed = t.IsRef || (_m.Features.ReferenceTypes && _u.Chance(25));
        Supply([t, t, ValType.I32]);
        Pop(3);
        Emit(typed ? new SelectInstruction([t]) : new Instruction(Opcode.Select));
        Push(t);
    }

    /// <summary>A call of <c>env.log_*</c> with a number, preferably the one on top.</summary>
    private void LogStep()
    {
        var t = Top is { IsNum: true } top && _u.Chance(80) ? top : _u.Pick(NumberTypes);
        Supply([t]);
        Pop(1);
        Emit(Call(GeneratedModule.LogI32Function + (uint)Array.IndexOf(NumberTypes, t)));
    }

    /// <summary><c>env.exit</c> with an ordinary code (0..<see cref="GeneratedModule.MaxOrdinaryExitCode"/>).</summary>
    private void ExitStep()
    {
        Emit(I32Const(_u.Int(0, GeneratedModule.MaxOrdinaryExitCode)));
        Emit(Call(GeneratedModule.ExitFunction));
    }

    private void TrapStep()
    {
        Emit(Opcode.Unreachable);
        MarkUnreachable();
    }
}
