using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Compiler;

/// <summary>
/// Compiles one validated function body into internal code (<see cref="CompiledFunction"/>).
/// Runs once per function, after validation: it trusts the module's types and tracks only
/// what execution needs — the operand stack height in cells, the label of every block, and
/// which code is unreachable (not emitted).
/// </summary>
/// <remarks>
/// Branch targets are resolved here (forward branches patched at their block's end), so the
/// interpreter never searches for labels. With <c>metered</c> set, each basic block starts
/// with a <see cref="Op.Fuel"/> charge of its instruction count.
/// </remarks>
internal sealed partial class FunctionCompiler
{
    private readonly CodeContext _ctx;
    private readonly bool _metered;
    private readonly List<Inst> _code = [];
    private readonly List<BrTableEntry> _brTables = [];
    private readonly List<ulong> _v128 = [];
    private readonly List<byte> _operands = [];
    private readonly List<Control> _controls = [];
    private readonly int[] _localOffset;
    private readonly byte[] _localCells;
    private int _height;
    private int _maxHeight;
    private int _deadDepth;
    private int _fuelAt = -1;

    /// <summary>A block, loop, if or try_table being compiled, or the function body itself (index 0).</summary>
    private sealed class Control
    {
        public required Opcode Kind;
        /// <summary>Operand height (cells from the frame base) below the block's parameters.</summary>
        public required int Height;
        /// <summary>Number of operands below the block's parameters.</summary>
        public required int OperandCount;
        public required byte[] Params;
        public required byte[] Results;
        public int ParamCells;
        public int ResultCells;
        /// <summary>For loops: the pc branches jump to.</summary>
        public int StartPc;
        /// <summary>For if: the index of the BrUnless to patch at else/end.</summary>
        public int ElseFixup = -1;
        public bool Unreachable;
        public readonly List<Fixup> Fixups = [];
        /// <summary>For try_table and legacy try: its handlers, completed at its end.</summary>
        public ExceptionHandler? Handler;
        /// <summary>For legacy try: its catch clauses so far, and the hidden local keeping the caught exception.</summary>
        public List<CatchTarget>? LegacyCatches;
        public int ExceptionSlot = -1;
        /// <summary>Delegates waiting for this block's handler to be placed (their index is patched at the end).</summary>
        public List<ExceptionHandler>? Delegates;

        /// <summary>Cells a branch to this label carries: loop parameters, else results.</summary>
        public int LabelCells => Kind == Opcode.Loop ? ParamCells : ResultCells;
    }

    /// <summary>Where a forward branch's target pc goes once its block ends: an instruction's A, a br_table entry, or a catch clause.</summary>
    private enum FixupKind : byte { Code, Table, Catch }

    private readonly record struct Fixup(FixupKind Kind, int Index, int Catch = 0);

    private readonly List<ExceptionHandler> _handlers = [];
    private int _nextExceptionSlot;

    private FunctionCompiler(CodeContext ctx, FuncType type, EquatableArray<ValType> locals, bool metered)
    {
        _ctx = ctx;
        _metered = metered;
        int count = type.Params.Count + locals.Count;
        _localOffset = new int[count];
        _localCells = new byte[count];
        int offset = 0, i = 0;
        foreach (var t in type.Params.AsSpan()) Place(t);
        foreach (var t in locals.AsSpan()) Place(t);
        _height = offset;
        void Place(ValType t)
        {
            _localOffset[i] = offset;
            _localCells[i] = (byte)CodeContext.Cells(t);
            offset += _localCells[i++];
        }
    }

    /// <summary>Compiles function <paramref name="functionIndex"/> (in the module's function index space).</summary>
    /// <exception cref="UnsupportedFeatureException">The body uses an instruction this interpreter does not run yet.</exception>
    public static CompiledFunction Compile(CodeContext ctx, Function function, int functionIndex, bool metered)
    {
        var type = ctx.FuncTypeAt(function.TypeIndex);
        var compiler = new FunctionCompiler(ctx, type, function.Locals, metered);
        return compiler.CompileBody(type, function.Body, functionIndex);
    }

    /// <summary>Compiles a constant expression as a function of type <c>[] -> [result]</c>.</summary>
    public static CompiledFunction CompileConst(CodeContext ctx, EquatableArray<Instruction> expr, ValType result) =>
        new FunctionCompiler(ctx, FuncType.Empty, [], metered: false)
            .CompileBody(new FuncType([], [result]), expr, -1);

    private CompiledFunction CompileBody(FuncType type, EquatableArray<Instruction> body, int functionIndex)
    {
        // Legacy try blocks keep their caught exception in hidden locals after the declared ones.
        _nextExceptionSlot = _height;
        foreach (var ins in body.AsSpan())
            if (ins.Op == Opcode.Try) _height++;
        int localCells = _height;
        PushControl(Opcode.Nop, [], Sizes(type.Results));
        StartBlock();
        foreach (var ins in body.AsSpan()) CompileInstruction(ins);
        CompileEnd();
        return new CompiledFunction
        {
            Code = [.. _code],
            ParamCells = CodeContext.Cells(type.Params),
            LocalCells = localCells,
            ResultCells = CodeContext.Cells(type.Results),
            MaxStackCells = _maxHeight - localCells,
            BrTables = [.. _brTables],
            Handlers = [.. _handlers],
            V128Pool = [.. _v128],
            FunctionIndex = functionIndex,
        };
    }

    private Control Current => _controls[^1];

    private Control Label(uint depth) => _controls[_controls.Count - 1 - (int)depth];

    private static byte[] Sizes(EquatableArray<ValType> types)
    {
        var sizes = new byte[types.Count];
        for (int i = 0; i < sizes.Length; i++) sizes[i] = (byte)CodeContext.Cells(types[i]);
        return sizes;
    }

    private int Emit(Inst ins)
    {
        _code.Add(ins);
        return _code.Count - 1;
    }

    private int Emit(Op op, int a = 0, long b = 0, Opcode aux = 0) => Emit(new Inst(op, a, b, (ushort)aux));

    // --- Operand stack (cell sizes) ---

    private void Push(byte cells)
    {
        _operands.Add(cells);
        _height += cells;
        if (_height > _maxHeight) _maxHeight = _height;
    }

    private void Push(ReadOnlySpan<byte> cells)
    {
        foreach (var c in cells) Push(c);
    }

    private void Push(EquatableArray<ValType> types)
    {
        foreach (var t in types.AsSpan()) Push((byte)CodeContext.Cells(t));
    }

    private byte Pop()
    {
        byte cells = _operands[^1];
        _operands.RemoveAt(_operands.Count - 1);
        _height -= cells;
        return cells;
    }

    private void Pop(int count)
    {
        for (int i = 0; i < count; i++) Pop();
    }

    private void Effect(int pops, int pushes)
    {
        Pop(pops);
        for (int i = 0; i < pushes; i++) Push(1);
    }

    // --- Control ---

    private void PushControl(Opcode kind, byte[] parameters, byte[] results)
    {
        int paramCells = 0, resultCells = 0;
        foreach (var c in parameters) paramCells += c;
        foreach (var c in results) resultCells += c;
        _controls.Add(new Control
        {
            Kind = kind,
            Height = _height - paramCells,
            OperandCount = _operands.Count - parameters.Length,
            Params = parameters,
            Results = results,
            ParamCells = paramCells,
            ResultCells = resultCells,
            StartPc = _code.Count,
        });
    }

    /// <summary>Resets the operand stack to the block's base plus <paramref name="values"/>.</summary>
    private void ResetOperands(Control c, byte[] values)
    {
        _operands.RemoveRange(c.OperandCount, _operands.Count - c.OperandCount);
        _height = c.Height;
        Push(values);
    }

    private void MarkUnreachable() => Current.Unreachable = true;

    /// <summary>Starts a basic block: with metering, a fuel charge patched as instructions are added.</summary>
    private void StartBlock()
    {
        _barrier = _code.Count;
        if (!_metered) return;
        _fuelAt = Emit(Op.Fuel);
        _barrier = _code.Count;
    }

    /// <summary>Counts one WebAssembly instruction against the current block's fuel charge.</summary>
    private void CountFuel()
    {
        if (_fuelAt < 0) return;
        var ins = _code[_fuelAt];
        ins.A++;
        _code[_fuelAt] = ins;
    }

    /// <summary>
    /// Emits a branch to <paramref name="target"/>: the label's values move down to its height
    /// when they are not there already (§4.4.8 br).
    /// </summary>
    private void EmitBranch(Control target, Op plain, Op withCopy)
    {
        int count = target.LabelCells;
        bool move = _height - count != target.Height;
        long b = move ? ((long)target.Height << 32) | (uint)count : 0;
        int at = move ? Emit(withCopy, 0, b) : EmitFusedBranch(plain);
        if (target.Kind == Opcode.Loop) Patch(at, target.StartPc);
        else target.Fixups.Add(new Fixup(FixupKind.Code, at));
    }

    /// <summary>A branch whose move spec is always in <c>B</c> (-1: no move), for the rarer conditional branches.</summary>
    private void EmitConditionalBranch(Control target, Op op)
    {
        int count = target.LabelCells;
        long b = _height - count != target.Height ? ((long)target.Height << 32) | (uint)count : -1;
        int at = Emit(op, 0, b);
        if (target.Kind == Opcode.Loop) Patch(at, target.StartPc);
        else target.Fixups.Add(new Fixup(FixupKind.Code, at));
    }

    private void Patch(int at, int target)
    {
        var ins = _code[at];
        ins.A = target;
        _code[at] = ins;
    }

    private BrTableEntry TableEntry(Control target, int index)
    {
        var entry = new BrTableEntry { Dest = target.Height, Count = target.LabelCells };
        if (target.Kind == Opcode.Loop) entry.Target = target.StartPc;
        else target.Fixups.Add(new Fixup(FixupKind.Table, index));
        return entry;
    }

    private void CompileBlock(BlockInstruction ins)
    {
        var sig = _ctx.BlockSignature(ins.Type);
        var parameters = Sizes(sig.Params);
        var results = Sizes(sig.Results);
        switch (ins.Op)
        {
            case Opcode.Block:
                PushControl(Opcode.Block, parameters, results);
                break;
            case Opcode.Loop:
                StartBlock();
                PushControl(Opcode.Loop, parameters, results);
                Current.StartPc = _fuelAt >= 0 ? _fuelAt : _code.Count;
                break;
            case Opcode.If:
                Pop();
                int fixup = EmitFusedBranch(Op.BrUnless);
                PushControl(Opcode.If, parameters, results);
                Current.ElseFixup = fixup;
                StartBlock();
                break;
            default:
                PushControl(Opcode.Try, parameters, results);
                Current.Handler = new ExceptionHandler { Start = _code.Count };
                Current.LegacyCatches = [];
                Current.ExceptionSlot = _nextExceptionSlot++;
                break;
        }
    }

    /// <summary>
    /// Legacy <c>catch x</c> / <c>catch_all</c>: ends the try body (or the previous clause) with a
    /// branch to the end, and starts a clause whose code sees the payload on the try's base.
    /// </summary>
    private void CompileLegacyCatch(Instruction ins)
    {
        var c = Current;
        var catches = c.LegacyCatches!;
        if (!c.Unreachable) EmitBranch(c, Op.Br, Op.BrCopy);
        if (catches.Count == 0) c.Handler!.End = _code.Count;
        bool all = ins.Op == Opcode.CatchAll;
        int tag = all ? 0 : (int)((IndexInstruction)ins).Index;
        catches.Add(new CatchTarget
        {
            Kind = all ? CatchKind.CatchAll : CatchKind.Catch,
            Tag = tag,
            Target = _code.Count,
            Dest = c.Height,
            ExceptionSlot = c.ExceptionSlot,
        });
        c.Unreachable = false;
        ResetOperands(c, all ? [] : Sizes(_ctx.Tags[tag].Params));
        StartBlock();
    }

    /// <summary>
    /// Legacy <c>delegate l</c>: closes the try; exceptions in its body go on to the handlers
    /// of the l-th enclosing label (the first try-like block at or outside it), or to the caller.
    /// </summary>
    private void CompileDelegate(IndexInstruction ins)
    {
        var c = Current;
        var handler = c.Handler!;
        handler.End = _code.Count;
        handler.IsDelegate = true;
        for (int i = _controls.Count - 2 - (int)ins.Index; i >= 0; i--)
        {
            var outer = _controls[i];
            if (outer.Handler is null || outer.LegacyCatches is { Count: > 0 }) continue;
            (outer.Delegates ??= []).Add(handler);
            break;
        }
        CompileEnd();
    }


    /// <summary>Adds a finished handler to the function's list (inner before outer) and points delegates at it.</summary>
    private void PlaceHandler(Control c, ExceptionHandler handler)
    {
        if (c.LegacyCatches is { } catches)
        {
            if (catches.Count == 0 && !handler.IsDelegate) handler.End = _code.Count;
            handler.Catches = [.. catches];
        }
        else
        {
            handler.End = _code.Count;
        }
        _handlers.Add(handler);
        foreach (var d in c.Delegates ?? []) d.DelegateIndex = _handlers.Count - 1;
    }

    /// <summary>Points a forward branch at <paramref name="target"/>.</summary>
    private void Resolve(Fixup fixup, int target)
    {
        switch (fixup.Kind)
        {
            case FixupKind.Table:
                var entry = _brTables[fixup.Index];
                entry.Target = target;
                _brTables[fixup.Index] = entry;
                break;
            case FixupKind.Catch:
                _pendingCatches[fixup.Index].Catches[fixup.Catch].Target = target;
                break;
            default:
                Patch(fixup.Index, target);
                break;
        }
    }

    /// <summary>
    /// try_table (§3.3.8 / §4.4.8): a block whose catch clauses branch to labels outside it.
    /// Their targets are resolved now (loops) or at their blocks' ends (forward labels).
    /// </summary>
    private void CompileTryTable(TryTableInstruction ins)
    {
        var catches = new CatchTarget[ins.Catches.Count];
        var handler = new ExceptionHandler { Catches = catches };
        _pendingCatches.Add(handler);
        for (int i = 0; i < catches.Length; i++)
        {
            var clause = ins.Catches[i];
            var target = Label(clause.Label);
            catches[i] = new CatchTarget { Kind = clause.Kind, Tag = (int)clause.Tag, Dest = target.Height, ExceptionSlot = -1 };
            if (target.Kind == Opcode.Loop) catches[i].Target = target.StartPc;
            else target.Fixups.Add(new Fixup(FixupKind.Catch, _pendingCatches.Count - 1, i));
        }
        var sig = _ctx.BlockSignature(ins.Type);
        PushControl(Opcode.TryTable, Sizes(sig.Params), Sizes(sig.Results));
        Current.Handler = handler;
        handler.Start = _code.Count;
    }

    private readonly List<ExceptionHandler> _pendingCatches = [];

    private void CompileElse()
    {
        var c = Current;
        if (!c.Unreachable) EmitBranch(c, Op.Br, Op.BrCopy);
        Patch(c.ElseFixup, _code.Count);
        c.ElseFixup = -1;
        c.Kind = Opcode.Block;
        c.Unreachable = false;
        ResetOperands(c, c.Params);
        StartBlock();
    }

    private void CompileEnd()
    {
        var c = Current;
        // An if without else: its false branch passes the parameters through as results.
        if (c.ElseFixup >= 0) Patch(c.ElseFixup, _code.Count);
        _controls.RemoveAt(_controls.Count - 1);
        if (c.Handler is { } handler) PlaceHandler(c, handler);
        if (c.Kind != Opcode.Loop)
            foreach (var fixup in c.Fixups) Resolve(fixup, _code.Count);
        ResetOperands(c, c.Results);
        if (_controls.Count == 0) Emit(Op.Return);
        else StartBlock();
    }
}
