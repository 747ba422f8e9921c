using System.Text.Json;

namespace WasmConform.Runners.Wasmtime;

/// <summary>A response's <c>result</c> and the fields that go with it (written after <c>id</c>).</summary>
public sealed class Response(string result, Action<Utf8JsonWriter>? fields = null)
{
    public string Result { get; } = result;

    public void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("result", Result);
        fields?.Invoke(writer);
    }

    public static Response Ok { get; } = new("ok");

    public static Response Error(string message) => new("error", w => w.WriteString("message", message));

    /// <summary>This response, followed by the call's log trace.</summary>
    public Response WithTrace(IReadOnlyList<Traced> trace) => new(Result, w =>
    {
        WriteFields0(w);
        w.WriteStartArray("trace");
        foreach (var t in trace) Wire.WriteValue(w, t.Kind, t.Value);
        w.WriteEndArray();
    });

    private void WriteFields0(Utf8JsonWriter writer) => fields?.Invoke(writer);
}

/// <summary>One value logged through <c>env.log_*</c>.</summary>
public readonly record struct Traced(global::Wasmtime.ValueKind Kind, object? Value);
