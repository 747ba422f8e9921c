using System.Text;
using Encoder = WasmConform.Engine.Binary.Encoder;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Json;

/// <summary>A module file of a converted script: its name (<c>NAME.N.wasm</c> or <c>NAME.N.wat</c>) and bytes.</summary>
public sealed record JsonModuleFile(string Name, byte[] Bytes);

/// <summary>A converted script: the JSON command list, and the module files it names, in order.</summary>
public sealed record JsonScript(string Json, IReadOnlyList<JsonModuleFile> Files)
{
    /// <summary>The JSON text as UTF-8.</summary>
    public byte[] JsonBytes => Encoding.UTF8.GetBytes(Json);
}

/// <summary>
/// Converts a <see cref="WastScript"/> into the JSON command list and module files of wabt's
/// <c>wast2json</c> (its <c>src/binary-writer-spec.cc</c> is the reference for the layout):
/// one object per command with its <c>type</c>, the <c>line</c> wabt records (the action's line
/// for assertions on actions, the module's for assertions on modules), and per command kind the
/// fields wabt writes. Text modules are encoded with our <see cref="Encoder"/>, binary modules
/// written as their bytes, quoted modules of assertions as their text (<c>.wat</c>,
/// <c>"module_type": "text"</c>); files are numbered in command order.
/// </summary>
/// <remarks>
/// Extensions for what wabt's format does not know, named as wasm-tools' <c>json-from-wast</c>
/// names them where it has a name:
/// <list type="bullet">
/// <item><c>{"type": "module_instance", "line", "instance"?, "module"?}</c> for <c>(module instance)</c>;</item>
/// <item><c>assert_malformed_custom</c> / <c>assert_invalid_custom</c> shaped as <c>assert_malformed</c>;</item>
/// <item><c>assert_unlinkable</c> / <c>assert_uninstantiable</c> on <c>(module instance)</c>: no <c>filename</c>,
/// <c>"instance"</c>? and <c>"module"</c>? instead;</item>
/// <item>a top-level <c>(module quote)</c> that does not parse is written as its text with <c>"module_type": "text"</c>
/// (wabt parses and encodes top-level quoted modules, and stops when one does not parse);</item>
/// <item><c>expected</c> result types are left out when the action's module or export is not known;</item>
/// <item>the reference values and nested <c>either</c> of <see cref="JsonValueWriter"/>.</item>
/// </list>
/// As in wabt's newest version: <c>"definition": "true"</c> marks <c>(module definition)</c>, a module's
/// <c>$id</c> is its <c>name</c>, and an <c>assert_return</c> whose only result is <c>(either …)</c> has
/// <c>"either": [...]</c> in place of <c>expected</c>.
/// </remarks>
public static class Wast2Json
{
    /// <summary>
    /// Converts <paramref name="script"/>. <paramref name="sourceFilename"/> is written as
    /// <c>source_filename</c>; module files are named <c>{<paramref name="stem"/>}.{n}.wasm</c> / <c>.wat</c>.
    /// </summary>
    /// <exception cref="ConversionException">A text module or value has no binary/JSON encoding.</exception>
    public static JsonScript Convert(WastScript script, string sourceFilename, string stem)
    {
        var writer = new CommandWriter(stem);
        var json = new StringBuilder("{\"source_filename\": ");
        JsonText.Escape(json, sourceFilename);
        json.Append(",\n \"commands\": [\n");
        for (int i = 0; i < script.Commands.Count; i++)
        {
            if (i > 0) json.Append(", \n");
            json.Append("  ").Append(Write(writer, script.Commands[i]));
        }
        json.Append("]}\n");
        return new JsonScript(json.ToString(), writer.Files);
    }

    private static string Write(CommandWriter writer, Command command)
    {
        try
        {
            return writer.Write(command);
        }
        catch (ArgumentException e)
        {
            throw new ConversionException(e.Message, command.Location.ToString(), e);
        }
    }

    /// <summary>The line wabt records for a command (see <see cref="Wast2Json"/>).</summary>
    public static int LineOf(Command command) => command switch
    {
        ActionCommand a => a.Action.Location.Line,
        AssertReturn a => a.Action.Location.Line,
        AssertTrap a => a.Action.Location.Line,
        AssertExhaustion a => a.Action.Location.Line,
        AssertException a => a.Action.Location.Line,
        AssertMalformed a => a.Module.Location.Line,
        AssertInvalid a => a.Module.Location.Line,
        AssertMalformedCustom a => a.Module.Location.Line,
        AssertInvalidCustom a => a.Module.Location.Line,
        AssertUnlinkable a => a.Module.Location.Line,
        AssertUninstantiable a => a.Module.Location.Line,
        _ => command.Location.Line,
    };

    /// <summary>Writes commands one by one, numbering module files and following modules for result types.</summary>
    private sealed class CommandWriter(string stem)
    {
        private readonly List<JsonModuleFile> _files = [];
        private readonly ExportTypes _types = new();

        public IReadOnlyList<JsonModuleFile> Files => _files;

        public string Write(Command command)
        {
            var json = new JsonText().Open();
            switch (command)
            {
                case ModuleCommand m: Module(json, m); break;
                case InstanceCommand i:
                    json.String("type", "module_instance").Number("line", LineOf(i));
                    InstanceNames(json, i);
                    _types.Instance(i);
                    break;
                case RegisterCommand r:
                    json.String("type", "register").Number("line", LineOf(r));
                    if (r.ModuleId is { } id) json.String("name", "$" + id);
                    json.String("as", r.Name);
                    break;
                case ActionCommand a: ActionWithTypes(json, "action", a, a.Action, null); break;
                case AssertReturn a: Return(json, a); break;
                case AssertTrap a: ActionWithTypes(json, "assert_trap", a, a.Action, a.Message); break;
                case AssertExhaustion a: ActionWithTypes(json, "assert_exhaustion", a, a.Action, a.Message); break;
                case AssertException a: ActionWithTypes(json, "assert_exception", a, a.Action, null); break;
                case AssertMalformed a: ModuleAssertion(json, "assert_malformed", a, a.Module, a.Message); break;
                case AssertInvalid a: ModuleAssertion(json, "assert_invalid", a, a.Module, a.Message); break;
                case AssertMalformedCustom a: ModuleAssertion(json, "assert_malformed_custom", a, a.Module, a.Message); break;
                case AssertInvalidCustom a: ModuleAssertion(json, "assert_invalid_custom", a, a.Module, a.Message); break;
                case AssertUnlinkable a: ModuleAssertion(json, "assert_unlinkable", a, a.Module, a.Message); break;
                case AssertUninstantiable a: ModuleAssertion(json, "assert_uninstantiable", a, a.Module, a.Message); break;
                default: throw new ArgumentException($"no JSON form for {command.GetType().Name}");
            }
            return json.Close().ToString();
        }

        // {"type": "module", "definition"?, "line", "name"?, "filename"[, "module_type": "text"]}
        private void Module(JsonText json, ModuleCommand m)
        {
            json.String("type", "module");
            if (m.IsDefinition) json.String("definition", "true");
            json.Number("line", LineOf(m));
            if (m.Id is { } id) json.String("name", "$" + id);
            var (name, text) = m.Source is QuotedModule q && Parses(q) is { } parsed
                ? Add(Encoder.Encode(parsed), ".wasm")
                : AddFile(m.Source);
            json.String("filename", name);
            if (text) json.String("module_type", "text");
            _types.Module(m);
        }

        // {"type", "line", "filename", "text", "module_type"} — or, on (module instance), "instance"?/"module"? and "text".
        private void ModuleAssertion(JsonText json, string type, Command assertion, Command module, string message)
        {
            json.String("type", type).Number("line", LineOf(assertion));
            if (module is InstanceCommand i)
            {
                InstanceNames(json, i);
                json.String("text", message);
                return;
            }
            var (name, text) = AddFile(((ModuleCommand)module).Source);
            json.String("filename", name).String("text", message).String("module_type", text ? "text" : "binary");
        }

        private static void InstanceNames(JsonText json, InstanceCommand i)
        {
            if (i.InstanceId is { } instance) json.String("instance", "$" + instance);
            if (i.ModuleId is { } module) json.String("module", "$" + module);
        }

        private void Return(JsonText json, AssertReturn a)
        {
            json.String("type", "assert_return").Number("line", LineOf(a));
            Action(json, a.Action);
            if (a.Expected is [EitherResult e] && !e.Alternatives.AsSpan().ToArray().Any(x => x is EitherResult))
                json.List("either", e.Alternatives.AsSpan().ToArray(), JsonValueWriter.Result);
            else
                json.List("expected", a.Expected.AsSpan().ToArray(), JsonValueWriter.Result);
        }

        // {"type", "line", "action", "text"?, "expected": [result types]}
        private void ActionWithTypes(JsonText json, string type, Command command, ScriptAction action, string? message)
        {
            json.String("type", type).Number("line", LineOf(command));
            Action(json, action);
            if (message is not null) json.String("text", message);
            if (_types.ResultsOf(action) is { } results) json.List("expected", results, JsonValueWriter.Type);
        }

        // {"type": "invoke", "module"?, "field", "args"} | {"type": "get", "module"?, "field"}
        private static void Action(JsonText json, ScriptAction action)
        {
            json.Key("action").Open().String("type", action is GetAction ? "get" : "invoke");
            if (action.ModuleId is { } id) json.String("module", "$" + id);
            json.String("field", action.Name);
            if (action is InvokeAction invoke)
            {
                var shapes = invoke.VectorShapes;
                int vector = 0;
                json.List("args", invoke.Arguments.AsSpan().ToArray(), (j, value) =>
                {
                    V128Shape? shape = value.Type.IsVec && vector < shapes.Count ? shapes[vector] : null;
                    if (value.Type.IsVec) vector++;
                    JsonValueWriter.Argument(j, value, shape);
                });
            }
            json.Close();
        }

        /// <summary>Adds a module's file: text modules encoded, binary as bytes, quoted as text. Returns its name and whether it is text.</summary>
        private (string Name, bool Text) AddFile(ModuleSource source) => source switch
        {
            TextModule t => Add(Encoder.Encode(t.Module), ".wasm"),
            BinaryModule b => Add(b.Bytes.ToArray(), ".wasm"),
            QuotedModule q => Add(q.Text.ToArray(), ".wat"),
            _ => throw new ArgumentException($"no file for {source.GetType().Name}"),
        };

        private (string Name, bool Text) Add(byte[] bytes, string extension)
        {
            var name = $"{stem}.{_files.Count}{extension}";
            _files.Add(new JsonModuleFile(name, bytes));
            return (name, extension == ".wat");
        }

        private static Engine.Syntax.Module? Parses(QuotedModule q)
        {
            try
            {
                return q.Parse();
            }
            catch (ParseException)
            {
                return null;
            }
        }
    }
}
