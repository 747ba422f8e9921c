using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>The parts of a module as its fields are read, in textual order, and the checks on their order (§6.6.14).</summary>
internal sealed class ModuleBuilder
{
    public List<Import> Imports { get; } = [];
    public List<Function> Functions { get; } = [];
    public List<Table> Tables { get; } = [];
    public List<Memory> Memories { get; } = [];
    public List<Global> Globals { get; } = [];
    public List<Tag> Tags { get; } = [];
    public List<Export> Exports { get; } = [];
    public List<ElementSegment> Elements { get; } = [];
    public List<DataSegment> Datas { get; } = [];

    private readonly List<(uint Func, Token At)> _starts = [];
    private readonly List<(string? Definition, Token At)> _order = [];

    /// <summary>Records a <c>start</c> field.</summary>
    public void AddStart(uint func, in Token at) => _starts.Add((func, at));

    /// <summary>Records that the field at <paramref name="at"/> defines a <paramref name="kind"/> ("function", "table", …).</summary>
    public void Defined(string kind, in Token at) => _order.Add((kind, at));

    /// <summary>Records that the field at <paramref name="at"/> is an import (explicit or inline).</summary>
    public void Imported(in Token at) => _order.Add((null, at));

    /// <summary>
    /// Imports must precede all definitions of functions, tables, memories, globals and tags;
    /// at most one start function. Violations are deferred errors, as in the spec interpreter:
    /// "import after function definition" names the last definition an import follows.
    /// </summary>
    public void CheckOrder(ModuleContext c)
    {
        int lastImport = _order.FindLastIndex(o => o.Definition is null);
        int definition = lastImport < 0 ? -1 : _order.FindLastIndex(lastImport, o => o.Definition is not null);
        if (definition >= 0)
        {
            var firstImportAfter = _order.FindIndex(definition, o => o.Definition is null);
            c.Defer(_order[firstImportAfter].At, $"import after {_order[definition].Definition} definition");
        }
        if (_starts.Count > 1) c.Defer(_starts[^2].At, "multiple start sections");
    }

    /// <summary>The module with <paramref name="types"/> as its type section.</summary>
    public Module Build(List<RecType> types) => new()
    {
        Types = types.ToArray(),
        Imports = Imports.ToArray(),
        Functions = Functions.ToArray(),
        Tables = Tables.ToArray(),
        Memories = Memories.ToArray(),
        Globals = Globals.ToArray(),
        Tags = Tags.ToArray(),
        Exports = Exports.ToArray(),
        Start = _starts.Count > 0 ? _starts[^1].Func : null,
        Elements = Elements.ToArray(),
        Datas = Datas.ToArray(),
    };
}
