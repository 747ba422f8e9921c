using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Json;

/// <summary>
/// Follows a script's modules and instances as the converter walks it, to give the result types
/// of an action (the <c>expected</c> list wabt writes for actions, traps and exhaustion): the
/// results of an exported function, or the type of an exported global.
/// </summary>
internal sealed class ExportTypes
{
    private readonly Dictionary<string, Module?> _definitions = [];
    private readonly Dictionary<string, Module?> _instances = [];
    private Module? _lastDefinition;
    private Module? _current;

    /// <summary>Notes a module command: a definition, and (unless it is one) the current instance.</summary>
    public void Module(ModuleCommand command)
    {
        var module = SyntaxOf(command.Source);
        _lastDefinition = module;
        if (command.Id is { } id) _definitions[id] = module;
        if (command.IsDefinition) return;
        _current = module;
        if (command.Id is { } name) _instances[name] = module;
    }

    /// <summary>Notes <c>(module instance $i $m)</c>: a new current instance of a defined module.</summary>
    public void Instance(InstanceCommand command)
    {
        var module = command.ModuleId is { } id ? _definitions.GetValueOrDefault(id) : _lastDefinition;
        _current = module;
        if (command.InstanceId is { } name) _instances[name] = module;
    }

    /// <summary>The result types of <paramref name="action"/>, or null when its module or export is not known.</summary>
    public IReadOnlyList<ValType>? ResultsOf(ScriptAction action)
    {
        var module = action.ModuleId is { } id ? _instances.GetValueOrDefault(id) : _current;
        if (module is null) return null;
        var kind = action is GetAction ? ExternKind.Global : ExternKind.Func;
        var export = module.Exports.AsSpan().ToArray().FirstOrDefault(e => e.Name == action.Name && e.Kind == kind);
        if (export is null) return null;
        return kind == ExternKind.Global ? GlobalType(module, export.Index) is { } g ? [g] : null : FunctionResults(module, export.Index);
    }

    private static IReadOnlyList<ValType>? FunctionResults(Module module, uint index)
    {
        var imported = module.ImportsOf(ExternKind.Func).ToList();
        uint typeIndex;
        if (index < imported.Count) typeIndex = ((ExternFunc)imported[(int)index].Type).TypeIndex;
        else if (index - imported.Count < module.Functions.Count) typeIndex = module.Functions[(int)(index - imported.Count)].TypeIndex;
        else return null;
        return module.SubTypes.ElementAtOrDefault((int)typeIndex)?.Comp is FuncType f ? f.Results.ToArray() : null;
    }

    private static ValType? GlobalType(Module module, uint index)
    {
        var imported = module.ImportsOf(ExternKind.Global).ToList();
        if (index < imported.Count) return ((ExternGlobal)imported[(int)index].Type).Type.Type;
        return index - imported.Count < module.Globals.Count ? module.Globals[(int)(index - imported.Count)].Type.Type : null;
    }

    // The module's syntax: parsed, decoded, or null when it is malformed.
    private static Module? SyntaxOf(ModuleSource source)
    {
        try
        {
            return source switch
            {
                TextModule t => t.Module,
                BinaryModule b => Decoder.Decode(b.Bytes.AsSpan(), FeatureSets.All),
                QuotedModule q => q.Parse(),
                _ => null,
            };
        }
        catch (WasmException)
        {
            return null;
        }
    }
}
