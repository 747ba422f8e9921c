using System.Buffers;
using System.Text;
using System.Text.Json;

namespace WasmConform.Runners.Wasmtime;

/// <summary>
/// The wasmtime runner: reads one JSON request per line on stdin and writes one JSON response
/// per line on stdout (fuzz/runners/README.md describes the protocol).
/// </summary>
public static class Program
{
    public static int Main()
    {
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), false, 1 << 16);
        using var output = Console.OpenStandardOutput();
        var buffer = new ArrayBufferWriter<byte>(1 << 12);
        using var writer = new Utf8JsonWriter(buffer);
        using var session = new Session();
        while (input.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            buffer.Clear();
            writer.Reset(buffer);
            Respond(session, line, writer);
            writer.Flush();
            output.Write(buffer.WrittenSpan);
            output.WriteByte((byte)'\n');
            output.Flush();
        }
        return 0;
    }

    /// <summary>Answers one request line; a request the session cannot serve is answered with <c>error</c>.</summary>
    private static void Respond(Session session, string line, Utf8JsonWriter writer)
    {
        long id = 0;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var request = doc.RootElement;
            if (request.TryGetProperty("id", out var idElement)) id = idElement.GetInt64();
            var response = session.Handle(request);
            Write(writer, id, response);
        }
        catch (Exception e) when (e is JsonException or RequestException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            Write(writer, id, Response.Error(e.Message));
        }
    }

    private static void Write(Utf8JsonWriter writer, long id, Response response)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        response.WriteFields(writer);
        writer.WriteEndObject();
    }
}

/// <summary>A request that cannot be served: unknown handle, missing field, bad value.</summary>
public sealed class RequestException(string message) : Exception(message);
