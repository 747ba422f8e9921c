using System.Globalization;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// Validation of instruction sequences (§3.4) — function bodies and constant expressions —
/// with the operand, control and initialisation stacks of the spec's validation algorithm
/// (appendix "Validation Algorithm"). Operands are taken and checked the way the spec
/// interpreter does, so that the messages match its wording ("type mismatch: instruction
/// requires [i32] but stack has []"). A block's own operands are taken from the enclosing
/// stack when the block ends, after its body, as the spec interpreter orders it.
/// One instance is reused for all code of a module; not thread-safe.
/// </summary>
internal sealed partial class CodeValidator : ErrorSite
{
    [ThreadStatic] private static CodeValidator? t_spare;

    /// <summary>A validator for <paramref name="c"/>, reusing this thread's spare one (and its buffers) when there is one.</summary>
    public static CodeValidator Rent(ModuleContext c)
    {
        var v = t_spare ?? new CodeValidator();
        t_spare = null;
        v._c = c;
        return v;
    }

    /// <summary>Gives the validator back for reuse on this thread, dropping its references to the module.</summary>
    public void Return()
    {
        _c = null!;
        _body = default;
        _results = default;
        _instr = Nop;
        Observer = null;
        t_spare = this;
    }

    private static readonly Instruction Nop = new(Opcode.Nop);

    private enum FrameKind : byte { Function, Const, Block, Loop, If, Else, TryTable, Try, Catch, CatchAll }

    /// <summary>A control frame: the block's operands and results, and where its stack starts.</summary>
    private struct Frame
    {
        public FrameKind Kind;
        /// <summary>The block instruction's operand types, taken from the enclosing stack at its end.</summary>
        public EquatableArray<ValType> In;
        public EquatableArray<ValType> Out;
        /// <summary>How <see cref="In"/> and <see cref="Out"/> are shown in messages (a value block type's own index).</summary>
        public uint Shown;
        public int Height;
        public int InitHeight;
        public bool Unreachable;
    }

    private const uint Structural = TypeText.Structural;

    /// <summary>The result types <c>[t]</c> of the number and vector types, indexed by kind.</summary>
    private static readonly ValType[][] SingleResults =
    [
        [ValType.I32], [ValType.I64], [ValType.F32], [ValType.F64], [ValType.V128],
    ];

    private ModuleContext _c = null!;

    /// <summary>Told the operand stack after each instruction of the function bodies validated next (<see cref="Validator.Observing"/>).</summary>
    public Action<int, OperandState>? Observer { get; set; }

    private ValType[] _vals = new ValType[64];
    private uint[] _shown = new uint[64];
    private int[] _cells = new int[65];
    private int _count;

    private Frame[] _frames = new Frame[16];
    private int _frameCount;
    private int _labelBase;

    private ValType[] _locals = new ValType[16];
    private uint[] _localShown = new uint[16];
    private bool[] _localSet = new bool[16];
    private int[] _inits = new int[16];
    private int _localCount;
    private int _initCount;
    private EquatableArray<ValType> _results;

    private Place _place = new("module");
    private EquatableArray<Instruction> _body;
    private Instruction _instr = Nop;
    private int _pc;
    private int _maxHeight;
    private int _maxCells;
    private ValType[] _scratch = new ValType[8];
    private uint[] _scratchShown = new uint[8];

    /// <summary>§3.5.5 a function body, against its (canonical) type.</summary>
    /// <param name="funcIndex">The function's index in the function index space (for locations).</param>
    /// <param name="f">The function.</param>
    /// <param name="type">Its canonical type.</param>
    public FunctionBodyInfo ValidateFunction(uint funcIndex, Function f, DefType type)
    {
        _place = new Place("func", funcIndex);
        _body = f.Body;
        _pc = -1;
        var ft = type.Func!;
        int np = ft.Params.Count, nl = f.Locals.Count;
        EnsureLocals(np + nl);
        for (int i = 0; i < np; i++)
        {
            _locals[i] = ft.Params[i];
            _localShown[i] = Structural;
            _localSet[i] = true;
        }
        var locals = new ValType[nl];
        for (int i = 0; i < nl; i++)
        {
            var t = _c.Canon(f.Locals[i], this);
            locals[i] = t;
            _locals[np + i] = t;
            _localShown[np + i] = TypeText.ShownOf(f.Locals[i]);
            _localSet[np + i] = t.IsDefaultable;
        }
        _localCount = np + nl;
        _results = ft.Results;
        Begin(FrameKind.Function, ft.Results, Structural);
        Run();
        return new FunctionBodyInfo(type, locals, _maxHeight, _maxCells);
    }

    /// <summary>§3.4.12 a constant expression of type <paramref name="t"/> (canonical).</summary>
    /// <param name="expr">The expression.</param>
    /// <param name="t">Its required canonical type.</param>
    /// <param name="shown">The module type index <paramref name="t"/> was written with, if any (for messages).</param>
    /// <param name="where">Location prefix, e.g. <c>global 2</c>.</param>
    public void ValidateConst(EquatableArray<Instruction> expr, ValType t, uint shown, Place where)
    {
        _place = where;
        _body = expr;
        _localCount = 0;
        _results = default;
        for (_pc = 0; _pc < expr.Count; _pc++)
        {
            _instr = expr[_pc];
            if (!IsConst(_instr)) throw Fail("constant expression required");
        }
        Begin(FrameKind.Const, t.Kind <= ValTypeKind.V128 ? SingleResults[(int)t.Kind] : new[] { t }, shown);
        Run();
    }

    public override string Where()
    {
        if (_pc < 0) return _place.ToString();
        if (_pc >= _body.Count) return _place + ", end";
        return string.Create(CultureInfo.InvariantCulture, $"{_place}, instruction {_pc} ({OpcodeName(_instr.Op)})");
    }

    private static string OpcodeName(Opcode op) =>
        (uint)op < (uint)OpcodeTable.All.Count ? OpcodeTable.Info(op).Name : "opcode " + (int)op;

    private void Begin(FrameKind kind, EquatableArray<ValType> results, uint shown)
    {
        _count = 0;
        _frameCount = 0;
        _initCount = 0;
        _maxHeight = 0;
        _maxCells = 0;
        _labelBase = kind == FrameKind.Const ? 1 : 0;
        PushFrame(kind, default, default, results, shown);
    }

    /// <summary>Checks the instructions, then the implicit final <c>end</c>.</summary>
    private void Run()
    {
        for (_pc = 0; _pc < _body.Count; _pc++)
        {
            _instr = _body[_pc];
            _low = _count;
            Step(_instr);
            Observer?.Invoke(_pc, State());
        }
        if (_frameCount != 1) throw Fail("missing end");
        CheckFrameEnd(ref _frames[0]);
    }

    // ---- operand stack ----------------------------------------------------------------

    /// <summary>The lowest the operand stack went during the current instruction (for <see cref="Observer"/>).</summary>
    private int _low;

    private void Lowered()
    {
        if (_count < _low) _low = _count;
    }

    private OperandState State() =>
        new(_count, _low, _frameCount, Top.Unreachable, _count > Top.Height ? _vals[_count - 1] : null);

    private ref Frame Top => ref _frames[_frameCount - 1];

    private void Push(ValType t, uint shown = Structural)
    {
        if (_count == _vals.Length)
        {
            Array.Resize(ref _vals, _count * 2);
            Array.Resize(ref _shown, _count * 2);
            Array.Resize(ref _cells, _count * 2 + 1);
        }
        int cells = _cells[_count] + CellLayout.Cells(t);
        _vals[_count] = t;
        _shown[_count++] = shown;
        _cells[_count] = cells;
        if (_count > _maxHeight) _maxHeight = _count;
        if (cells > _maxCells) _maxCells = cells;
    }

    private void Push(ReadOnlySpan<ValType> ts, uint shown = Structural)
    {
        foreach (var t in ts) Push(t, shown);
    }

    /// <summary>The <paramref name="i"/>-th operand from the top of the current block, or bot past its bottom.</summary>
    private ValType Peek(int i) => _count - Top.Height > i ? _vals[_count - 1 - i] : ValType.Bot;

    /// <summary>How the <paramref name="i"/>-th operand from the top is shown in messages.</summary>
    private uint PeekShown(int i) => _count - Top.Height > i ? _shown[_count - 1 - i] : Structural;

    /// <summary>A reference operand's type (bot counts as <c>(ref something)</c>), else a type mismatch.</summary>
    private RefType PeekRef(int i)
    {
        var t = Peek(i);
        if (t.Kind == ValTypeKind.Ref) return t.Ref;
        if (t.Kind == ValTypeKind.Bot) return new RefType(false, new HeapType(HeapKind.Bot));
        throw Fail("type mismatch: instruction requires reference type but stack has " + TypeText.Of(t, PeekShown(i)));
    }

    /// <summary>Takes one operand of type <paramref name="want"/>.</summary>
    private void Pop1(ValType want, uint shown = Structural)
    {
        ref var f = ref Top;
        if (_count > f.Height)
        {
            if (Subtyping.Matches(_vals[_count - 1], want))
            {
                _count--;
                Lowered();
                return;
            }
        }
        else if (f.Unreachable)
        {
            return;
        }
        throw StackMismatch([want], default, [shown], default);
    }

    /// <summary>
    /// Takes operands of types <paramref name="head"/> followed by <paramref name="tail"/>
    /// (the spec interpreter's <c>pop</c>). The <c>…Shown</c> spans say how the wanted types
    /// are shown in a message: one entry per type, one for all, or none (structural).
    /// </summary>
    private void Pop(ReadOnlySpan<ValType> head, ReadOnlySpan<ValType> tail = default,
        ReadOnlySpan<uint> headShown = default, ReadOnlySpan<uint> tailShown = default)
    {
        ref var f = ref Top;
        int n1 = head.Length + tail.Length;
        int avail = _count - f.Height;
        int n = Math.Min(n1, avail);
        if (!f.Unreachable && avail < n1) throw StackMismatch(head, tail, headShown, tailShown);
        int bottom = _count - n;
        for (int k = 0; k < n; k++)
        {
            int j = n1 - n + k;
            var want = j < head.Length ? head[j] : tail[j - head.Length];
            if (!Subtyping.Matches(_vals[bottom + k], want)) throw StackMismatch(head, tail, headShown, tailShown);
        }
        _count = bottom;
        Lowered();
    }

    /// <summary>Takes <paramref name="n"/> operands of type <paramref name="t"/> (array.new_fixed).</summary>
    private void PopRepeated(ValType t, uint n)
    {
        ref var f = ref Top;
        int avail = _count - f.Height;
        if (!f.Unreachable && (uint)avail < n) throw RepeatedMismatch(t, n);
        int m = (int)Math.Min(n, (uint)avail);
        for (int k = _count - m; k < _count; k++)
            if (!Subtyping.Matches(_vals[k], t)) throw RepeatedMismatch(t, n);
        _count -= m;
        Lowered();
    }

    /// <summary>Ends the current block's reachable code: its operands become unknown.</summary>
    private void SetUnreachable()
    {
        ref var f = ref Top;
        _count = f.Height;
        Lowered();
        f.Unreachable = true;
    }

    // ---- control stack -----------------------------------------------------------------

    private void PushFrame(FrameKind kind, EquatableArray<ValType> @in, EquatableArray<ValType> start, EquatableArray<ValType> @out, uint shown)
    {
        if (_frameCount == _frames.Length) Array.Resize(ref _frames, _frameCount * 2);
        _frames[_frameCount++] = new Frame
        {
            Kind = kind,
            In = @in,
            Out = @out,
            Shown = shown,
            Height = _count,
            InitHeight = _initCount,
        };
        Push(start.AsSpan(), shown);
    }

    /// <summary>The end of a block's instruction sequence: exactly its results remain (§3.4.11).</summary>
    private void CheckFrameEnd(ref Frame f)
    {
        int before = _count;
        Pop(f.Out.AsSpan(), default, [f.Shown]);
        if (_count != f.Height)
        {
            throw Fail("type mismatch: block requires " + TypeText.Of(f.Out.AsSpan(), [f.Shown]) + " but stack has "
                + TypeText.Of(_vals.AsSpan(f.Height, before - f.Height), _shown.AsSpan(f.Height, before - f.Height)));
        }
    }

    /// <summary>Restarts the current frame for its next instruction sequence (else, catch).</summary>
    private void Restart(ref Frame f, FrameKind kind, ReadOnlySpan<ValType> start, uint shown)
    {
        ResetLocals(f.InitHeight);
        _count = f.Height;
        Lowered();
        f.Unreachable = false;
        f.Kind = kind;
        Push(start, shown);
    }

    /// <summary>The frame of label <paramref name="l"/> ("unknown label l").</summary>
    private ref Frame Label(uint l)
    {
        if (l >= (uint)(_frameCount - _labelBase)) throw Fail(ModuleContext.Unknown("label", l));
        return ref _frames[_frameCount - 1 - (int)l];
    }

    /// <summary>The operand types a branch to label <paramref name="l"/> passes, and how they are shown.</summary>
    private ReadOnlySpan<ValType> LabelTypes(uint l, out uint shown)
    {
        ref var f = ref Label(l);
        shown = f.Shown;
        return f.Kind == FrameKind.Loop ? f.In.AsSpan() : f.Out.AsSpan();
    }

    // ---- locals ------------------------------------------------------------------------

    private void EnsureLocals(int n)
    {
        if (_locals.Length >= n) return;
        int size = Math.Max(n, _locals.Length * 2);
        _locals = new ValType[size];
        _localShown = new uint[size];
        _localSet = new bool[size];
        _inits = new int[size];
    }

    private ValType Local(uint x) =>
        x < (uint)_localCount ? _locals[x] : throw Fail(ModuleContext.Unknown("local", x));

    private void MarkSet(uint x)
    {
        if (_localSet[x]) return;
        _localSet[x] = true;
        _inits[_initCount++] = (int)x;
    }

    private void ResetLocals(int height)
    {
        while (_initCount > height) _localSet[_inits[--_initCount]] = false;
    }

    // ---- immediates and messages -------------------------------------------------------

    private T Imm<T>() where T : Instruction =>
        _instr as T ?? throw Fail("malformed instruction: " + OpcodeName(_instr.Op) + " without its immediates");

    private uint Index() => Imm<IndexInstruction>().Index;

    private static ValType Ref(bool nullable, HeapType heap) => new(new RefType(nullable, heap));

    private static ValType Ref(bool nullable, HeapKind heap) => new(new RefType(nullable, new HeapType(heap)));

    private static ValType Ref(bool nullable, DefType type) => new(new RefType(nullable, new HeapType(HeapKind.Concrete, type.Id)));

    private static ValType AddrVal(AddrType at) => at == AddrType.I64 ? ValType.I64 : ValType.I32;

    /// <summary>"type mismatch: instruction requires [head tail] but stack has [top operands]".</summary>
    private InvalidException StackMismatch(ReadOnlySpan<ValType> head, ReadOnlySpan<ValType> tail,
        ReadOnlySpan<uint> headShown, ReadOnlySpan<uint> tailShown)
    {
        ref var f = ref Top;
        int n1 = head.Length + tail.Length;
        int n = Math.Min(n1, _count - f.Height);
        var want = new ValType[n1];
        var wantShown = new uint[n1];
        for (int i = 0; i < n1; i++)
        {
            want[i] = i < head.Length ? head[i] : tail[i - head.Length];
            wantShown[i] = i < head.Length ? TypeText.At(headShown, i) : TypeText.At(tailShown, i - head.Length);
        }
        int bots = f.Unreachable ? n1 - n : 0;
        var have = new ValType[bots + n];
        var haveShown = new uint[bots + n];
        for (int i = 0; i < bots; i++)
        {
            have[i] = ValType.Bot;
            haveShown[i] = Structural;
        }
        _vals.AsSpan(_count - n, n).CopyTo(have.AsSpan(bots));
        _shown.AsSpan(_count - n, n).CopyTo(haveShown.AsSpan(bots));
        return Fail("type mismatch: instruction requires " + TypeText.Of(want, wantShown)
            + " but stack has " + TypeText.Of(have, haveShown));
    }

    private InvalidException RepeatedMismatch(ValType t, uint n)
    {
        const uint Shown = 64;
        if (n > Shown)
            return Fail("type mismatch: instruction requires " + ModuleContext.Str(n) + " operands of type " + TypeText.Of(t));
        var ts = new ValType[n];
        Array.Fill(ts, t);
        return StackMismatch(ts, default, default, default);
    }
}

/// <summary>What validation learned about one function body, for compiling it.</summary>
/// <param name="Type">The function's canonical type.</param>
/// <param name="Locals">The declared locals (parameters excluded), canonical.</param>
/// <param name="MaxOperandHeight">An upper bound of the operand stack height, in values.</param>
/// <param name="MaxOperandCells">An upper bound of the operand stack height in 64-bit cells (v128 takes two).</param>
public sealed record FunctionBodyInfo(DefType Type, EquatableArray<ValType> Locals, int MaxOperandHeight, int MaxOperandCells);
