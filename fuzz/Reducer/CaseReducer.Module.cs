using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Reducer;

/// <summary>The module-level steps: custom sections, the data count, exports, start, function bodies, definitions of each index space.</summary>
public sealed partial class CaseReducer
{
    /// <summary>The order in which index spaces lose definitions: what uses others goes first.</summary>
    private static readonly IndexSpace[] Spaces =
        [IndexSpace.Func, IndexSpace.Elem, IndexSpace.Data, IndexSpace.Global, IndexSpace.Table, IndexSpace.Memory, IndexSpace.Tag, IndexSpace.Type];

    /// <summary>One round of the module-level steps; true when one was kept.</summary>
    private bool ModuleRound()
    {
        bool progress = false;
        if (_current.Customs.Count > 0 || _current.Names is not null)
            progress |= Try(_current with { Customs = [], Names = null }, "custom sections");
        if (_current.DataCount is not null) progress |= Try(_current with { DataCount = null }, "data count");
        progress |= ChunkSearch.Run(_current.Exports.Count, (start, length) =>
            Try(_current with { Exports = [.. _current.Exports.Where((_, i) => i < start || i >= start + length)] }, "exports"), Spent);
        if (_current.Start is not null) progress |= Try(_current with { Start = null }, "start");
        progress |= Stubs("bodies", _ => [new Instruction(Opcode.Unreachable)]);
        progress |= Stubs("bodies", f => ZeroValues.Of(ResultsOf(f), _current));
        foreach (var space in Spaces)
        {
            progress |= ChunkSearch.Run(ModuleIndices.Count(_current, space), (start, length) =>
                Try(ModuleIndices.Remove(_current, space, start, length), Name(space)), Spent);
        }
        return progress;
    }

    /// <summary>Replaces the bodies of functions, in chunks, by <paramref name="stub"/>'s instructions (null: none for that function).</summary>
    private bool Stubs(string pass, Func<Function, Instruction[]?> stub) => ChunkSearch.Run(Unstubbed().Count, (start, length) =>
    {
        var chosen = Unstubbed().Skip(start).Take(length).ToHashSet();
        var functions = _current.Functions.Select((f, i) => chosen.Contains(i) && stub(f) is { } body ? new Function(f.TypeIndex, [], [.. body]) : f);
        return Try(_current with { Functions = [.. functions] }, pass);
    }, Spent);

    /// <summary>The defined functions whose body is neither <c>unreachable</c> nor the zero of its results.</summary>
    private List<int> Unstubbed() =>
        [.. _current.Functions.Select((f, i) => (f, i)).Where(p => !IsStub(p.f)).Select(p => p.i)];

    private bool IsStub(Function f) =>
        f.Locals.Count == 0 && (f.Body is [{ Op: Opcode.Unreachable }] || ZeroValues.Of(ResultsOf(f), _current) is { } zero && f.Body.SequenceEqual(zero));

    private IEnumerable<ValType> ResultsOf(Function f) =>
        _current.SubTypes.ElementAtOrDefault((int)f.TypeIndex)?.Comp is FuncType type ? type.Results : [];

    private static string Name(IndexSpace space) => space switch
    {
        IndexSpace.Func => "functions",
        IndexSpace.Elem => "element segments",
        IndexSpace.Data => "data segments",
        IndexSpace.Global => "globals",
        IndexSpace.Table => "tables",
        IndexSpace.Memory => "memories",
        IndexSpace.Tag => "tags",
        _ => "types",
    };
}
