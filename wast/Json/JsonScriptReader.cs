using System.Text.Json;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Json;

/// <summary>
/// Reads wast2json output — ours (<see cref="Wast2Json"/>) or wabt's — back into the script model,
/// so the script runner runs it as it runs a <c>.wast</c>: <c>.wasm</c> files become binary
/// modules, <c>.wat</c> files quoted modules (parsed when run). Command locations are the JSON's
/// <c>line</c>s in its <c>source_filename</c>, with column 0 (the JSON does not record columns).
/// </summary>
/// <remarks>
/// Also accepted: <c>"definition": true</c> as a boolean, wasm-tools' <c>module_definition</c>
/// command, and signed decimal integers. The <c>expected</c> result types of actions and traps
/// are not needed to run a script and are ignored.
/// </remarks>
public static class JsonScriptReader
{
    /// <summary>Reads the JSON script at <paramref name="path"/>, its module files from the same folder.</summary>
    /// <exception cref="JsonScriptException">The file, or a module file it names, cannot be read or is not in the format.</exception>
    public static WastScript ReadFile(string path)
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JsonScriptException($"cannot read the script: {e.Message}", path, e);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Read(json, path, name => File.ReadAllBytes(Path.Combine(folder, name)));
    }

    /// <summary>
    /// Reads a JSON script from <paramref name="json"/>; <paramref name="openModule"/> gives the
    /// bytes of a module file by the name the JSON gives it (throwing <see cref="IOException"/>
    /// when there is none). <paramref name="path"/> names the script in errors and in the result.
    /// </summary>
    /// <exception cref="JsonScriptException">Not JSON, not in the format, or a module file is missing.</exception>
    public static WastScript Read(byte[] json, string path, Func<string, byte[]> openModule)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new JsonScriptException(e.Message, $"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("commands", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new JsonScriptException("not a wast2json script: no \"commands\" list", path);
            string source = root.TryGetProperty("source_filename", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : path;
            var reader = new CommandReader(source, openModule);
            var commands = new List<Command>();
            int index = 0;
            foreach (var element in list.EnumerateArray())
            {
                try
                {
                    commands.Add(reader.Read(element));
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    string line = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("line", out var l) ? $" (line {l})" : "";
                    throw new JsonScriptException(e.Message, $"{path}: command {index}{line}", e);
                }
                index++;
            }
            return new WastScript(path, commands.ToArray());
        }
    }

    /// <summary>Turns one command object into its record.</summary>
    private sealed class CommandReader(string source, Func<string, byte[]> openModule)
    {
        public Command Read(JsonElement e)
        {
            string type = JsonValueReader.Text(e, "type");
            var at = new SourceLocation(source, Line(e), 0);
            return type switch
            {
                "module" => new ModuleCommand(at, Name(e, "name"), IsDefinition(e), Source(e)),
                "module_definition" => new ModuleCommand(at, Name(e, "name"), true, Source(e)),
                "module_instance" => Instance(e, at),
                "register" => new RegisterCommand(at, JsonValueReader.Text(e, "as"), Name(e, "name")),
                "action" => new ActionCommand(at, Action(e, at)),
                "assert_return" => new AssertReturn(at, Action(e, at), Expected(e)),
                "assert_trap" => new AssertTrap(at, Action(e, at), JsonValueReader.Text(e, "text")),
                "assert_exhaustion" => new AssertExhaustion(at, Action(e, at), JsonValueReader.Text(e, "text")),
                "assert_exception" => new AssertException(at, Action(e, at)),
                "assert_malformed" => new AssertMalformed(at, Module(e, at), JsonValueReader.Text(e, "text")),
                "assert_invalid" => new AssertInvalid(at, Module(e, at), JsonValueReader.Text(e, "text")),
                "assert_malformed_custom" => new AssertMalformedCustom(at, Module(e, at), JsonValueReader.Text(e, "text")),
                "assert_invalid_custom" => new AssertInvalidCustom(at, Module(e, at), JsonValueReader.Text(e, "text")),
                "assert_unlinkable" => new AssertUnlinkable(at, ModuleOrInstance(e, at), JsonValueReader.Text(e, "text")),
                "assert_uninstantiable" => new AssertUninstantiable(at, ModuleOrInstance(e, at), JsonValueReader.Text(e, "text")),
                _ => throw new FormatException($"unknown command type \"{type}\""),
            };
        }

        private static int Line(JsonElement e) =>
            e.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out int line)
                ? line
                : throw new FormatException("\"line\" must be a number");

        private static bool IsDefinition(JsonElement e) =>
            e.TryGetProperty("definition", out var d)
            && (d.ValueKind == JsonValueKind.True || (d.ValueKind == JsonValueKind.String && d.GetString() == "true"));

        // A module or instance name: the JSON keeps the $ of the text format, the script model does not.
        private static string? Name(JsonElement e, string key)
        {
            if (!e.TryGetProperty(key, out _)) return null;
            string name = JsonValueReader.Text(e, key);
            return name.StartsWith('$') ? name[1..] : name;
        }

        private static InstanceCommand Instance(JsonElement e, SourceLocation at) => new(at, Name(e, "instance"), Name(e, "module"));

        private ModuleCommand Module(JsonElement e, SourceLocation at) => new(at, null, false, Source(e));

        private Command ModuleOrInstance(JsonElement e, SourceLocation at) =>
            e.TryGetProperty("filename", out _) ? Module(e, at) : Instance(e, at);

        // "filename" with "module_type" (binary or text; without it, by the file's extension).
        private ModuleSource Source(JsonElement e)
        {
            string file = JsonValueReader.Text(e, "filename");
            string type = e.TryGetProperty("module_type", out _) ? JsonValueReader.Text(e, "module_type")
                : file.EndsWith(".wat", StringComparison.OrdinalIgnoreCase) ? "text" : "binary";
            byte[] bytes = openModule(file);
            return type switch
            {
                "binary" => new BinaryModule(bytes),
                "text" => new QuotedModule(bytes, new SourceLocation(file, 1, 1)),
                _ => throw new FormatException($"unknown module_type \"{type}\""),
            };
        }

        private static ScriptAction Action(JsonElement command, SourceLocation at)
        {
            if (!command.TryGetProperty("action", out var e)) throw new FormatException("\"action\" is missing");
            string type = JsonValueReader.Text(e, "type");
            string? module = Name(e, "module");
            string field = JsonValueReader.Text(e, "field");
            switch (type)
            {
                case "get":
                    return new GetAction(at, module, field);
                case "invoke":
                {
                    var args = JsonValueReader.Items(e, "args").Select(JsonValueReader.Argument).ToArray();
                    var shapes = args.Where(a => a.Shape is not null).Select(a => a.Shape!.Value).ToArray();
                    return new InvokeAction(at, module, field, args.Select(a => a.Value).ToArray()) { VectorShapes = shapes };
                }
                default:
                    throw new FormatException($"unknown action type \"{type}\"");
            }
        }

        // "expected": [results], or "either": [alternatives] for one result with alternatives.
        private static EquatableArray<ResultPattern> Expected(JsonElement e)
        {
            if (e.TryGetProperty("either", out _))
                return new ResultPattern[] { new EitherResult(JsonValueReader.Items(e, "either").Select(JsonValueReader.Result).ToArray()) };
            return JsonValueReader.Items(e, "expected").Select(JsonValueReader.Result).ToArray();
        }
    }
}
