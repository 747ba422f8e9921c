using System.Text;
using WasmConform.Engine;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Campaign;
using WasmConform.Wast.Script;

namespace WasmConform.Fuzz.Reports;

/// <summary>
/// The calls of a case as YAML keeps them (<c>report.yaml</c>'s <c>reduced.calls</c>, a regression
/// case's <c>case.yaml</c>): a list of maps with the export and its arguments in <c>.wast</c> syntax
/// (<see cref="WastText.Argument"/>: exact floats and NaN payloads, <c>ref.null</c>, <c>ref.extern n</c>),
/// read back with the script parser. Only calls that are made are kept.
/// </summary>
public static class CallText
{
    /// <summary>The calls made, as maps with <c>export</c> and <c>args</c>.</summary>
    public static List<Dictionary<string, object?>> Write(IEnumerable<PlannedCall> calls, Module module)
    {
        var types = module.SubTypes.ToArray();
        Func<uint, bool> isFunctionType = i => i < types.Length && types[i].Comp is FuncType;
        return [.. calls.Where(c => c.Args is not null).Select(c => new Dictionary<string, object?>
        {
            ["export"] = c.Export,
            ["args"] = c.Args!.Value.AsSpan().ToArray().Select(a => WastText.Argument(a, isFunctionType)).ToList(),
        })];
    }

    /// <summary>The calls of the maps in <paramref name="node"/> (as <see cref="ReportYaml.Read"/> gives them), typed by <paramref name="module"/>'s exports.</summary>
    /// <exception cref="FormatException">A call is not a map with an export and arguments, names no exported function, or an argument is no value.</exception>
    public static List<PlannedCall> Read(object? node, Module module)
    {
        if (node is not List<object> list) throw new FormatException("calls: expected a list of calls");
        var calls = new List<PlannedCall>();
        foreach (var item in list)
        {
            if (item is not Dictionary<object, object> map || map.GetValueOrDefault("export") is not string export)
                throw new FormatException("calls: each call needs an export");
            var args = map.GetValueOrDefault("args") switch
            {
                null => [],
                List<object> values => values.Select(v => v as string ?? throw new FormatException($"calls: {export}: an argument is not text")).ToList(),
                _ => throw new FormatException($"calls: {export}: args must be a list"),
            };
            var type = ExportType(module, export) ?? throw new FormatException($"calls: the module exports no function \"{export}\"");
            calls.Add(new PlannedCall(export, type, [.. Arguments(export, args)]));
        }
        return calls;
    }

    /// <summary>The values of <paramref name="args"/>, parsed as the arguments of an <c>invoke</c>.</summary>
    private static IReadOnlyList<Value> Arguments(string export, IReadOnlyList<string> args)
    {
        string text = $"(invoke {WastText.String(export)} {string.Join(" ", args)})";
        try
        {
            var script = WastScript.Parse(Encoding.UTF8.GetBytes(text), "calls");
            if (script.Commands is [ActionCommand { Action: InvokeAction invoke }]) return invoke.Arguments.AsSpan().ToArray();
        }
        catch (WasmException e)
        {
            throw new FormatException($"calls: {export}: {e.Message}", e);
        }
        throw new FormatException($"calls: {export}: the arguments are not values");
    }

    /// <summary>The type of the function <paramref name="module"/> exports as <paramref name="export"/>; null when there is none.</summary>
    public static FuncType? ExportType(Module module, string export)
    {
        var exported = module.Exports.FirstOrDefault(e => e.Kind == ExternKind.Func && e.Name == export);
        if (exported is null) return null;
        var functions = module.ImportsOf(ExternKind.Func).Select(i => ((ExternFunc)i.Type).TypeIndex)
            .Concat(module.Functions.Select(f => f.TypeIndex)).ToArray();
        return exported.Index < functions.Length ? module.SubTypes.ElementAtOrDefault((int)functions[exported.Index])?.Comp as FuncType : null;
    }
}
