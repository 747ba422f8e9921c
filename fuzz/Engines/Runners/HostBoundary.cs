using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>
/// What an embedding API can pass across its boundary. wasmtime's C API (under its .NET binding)
/// aborts the whole process on a module whose imports or exports carry a reference type other
/// than <c>funcref</c> and <c>externref</c> (its "support for non-externref and non-funcref
/// references is not implemented"), so such modules must not reach it.
/// </summary>
public static class HostBoundary
{
    /// <summary>
    /// A description of the first import or export of <paramref name="binary"/> whose type has a
    /// reference type other than nullable <c>funcref</c>/<c>externref</c>; null when there is none
    /// or the module does not decode.
    /// </summary>
    public static string? NonBasicReference(ReadOnlySpan<byte> binary)
    {
        Module module;
        try
        {
            module = Decoder.Decode(binary, FeatureSets.All);
        }
        catch (WasmException)
        {
            return null;
        }
        var types = module.SubTypes.Select(s => s.Comp).ToArray();
        var funcs = module.ImportsOf(ExternKind.Func).Select(i => ((ExternFunc)i.Type).TypeIndex)
            .Concat(module.Functions.Select(f => f.TypeIndex)).ToArray();
        var tables = module.ImportsOf(ExternKind.Table).Select(i => ((ExternTable)i.Type).Type)
            .Concat(module.Tables.Select(t => t.Type)).ToArray();
        var globals = module.ImportsOf(ExternKind.Global).Select(i => ((ExternGlobal)i.Type).Type)
            .Concat(module.Globals.Select(g => g.Type)).ToArray();
        foreach (var import in module.Imports)
            if (Offending(import.Type, types) is { } t) return $"import \"{import.Module}\" \"{import.Name}\" of type {t}";
        foreach (var export in module.Exports)
        {
            ExternType? type = export.Kind switch
            {
                ExternKind.Func when export.Index < funcs.Length => new ExternFunc(funcs[export.Index]),
                ExternKind.Table when export.Index < tables.Length => new ExternTable(tables[export.Index]),
                ExternKind.Global when export.Index < globals.Length => new ExternGlobal(globals[export.Index]),
                _ => null,
            };
            if (type is not null && Offending(type, types) is { } t) return $"export \"{export.Name}\" of type {t}";
        }
        return null;
    }

    private static string? Offending(ExternType type, CompType[] types) => type switch
    {
        ExternFunc f when f.TypeIndex < types.Length && types[f.TypeIndex] is FuncType ft =>
            ft.Params.Concat(ft.Results).Where(v => !IsBasic(v)).Select(v => v.ToString()).FirstOrDefault(),
        ExternTable t when !IsBasic(new ValType(ValTypeKind.Ref, t.Type.ElemType)) => t.Type.ElemType.ToString(),
        ExternGlobal g when !IsBasic(g.Type.Type) => g.Type.Type.ToString(),
        _ => null,
    };

    private static bool IsBasic(ValType v) =>
        !v.IsRef || (v.Ref.Nullable && v.Ref.Heap.Kind is HeapKind.Func or HeapKind.Extern);
}
