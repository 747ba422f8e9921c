// Generated from the opcode list of the binary format (§5.4); one member per instruction.
namespace WasmConform.Engine.Syntax;

/// <summary>
/// Every instruction of WebAssembly 3.0 (plus the legacy exception-handling instructions),
/// named after its text-format mnemonic in C# casing (<c>i32.rem_s</c> → <see cref="I32RemS"/>).
/// Binary encodings, text names and immediates are in <see cref="OpcodeTable"/>.
/// </summary>
/// <remarks>
/// <see cref="Select"/> is the untyped <c>select</c> (0x1B) and <see cref="SelectT"/> the typed
/// <c>select t*</c> (0x1C). <see cref="RefTest"/> and <see cref="RefCast"/> stand for both
/// binary forms (0xFB 20/21 and 22/23); the nullability lives in the instruction's reftype.
/// </remarks>
public enum Opcode : ushort
{
    /// <summary><c>unreachable</c> (0x00)</summary>
    Unreachable,
    /// <summary><c>nop</c> (0x01)</summary>
    Nop,
    /// <summary><c>block</c> (0x02)</summary>
    Block,
    /// <summary><c>loop</c> (0x03)</summary>
    Loop,
    /// <summary><c>if</c> (0x04)</summary>
    If,
    /// <summary><c>else</c> (0x05)</summary>
    Else,
    /// <summary><c>try</c> (0x06)</summary>
    Try,
    /// <summary><c>catch</c> (0x07)</summary>
    Catch,
    /// <summary><c>throw</c> (0x08)</summary>
    Throw,
    /// <summary><c>rethrow</c> (0x09)</summary>
    Rethrow,
    /// <summary><c>throw_ref</c> (0x0A)</summary>
    ThrowRef,
    /// <summary><c>end</c> (0x0B)</summary>
    End,
    /// <summary><c>br</c> (0x0C)</summary>
    Br,
    /// <summary><c>br_if</c> (0x0D)</summary>
    BrIf,
    /// <summary><c>br_table</c> (0x0E)</summary>
    BrTable,
    /// <summary><c>return</c> (0x0F)</summary>
    Return,
    /// <summary><c>call</c> (0x10)</summary>
    Call,
    /// <summary><c>call_indirect</c> (0x11)</summary>
    CallIndirect,
    /// <summary><c>return_call</c> (0x12)</summary>
    ReturnCall,
    /// <summary><c>return_call_indirect</c> (0x13)</summary>
    ReturnCallIndirect,
    /// <summary><c>call_ref</c> (0x14)</summary>
    CallRef,
    /// <summary><c>return_call_ref</c> (0x15)</summary>
    ReturnCallRef,
    /// <summary><c>delegate</c> (0x18)</summary>
    Delegate,
    /// <summary><c>catch_all</c> (0x19)</summary>
    CatchAll,
    /// <summary><c>drop</c> (0x1A)</summary>
    Drop,
    /// <summary><c>select</c> (0x1B)</summary>
    Select,
    /// <summary><c>select</c> (0x1C)</summary>
    SelectT,
    /// <summary><c>try_table</c> (0x1F)</summary>
    TryTable,
    /// <summary><c>local.get</c> (0x20)</summary>
    LocalGet,
    /// <summary><c>local.set</c> (0x21)</summary>
    LocalSet,
    /// <summary><c>local.tee</c> (0x22)</summary>
    LocalTee,
    /// <summary><c>global.get</c> (0x23)</summary>
    GlobalGet,
    /// <summary><c>global.set</c> (0x24)</summary>
    GlobalSet,
    /// <summary><c>table.get</c> (0x25)</summary>
    TableGet,
    /// <summary><c>table.set</c> (0x26)</summary>
    TableSet,
    /// <summary><c>i32.load</c> (0x28)</summary>
    I32Load,
    /// <summary><c>i64.load</c> (0x29)</summary>
    I64Load,
    /// <summary><c>f32.load</c> (0x2A)</summary>
    F32Load,
    /// <summary><c>f64.load</c> (0x2B)</summary>
    F64Load,
    /// <summary><c>i32.load8_s</c> (0x2C)</summary>
    I32Load8S,
    /// <summary><c>i32.load8_u</c> (0x2D)</summary>
    I32Load8U,
    /// <summary><c>i32.load16_s</c> (0x2E)</summary>
    I32Load16S,
    /// <summary><c>i32.load16_u</c> (0x2F)</summary>
    I32Load16U,
    /// <summary><c>i64.load8_s</c> (0x30)</summary>
    I64Load8S,
    /// <summary><c>i64.load8_u</c> (0x31)</summary>
    I64Load8U,
    /// <summary><c>i64.load16_s</c> (0x32)</summary>
    I64Load16S,
    /// <summary><c>i64.load16_u</c> (0x33)</summary>
    I64Load16U,
    /// <summary><c>i64.load32_s</c> (0x34)</summary>
    I64Load32S,
    /// <summary><c>i64.load32_u</c> (0x35)</summary>
    I64Load32U,
    /// <summary><c>i32.store</c> (0x36)</summary>
    I32Store,
    /// <summary><c>i64.store</c> (0x37)</summary>
    I64Store,
    /// <summary><c>f32.store</c> (0x38)</summary>
    F32Store,
    /// <summary><c>f64.store</c> (0x39)</summary>
    F64Store,
    /// <summary><c>i32.store8</c> (0x3A)</summary>
    I32Store8,
    /// <summary><c>i32.store16</c> (0x3B)</summary>
    I32Store16,
    /// <summary><c>i64.store8</c> (0x3C)</summary>
    I64Store8,
    /// <summary><c>i64.store16</c> (0x3D)</summary>
    I64Store16,
    /// <summary><c>i64.store32</c> (0x3E)</summary>
    I64Store32,
    /// <summary><c>memory.size</c> (0x3F)</summary>
    MemorySize,
    /// <summary><c>memory.grow</c> (0x40)</summary>
    MemoryGrow,
    /// <summary><c>i32.const</c> (0x41)</summary>
    I32Const,
    /// <summary><c>i64.const</c> (0x42)</summary>
    I64Const,
    /// <summary><c>f32.const</c> (0x43)</summary>
    F32Const,
    /// <summary><c>f64.const</c> (0x44)</summary>
    F64Const,
    /// <summary><c>i32.eqz</c> (0x45)</summary>
    I32Eqz,
    /// <summary><c>i32.eq</c> (0x46)</summary>
    I32Eq,
    /// <summary><c>i32.ne</c> (0x47)</summary>
    I32Ne,
    /// <summary><c>i32.lt_s</c> (0x48)</summary>
    I32LtS,
    /// <summary><c>i32.lt_u</c> (0x49)</summary>
    I32LtU,
    /// <summary><c>i32.gt_s</c> (0x4A)</summary>
    I32GtS,
    /// <summary><c>i32.gt_u</c> (0x4B)</summary>
    I32GtU,
    /// <summary><c>i32.le_s</c> (0x4C)</summary>
    I32LeS,
    /// <summary><c>i32.le_u</c> (0x4D)</summary>
    I32LeU,
    /// <summary><c>i32.ge_s</c> (0x4E)</summary>
    I32GeS,
    /// <summary><c>i32.ge_u</c> (0x4F)</summary>
    I32GeU,
    /// <summary><c>i64.eqz</c> (0x50)</summary>
    I64Eqz,
    /// <summary><c>i64.eq</c> (0x51)</summary>
    I64Eq,
    /// <summary><c>i64.ne</c> (0x52)</summary>
    I64Ne,
    /// <summary><c>i64.lt_s</c> (0x53)</summary>
    I64LtS,
    /// <summary><c>i64.lt_u</c> (0x54)</summary>
    I64LtU,
    /// <summary><c>i64.gt_s</c> (0x55)</summary>
    I64GtS,
    /// <summary><c>i64.gt_u</c> (0x56)</summary>
    I64GtU,
    /// <summary><c>i64.le_s</c> (0x57)</summary>
    I64LeS,
    /// <summary><c>i64.le_u</c> (0x58)</summary>
    I64LeU,
    /// <summary><c>i64.ge_s</c> (0x59)</summary>
    I64GeS,
    /// <summary><c>i64.ge_u</c> (0x5A)</summary>
    I64GeU,
    /// <summary><c>f32.eq</c> (0x5B)</summary>
    F32Eq,
    /// <summary><c>f32.ne</c> (0x5C)</summary>
    F32Ne,
    /// <summary><c>f32.lt</c> (0x5D)</summary>
    F32Lt,
    /// <summary><c>f32.gt</c> (0x5E)</summary>
    F32Gt,
    /// <summary><c>f32.le</c> (0x5F)</summary>
    F32Le,
    /// <summary><c>f32.ge</c> (0x60)</summary>
    F32Ge,
    /// <summary><c>f64.eq</c> (0x61)</summary>
    F64Eq,
    /// <summary><c>f64.ne</c> (0x62)</summary>
    F64Ne,
    /// <summary><c>f64.lt</c> (0x63)</summary>
    F64Lt,
    /// <summary><c>f64.gt</c> (0x64)</summary>
    F64Gt,
    /// <summary><c>f64.le</c> (0x65)</summary>
    F64Le,
    /// <summary><c>f64.ge</c> (0x66)</summary>
    F64Ge,
    /// <summary><c>i32.clz</c> (0x67)</summary>
    I32Clz,
    /// <summary><c>i32.ctz</c> (0x68)</summary>
    I32Ctz,
    /// <summary><c>i32.popcnt</c> (0x69)</summary>
    I32Popcnt,
    /// <summary><c>i32.add</c> (0x6A)</summary>
    I32Add,
    /// <summary><c>i32.sub</c> (0x6B)</summary>
    I32Sub,
    /// <summary><c>i32.mul</c> (0x6C)</summary>
    I32Mul,
    /// <summary><c>i32.div_s</c> (0x6D)</summary>
    I32DivS,
    /// <summary><c>i32.div_u</c> (0x6E)</summary>
    I32DivU,
    /// <summary><c>i32.rem_s</c> (0x6F)</summary>
    I32RemS,
    /// <summary><c>i32.rem_u</c> (0x70)</summary>
    I32RemU,
    /// <summary><c>i32.and</c> (0x71)</summary>
    I32And,
    /// <summary><c>i32.or</c> (0x72)</summary>
    I32Or,
    /// <summary><c>i32.xor</c> (0x73)</summary>
    I32Xor,
    /// <summary><c>i32.shl</c> (0x74)</summary>
    I32Shl,
    /// <summary><c>i32.shr_s</c> (0x75)</summary>
    I32ShrS,
    /// <summary><c>i32.shr_u</c> (0x76)</summary>
    I32ShrU,
    /// <summary><c>i32.rotl</c> (0x77)</summary>
    I32Rotl,
    /// <summary><c>i32.rotr</c> (0x78)</summary>
    I32Rotr,
    /// <summary><c>i64.clz</c> (0x79)</summary>
    I64Clz,
    /// <summary><c>i64.ctz</c> (0x7A)</summary>
    I64Ctz,
    /// <summary><c>i64.popcnt</c> (0x7B)</summary>
    I64Popcnt,
    /// <summary><c>i64.add</c> (0x7C)</summary>
    I64Add,
    /// <summary><c>i64.sub</c> (0x7D)</summary>
    I64Sub,
    /// <summary><c>i64.mul</c> (0x7E)</summary>
    I64Mul,
    /// <summary><c>i64.div_s</c> (0x7F)</summary>
    I64DivS,
    /// <summary><c>i64.div_u</c> (0x80)</summary>
    I64DivU,
    /// <summary><c>i64.rem_s</c> (0x81)</summary>
    I64RemS,
    /// <summary><c>i64.rem_u</c> (0x82)</summary>
    I64RemU,
    /// <summary><c>i64.and</c> (0x83)</summary>
    I64And,
    /// <summary><c>i64.or</c> (0x84)</summary>
    I64Or,
    /// <summary><c>i64.xor</c> (0x85)</summary>
    I64Xor,
    /// <summary><c>i64.shl</c> (0x86)</summary>
    I64Shl,
    /// <summary><c>i64.shr_s</c> (0x87)</summary>
    I64ShrS,
    /// <summary><c>i64.shr_u</c> (0x88)</summary>
    I64ShrU,
    /// <summary><c>i64.rotl</c> (0x89)</summary>
    I64Rotl,
    /// <summary><c>i64.rotr</c> (0x8A)</summary>
    I64Rotr,
    /// <summary><c>f32.abs</c> (0x8B)</summary>
    F32Abs,
    /// <summary><c>f32.neg</c> (0x8C)</summary>
    F32Neg,
    /// <summary><c>f32.ceil</c> (0x8D)</summary>
    F32Ceil,
    /// <summary><c>f32.floor</c> (0x8E)</summary>
    F32Floor,
    /// <summary><c>f32.trunc</c> (0x8F)</summary>
    F32Trunc,
    /// <summary><c>f32.nearest</c> (0x90)</summary>
    F32Nearest,
    /// <summary><c>f32.sqrt</c> (0x91)</summary>
    F32Sqrt,
    /// <summary><c>f32.add</c> (0x92)</summary>
    F32Add,
    /// <summary><c>f32.sub</c> (0x93)</summary>
    F32Sub,
    /// <summary><c>f32.mul</c> (0x94)</summary>
    F32Mul,
    /// <summary><c>f32.div</c> (0x95)</summary>
    F32Div,
    /// <summary><c>f32.min</c> (0x96)</summary>
    F32Min,
    /// <summary><c>f32.max</c> (0x97)</summary>
    F32Max,
    /// <summary><c>f32.copysign</c> (0x98)</summary>
    F32Copysign,
    /// <summary><c>f64.abs</c> (0x99)</summary>
    F64Abs,
    /// <summary><c>f64.neg</c> (0x9A)</summary>
    F64Neg,
    /// <summary><c>f64.ceil</c> (0x9B)</summary>
    F64Ceil,
    /// <summary><c>f64.floor</c> (0x9C)</summary>
    F64Floor,
    /// <summary><c>f64.trunc</c> (0x9D)</summary>
    F64Trunc,
    /// <summary><c>f64.nearest</c> (0x9E)</summary>
    F64Nearest,
    /// <summary><c>f64.sqrt</c> (0x9F)</summary>
    F64Sqrt,
    /// <summary><c>f64.add</c> (0xA0)</summary>
    F64Add,
    /// <summary><c>f64.sub</c> (0xA1)</summary>
    F64Sub,
    /// <summary><c>f64.mul</c> (0xA2)</summary>
    F64Mul,
    /// <summary><c>f64.div</c> (0xA3)</summary>
    F64Div,
    /// <summary><c>f64.min</c> (0xA4)</summary>
    F64Min,
    /// <summary><c>f64.max</c> (0xA5)</summary>
    F64Max,
    /// <summary><c>f64.copysign</c> (0xA6)</summary>
    F64Copysign,
    /// <summary><c>i32.wrap_i64</c> (0xA7)</summary>
    I32WrapI64,
    /// <summary><c>i32.trunc_f32_s</c> (0xA8)</summary>
    I32TruncF32S,
    /// <summary><c>i32.trunc_f32_u</c> (0xA9)</summary>
    I32TruncF32U,
    /// <summary><c>i32.trunc_f64_s</c> (0xAA)</summary>
    I32TruncF64S,
    /// <summary><c>i32.trunc_f64_u</c> (0xAB)</summary>
    I32TruncF64U,
    /// <summary><c>i64.extend_i32_s</c> (0xAC)</summary>
    I64ExtendI32S,
    /// <summary><c>i64.extend_i32_u</c> (0xAD)</summary>
    I64ExtendI32U,
    /// <summary><c>i64.trunc_f32_s</c> (0xAE)</summary>
    I64TruncF32S,
    /// <summary><c>i64.trunc_f32_u</c> (0xAF)</summary>
    I64TruncF32U,
    /// <summary><c>i64.trunc_f64_s</c> (0xB0)</summary>
    I64TruncF64S,
    /// <summary><c>i64.trunc_f64_u</c> (0xB1)</summary>
    I64TruncF64U,
    /// <summary><c>f32.convert_i32_s</c> (0xB2)</summary>
    F32ConvertI32S,
    /// <summary><c>f32.convert_i32_u</c> (0xB3)</summary>
    F32ConvertI32U,
    /// <summary><c>f32.convert_i64_s</c> (0xB4)</summary>
    F32ConvertI64S,
    /// <summary><c>f32.convert_i64_u</c> (0xB5)</summary>
    F32ConvertI64U,
    /// <summary><c>f32.demote_f64</c> (0xB6)</summary>
    F32DemoteF64,
    /// <summary><c>f64.convert_i32_s</c> (0xB7)</summary>
    F64ConvertI32S,
    /// <summary><c>f64.convert_i32_u</c> (0xB8)</summary>
    F64ConvertI32U,
    /// <summary><c>f64.convert_i64_s</c> (0xB9)</summary>
    F64ConvertI64S,
    /// <summary><c>f64.convert_i64_u</c> (0xBA)</summary>
    F64ConvertI64U,
    /// <summary><c>f64.promote_f32</c> (0xBB)</summary>
    F64PromoteF32,
    /// <summary><c>i32.reinterpret_f32</c> (0xBC)</summary>
    I32ReinterpretF32,
    /// <summary><c>i64.reinterpret_f64</c> (0xBD)</summary>
    I64ReinterpretF64,
    /// <summary><c>f32.reinterpret_i32</c> (0xBE)</summary>
    F32ReinterpretI32,
    /// <summary><c>f64.reinterpret_i64</c> (0xBF)</summary>
    F64ReinterpretI64,
    /// <summary><c>i32.extend8_s</c> (0xC0)</summary>
    I32Extend8S,
    /// <summary><c>i32.extend16_s</c> (0xC1)</summary>
    I32Extend16S,
    /// <summary><c>i64.extend8_s</c> (0xC2)</summary>
    I64Extend8S,
    /// <summary><c>i64.extend16_s</c> (0xC3)</summary>
    I64Extend16S,
    /// <summary><c>i64.extend32_s</c> (0xC4)</summary>
    I64Extend32S,
    /// <summary><c>ref.null</c> (0xD0)</summary>
    RefNull,
    /// <summary><c>ref.is_null</c> (0xD1)</summary>
    RefIsNull,
    /// <summary><c>ref.func</c> (0xD2)</summary>
    RefFunc,
    /// <summary><c>ref.eq</c> (0xD3)</summary>
    RefEq,
    /// <summary><c>ref.as_non_null</c> (0xD4)</summary>
    RefAsNonNull,
    /// <summary><c>br_on_null</c> (0xD5)</summary>
    BrOnNull,
    /// <summary><c>br_on_non_null</c> (0xD6)</summary>
    BrOnNonNull,
    /// <summary><c>struct.new</c> (0xFB 0x00)</summary>
    StructNew,
    /// <summary><c>struct.new_default</c> (0xFB 0x01)</summary>
    StructNewDefault,
    /// <summary><c>struct.get</c> (0xFB 0x02)</summary>
    StructGet,
    /// <summary><c>struct.get_s</c> (0xFB 0x03)</summary>
    StructGetS,
    /// <summary><c>struct.get_u</c> (0xFB 0x04)</summary>
    StructGetU,
    /// <summary><c>struct.set</c> (0xFB 0x05)</summary>
    StructSet,
    /// <summary><c>array.new</c> (0xFB 0x06)</summary>
    ArrayNew,
    /// <summary><c>array.new_default</c> (0xFB 0x07)</summary>
    ArrayNewDefault,
    /// <summary><c>array.new_fixed</c> (0xFB 0x08)</summary>
    ArrayNewFixed,
    /// <summary><c>array.new_data</c> (0xFB 0x09)</summary>
    ArrayNewData,
    /// <summary><c>array.new_elem</c> (0xFB 0x0A)</summary>
    ArrayNewElem,
    /// <summary><c>array.get</c> (0xFB 0x0B)</summary>
    ArrayGet,
    /// <summary><c>array.get_s</c> (0xFB 0x0C)</summary>
    ArrayGetS,
    /// <summary><c>array.get_u</c> (0xFB 0x0D)</summary>
    ArrayGetU,
    /// <summary><c>array.set</c> (0xFB 0x0E)</summary>
    ArraySet,
    /// <summary><c>array.len</c> (0xFB 0x0F)</summary>
    ArrayLen,
    /// <summary><c>array.fill</c> (0xFB 0x10)</summary>
    ArrayFill,
    /// <summary><c>array.copy</c> (0xFB 0x11)</summary>
    ArrayCopy,
    /// <summary><c>array.init_data</c> (0xFB 0x12)</summary>
    ArrayInitData,
    /// <summary><c>array.init_elem</c> (0xFB 0x13)</summary>
    ArrayInitElem,
    /// <summary><c>ref.test</c> (0xFB 0x14)</summary>
    RefTest,
    /// <summary><c>ref.cast</c> (0xFB 0x16)</summary>
    RefCast,
    /// <summary><c>br_on_cast</c> (0xFB 0x18)</summary>
    BrOnCast,
    /// <summary><c>br_on_cast_fail</c> (0xFB 0x19)</summary>
    BrOnCastFail,
    /// <summary><c>any.convert_extern</c> (0xFB 0x1A)</summary>
    AnyConvertExtern,
    /// <summary><c>extern.convert_any</c> (0xFB 0x1B)</summary>
    ExternConvertAny,
    /// <summary><c>ref.i31</c> (0xFB 0x1C)</summary>
    RefI31,
    /// <summary><c>i31.get_s</c> (0xFB 0x1D)</summary>
    I31GetS,
    /// <summary><c>i31.get_u</c> (0xFB 0x1E)</summary>
    I31GetU,
    /// <summary><c>i32.trunc_sat_f32_s</c> (0xFC 0x00)</summary>
    I32TruncSatF32S,
    /// <summary><c>i32.trunc_sat_f32_u</c> (0xFC 0x01)</summary>
    I32TruncSatF32U,
    /// <summary><c>i32.trunc_sat_f64_s</c> (0xFC 0x02)</summary>
    I32TruncSatF64S,
    /// <summary><c>i32.trunc_sat_f64_u</c> (0xFC 0x03)</summary>
    I32TruncSatF64U,
    /// <summary><c>i64.trunc_sat_f32_s</c> (0xFC 0x04)</summary>
    I64TruncSatF32S,
    /// <summary><c>i64.trunc_sat_f32_u</c> (0xFC 0x05)</summary>
    I64TruncSatF32U,
    /// <summary><c>i64.trunc_sat_f64_s</c> (0xFC 0x06)</summary>
    I64TruncSatF64S,
    /// <summary><c>i64.trunc_sat_f64_u</c> (0xFC 0x07)</summary>
    I64TruncSatF64U,
    /// <summary><c>memory.init</c> (0xFC 0x08)</summary>
    MemoryInit,
    /// <summary><c>data.drop</c> (0xFC 0x09)</summary>
    DataDrop,
    /// <summary><c>memory.copy</c> (0xFC 0x0A)</summary>
    MemoryCopy,
    /// <summary><c>memory.fill</c> (0xFC 0x0B)</summary>
    MemoryFill,
    /// <summary><c>table.init</c> (0xFC 0x0C)</summary>
    TableInit,
    /// <summary><c>elem.drop</c> (0xFC 0x0D)</summary>
    ElemDrop,
    /// <summary><c>table.copy</c> (0xFC 0x0E)</summary>
    TableCopy,
    /// <summary><c>table.grow</c> (0xFC 0x0F)</summary>
    TableGrow,
    /// <summary><c>table.size</c> (0xFC 0x10)</summary>
    TableSize,
    /// <summary><c>table.fill</c> (0xFC 0x11)</summary>
    TableFill,
    /// <summary><c>v128.load</c> (0xFD 0x00)</summary>
    V128Load,
    /// <summary><c>v128.load8x8_s</c> (0xFD 0x01)</summary>
    V128Load8x8S,
    /// <summary><c>v128.load8x8_u</c> (0xFD 0x02)</summary>
    V128Load8x8U,
    /// <summary><c>v128.load16x4_s</c> (0xFD 0x03)</summary>
    V128Load16x4S,
    /// <summary><c>v128.load16x4_u</c> (0xFD 0x04)</summary>
    V128Load16x4U,
    /// <summary><c>v128.load32x2_s</c> (0xFD 0x05)</summary>
    V128Load32x2S,
    /// <summary><c>v128.load32x2_u</c> (0xFD 0x06)</summary>
    V128Load32x2U,
    /// <summary><c>v128.load8_splat</c> (0xFD 0x07)</summary>
    V128Load8Splat,
    /// <summary><c>v128.load16_splat</c> (0xFD 0x08)</summary>
    V128Load16Splat,
    /// <summary><c>v128.load32_splat</c> (0xFD 0x09)</summary>
    V128Load32Splat,
    /// <summary><c>v128.load64_splat</c> (0xFD 0x0A)</summary>
    V128Load64Splat,
    /// <summary><c>v128.store</c> (0xFD 0x0B)</summary>
    V128Store,
    /// <summary><c>v128.const</c> (0xFD 0x0C)</summary>
    V128Const,
    /// <summary><c>i8x16.shuffle</c> (0xFD 0x0D)</summary>
    I8x16Shuffle,
    /// <summary><c>i8x16.swizzle</c> (0xFD 0x0E)</summary>
    I8x16Swizzle,
    /// <summary><c>i8x16.splat</c> (0xFD 0x0F)</summary>
    I8x16Splat,
    /// <summary><c>i16x8.splat</c> (0xFD 0x10)</summary>
    I16x8Splat,
    /// <summary><c>i32x4.splat</c> (0xFD 0x11)</summary>
    I32x4Splat,
    /// <summary><c>i64x2.splat</c> (0xFD 0x12)</summary>
    I64x2Splat,
    /// <summary><c>f32x4.splat</c> (0xFD 0x13)</summary>
    F32x4Splat,
    /// <summary><c>f64x2.splat</c> (0xFD 0x14)</summary>
    F64x2Splat,
    /// <summary><c>i8x16.extract_lane_s</c> (0xFD 0x15)</summary>
    I8x16ExtractLaneS,
    /// <summary><c>i8x16.extract_lane_u</c> (0xFD 0x16)</summary>
    I8x16ExtractLaneU,
    /// <summary><c>i8x16.replace_lane</c> (0xFD 0x17)</summary>
    I8x16ReplaceLane,
    /// <summary><c>i16x8.extract_lane_s</c> (0xFD 0x18)</summary>
    I16x8ExtractLaneS,
    /// <summary><c>i16x8.extract_lane_u</c> (0xFD 0x19)</summary>
    I16x8ExtractLaneU,
    /// <summary><c>i16x8.replace_lane</c> (0xFD 0x1A)</summary>
    I16x8ReplaceLane,
    /// <summary><c>i32x4.extract_lane</c> (0xFD 0x1B)</summary>
    I32x4ExtractLane,
    /// <summary><c>i32x4.replace_lane</c> (0xFD 0x1C)</summary>
    I32x4ReplaceLane,
    /// <summary><c>i64x2.extract_lane</c> (0xFD 0x1D)</summary>
    I64x2ExtractLane,
    /// <summary><c>i64x2.replace_lane</c> (0xFD 0x1E)</summary>
    I64x2ReplaceLane,
    /// <summary><c>f32x4.extract_lane</c> (0xFD 0x1F)</summary>
    F32x4ExtractLane,
    /// <summary><c>f32x4.replace_lane</c> (0xFD 0x20)</summary>
    F32x4ReplaceLane,
    /// <summary><c>f64x2.extract_lane</c> (0xFD 0x21)</summary>
    F64x2ExtractLane,
    /// <summary><c>f64x2.replace_lane</c> (0xFD 0x22)</summary>
    F64x2ReplaceLane,
    /// <summary><c>i8x16.eq</c> (0xFD 0x23)</summary>
    I8x16Eq,
    /// <summary><c>i8x16.ne</c> (0xFD 0x24)</summary>
    I8x16Ne,
    /// <summary><c>i8x16.lt_s</c> (0xFD 0x25)</summary>
    I8x16LtS,
    /// <summary><c>i8x16.lt_u</c> (0xFD 0x26)</summary>
    I8x16LtU,
    /// <summary><c>i8x16.gt_s</c> (0xFD 0x27)</summary>
    I8x16GtS,
    /// <summary><c>i8x16.gt_u</c> (0xFD 0x28)</summary>
    I8x16GtU,
    /// <summary><c>i8x16.le_s</c> (0xFD 0x29)</summary>
    I8x16LeS,
    /// <summary><c>i8x16.le_u</c> (0xFD 0x2A)</summary>
    I8x16LeU,
    /// <summary><c>i8x16.ge_s</c> (0xFD 0x2B)</summary>
    I8x16GeS,
    /// <summary><c>i8x16.ge_u</c> (0xFD 0x2C)</summary>
    I8x16GeU,
    /// <summary><c>i16x8.eq</c> (0xFD 0x2D)</summary>
    I16x8Eq,
    /// <summary><c>i16x8.ne</c> (0xFD 0x2E)</summary>
    I16x8Ne,
    /// <summary><c>i16x8.lt_s</c> (0xFD 0x2F)</summary>
    I16x8LtS,
    /// <summary><c>i16x8.lt_u</c> (0xFD 0x30)</summary>
    I16x8LtU,
    /// <summary><c>i16x8.gt_s</c> (0xFD 0x31)</summary>
    I16x8GtS,
    /// <summary><c>i16x8.gt_u</c> (0xFD 0x32)</summary>
    I16x8GtU,
    /// <summary><c>i16x8.le_s</c> (0xFD 0x33)</summary>
    I16x8LeS,
    /// <summary><c>i16x8.le_u</c> (0xFD 0x34)</summary>
    I16x8LeU,
    /// <summary><c>i16x8.ge_s</c> (0xFD 0x35)</summary>
    I16x8GeS,
    /// <summary><c>i16x8.ge_u</c> (0xFD 0x36)</summary>
    I16x8GeU,
    /// <summary><c>i32x4.eq</c> (0xFD 0x37)</summary>
    I32x4Eq,
    /// <summary><c>i32x4.ne</c> (0xFD 0x38)</summary>
    I32x4Ne,
    /// <summary><c>i32x4.lt_s</c> (0xFD 0x39)</summary>
    I32x4LtS,
    /// <summary><c>i32x4.lt_u</c> (0xFD 0x3A)</summary>
    I32x4LtU,
    /// <summary><c>i32x4.gt_s</c> (0xFD 0x3B)</summary>
    I32x4GtS,
    /// <summary><c>i32x4.gt_u</c> (0xFD 0x3C)</summary>
    I32x4GtU,
    /// <summary><c>i32x4.le_s</c> (0xFD 0x3D)</summary>
    I32x4LeS,
    /// <summary><c>i32x4.le_u</c> (0xFD 0x3E)</summary>
    I32x4LeU,
    /// <summary><c>i32x4.ge_s</c> (0xFD 0x3F)</summary>
    I32x4GeS,
    /// <summary><c>i32x4.ge_u</c> (0xFD 0x40)</summary>
    I32x4GeU,
    /// <summary><c>f32x4.eq</c> (0xFD 0x41)</summary>
    F32x4Eq,
    /// <summary><c>f32x4.ne</c> (0xFD 0x42)</summary>
    F32x4Ne,
    /// <summary><c>f32x4.lt</c> (0xFD 0x43)</summary>
    F32x4Lt,
    /// <summary><c>f32x4.gt</c> (0xFD 0x44)</summary>
    F32x4Gt,
    /// <summary><c>f32x4.le</c> (0xFD 0x45)</summary>
    F32x4Le,
    /// <summary><c>f32x4.ge</c> (0xFD 0x46)</summary>
    F32x4Ge,
    /// <summary><c>f64x2.eq</c> (0xFD 0x47)</summary>
    F64x2Eq,
    /// <summary><c>f64x2.ne</c> (0xFD 0x48)</summary>
    F64x2Ne,
    /// <summary><c>f64x2.lt</c> (0xFD 0x49)</summary>
    F64x2Lt,
    /// <summary><c>f64x2.gt</c> (0xFD 0x4A)</summary>
    F64x2Gt,
    /// <summary><c>f64x2.le</c> (0xFD 0x4B)</summary>
    F64x2Le,
    /// <summary><c>f64x2.ge</c> (0xFD 0x4C)</summary>
    F64x2Ge,
    /// <summary><c>v128.not</c> (0xFD 0x4D)</summary>
    V128Not,
    /// <summary><c>v128.and</c> (0xFD 0x4E)</summary>
    V128And,
    /// <summary><c>v128.andnot</c> (0xFD 0x4F)</summary>
    V128Andnot,
    /// <summary><c>v128.or</c> (0xFD 0x50)</summary>
    V128Or,
    /// <summary><c>v128.xor</c> (0xFD 0x51)</summary>
    V128Xor,
    /// <summary><c>v128.bitselect</c> (0xFD 0x52)</summary>
    V128Bitselect,
    /// <summary><c>v128.any_true</c> (0xFD 0x53)</summary>
    V128AnyTrue,
    /// <summary><c>v128.load8_lane</c> (0xFD 0x54)</summary>
    V128Load8Lane,
    /// <summary><c>v128.load16_lane</c> (0xFD 0x55)</summary>
    V128Load16Lane,
    /// <summary><c>v128.load32_lane</c> (0xFD 0x56)</summary>
    V128Load32Lane,
    /// <summary><c>v128.load64_lane</c> (0xFD 0x57)</summary>
    V128Load64Lane,
    /// <summary><c>v128.store8_lane</c> (0xFD 0x58)</summary>
    V128Store8Lane,
    /// <summary><c>v128.store16_lane</c> (0xFD 0x59)</summary>
    V128Store16Lane,
    /// <summary><c>v128.store32_lane</c> (0xFD 0x5A)</summary>
    V128Store32Lane,
    /// <summary><c>v128.store64_lane</c> (0xFD 0x5B)</summary>
    V128Store64Lane,
    /// <summary><c>v128.load32_zero</c> (0xFD 0x5C)</summary>
    V128Load32Zero,
    /// <summary><c>v128.load64_zero</c> (0xFD 0x5D)</summary>
    V128Load64Zero,
    /// <summary><c>f32x4.demote_f64x2_zero</c> (0xFD 0x5E)</summary>
    F32x4DemoteF64x2Zero,
    /// <summary><c>f64x2.promote_low_f32x4</c> (0xFD 0x5F)</summary>
    F64x2PromoteLowF32x4,
    /// <summary><c>i8x16.abs</c> (0xFD 0x60)</summary>
    I8x16Abs,
    /// <summary><c>i8x16.neg</c> (0xFD 0x61)</summary>
    I8x16Neg,
    /// <summary><c>i8x16.popcnt</c> (0xFD 0x62)</summary>
    I8x16Popcnt,
    /// <summary><c>i8x16.all_true</c> (0xFD 0x63)</summary>
    I8x16AllTrue,
    /// <summary><c>i8x16.bitmask</c> (0xFD 0x64)</summary>
    I8x16Bitmask,
    /// <summary><c>i8x16.narrow_i16x8_s</c> (0xFD 0x65)</summary>
    I8x16NarrowI16x8S,
    /// <summary><c>i8x16.narrow_i16x8_u</c> (0xFD 0x66)</summary>
    I8x16NarrowI16x8U,
    /// <summary><c>f32x4.ceil</c> (0xFD 0x67)</summary>
    F32x4Ceil,
    /// <summary><c>f32x4.floor</c> (0xFD 0x68)</summary>
    F32x4Floor,
    /// <summary><c>f32x4.trunc</c> (0xFD 0x69)</summary>
    F32x4Trunc,
    /// <summary><c>f32x4.nearest</c> (0xFD 0x6A)</summary>
    F32x4Nearest,
    /// <summary><c>i8x16.shl</c> (0xFD 0x6B)</summary>
    I8x16Shl,
    /// <summary><c>i8x16.shr_s</c> (0xFD 0x6C)</summary>
    I8x16ShrS,
    /// <summary><c>i8x16.shr_u</c> (0xFD 0x6D)</summary>
    I8x16ShrU,
    /// <summary><c>i8x16.add</c> (0xFD 0x6E)</summary>
    I8x16Add,
    /// <summary><c>i8x16.add_sat_s</c> (0xFD 0x6F)</summary>
    I8x16AddSatS,
    /// <summary><c>i8x16.add_sat_u</c> (0xFD 0x70)</summary>
    I8x16AddSatU,
    /// <summary><c>i8x16.sub</c> (0xFD 0x71)</summary>
    I8x16Sub,
    /// <summary><c>i8x16.sub_sat_s</c> (0xFD 0x72)</summary>
    I8x16SubSatS,
    /// <summary><c>i8x16.sub_sat_u</c> (0xFD 0x73)</summary>
    I8x16SubSatU,
    /// <summary><c>f64x2.ceil</c> (0xFD 0x74)</summary>
    F64x2Ceil,
    /// <summary><c>f64x2.floor</c> (0xFD 0x75)</summary>
    F64x2Floor,
    /// <summary><c>i8x16.min_s</c> (0xFD 0x76)</summary>
    I8x16MinS,
    /// <summary><c>i8x16.min_u</c> (0xFD 0x77)</summary>
    I8x16MinU,
    /// <summary><c>i8x16.max_s</c> (0xFD 0x78)</summary>
    I8x16MaxS,
    /// <summary><c>i8x16.max_u</c> (0xFD 0x79)</summary>
    I8x16MaxU,
    /// <summary><c>f64x2.trunc</c> (0xFD 0x7A)</summary>
    F64x2Trunc,
    /// <summary><c>i8x16.avgr_u</c> (0xFD 0x7B)</summary>
    I8x16AvgrU,
    /// <summary><c>i16x8.extadd_pairwise_i8x16_s</c> (0xFD 0x7C)</summary>
    I16x8ExtaddPairwiseI8x16S,
    /// <summary><c>i16x8.extadd_pairwise_i8x16_u</c> (0xFD 0x7D)</summary>
    I16x8ExtaddPairwiseI8x16U,
    /// <summary><c>i32x4.extadd_pairwise_i16x8_s</c> (0xFD 0x7E)</summary>
    I32x4ExtaddPairwiseI16x8S,
    /// <summary><c>i32x4.extadd_pairwise_i16x8_u</c> (0xFD 0x7F)</summary>
    I32x4ExtaddPairwiseI16x8U,
    /// <summary><c>i16x8.abs</c> (0xFD 0x80)</summary>
    I16x8Abs,
    /// <summary><c>i16x8.neg</c> (0xFD 0x81)</summary>
    I16x8Neg,
    /// <summary><c>i16x8.q15mulr_sat_s</c> (0xFD 0x82)</summary>
    I16x8Q15mulrSatS,
    /// <summary><c>i16x8.all_true</c> (0xFD 0x83)</summary>
    I16x8AllTrue,
    /// <summary><c>i16x8.bitmask</c> (0xFD 0x84)</summary>
    I16x8Bitmask,
    /// <summary><c>i16x8.narrow_i32x4_s</c> (0xFD 0x85)</summary>
    I16x8NarrowI32x4S,
    /// <summary><c>i16x8.narrow_i32x4_u</c> (0xFD 0x86)</summary>
    I16x8NarrowI32x4U,
    /// <summary><c>i16x8.extend_low_i8x16_s</c> (0xFD 0x87)</summary>
    I16x8ExtendLowI8x16S,
    /// <summary><c>i16x8.extend_high_i8x16_s</c> (0xFD 0x88)</summary>
    I16x8ExtendHighI8x16S,
    /// <summary><c>i16x8.extend_low_i8x16_u</c> (0xFD 0x89)</summary>
    I16x8ExtendLowI8x16U,
    /// <summary><c>i16x8.extend_high_i8x16_u</c> (0xFD 0x8A)</summary>
    I16x8ExtendHighI8x16U,
    /// <summary><c>i16x8.shl</c> (0xFD 0x8B)</summary>
    I16x8Shl,
    /// <summary><c>i16x8.shr_s</c> (0xFD 0x8C)</summary>
    I16x8ShrS,
    /// <summary><c>i16x8.shr_u</c> (0xFD 0x8D)</summary>
    I16x8ShrU,
    /// <summary><c>i16x8.add</c> (0xFD 0x8E)</summary>
    I16x8Add,
    /// <summary><c>i16x8.add_sat_s</c> (0xFD 0x8F)</summary>
    I16x8AddSatS,
    /// <summary><c>i16x8.add_sat_u</c> (0xFD 0x90)</summary>
    I16x8AddSatU,
    /// <summary><c>i16x8.sub</c> (0xFD 0x91)</summary>
    I16x8Sub,
    /// <summary><c>i16x8.sub_sat_s</c> (0xFD 0x92)</summary>
    I16x8SubSatS,
    /// <summary><c>i16x8.sub_sat_u</c> (0xFD 0x93)</summary>
    I16x8SubSatU,
    /// <summary><c>f64x2.nearest</c> (0xFD 0x94)</summary>
    F64x2Nearest,
    /// <summary><c>i16x8.mul</c> (0xFD 0x95)</summary>
    I16x8Mul,
    /// <summary><c>i16x8.min_s</c> (0xFD 0x96)</summary>
    I16x8MinS,
    /// <summary><c>i16x8.min_u</c> (0xFD 0x97)</summary>
    I16x8MinU,
    /// <summary><c>i16x8.max_s</c> (0xFD 0x98)</summary>
    I16x8MaxS,
    /// <summary><c>i16x8.max_u</c> (0xFD 0x99)</summary>
    I16x8MaxU,
    /// <summary><c>i16x8.avgr_u</c> (0xFD 0x9B)</summary>
    I16x8AvgrU,
    /// <summary><c>i16x8.extmul_low_i8x16_s</c> (0xFD 0x9C)</summary>
    I16x8ExtmulLowI8x16S,
    /// <summary><c>i16x8.extmul_high_i8x16_s</c> (0xFD 0x9D)</summary>
    I16x8ExtmulHighI8x16S,
    /// <summary><c>i16x8.extmul_low_i8x16_u</c> (0xFD 0x9E)</summary>
    I16x8ExtmulLowI8x16U,
    /// <summary><c>i16x8.extmul_high_i8x16_u</c> (0xFD 0x9F)</summary>
    I16x8ExtmulHighI8x16U,
    /// <summary><c>i32x4.abs</c> (0xFD 0xA0)</summary>
    I32x4Abs,
    /// <summary><c>i32x4.neg</c> (0xFD 0xA1)</summary>
    I32x4Neg,
    /// <summary><c>i32x4.all_true</c> (0xFD 0xA3)</summary>
    I32x4AllTrue,
    /// <summary><c>i32x4.bitmask</c> (0xFD 0xA4)</summary>
    I32x4Bitmask,
    /// <summary><c>i32x4.extend_low_i16x8_s</c> (0xFD 0xA7)</summary>
    I32x4ExtendLowI16x8S,
    /// <summary><c>i32x4.extend_high_i16x8_s</c> (0xFD 0xA8)</summary>
    I32x4ExtendHighI16x8S,
    /// <summary><c>i32x4.extend_low_i16x8_u</c> (0xFD 0xA9)</summary>
    I32x4ExtendLowI16x8U,
    /// <summary><c>i32x4.extend_high_i16x8_u</c> (0xFD 0xAA)</summary>
    I32x4ExtendHighI16x8U,
    /// <summary><c>i32x4.shl</c> (0xFD 0xAB)</summary>
    I32x4Shl,
    /// <summary><c>i32x4.shr_s</c> (0xFD 0xAC)</summary>
    I32x4ShrS,
    /// <summary><c>i32x4.shr_u</c> (0xFD 0xAD)</summary>
    I32x4ShrU,
    /// <summary><c>i32x4.add</c> (0xFD 0xAE)</summary>
    I32x4Add,
    /// <summary><c>i32x4.sub</c> (0xFD 0xB1)</summary>
    I32x4Sub,
    /// <summary><c>i32x4.mul</c> (0xFD 0xB5)</summary>
    I32x4Mul,
    /// <summary><c>i32x4.min_s</c> (0xFD 0xB6)</summary>
    I32x4MinS,
    /// <summary><c>i32x4.min_u</c> (0xFD 0xB7)</summary>
    I32x4MinU,
    /// <summary><c>i32x4.max_s</c> (0xFD 0xB8)</summary>
    I32x4MaxS,
    /// <summary><c>i32x4.max_u</c> (0xFD 0xB9)</summary>
    I32x4MaxU,
    /// <summary><c>i32x4.dot_i16x8_s</c> (0xFD 0xBA)</summary>
    I32x4DotI16x8S,
    /// <summary><c>i32x4.extmul_low_i16x8_s</c> (0xFD 0xBC)</summary>
    I32x4ExtmulLowI16x8S,
    /// <summary><c>i32x4.extmul_high_i16x8_s</c> (0xFD 0xBD)</summary>
    I32x4ExtmulHighI16x8S,
    /// <summary><c>i32x4.extmul_low_i16x8_u</c> (0xFD 0xBE)</summary>
    I32x4ExtmulLowI16x8U,
    /// <summary><c>i32x4.extmul_high_i16x8_u</c> (0xFD 0xBF)</summary>
    I32x4ExtmulHighI16x8U,
    /// <summary><c>i64x2.abs</c> (0xFD 0xC0)</summary>
    I64x2Abs,
    /// <summary><c>i64x2.neg</c> (0xFD 0xC1)</summary>
    I64x2Neg,
    /// <summary><c>i64x2.all_true</c> (0xFD 0xC3)</summary>
    I64x2AllTrue,
    /// <summary><c>i64x2.bitmask</c> (0xFD 0xC4)</summary>
    I64x2Bitmask,
    /// <summary><c>i64x2.extend_low_i32x4_s</c> (0xFD 0xC7)</summary>
    I64x2ExtendLowI32x4S,
    /// <summary><c>i64x2.extend_high_i32x4_s</c> (0xFD 0xC8)</summary>
    I64x2ExtendHighI32x4S,
    /// <summary><c>i64x2.extend_low_i32x4_u</c> (0xFD 0xC9)</summary>
    I64x2ExtendLowI32x4U,
    /// <summary><c>i64x2.extend_high_i32x4_u</c> (0xFD 0xCA)</summary>
    I64x2ExtendHighI32x4U,
    /// <summary><c>i64x2.shl</c> (0xFD 0xCB)</summary>
    I64x2Shl,
    /// <summary><c>i64x2.shr_s</c> (0xFD 0xCC)</summary>
    I64x2ShrS,
    /// <summary><c>i64x2.shr_u</c> (0xFD 0xCD)</summary>
    I64x2ShrU,
    /// <summary><c>i64x2.add</c> (0xFD 0xCE)</summary>
    I64x2Add,
    /// <summary><c>i64x2.sub</c> (0xFD 0xD1)</summary>
    I64x2Sub,
    /// <summary><c>i64x2.mul</c> (0xFD 0xD5)</summary>
    I64x2Mul,
    /// <summary><c>i64x2.eq</c> (0xFD 0xD6)</summary>
    I64x2Eq,
    /// <summary><c>i64x2.ne</c> (0xFD 0xD7)</summary>
    I64x2Ne,
    /// <summary><c>i64x2.lt_s</c> (0xFD 0xD8)</summary>
    I64x2LtS,
    /// <summary><c>i64x2.gt_s</c> (0xFD 0xD9)</summary>
    I64x2GtS,
    /// <summary><c>i64x2.le_s</c> (0xFD 0xDA)</summary>
    I64x2LeS,
    /// <summary><c>i64x2.ge_s</c> (0xFD 0xDB)</summary>
    I64x2GeS,
    /// <summary><c>i64x2.extmul_low_i32x4_s</c> (0xFD 0xDC)</summary>
    I64x2ExtmulLowI32x4S,
    /// <summary><c>i64x2.extmul_high_i32x4_s</c> (0xFD 0xDD)</summary>
    I64x2ExtmulHighI32x4S,
    /// <summary><c>i64x2.extmul_low_i32x4_u</c> (0xFD 0xDE)</summary>
    I64x2ExtmulLowI32x4U,
    /// <summary><c>i64x2.extmul_high_i32x4_u</c> (0xFD 0xDF)</summary>
    I64x2ExtmulHighI32x4U,
    /// <summary><c>f32x4.abs</c> (0xFD 0xE0)</summary>
    F32x4Abs,
    /// <summary><c>f32x4.neg</c> (0xFD 0xE1)</summary>
    F32x4Neg,
    /// <summary><c>f32x4.sqrt</c> (0xFD 0xE3)</summary>
    F32x4Sqrt,
    /// <summary><c>f32x4.add</c> (0xFD 0xE4)</summary>
    F32x4Add,
    /// <summary><c>f32x4.sub</c> (0xFD 0xE5)</summary>
    F32x4Sub,
    /// <summary><c>f32x4.mul</c> (0xFD 0xE6)</summary>
    F32x4Mul,
    /// <summary><c>f32x4.div</c> (0xFD 0xE7)</summary>
    F32x4Div,
    /// <summary><c>f32x4.min</c> (0xFD 0xE8)</summary>
    F32x4Min,
    /// <summary><c>f32x4.max</c> (0xFD 0xE9)</summary>
    F32x4Max,
    /// <summary><c>f32x4.pmin</c> (0xFD 0xEA)</summary>
    F32x4Pmin,
    /// <summary><c>f32x4.pmax</c> (0xFD 0xEB)</summary>
    F32x4Pmax,
    /// <summary><c>f64x2.abs</c> (0xFD 0xEC)</summary>
    F64x2Abs,
    /// <summary><c>f64x2.neg</c> (0xFD 0xED)</summary>
    F64x2Neg,
    /// <summary><c>f64x2.sqrt</c> (0xFD 0xEF)</summary>
    F64x2Sqrt,
    /// <summary><c>f64x2.add</c> (0xFD 0xF0)</summary>
    F64x2Add,
    /// <summary><c>f64x2.sub</c> (0xFD 0xF1)</summary>
    F64x2Sub,
    /// <summary><c>f64x2.mul</c> (0xFD 0xF2)</summary>
    F64x2Mul,
    /// <summary><c>f64x2.div</c> (0xFD 0xF3)</summary>
    F64x2Div,
    /// <summary><c>f64x2.min</c> (0xFD 0xF4)</summary>
    F64x2Min,
    /// <summary><c>f64x2.max</c> (0xFD 0xF5)</summary>
    F64x2Max,
    /// <summary><c>f64x2.pmin</c> (0xFD 0xF6)</summary>
    F64x2Pmin,
    /// <summary><c>f64x2.pmax</c> (0xFD 0xF7)</summary>
    F64x2Pmax,
    /// <summary><c>i32x4.trunc_sat_f32x4_s</c> (0xFD 0xF8)</summary>
    I32x4TruncSatF32x4S,
    /// <summary><c>i32x4.trunc_sat_f32x4_u</c> (0xFD 0xF9)</summary>
    I32x4TruncSatF32x4U,
    /// <summary><c>f32x4.convert_i32x4_s</c> (0xFD 0xFA)</summary>
    F32x4ConvertI32x4S,
    /// <summary><c>f32x4.convert_i32x4_u</c> (0xFD 0xFB)</summary>
    F32x4ConvertI32x4U,
    /// <summary><c>i32x4.trunc_sat_f64x2_s_zero</c> (0xFD 0xFC)</summary>
    I32x4TruncSatF64x2SZero,
    /// <summary><c>i32x4.trunc_sat_f64x2_u_zero</c> (0xFD 0xFD)</summary>
    I32x4TruncSatF64x2UZero,
    /// <summary><c>f64x2.convert_low_i32x4_s</c> (0xFD 0xFE)</summary>
    F64x2ConvertLowI32x4S,
    /// <summary><c>f64x2.convert_low_i32x4_u</c> (0xFD 0xFF)</summary>
    F64x2ConvertLowI32x4U,
    /// <summary><c>i8x16.relaxed_swizzle</c> (0xFD 0x100)</summary>
    I8x16RelaxedSwizzle,
    /// <summary><c>i32x4.relaxed_trunc_f32x4_s</c> (0xFD 0x101)</summary>
    I32x4RelaxedTruncF32x4S,
    /// <summary><c>i32x4.relaxed_trunc_f32x4_u</c> (0xFD 0x102)</summary>
    I32x4RelaxedTruncF32x4U,
    /// <summary><c>i32x4.relaxed_trunc_f64x2_s_zero</c> (0xFD 0x103)</summary>
    I32x4RelaxedTruncF64x2SZero,
    /// <summary><c>i32x4.relaxed_trunc_f64x2_u_zero</c> (0xFD 0x104)</summary>
    I32x4RelaxedTruncF64x2UZero,
    /// <summary><c>f32x4.relaxed_madd</c> (0xFD 0x105)</summary>
    F32x4RelaxedMadd,
    /// <summary><c>f32x4.relaxed_nmadd</c> (0xFD 0x106)</summary>
    F32x4RelaxedNmadd,
    /// <summary><c>f64x2.relaxed_madd</c> (0xFD 0x107)</summary>
    F64x2RelaxedMadd,
    /// <summary><c>f64x2.relaxed_nmadd</c> (0xFD 0x108)</summary>
    F64x2RelaxedNmadd,
    /// <summary><c>i8x16.relaxed_laneselect</c> (0xFD 0x109)</summary>
    I8x16RelaxedLaneselect,
    /// <summary><c>i16x8.relaxed_laneselect</c> (0xFD 0x10A)</summary>
    I16x8RelaxedLaneselect,
    /// <summary><c>i32x4.relaxed_laneselect</c> (0xFD 0x10B)</summary>
    I32x4RelaxedLaneselect,
    /// <summary><c>i64x2.relaxed_laneselect</c> (0xFD 0x10C)</summary>
    I64x2RelaxedLaneselect,
    /// <summary><c>f32x4.relaxed_min</c> (0xFD 0x10D)</summary>
    F32x4RelaxedMin,
    /// <summary><c>f32x4.relaxed_max</c> (0xFD 0x10E)</summary>
    F32x4RelaxedMax,
    /// <summary><c>f64x2.relaxed_min</c> (0xFD 0x10F)</summary>
    F64x2RelaxedMin,
    /// <summary><c>f64x2.relaxed_max</c> (0xFD 0x110)</summary>
    F64x2RelaxedMax,
    /// <summary><c>i16x8.relaxed_q15mulr_s</c> (0xFD 0x111)</summary>
    I16x8RelaxedQ15mulrS,
    /// <summary><c>i16x8.relaxed_dot_i8x16_i7x16_s</c> (0xFD 0x112)</summary>
    I16x8RelaxedDotI8x16I7x16S,
    /// <summary><c>i32x4.relaxed_dot_i8x16_i7x16_add_s</c> (0xFD 0x113)</summary>
    I32x4RelaxedDotI8x16I7x16AddS,
    /// <summary><c>memory.atomic.notify</c> (0xFE 0x00)</summary>
    MemoryAtomicNotify,
    /// <summary><c>memory.atomic.wait32</c> (0xFE 0x01)</summary>
    MemoryAtomicWait32,
    /// <summary><c>memory.atomic.wait64</c> (0xFE 0x02)</summary>
    MemoryAtomicWait64,
    /// <summary><c>atomic.fence</c> (0xFE 0x03). The binary form carries one reserved zero byte, not an immediate.</summary>
    AtomicFence,
    /// <summary><c>i32.atomic.load</c> (0xFE 0x10)</summary>
    I32AtomicLoad,
    /// <summary><c>i64.atomic.load</c> (0xFE 0x11)</summary>
    I64AtomicLoad,
    /// <summary><c>i32.atomic.load8_u</c> (0xFE 0x12)</summary>
    I32AtomicLoad8U,
    /// <summary><c>i32.atomic.load16_u</c> (0xFE 0x13)</summary>
    I32AtomicLoad16U,
    /// <summary><c>i64.atomic.load8_u</c> (0xFE 0x14)</summary>
    I64AtomicLoad8U,
    /// <summary><c>i64.atomic.load16_u</c> (0xFE 0x15)</summary>
    I64AtomicLoad16U,
    /// <summary><c>i64.atomic.load32_u</c> (0xFE 0x16)</summary>
    I64AtomicLoad32U,
    /// <summary><c>i32.atomic.store</c> (0xFE 0x17)</summary>
    I32AtomicStore,
    /// <summary><c>i64.atomic.store</c> (0xFE 0x18)</summary>
    I64AtomicStore,
    /// <summary><c>i32.atomic.store8</c> (0xFE 0x19)</summary>
    I32AtomicStore8,
    /// <summary><c>i32.atomic.store16</c> (0xFE 0x1A)</summary>
    I32AtomicStore16,
    /// <summary><c>i64.atomic.store8</c> (0xFE 0x1B)</summary>
    I64AtomicStore8,
    /// <summary><c>i64.atomic.store16</c> (0xFE 0x1C)</summary>
    I64AtomicStore16,
    /// <summary><c>i64.atomic.store32</c> (0xFE 0x1D)</summary>
    I64AtomicStore32,
    /// <summary><c>i32.atomic.rmw.add</c> (0xFE 0x1E)</summary>
    I32AtomicRmwAdd,
    /// <summary><c>i64.atomic.rmw.add</c> (0xFE 0x1F)</summary>
    I64AtomicRmwAdd,
    /// <summary><c>i32.atomic.rmw8.add_u</c> (0xFE 0x20)</summary>
    I32AtomicRmw8AddU,
    /// <summary><c>i32.atomic.rmw16.add_u</c> (0xFE 0x21)</summary>
    I32AtomicRmw16AddU,
    /// <summary><c>i64.atomic.rmw8.add_u</c> (0xFE 0x22)</summary>
    I64AtomicRmw8AddU,
    /// <summary><c>i64.atomic.rmw16.add_u</c> (0xFE 0x23)</summary>
    I64AtomicRmw16AddU,
    /// <summary><c>i64.atomic.rmw32.add_u</c> (0xFE 0x24)</summary>
    I64AtomicRmw32AddU,
    /// <summary><c>i32.atomic.rmw.sub</c> (0xFE 0x25)</summary>
    I32AtomicRmwSub,
    /// <summary><c>i64.atomic.rmw.sub</c> (0xFE 0x26)</summary>
    I64AtomicRmwSub,
    /// <summary><c>i32.atomic.rmw8.sub_u</c> (0xFE 0x27)</summary>
    I32AtomicRmw8SubU,
    /// <summary><c>i32.atomic.rmw16.sub_u</c> (0xFE 0x28)</summary>
    I32AtomicRmw16SubU,
    /// <summary><c>i64.atomic.rmw8.sub_u</c> (0xFE 0x29)</summary>
    I64AtomicRmw8SubU,
    /// <summary><c>i64.atomic.rmw16.sub_u</c> (0xFE 0x2A)</summary>
    I64AtomicRmw16SubU,
    /// <summary><c>i64.atomic.rmw32.sub_u</c> (0xFE 0x2B)</summary>
    I64AtomicRmw32SubU,
    /// <summary><c>i32.atomic.rmw.and</c> (0xFE 0x2C)</summary>
    I32AtomicRmwAnd,
    /// <summary><c>i64.atomic.rmw.and</c> (0xFE 0x2D)</summary>
    I64AtomicRmwAnd,
    /// <summary><c>i32.atomic.rmw8.and_u</c> (0xFE 0x2E)</summary>
    I32AtomicRmw8AndU,
    /// <summary><c>i32.atomic.rmw16.and_u</c> (0xFE 0x2F)</summary>
    I32AtomicRmw16AndU,
    /// <summary><c>i64.atomic.rmw8.and_u</c> (0xFE 0x30)</summary>
    I64AtomicRmw8AndU,
    /// <summary><c>i64.atomic.rmw16.and_u</c> (0xFE 0x31)</summary>
    I64AtomicRmw16AndU,
    /// <summary><c>i64.atomic.rmw32.and_u</c> (0xFE 0x32)</summary>
    I64AtomicRmw32AndU,
    /// <summary><c>i32.atomic.rmw.or</c> (0xFE 0x33)</summary>
    I32AtomicRmwOr,
    /// <summary><c>i64.atomic.rmw.or</c> (0xFE 0x34)</summary>
    I64AtomicRmwOr,
    /// <summary><c>i32.atomic.rmw8.or_u</c> (0xFE 0x35)</summary>
    I32AtomicRmw8OrU,
    /// <summary><c>i32.atomic.rmw16.or_u</c> (0xFE 0x36)</summary>
    I32AtomicRmw16OrU,
    /// <summary><c>i64.atomic.rmw8.or_u</c> (0xFE 0x37)</summary>
    I64AtomicRmw8OrU,
    /// <summary><c>i64.atomic.rmw16.or_u</c> (0xFE 0x38)</summary>
    I64AtomicRmw16OrU,
    /// <summary><c>i64.atomic.rmw32.or_u</c> (0xFE 0x39)</summary>
    I64AtomicRmw32OrU,
    /// <summary><c>i32.atomic.rmw.xor</c> (0xFE 0x3A)</summary>
    I32AtomicRmwXor,
    /// <summary><c>i64.atomic.rmw.xor</c> (0xFE 0x3B)</summary>
    I64AtomicRmwXor,
    /// <summary><c>i32.atomic.rmw8.xor_u</c> (0xFE 0x3C)</summary>
    I32AtomicRmw8XorU,
    /// <summary><c>i32.atomic.rmw16.xor_u</c> (0xFE 0x3D)</summary>
    I32AtomicRmw16XorU,
    /// <summary><c>i64.atomic.rmw8.xor_u</c> (0xFE 0x3E)</summary>
    I64AtomicRmw8XorU,
    /// <summary><c>i64.atomic.rmw16.xor_u</c> (0xFE 0x3F)</summary>
    I64AtomicRmw16XorU,
    /// <summary><c>i64.atomic.rmw32.xor_u</c> (0xFE 0x40)</summary>
    I64AtomicRmw32XorU,
    /// <summary><c>i32.atomic.rmw.xchg</c> (0xFE 0x41)</summary>
    I32AtomicRmwXchg,
    /// <summary><c>i64.atomic.rmw.xchg</c> (0xFE 0x42)</summary>
    I64AtomicRmwXchg,
    /// <summary><c>i32.atomic.rmw8.xchg_u</c> (0xFE 0x43)</summary>
    I32AtomicRmw8XchgU,
    /// <summary><c>i32.atomic.rmw16.xchg_u</c> (0xFE 0x44)</summary>
    I32AtomicRmw16XchgU,
    /// <summary><c>i64.atomic.rmw8.xchg_u</c> (0xFE 0x45)</summary>
    I64AtomicRmw8XchgU,
    /// <summary><c>i64.atomic.rmw16.xchg_u</c> (0xFE 0x46)</summary>
    I64AtomicRmw16XchgU,
    /// <summary><c>i64.atomic.rmw32.xchg_u</c> (0xFE 0x47)</summary>
    I64AtomicRmw32XchgU,
    /// <summary><c>i32.atomic.rmw.cmpxchg</c> (0xFE 0x48)</summary>
    I32AtomicRmwCmpxchg,
    /// <summary><c>i64.atomic.rmw.cmpxchg</c> (0xFE 0x49)</summary>
    I64AtomicRmwCmpxchg,
    /// <summary><c>i32.atomic.rmw8.cmpxchg_u</c> (0xFE 0x4A)</summary>
    I32AtomicRmw8CmpxchgU,
    /// <summary><c>i32.atomic.rmw16.cmpxchg_u</c> (0xFE 0x4B)</summary>
    I32AtomicRmw16CmpxchgU,
    /// <summary><c>i64.atomic.rmw8.cmpxchg_u</c> (0xFE 0x4C)</summary>
    I64AtomicRmw8CmpxchgU,
    /// <summary><c>i64.atomic.rmw16.cmpxchg_u</c> (0xFE 0x4D)</summary>
    I64AtomicRmw16CmpxchgU,
    /// <summary><c>i64.atomic.rmw32.cmpxchg_u</c> (0xFE 0x4E)</summary>
    I64AtomicRmw32CmpxchgU,
    /// <summary><c>i64.add128</c> (0xFC 0x13)</summary>
    I64Add128,
    /// <summary><c>i64.sub128</c> (0xFC 0x14)</summary>
    I64Sub128,
    /// <summary><c>i64.mul_wide_s</c> (0xFC 0x15)</summary>
    I64MulWideS,
    /// <summary><c>i64.mul_wide_u</c> (0xFC 0x16)</summary>
    I64MulWideU,
    /// <summary><c>struct.new_desc</c> (0xFB 0x20)</summary>
    StructNewDesc,
    /// <summary><c>struct.new_default_desc</c> (0xFB 0x21)</summary>
    StructNewDefaultDesc,
    /// <summary><c>ref.get_desc</c> (0xFB 0x22)</summary>
    RefGetDesc,
    /// <summary><c>ref.cast_desc_eq</c> (0xFB 0x23). Stands for both binary forms (0xFB 0x23 and 0x24); the nullability lives in the reftype.</summary>
    RefCastDescEq,
    /// <summary><c>br_on_cast_desc_eq</c> (0xFB 0x25)</summary>
    BrOnCastDescEq,
    /// <summary><c>br_on_cast_desc_eq_fail</c> (0xFB 0x26)</summary>
    BrOnCastDescEqFail,
}
