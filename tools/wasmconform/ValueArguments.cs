using System.Text;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Cli;

/// <summary>Parses command-line arguments in the <c>.wast</c> value syntax into <see cref="Value"/>s.</summary>
public static class ValueArguments
{
    /// <summary>
    /// One value per parameter: <c>TYPE:LITERAL</c> (<c>i32:-1</c>, <c>f64:0x1p-1</c>, <c>f32:nan:0x200000</c>)
    /// or a bare literal of the parameter's type.
    /// </summary>
    /// <exception cref="FormatException">Wrong count, type or literal, with the argument named.</exception>
    public static Value[] Parse(IReadOnlyList<string> args, EquatableArray<ValType> parameters)
    {
        if (args.Count != parameters.Count)
            throw new FormatException($"expected {parameters.Count} argument(s) ({string.Join(" ", parameters)}), got {args.Count}");
        var values = new Value[args.Count];
        for (int i = 0; i < values.Length; i++) values[i] = ParseOne(args[i], parameters[i], i);
        return values;
    }

    private static Value ParseOne(string text, ValType type, int index)
    {
        string literal = text;
        int colon = text.IndexOf(':');
        if (type.Kind == ValTypeKind.V128)
            return ParseV128(text, index);
        if (colon > 0 && text[..colon] is "i32" or "i64" or "f32" or "f64" or "v128")
        {
            if (text[..colon] != type.ToString())
                throw new FormatException($"argument {index + 1} \"{text}\": the parameter has type {type}");
            literal = text[(colon + 1)..];
        }
        var bytes = Encoding.UTF8.GetBytes(literal);
        Value? value = type.Kind switch
        {
            ValTypeKind.I32 when IntLiteral.TryParse(bytes, 32, out var i) => Value.I32((int)i),
            ValTypeKind.I64 when IntLiteral.TryParse(bytes, 64, out var i) => Value.I64((long)i),
            ValTypeKind.F32 when FloatLiteral.TryParse32(bytes, out var f) => Value.F32Bits(f),
            ValTypeKind.F64 when FloatLiteral.TryParse64(bytes, out var f) => Value.F64Bits(f),
            _ => null,
        };
        return value ?? throw new FormatException($"argument {index + 1} \"{text}\": not a {type} literal");
    }

    /// <summary><c>v128:SHAPE:LANE,LANE,…</c>, e.g. <c>v128:i32x4:1,2,3,4</c> or <c>v128:f32x4:0.5,nan,-inf,0x1p-1</c> (lane 0 first).</summary>
    private static Value ParseV128(string text, int index)
    {
        var parts = text.Split(':', 3);
        var shape = parts.Length == 3 && parts[0] == "v128" ? ShapeNamed(parts[1]) : null;
        if (shape is not { } s)
            throw new FormatException($"argument {index + 1} \"{text}\": expected v128:SHAPE:LANES with SHAPE one of i8x16, i16x8, i32x4, i64x2, f32x4, f64x2");
        var lanes = parts[2].Split(',');
        if (lanes.Length != V128Literal.LaneCount(s))
            throw new FormatException($"argument {index + 1} \"{text}\": {parts[1]} takes {V128Literal.LaneCount(s)} lanes, got {lanes.Length}");
        var bits = new ulong[lanes.Length];
        for (int i = 0; i < lanes.Length; i++)
            if (!V128Literal.TryParseLane(s, Encoding.UTF8.GetBytes(lanes[i]), out bits[i]))
                throw new FormatException($"argument {index + 1} \"{text}\": lane {i} \"{lanes[i]}\" is not a {parts[1]} lane literal");
        var (low, high) = V128Literal.Assemble(s, bits);
        return Value.V128(low, high);
    }

    private static V128Shape? ShapeNamed(string name) => name switch
    {
        "i8x16" => V128Shape.I8x16,
        "i16x8" => V128Shape.I16x8,
        "i32x4" => V128Shape.I32x4,
        "i64x2" => V128Shape.I64x2,
        "f32x4" => V128Shape.F32x4,
        "f64x2" => V128Shape.F64x2,
        _ => null,
    };
}
