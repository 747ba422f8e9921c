using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Script;

// Script values: invoke arguments (constants) and assert_return result patterns.
internal sealed partial class ScriptParser
{
    // ( t.const num ) | ( v128.const shape num* ) | ( ref.null heaptype ) | ( ref.extern n ) | ( ref.host n )
    // The shape of a v128 argument is added to <shapes>.
    private Value Argument(List<V128Shape> shapes)
    {
        R.Expect(TokenKind.LParen);
        var t = R.Advance();
        Value value;
        if (t.Kw == Kw.RefExtern) value = Value.Ref(Engine.Syntax.HeapType.Extern, new HostReference(HostNumber()));
        else if (t.Kw == Kw.RefHost) value = Value.Ref(Engine.Syntax.HeapType.Any, new HostReference(HostNumber()));
        else if (t.Kind != TokenKind.Keyword || t.Ops.Count == 0) throw R.Unexpected(t);
        else value = t.Ops[0] switch
        {
            Opcode.I32Const or Opcode.I64Const or Opcode.F32Const or Opcode.F64Const => Number(t.Ops[0]),
            Opcode.V128Const => V128Value(shapes),
            Opcode.RefNull => Value.Null(ParseHeapType()),
            _ => throw R.Unexpected(t),
        };
        R.Expect(TokenKind.RParen);
        return value;
    }

    private ResultPattern Result()
    {
        R.Expect(TokenKind.LParen);
        var t = R.Advance();
        ResultPattern result = t.Kw switch
        {
            Kw.Ref => new RefTypeResult(Engine.Syntax.HeapType.Any),
            Kw.RefStruct => new RefTypeResult(new HeapType(HeapKind.Struct)),
            Kw.RefArray => new RefTypeResult(new HeapType(HeapKind.Array)),
            Kw.RefExn => new RefTypeResult(Engine.Syntax.HeapType.Exn),
            Kw.RefExtern => R.At(TokenKind.Nat)
                ? new ValueResult(Value.Ref(Engine.Syntax.HeapType.Extern, new HostReference(HostNumber())))
                : new RefTypeResult(Engine.Syntax.HeapType.Extern),
            Kw.RefHost => new ValueResult(Value.Ref(Engine.Syntax.HeapType.Any, new HostReference(HostNumber()))),
            Kw.Either => Either(),
            _ when t.Kind == TokenKind.Keyword && t.Ops.Count > 0 => InstructionResult(t),
            _ => throw R.Unexpected(t),
        };
        R.Expect(TokenKind.RParen);
        return result;
    }

    private ResultPattern InstructionResult(in Token t) => t.Ops[0] switch
    {
        Opcode.I32Const or Opcode.I64Const => new ValueResult(Number(t.Ops[0])),
        Opcode.F32Const or Opcode.F64Const => FloatResult(t.Ops[0]),
        Opcode.V128Const => V128Pattern(),
        Opcode.RefNull => new RefNullResult(R.At(TokenKind.RParen) ? null : ParseHeapType()),
        Opcode.RefFunc => new RefTypeResult(Engine.Syntax.HeapType.Func),
        Opcode.RefI31 => new RefTypeResult(new HeapType(HeapKind.I31)),
        Opcode.RefEq => new RefTypeResult(new HeapType(HeapKind.Eq)),
        _ => throw R.Unexpected(t),
    };

    private EitherResult Either()
    {
        if (++_eitherDepth > WatParser.MaxNestingDepth) throw R.Error(R.Current, "results nested too deeply");
        var alternatives = new List<ResultPattern> { Result() };
        while (R.At(TokenKind.LParen)) alternatives.Add(Result());
        _eitherDepth--;
        return new EitherResult(alternatives.ToArray());
    }

    private ResultPattern FloatResult(Opcode op)
    {
        var type = op == Opcode.F32Const ? ValTypeKind.F32 : ValTypeKind.F64;
        if (Nan(R.Current) is { } nan)
        {
            R.Advance();
            return new NanResult(type, nan);
        }
        return new ValueResult(Number(op));
    }

    private static NanKind? Nan(in Token t) => t.Kw switch
    {
        Kw.NanCanonical => NanKind.Canonical,
        Kw.NanArithmetic => NanKind.Arithmetic,
        _ => null,
    };

    private Value Number(Opcode op)
    {
        if (Nan(R.Current) is not null) throw R.Error(R.Current, "NaN pattern with non-float type");
        if (!R.Current.IsNumber) throw R.Unexpected();
        var t = R.Advance();
        var text = R.Bytes(t);
        switch (op)
        {
            case Opcode.I32Const when IntLiteral.TryParse(text, 32, out ulong i32):
                return Value.I32((int)(uint)i32);
            case Opcode.I64Const when IntLiteral.TryParse(text, 64, out ulong i64):
                return Value.I64((long)i64);
            case Opcode.F32Const when FloatLiteral.TryParse32(text, out uint f32):
                return Value.F32Bits(f32);
            case Opcode.F64Const when FloatLiteral.TryParse64(text, out ulong f64):
                return Value.F64Bits(f64);
            default:
                throw R.Error(t, "constant out of range");
        }
    }

    private Value V128Value(List<V128Shape> shapes)
    {
        var lanes = V128Lanes(out var shape, allowNan: false);
        shapes.Add(shape);
        Span<ulong> bits = stackalloc ulong[lanes.Count];
        for (int i = 0; i < bits.Length; i++) bits[i] = lanes[i].Bits;
        var (low, high) = V128Literal.Assemble(shape, bits);
        return Value.V128(low, high);
    }

    private V128Result V128Pattern()
    {
        var lanes = V128Lanes(out var shape, allowNan: true);
        return new V128Result(shape, lanes.ToArray());
    }

    // shape lane*: the shape's lane count of number literals (or NaN patterns in float lanes of results).
    private List<LanePattern> V128Lanes(out V128Shape shape, bool allowNan)
    {
        var start = R.Current;
        shape = V128Literal.ShapeOf(R.Current.Kw) ?? throw R.Unexpected();
        R.Advance();
        var lanes = new List<LanePattern>();
        while (R.Current.IsNumber || (allowNan && Nan(R.Current) is not null))
        {
            var t = R.Advance();
            if (Nan(t) is { } nan)
            {
                if (!V128Literal.IsFloat(shape)) throw R.Error(t, "invalid vector constant");
                lanes.Add(new LanePattern(0, nan));
            }
            else if (V128Literal.TryParseLane(shape, R.Bytes(t), out ulong bits))
            {
                lanes.Add(new LanePattern(bits));
            }
            else
            {
                throw R.Error(t, "constant out of range");
            }
        }
        if (lanes.Count != V128Literal.LaneCount(shape)) throw R.Error(start, "wrong number of lane literals");
        return lanes;
    }

    private uint HostNumber()
    {
        var t = R.Expect(TokenKind.Nat);
        if (!IntLiteral.TryParseNat(R.Bytes(t), 32, out ulong n)) throw R.Error(t, "i32 constant out of range");
        return (uint)n;
    }

    // A heap type outside any module: abstract, or a numeric type index.
    private HeapType ParseHeapType()
    {
        var scratch = new ModuleContext(R);
        var heap = new TypeParser(scratch).HeapType();
        scratch.ThrowDeferred();
        return heap;
    }
}
