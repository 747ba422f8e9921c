using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// §3.5 C.refs: the functions a module references outside function bodies (in global, table
/// and segment initialisers and offsets, and exports). Only those may be named by
/// <c>ref.func</c> inside a function body.
/// </summary>
internal static class DeclaredReferences
{
    public static void Collect(ModuleContext c)
    {
        var m = c.Module;
        foreach (var g in m.Globals) Scan(c, g.Init);
        foreach (var t in m.Tables)
            if (t.Init is { } init) Scan(c, init);
        foreach (var d in m.Datas) Scan(c, d.Mode.Offset);
        foreach (var e in m.Elements)
        {
            foreach (var item in e.Init) Scan(c, item);
            Scan(c, e.Mode.Offset);
        }
        foreach (var e in m.Exports)
            if (e.Kind == ExternKind.Func) Declare(c, e.Index);
    }

    private static void Scan(ModuleContext c, EquatableArray<Instruction> expr)
    {
        foreach (var instr in expr)
            if (instr is IndexInstruction { Op: Opcode.RefFunc } rf) Declare(c, rf.Index);
    }

    private static void Declare(ModuleContext c, uint x)
    {
        if (x < (uint)c.Declared.Length) c.Declared[x] = true;
    }
}
