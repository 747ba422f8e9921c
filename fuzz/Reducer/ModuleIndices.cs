using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Reducer;

/// <summary>The index spaces of a module (§2.5.1) whose entries a reducer can remove.</summary>
public enum IndexSpace : byte { Type, Func, Table, Memory, Global, Elem, Data, Tag }

/// <summary>
/// Removes entries of one index space from a module and renumbers every use of the entries that
/// remain (§2.5.1: imports come first in each space, then definitions): in types, imports,
/// function bodies, constant expressions, segments, exports and the start function. The name
/// section, which names indices, is dropped.
/// </summary>
public static class ModuleIndices
{
    /// <summary>How many entries <paramref name="space"/> of <paramref name="module"/> has, imports included.</summary>
    public static int Count(Module module, IndexSpace space) => space switch
    {
        IndexSpace.Type => module.Types.Sum(r => r.Types.Count),
        IndexSpace.Func => Imported(module, ExternKind.Func) + module.Functions.Count,
        IndexSpace.Table => Imported(module, ExternKind.Table) + module.Tables.Count,
        IndexSpace.Memory => Imported(module, ExternKind.Memory) + module.Memories.Count,
        IndexSpace.Global => Imported(module, ExternKind.Global) + module.Globals.Count,
        IndexSpace.Tag => Imported(module, ExternKind.Tag) + module.Tags.Count,
        IndexSpace.Elem => module.Elements.Count,
        _ => module.Datas.Count,
    };

    /// <summary>The imports of <paramref name="kind"/>: the first entries of its index space.</summary>
    public static int Imported(Module module, ExternKind kind) => module.ImportsOf(kind).Count();

    /// <summary>
    /// <paramref name="module"/> without the entries <paramref name="first"/> … <paramref name="first"/>+<paramref name="count"/>-1
    /// of <paramref name="space"/>, the rest renumbered; null when something that stays uses a removed entry.
    /// </summary>
    public static Module? Remove(Module module, IndexSpace space, int first, int count)
    {
        if (count <= 0) return module;
        uint from = (uint)first, to = (uint)(first + count);
        var without = Without(module, space, from, to);
        return Remap(without, space, x => x < from ? x : x >= to ? x - (uint)count : null);
    }

    /// <summary>
    /// <paramref name="module"/> with every index of <paramref name="space"/> replaced by <paramref name="map"/>'s
    /// answer; null when <paramref name="map"/> answers null for an index in use.
    /// </summary>
    public static Module? Remap(Module module, IndexSpace space, Func<uint, uint?> map)
    {
        var mapper = new IndexMapper(space, map);
        var result = mapper.Module(module);
        return mapper.Dangling ? null : result;
    }

    /// <summary>The module with the entries [from, to) of <paramref name="space"/> taken out, nothing renumbered yet.</summary>
    private static Module Without(Module m, IndexSpace space, uint from, uint to)
    {
        bool Keep(int i) => i < from || i >= to;
        switch (space)
        {
            case IndexSpace.Type:
                int next = 0;
                var groups = new List<RecType>();
                foreach (var group in m.Types)
                {
                    var kept = group.Types.Where(_ => Keep(next++)).ToArray();
                    if (kept.Length > 0) groups.Add(new RecType([.. kept]));
                }
                return m with { Types = [.. groups] };
            case IndexSpace.Elem:
                return m with { Elements = [.. m.Elements.Where((_, i) => Keep(i))] };
            case IndexSpace.Data:
                var datas = m.Datas.Where((_, i) => Keep(i)).ToArray();
                return m with { Datas = [.. datas], DataCount = m.DataCount is null ? null : (uint)datas.Length };
        }
        var kind = KindOf(space);
        int imported = Imported(m, kind);
        int seen = 0;
        var imports = m.Imports.Where(i => i.Type.Kind != kind || Keep(seen++)).ToArray();
        bool KeepDefined(int i) => Keep(imported + i);
        m = m with { Imports = [.. imports] };
        return space switch
        {
            IndexSpace.Func => m with { Functions = [.. m.Functions.Where((_, i) => KeepDefined(i))] },
            IndexSpace.Table => m with { Tables = [.. m.Tables.Where((_, i) => KeepDefined(i))] },
            IndexSpace.Memory => m with { Memories = [.. m.Memories.Where((_, i) => KeepDefined(i))] },
            IndexSpace.Global => m with { Globals = [.. m.Globals.Where((_, i) => KeepDefined(i))] },
            _ => m with { Tags = [.. m.Tags.Where((_, i) => KeepDefined(i))] },
        };
    }

    /// <summary>The external kind whose imports open <paramref name="space"/>.</summary>
    public static ExternKind KindOf(IndexSpace space) => space switch
    {
        IndexSpace.Func => ExternKind.Func,
        IndexSpace.Table => ExternKind.Table,
        IndexSpace.Memory => ExternKind.Memory,
        IndexSpace.Global => ExternKind.Global,
        IndexSpace.Tag => ExternKind.Tag,
        _ => throw new ArgumentException($"the {space} space has no imports", nameof(space)),
    };
}
