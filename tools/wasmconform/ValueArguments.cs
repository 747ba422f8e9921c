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
        if (colon > 0 && text[..colon] is "i32" or "i64" or "f32" or "f64")
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
}
