using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// Generates one function body, instruction by instruction, keeping the operand stack and the
/// control stack the validator will see (§3.4 with the principal types of §3.3): at each step
/// it picks a family by weight, then an instruction of that family, takes the operands it can
/// from the top of the stack and supplies the rest with constants, <c>local.get</c>,
/// <c>global.get</c>, <c>ref.null</c> or <c>ref.func</c>. When the instruction budget or the
/// input runs out, every open block is closed type-correctly (surplus values dropped, missing
/// results supplied).
/// </summary>
/// <remarks>
/// The body is wrapped as <c>prologue; block (result…) body end; epilogue</c>: the prologue
/// checks fuel and depth (see <see cref="GeneratedModule"/>), the epilogue decrements depth.
/// Branches target the wrapping block or inner blocks, never the function's own label, so
/// every way out but <c>return</c> and tail calls (which decrement first) passes the epilogue.
/// </remarks>
internal sealed partial class FunctionGenerator
{
    private enum FrameKind : byte { Function, Block, Loop, If, Else, TryTable, Try, Catch, CatchAll }

    private sealed class Frame(FrameKind kind, ValType[] parameters, ValType[] results, int height)
    {
        public FrameKind Kind { get; set; } = kind;
        public ValType[] Params { get; } = parameters;
        public ValType[] Results { get; } = results;
        /// <summary>Stack height below this frame's operands.</summary>
        public int Height { get; } = height;
        public bool Unreachable { get; set; }
        /// <summary>A catch clause lands at this frame's end: the depth global is restored there.</summary>
        public bool CatchTarget { get; set; }
        /// <summary>What a branch to this frame's label carries (§3.4.11: a loop's parameters, else its results).</summary>
        public ValType[] LabelTypes => Kind == FrameKind.Loop ? Params : Results;
    }

    private readonly ModuleState _m;
    private readonly ChoiceStream _u;
    private readonly GeneratorConfig _config;
    private readonly FuncType _type;
    private readonly uint _typeIndex;
    private readonly List<ValType> _locals;
    private readonly int _paramCount;
    private readonly int _maxDeclared;
    private readonly Dictionary<(ValType, int), uint> _scratch = [];
    private readonly List<Instruction> _code = [];
    private readonly List<ValType> _stack = [];
    private readonly List<Frame> _frames = [];
    private static readonly InstructionFamily[] Families = Enum.GetValues<InstructionFamily>();
    private readonly int[] _familyWeights = new int[Families.Length];
    private int _budget;
    /// <summary>With exception handling, the local holding this function's call depth, restored where a catch lands.</summary>
    private uint? _depthLocal;

    public FunctionGenerator(ModuleState m, uint funcIndex)
    {
        _m = m;
        _u = m.U;
        _config = m.Config;
        _typeIndex = m.FuncTypes[(int)funcIndex];
        _type = m.Types.Func(_typeIndex);
        _locals = [.. _type.Params];
        _paramCount = _locals.Count;
        int declared = _u.Int(0, _config.Limits.MaxLocals);
        for (int i = 0; i < declared; i++) _locals.Add(m.RandomValType());
        _maxDeclared = _config.Limits.MaxLocals;
        _budget = _u.Int(0, _config.Limits.MaxInstructions);
    }

    private Frame Current => _frames[^1];

    /// <summary>Values on the stack that belong to the current frame.</summary>
    private int Available => _stack.Count - Current.Height;

    private ValType? Top => Available > 0 ? _stack[^1] : null;

    private bool NoTraps => _config.DisallowTraps;

    /// <summary>Generates the body and returns the function.</summary>
    public Function Generate()
    {
        _frames.Add(new Frame(FrameKind.Function, [], [.. _type.Results], 0));
        EmitFuelCheck();
        EmitDepthCheck();
        if (_m.Features.Exceptions || _m.Features.LegacyExceptions)
        {
            _depthLocal = Scratch(ValType.I32, 20);
            Emit(GlobalGet(GeneratedModule.DepthGlobal));
            Emit(LocalSet(_depthLocal.Value));
        }
        var results = _type.Results.ToArray();
        Emit(new BlockInstruction(Opcode.Block, BlockTypeFor([], results)));
        _frames.Add(new Frame(FrameKind.Block, [], results, 0));
        while (_budget > 0 && !_u.IsExhausted) Step();
        while (_frames.Count > 1) CloseFrame();
        EmitDepthDecrement();
        return new Function(_typeIndex, _locals.Skip(_paramCount).ToEquatableArray(), _code.ToEquatableArray());
    }

    /// <summary>One move: an instruction (with its supplied operands and guards) of a family chosen by weight.</summary>
    private void Step()
    {
        if (Available > 12 && _u.Chance(50))
        {
            Drop();
            return;
        }
        int total = 0;
        foreach (var f in Families) total += _familyWeights[(int)f] = Applicable(f) ? _config.Weights.Of(f) : 0;
        if (total == 0)
        {
            _budget = 0;
            return;
        }
        switch (Families[_u.Weighted(_familyWeights)])
        {
            case InstructionFamily.Constant: PushConstant(); break;
            case InstructionFamily.Integer: Simple(InstructionFamily.Integer); break;
            case InstructionFamily.Float: Simple(InstructionFamily.Float); break;
            case InstructionFamily.Comparison: Simple(InstructionFamily.Comparison); break;
            case InstructionFamily.Conversion: Simple(InstructionFamily.Conversion); break;
            case InstructionFamily.Simd: SimdStep(); break;
            case InstructionFamily.Local: LocalStep(); break;
            case InstructionFamily.Global: GlobalStep(); break;
            case InstructionFamily.Memory: MemoryAccess(InstructionFamily.Memory); break;
            case InstructionFamily.MemorySize: MemorySizeStep(); break;
            case InstructionFamily.BulkMemory: BulkMemoryStep(); break;
            case InstructionFamily.Table: TableStep(); break;
            case InstructionFamily.Reference: ReferenceStep(); break;
            case InstructionFamily.Parametric: ParametricStep(); break;
            case InstructionFamily.Control: ControlStep(); break;
            case InstructionFamily.Branch: BranchStep(); break;
            case InstructionFamily.Call: CallStep(); break;
            case InstructionFamily.Trap: TrapStep(); break;
            case InstructionFamily.Log: LogStep(); break;
            case InstructionFamily.Exit: ExitStep(); break;
            case InstructionFamily.Aggregate: AggregateStep(); break;
            case InstructionFamily.Exception: ExceptionStep(); break;
        }
    }

    private bool Applicable(InstructionFamily family)
    {
        var f = _m.Features;
        return family switch
        {
            InstructionFamily.Memory or InstructionFamily.MemorySize => _m.Memories.Count > 0,
            InstructionFamily.BulkMemory => f.BulkMemory && _m.Memories.Count > 0,
            InstructionFamily.Table => f.ReferenceTypes || f.BulkMemory,
            InstructionFamily.Reference => f.ReferenceTypes,
            InstructionFamily.Simd => f.Simd,
            InstructionFamily.Aggregate => f.Gc,
            InstructionFamily.Exception => (f.Exceptions || f.LegacyExceptions) && _m.Tags.Count > 0,
            InstructionFamily.Trap => !NoTraps,
            InstructionFamily.Local => _locals.Count > 0 || _maxDeclared > 0,
            _ => true,
        };
    }

    // ---- the operand stack ---------------------------------------------------------------

    private void Emit(Instruction instruction)
    {
        _code.Add(instruction);
        _budget--;
    }

    private void Emit(Opcode op) => Emit(new Instruction(op));

    private void Push(ValType t) => _stack.Add(t);

    private void Push(ReadOnlySpan<ValType> types)
    {
        foreach (var t in types) _stack.Add(t);
    }

    private void Pop(int n) => _stack.RemoveRange(_stack.Count - n, n);

    /// <summary>Whether the top <c>needs.Length</c> values of the current frame match <paramref name="needs"/>.</summary>
    private bool TopMatches(ReadOnlySpan<ValType> needs)
    {
        if (needs.Length > Available) return false;
        int start = _stack.Count - needs.Length;
        for (int i = 0; i < needs.Length; i++)
            if (!_m.Types.Matches(_stack[start + i], needs[i])) return false;
        return true;
    }

    /// <summary>
    /// Makes the top of the stack match <paramref name="needs"/>: keeps the longest run of
    /// values on top that matches a prefix of it (most of the time), and pushes leaves for the rest.
    /// </summary>
    private void Supply(ReadOnlySpan<ValType> needs)
    {
        int k = 0;
        if (_u.Chance(85) || _u.IsExhausted)
        {
            for (k = Math.Min(needs.Length, Available); k > 0; k--)
                if (TopMatches(needs[..k])) break;
        }
        for (int i = k; i < needs.Length; i++) PushLeaf(needs[i]);
    }

    /// <summary>Pops values into nothing until the frame's values are a prefix of <paramref name="targets"/>, then supplies the rest.</summary>
    private void FixStack(ValType[] targets)
    {
        while (Available > targets.Length || !TopMatches(targets.AsSpan(0, Available))) Drop();
        for (int i = Available; i < targets.Length; i++) PushLeaf(targets[i]);
    }

    private void Drop()
    {
        Emit(Opcode.Drop);
        Pop(1);
    }

    /// <summary>After an unconditional transfer: the rest of the frame is dead code whose stack starts empty (§3.4.11).</summary>
    private void MarkUnreachable()
    {
        Current.Unreachable = true;
        Pop(Available);
    }

    /// <summary>
    /// Pushes one value of a type matching <paramref name="t"/>: a constant, a local, a global,
    /// or a reference made by <see cref="ModuleState.MakeRef"/>. Never consumes what is on the stack.
    /// </summary>
    private void PushLeaf(ValType t)
    {
        var locals = new List<uint>();
        for (int i = 0; i < _locals.Count; i++)
            if (_m.Types.Matches(_locals[i], t)) locals.Add((uint)i);
        var globals = new List<uint>();
        for (int i = 0; i < _m.Globals.Count; i++)
            if (_m.Types.Matches(_m.Globals[i].Type.Type, t)) globals.Add((uint)i);
        switch (_u.Weighted([5, locals.Count > 0 ? 3 : 0, globals.Count > 0 ? 1 : 0]))
        {
            case 1:
                uint local = _u.Pick(locals);
                Emit(new IndexInstruction(Opcode.LocalGet, local));
                Push(_locals[(int)local]);
                return;
            case 2:
                uint global = _u.Pick(globals);
                Emit(new IndexInstruction(Opcode.GlobalGet, global));
                Push(_m.Globals[(int)global].Type.Type);
                return;
        }
        if (!t.IsRef)
        {
            Emit(Constants.Random(_u, t));
            Push(t);
            return;
        }
        if (!_m.CanMake(t)) throw new InvalidOperationException($"no value of type {t} can be made");
        var (code, type) = _m.MakeRef(t);
        foreach (var ins in code) Emit(ins);
        Push(type);
    }

    /// <summary>Whether <see cref="PushLeaf"/> can make a value of type <paramref name="t"/>.</summary>
    private bool HasLeaf(ValType t) => _m.CanMake(t);

    /// <summary>A type for a block, select or local that values of type <paramref name="t"/> match and leaves can be made of.</summary>
    private ValType Declarable(ValType t)
    {
        var d = ValueTypes.Declarable(t, _m.Features.FunctionReferences);
        return HasLeaf(d) ? d : ValueTypes.Nullable(d);
    }

    // ---- locals used by guards ------------------------------------------------------------

    /// <summary>A local of type <paramref name="t"/> reserved for guards, one per (type, slot).</summary>
    private uint Scratch(ValType t, int slot)
    {
        if (_scratch.TryGetValue((t, slot), out uint index)) return index;
        index = (uint)_locals.Count;
        _locals.Add(t);
        _scratch.Add((t, slot), index);
        return index;
    }

    private static Instruction LocalGet(uint index) => new IndexInstruction(Opcode.LocalGet, index);
    private static Instruction LocalSet(uint index) => new IndexInstruction(Opcode.LocalSet, index);
    private static Instruction LocalTee(uint index) => new IndexInstruction(Opcode.LocalTee, index);
    private static Instruction GlobalGet(uint index) => new IndexInstruction(Opcode.GlobalGet, index);
    private static Instruction GlobalSet(uint index) => new IndexInstruction(Opcode.GlobalSet, index);
    private static Instruction I32Const(int value) => new I32ConstInstruction(value);
    private static Instruction Call(uint index) => new IndexInstruction(Opcode.Call, index);

    // ---- fuel and depth (see GeneratedModule) ---------------------------------------------

    /// <summary><c>if (fuel == 0) exit(FuelExitCode); fuel -= 1</c>: at function entry and every loop head.</summary>
    private void EmitFuelCheck()
    {
        foreach (var ins in FuelCheck.Sequence(GeneratedModule.FuelGlobal, GeneratedModule.ExitFunction, GeneratedModule.FuelExitCode)) Emit(ins);
    }

    /// <summary><c>if (depth >= max) exit(DepthExitCode); depth += 1</c>: at function entry.</summary>
    private void EmitDepthCheck()
    {
        Emit(GlobalGet(GeneratedModule.DepthGlobal));
        Emit(I32Const(_config.Limits.MaxCallDepth));
        Emit(Opcode.I32GeS);
        foreach (var ins in FuelCheck.ExitIf(GeneratedModule.ExitFunction, GeneratedModule.DepthExitCode)) Emit(ins);
        Emit(GlobalGet(GeneratedModule.DepthGlobal));
        Emit(I32Const(1));
        Emit(Opcode.I32Add);
        Emit(GlobalSet(GeneratedModule.DepthGlobal));
    }

    /// <summary><c>depth = the depth this function runs at</c>: where a catch lands, after frames below were unwound.</summary>
    private void EmitDepthRestore()
    {
        if (_depthLocal is not { } local) return;
        Emit(LocalGet(local));
        Emit(GlobalSet(GeneratedModule.DepthGlobal));
    }

    /// <summary><c>depth -= 1</c>: on every way out of the function.</summary>
    private void EmitDepthDecrement()
    {
        Emit(GlobalGet(GeneratedModule.DepthGlobal));
        Emit(I32Const(1));
        Emit(Opcode.I32Sub);
        Emit(GlobalSet(GeneratedModule.DepthGlobal));
    }

    /// <summary>The shortest block type for <c>[params] -> [results]</c>, adding a function type when needed.</summary>
    private BlockType BlockTypeFor(ValType[] parameters, ValType[] results) =>
        parameters.Length == 0 && results.Length == 0 ? BlockType.Empty
        : parameters.Length == 0 && results.Length == 1 ? BlockType.Of(results[0])
        : BlockType.Indexed(_m.Types.Intern(new FuncType(parameters, results)));
}
