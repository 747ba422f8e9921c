using System.Text.Json;
using WasmConform.Engine.Embedding;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Json;

/// <summary>
/// The wast2json value encoding on its own, one JSON object at a time: what the script
/// converter writes for arguments and expected results (see <see cref="JsonValueWriter"/> for
/// the format), for other users of the encoding and for tests.
/// </summary>
public static class JsonValues
{
    /// <summary>
    /// <c>{"type": "i32", "value": "42"}</c> and so on; a v128 in the lanes of <paramref name="shape"/> (i32x4 when null).
    /// </summary>
    /// <exception cref="ArgumentException">A reference that is neither null nor a host reference.</exception>
    public static string Format(Value value, V128Shape? shape = null)
    {
        var json = new JsonText();
        JsonValueWriter.Argument(json, value, shape);
        return json.ToString();
    }

    /// <summary>An expected result: a value, a NaN pattern, v128 lanes, a reference pattern or <c>either</c>.</summary>
    /// <exception cref="ArgumentException">A reference value that is neither null nor a host reference.</exception>
    public static string Format(ResultPattern pattern)
    {
        var json = new JsonText();
        JsonValueWriter.Result(json, pattern);
        return json.ToString();
    }

    /// <summary>Reads an argument (a value with, for a v128, the shape its lanes were written in).</summary>
    /// <exception cref="FormatException">Not a value in the encoding.</exception>
    public static (Value Value, V128Shape? Shape) ParseArgument(string json) => Parse(json, JsonValueReader.Argument);

    /// <summary>Reads an expected result.</summary>
    /// <exception cref="FormatException">Not a result in the encoding.</exception>
    public static ResultPattern ParseResult(string json) => Parse(json, JsonValueReader.Result);

    private static T Parse<T>(string json, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
