using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution.Compiler;

/// <summary>
/// Operations of the interpreter's internal code. Instructions that run exactly as their
/// WebAssembly counterpart keep the <see cref="Opcode"/> value (<c>(Op)Opcode.I32Add</c>);
/// the members below, numbered from <see cref="First"/>, are the interpreter's own: control
/// flow with resolved targets, locals by cell offset, and generic forms.
/// </summary>
internal enum Op : ushort
{
    /// <summary>Start of the interpreter's own operations (above every <see cref="Opcode"/>).</summary>
    First = 1024,

    /// <summary>Charge <c>A</c> units of fuel (one per WebAssembly instruction of the block that follows).</summary>
    Fuel,

    /// <summary>Jump to <c>A</c>.</summary>
    Br,
    /// <summary>Move the top <c>B &amp; 0xFFFFFFFF</c> cells to frame offset <c>B &gt;&gt; 32</c>, then jump to <c>A</c>.</summary>
    BrCopy,
    /// <summary>Pop an i32; when non-zero, jump to <c>A</c>.</summary>
    BrIf,
    /// <summary>Pop an i32; when non-zero, move cells as <see cref="BrCopy"/> and jump to <c>A</c>.</summary>
    BrIfCopy,
    /// <summary>Pop an i32; when zero, jump to <c>A</c> (the false branch of <c>if</c>).</summary>
    BrUnless,
    /// <summary>Pop an i32 index; take entry <c>min(index, B-1)</c> of the branch table starting at <c>A</c> in the function's table pool.</summary>
    BrTable,
    /// <summary>When the top reference is null, pop it and branch to <c>A</c> (move spec in <c>B</c>, -1 for none).</summary>
    BrOnNull,
    /// <summary>When the top reference is non-null, branch to <c>A</c> with it (move spec in <c>B</c>, -1 for none); else pop it.</summary>
    BrOnNonNull,
    /// <summary>Return from the function: the top result cells become the caller's operands.</summary>
    Return,

    /// <summary>Call function <c>A</c> of the current instance.</summary>
    Call,
    /// <summary>Pop a table index; call through table <c>A</c>, expecting type <c>B</c> (§4.4.8 call_indirect).</summary>
    CallIndirect,
    /// <summary>Pop a function reference; call it (type <c>A</c>).</summary>
    CallRef,
    /// <summary>Tail-call function <c>A</c>.</summary>
    ReturnCall,
    /// <summary>Tail-call through table <c>A</c>, expecting type <c>B</c>.</summary>
    ReturnCallIndirect,
    /// <summary>Tail-call a function reference (type <c>A</c>).</summary>
    ReturnCallRef,

    /// <summary>Pop the parameters of tag <c>A</c> and throw an exception with them (§4.4.8 throw).</summary>
    Throw,
    /// <summary>Pop an exception reference and throw it; null traps (§4.4.8 throw_ref).</summary>
    ThrowRef,
    /// <summary>Legacy <c>rethrow</c>: throw again the exception kept in the hidden local at frame offset <c>A</c>.</summary>
    Rethrow,

    /// <summary>Pop <c>A</c> cells.</summary>
    Drop,

    // Fused forms (FunctionCompiler.Fusion.cs).
    /// <summary><c>local.get A; local.get B</c>.</summary>
    LocalGetGet,
    /// <summary><c>local.set A; local.get B</c>.</summary>
    LocalSetGet,
    /// <summary><c>local.get A; i32.const B; i32.add</c>.</summary>
    LocalGetI32AddImm,
    /// <summary>i32 binary operations whose right operand is the constant <c>B</c>.</summary>
    I32AddImm,
    I32SubImm,
    I32MulImm,
    I32AndImm,
    I32OrImm,
    I32XorImm,
    I32ShlImm,
    I32ShrSImm,
    I32ShrUImm,
    I32RotlImm,
    I32EqImm,
    I32NeImm,
    I32LtSImm,
    I32LtUImm,
    I32GtSImm,
    I32GtUImm,
    I32LeSImm,
    I32LeUImm,
    I32GeSImm,
    I32GeUImm,
    /// <summary>Pop two i32 operands; when the comparison holds, jump to <c>A</c> (<c>i32.cmp; br_if</c>, and <c>i32.cmp; if</c> negated).</summary>
    BrIfI32Eq,
    BrIfI32Ne,
    BrIfI32LtS,
    BrIfI32LtU,
    BrIfI32GtS,
    BrIfI32GtU,
    BrIfI32LeS,
    BrIfI32LeU,
    BrIfI32GeS,
    BrIfI32GeU,
    /// <summary>Pop an i32; when its comparison with the constant <c>B</c> holds, jump to <c>A</c>.</summary>
    BrIfI32EqImm,
    BrIfI32NeImm,
    BrIfI32LtSImm,
    BrIfI32LtUImm,
    BrIfI32GtSImm,
    BrIfI32GtUImm,
    BrIfI32LeSImm,
    BrIfI32LeUImm,
    BrIfI32GeSImm,
    BrIfI32GeUImm,
    /// <summary>Pop an i32 and two operands of <c>A</c> cells each; keep the first when the i32 is non-zero, else the second.</summary>
    Select,

    /// <summary>Push a copy of the one-cell local at frame offset <c>A</c>.</summary>
    LocalGet,
    /// <summary>Pop into the one-cell local at frame offset <c>A</c>.</summary>
    LocalSet,
    /// <summary>Copy the top cell into the one-cell local at frame offset <c>A</c>.</summary>
    LocalTee,
    /// <summary>Two-cell (v128) forms of the local operations.</summary>
    LocalGet2,
    LocalSet2,
    LocalTee2,

    /// <summary>Push global <c>A</c> (one cell).</summary>
    GlobalGet,
    /// <summary>Pop into global <c>A</c> (one cell).</summary>
    GlobalSet,
    /// <summary>Two-cell (v128) forms of the global operations.</summary>
    GlobalGet2,
    GlobalSet2,

    /// <summary>Push the one-cell constant with bits <c>B</c> (i32, i64, f32, f64).</summary>
    Const,
    /// <summary>Push the v128 constant at <c>A</c> in the function's constant pool.</summary>
    ConstV128,
    /// <summary>Push a null reference.</summary>
    RefNull,

    /// <summary>
    /// A load or store (<c>Aux</c> = its <see cref="Opcode"/>) on memory <c>A</c> with offset <c>B</c>,
    /// for memories other than an i32-addressed memory 0.
    /// </summary>
    MemoryAccess,

    /// <summary>
    /// A vector instruction (§4.4.3) without memory access: <c>Aux</c> = its <see cref="Opcode"/>,
    /// <c>A</c> = its lane index, or for <c>v128.const</c>/<c>i8x16.shuffle</c> the index of its
    /// 16 bytes in the function's v128 pool.
    /// </summary>
    Simd,

    /// <summary>
    /// A vector load or store (§4.4.7): <c>Aux</c> = its <see cref="Opcode"/>, <c>A</c> =
    /// memidx &lt;&lt; 8 | lane index (lane instructions only), <c>B</c> = offset.
    /// </summary>
    SimdMemory,

    /// <summary>
    /// Any other instruction (<c>Aux</c> = its <see cref="Opcode"/>, immediates in <c>A</c>/<c>B</c>),
    /// run out of line: tables, bulk memory, references and the rest of the rarer instructions.
    /// </summary>
    Generic,
}

/// <summary>One instruction of the internal code: 16 bytes.</summary>
internal struct Inst
{
    public Op Op;
    /// <summary>Secondary operation code (the original <see cref="Opcode"/> for generic forms).</summary>
    public ushort Aux;
    public int A;
    public long B;

    public Inst(Op op, int a = 0, long b = 0, ushort aux = 0)
    {
        Op = op;
        Aux = aux;
        A = a;
        B = b;
    }

    public override readonly string ToString() =>
        (int)Op < (int)Op.First ? $"{(Opcode)Op} {A} {B}" : $"{Op}{(Aux != 0 ? "/" + (Opcode)Aux : "")} {A} {B}";
}

/// <summary>
/// A try_table's handlers: while <c>[Start, End)</c> runs, an exception is matched against
/// <see cref="Catches"/> in order (§4.4.8 try_table).
/// </summary>
internal sealed class ExceptionHandler
{
    public int Start;
    public int End;
    public CatchTarget[] Catches = [];
    /// <summary>Legacy <c>try … delegate l</c>: exceptions in the range go on to <see cref="DelegateIndex"/>.</summary>
    public bool IsDelegate;
    /// <summary>The handler the search continues with (index into the function's handlers), or -1 for the caller.</summary>
    public int DelegateIndex = -1;
}

/// <summary>A catch clause resolved: kind, tag index (for the tagged kinds), and the branch it takes.</summary>
internal struct CatchTarget
{
    public Syntax.CatchKind Kind;
    public int Tag;
    public int Target;
    public int Dest;
    /// <summary>Legacy catch clauses: the frame offset of the hidden local that keeps the caught exception for <c>rethrow</c>; -1 otherwise.</summary>
    public int ExceptionSlot;
}

/// <summary>An entry of a <see cref="Op.BrTable"/>: target pc and the cell move, as in <see cref="Op.BrCopy"/>.</summary>
internal struct BrTableEntry
{
    public int Target;
    public int Dest;
    public int Count;
}
