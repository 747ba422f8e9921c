using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>The module fields other than segments (§6.6): types, imports, functions, tables, memories, tags, globals, exports, start.</summary>
internal static class ModuleFields
{
    /// <summary>§6.6.2 types: <c>(type (;n;) subtype)</c>, or <c>(rec (type …)*)</c> for a group of other than one type.</summary>
    public static void Types(PrintContext ctx, WatWriter w)
    {
        int index = 0;
        foreach (var rec in ctx.Module.Types)
        {
            if (rec.Types.Count == 1)
            {
                w.Line(Type(rec.Types[0], index++));
                continue;
            }
            if (rec.Types.IsEmpty)
            {
                w.Line("(rec)");
                continue;
            }
            w.Line("(rec");
            w.Indent();
            foreach (var sub in rec.Types) w.Line(Type(sub, index++));
            w.Dedent();
            w.Close();
        }
    }

    private static string Type(SubType sub, int index) => $"(type {PrintContext.IndexComment(index)} {TypeText.Sub(sub)})";

    /// <summary>
    /// §6.6.6 imports: <c>(import "module" "name" externtype)</c>, each import with the index comment
    /// of its index space; functions and tags by <c>(type n)</c> alone, as the import syntax requires.
    /// </summary>
    public static void Imports(PrintContext ctx, WatWriter w)
    {
        var counts = new int[5];
        uint func = 0;
        foreach (var import in ctx.Module.Imports)
        {
            int kind = (int)import.Type.Kind;
            string index = kind < counts.Length ? PrintContext.IndexComment(counts[kind]++) : "";
            string description = import.Type switch
            {
                ExternFunc f => TypeText.Join("(func", ctx.FuncId(func++) ?? "", index, FuncTypeUse(f)),
                ExternTable t => TypeText.Join("(table", index, TypeText.Table(t.Type)),
                ExternMemory m => TypeText.Join("(memory", index, TypeText.Memory(m.Type)),
                ExternGlobal g => TypeText.Join("(global", index, TypeText.Global(g.Type)),
                ExternTag t => TypeText.Join("(tag", index, $"(type {PrintContext.Index(t.Type.TypeIndex)})"),
                _ => "(func",
            };
            w.Line($"(import {ConstantText.Name(import.Module)} {ConstantText.Name(import.Name)} {description}))");
        }
    }

    // (type n), or (exact (type n)) for an exact function import (custom descriptors).
    private static string FuncTypeUse(ExternFunc f)
    {
        string use = $"(type {PrintContext.Index(f.TypeIndex)})";
        return f.Exact ? $"(exact {use})" : use;
    }

    /// <summary>
    /// §6.6.5 functions: <c>(func $id? (;n;) (type t) (param …)* (result …)* (local …)* body)</c>,
    /// parameters and locals named after the name section where possible.
    /// </summary>
    public static void Functions(PrintContext ctx, WatWriter w)
    {
        uint index = (uint)(ctx.FunctionCount - ctx.Module.Functions.Count);
        foreach (var function in ctx.Module.Functions)
        {
            Function(ctx, w, function, index);
            index++;
        }
    }

    private static void Function(PrintContext ctx, WatWriter w, Function function, uint index)
    {
        var type = ctx.FuncTypeAt(function.TypeIndex);
        int parameters = type?.Params.Count ?? 0;
        // Without a function type the parameter count, and so every local's index, is unknown: no local names.
        string?[] ids = type is null ? [] : ctx.LocalIds(index, parameters + function.Locals.Count);
        var header = new List<string> { "(func", ctx.FuncId(index) ?? "", PrintContext.IndexComment((int)index), $"(type {PrintContext.Index(function.TypeIndex)})" };
        if (type is not null)
        {
            header.AddRange(Declarations("param", type.Params, ids, 0));
            header.Add(TypeText.List("result", type.Results));
        }
        w.Line(TypeText.Join([.. header]));
        w.Indent();
        var locals = Declarations("local", function.Locals, ids, parameters);
        string oneLine = string.Join(" ", locals);
        if (w.Column + oneLine.Length <= WatWriter.Width)
        {
            if (oneLine.Length > 0) w.Line(oneLine);
        }
        else
        {
            foreach (var local in locals) w.Line(local);
        }
        BodyText.Function(function.Body, ctx, ids, type?.Results.Count ?? -1, w);
        w.Dedent();
        w.Close();
    }

    // (param $x t) for a named entry, (param t t …) for a run of unnamed ones; ids are indexed from first.
    private static List<string> Declarations(string keyword, EquatableArray<ValType> types, string?[] ids, int first)
    {
        var groups = new List<string>();
        var run = new List<ValType>();
        for (int i = 0; i < types.Count; i++)
        {
            string? id = first + i < ids.Length ? ids[first + i] : null;
            if (id is null)
            {
                run.Add(types[i]);
                continue;
            }
            if (run.Count > 0) groups.Add(TypeText.List(keyword, run));
            run.Clear();
            groups.Add($"({keyword} {id} {TypeText.Val(types[i])})");
        }
        if (run.Count > 0) groups.Add(TypeText.List(keyword, run));
        return groups;
    }

    /// <summary>§6.6.7 tables: <c>(table (;n;) tabletype init?)</c>.</summary>
    public static void Tables(PrintContext ctx, WatWriter w)
    {
        int index = ctx.Module.ImportsOf(ExternKind.Table).Count();
        foreach (var table in ctx.Module.Tables)
        {
            string init = table.Init is { } expr ? BodyText.Const(expr, ctx) : "";
            w.Line(TypeText.Join("(table", PrintContext.IndexComment(index++), TypeText.Table(table.Type), init) + ")");
        }
    }

    /// <summary>§6.6.8 memories: <c>(memory (;n;) memtype)</c>.</summary>
    public static void Memories(PrintContext ctx, WatWriter w)
    {
        int index = ctx.Module.ImportsOf(ExternKind.Memory).Count();
        foreach (var memory in ctx.Module.Memories)
            w.Line($"(memory {PrintContext.IndexComment(index++)} {TypeText.Memory(memory.Type)})");
    }

    /// <summary>§6.6.10 tags: <c>(tag (;n;) (type t))</c>.</summary>
    public static void Tags(PrintContext ctx, WatWriter w)
    {
        int index = ctx.Module.ImportsOf(ExternKind.Tag).Count();
        foreach (var tag in ctx.Module.Tags)
            w.Line($"(tag {PrintContext.IndexComment(index++)} (type {PrintContext.Index(tag.Type.TypeIndex)}))");
    }

    /// <summary>§6.6.9 globals: <c>(global (;n;) globaltype init)</c>.</summary>
    public static void Globals(PrintContext ctx, WatWriter w)
    {
        int index = ctx.Module.ImportsOf(ExternKind.Global).Count();
        foreach (var global in ctx.Module.Globals)
            w.Line(TypeText.Join("(global", PrintContext.IndexComment(index++), TypeText.Global(global.Type), BodyText.Const(global.Init, ctx)) + ")");
    }

    /// <summary>§6.6.11 exports: <c>(export "name" (kind index))</c>.</summary>
    public static void Exports(PrintContext ctx, WatWriter w)
    {
        foreach (var export in ctx.Module.Exports)
        {
            string target = export.Kind switch
            {
                ExternKind.Func => "func " + ctx.Func(export.Index),
                ExternKind.Table => "table " + PrintContext.Index(export.Index),
                ExternKind.Memory => "memory " + PrintContext.Index(export.Index),
                ExternKind.Global => "global " + PrintContext.Index(export.Index),
                ExternKind.Tag => "tag " + PrintContext.Index(export.Index),
                // Not an external kind (no module that decodes or parses has one): say so in a comment.
                _ => $"(;kind {(int)export.Kind};) {PrintContext.Index(export.Index)}",
            };
            w.Line($"(export {ConstantText.Name(export.Name)} ({target}))");
        }
    }

    /// <summary>§6.6.12 start: <c>(start f)</c>.</summary>
    public static void Start(PrintContext ctx, WatWriter w)
    {
        if (ctx.Module.Start is { } start) w.Line($"(start {ctx.Func(start)})");
    }
}
