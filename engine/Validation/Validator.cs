using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Validation;

/// <summary>
/// Module validation (§3.5), in the order and with the messages of the spec's reference
/// interpreter: types, imports, tags, functions, memories, tables, globals, data and element
/// segments, function bodies, start function, exports; then, with <see cref="Features.BranchHinting"/>,
/// the branch hints (<see cref="BranchHintRules"/>).
/// </summary>
public static class Validator
{
    /// <summary>Validates <paramref name="module"/> and returns its canonical types.</summary>
    /// <param name="module">The module; type references in it are module type indices.</param>
    /// <param name="features">The proposals to accept (default: WebAssembly 3.0 and legacy exceptions).</param>
    /// <exception cref="InvalidException">
    /// The module is not valid; the message is the spec interpreter's (e.g. "type mismatch",
    /// "unknown global 1"), the location says where (e.g. <c>func 3, instruction 12 (i32.add)</c>).
    /// </exception>
    public static ValidatedModule Validate(Module module, Features features = FeatureSets.Wasm3 | Features.LegacyExceptions) =>
        Observing(module, features, null);

    /// <summary>
    /// Validates <paramref name="module"/> as <see cref="Validate(Module, Features)"/> does, telling
    /// <paramref name="observe"/> the operand stack after every instruction of every function body.
    /// </summary>
    /// <exception cref="InvalidException">As <see cref="Validate(Module, Features)"/>; the observer has then seen the bodies up to the error.</exception>
    public static ValidatedModule Observing(Module module, Features features, OperandObserver? observe)
    {
        ArgumentNullException.ThrowIfNull(module);
        var c = new ModuleContext(module, features);
        DeclaredReferences.Collect(c);
        var code = CodeValidator.Rent(c);
        try
        {
            return ValidateWith(c, code, observe);
        }
        finally
        {
            code.Return();
        }
    }

    private static ValidatedModule ValidateWith(ModuleContext c, CodeValidator code, OperandObserver? observe)
    {
        var module = c.Module;
        CheckTypes(c);
        var imports = CheckImports(c);
        CheckTags(c);
        CheckFuncs(c);
        CheckMemories(c);
        CheckTables(c, code);
        CheckGlobals(c, code);
        Segments.CheckDatas(c, code);
        Segments.CheckElems(c, code);

        int imported = c.FuncCount - module.Functions.Count;
        var bodies = new FunctionBodyInfo[module.Functions.Count];
        for (int i = 0; i < bodies.Length; i++)
        {
            uint index = (uint)(imported + i);
            int defined = i;
            code.Observer = observe is null ? null : (pc, state) => observe(defined, pc, state);
            bodies[i] = code.ValidateFunction(index, module.Functions[i], c.Funcs[index]);
        }
        code.Observer = null;

        CheckStart(c);
        var exports = Exports.Check(c);
        if (c.Has(Features.BranchHinting)) BranchHintRules.Check(c);
        return new ValidatedModule(c, imports, exports, bodies);
    }

    private static void CheckTypes(ModuleContext c)
    {
        foreach (var rec in c.Module.Types)
        {
            int first = c.TypeCount;
            RecTypeValidator.Check(c, rec);
            if (c.Has(Features.MultiValue)) continue;
            for (int i = first; i < c.TypeCount; i++)
            {
                if (c.Types[i].Func is { Results.Count: > 1 })
                    throw c.At("type", (uint)i).Fail("invalid result arity");
            }
        }
    }

    private static ExternType[] CheckImports(ModuleContext c)
    {
        var imports = c.Module.Imports;
        var result = new ExternType[imports.Count];
        for (int i = 0; i < imports.Count; i++)
        {
            var site = c.At("import", (uint)i);
            switch (imports[i].Type)
            {
                case ExternFunc f:
                    var dt = c.Type(f.TypeIndex, site);
                    if (dt.Func is null) throw site.Fail("non-function type " + ModuleContext.Str(f.TypeIndex));
                    c.Funcs[c.FuncCount++] = dt;
                    result[i] = new ExternFunc(dt.Id, f.Exact);
                    c.InexactFuncs[c.FuncCount - 1] = !f.Exact;
                    break;
                case ExternTable t:
                    var tt = TypeRules.CheckTable(c, t.Type, site);
                    c.TableShown[c.TableCount] = TypeText.Structural;
                    c.Tables[c.TableCount++] = tt;
                    result[i] = new ExternTable(tt);
                    break;
                case ExternMemory m:
                    TypeRules.CheckMemory(m.Type, site, c.Features);
                    c.Memories[c.MemoryCount++] = m.Type;
                    result[i] = m;
                    break;
                case ExternGlobal g:
                    var gt = c.Canon(g.Type, site);
                    c.GlobalShown[c.GlobalCount] = TypeText.Structural;
                    c.Globals[c.GlobalCount++] = gt;
                    result[i] = new ExternGlobal(gt);
                    break;
                case ExternTag tag:
                    var tagType = CheckTagType(c, tag.Type, site);
                    c.Tags[c.TagCount++] = tagType;
                    result[i] = new ExternTag(new TagType(tagType.Id));
                    break;
                default:
                    throw site.Fail("malformed import");
            }
        }
        return result;
    }

    /// <summary>§3.2.7 tag types: a function type without results.</summary>
    private static DefType CheckTagType(ModuleContext c, TagType tag, ErrorSite site)
    {
        var dt = c.Type(tag.TypeIndex, site);
        var ft = dt.Func ?? throw site.Fail("non-function type " + ModuleContext.Str(tag.TypeIndex));
        if (ft.Results.Count != 0) throw site.Fail("non-empty tag result type");
        return dt;
    }

    private static void CheckTags(ModuleContext c)
    {
        var tags = c.Module.Tags;
        for (int i = 0; i < tags.Count; i++)
        {
            var site = c.At("tag", (uint)c.TagCount);
            c.Tags[c.TagCount++] = CheckTagType(c, tags[i].Type, site);
        }
    }

    private static void CheckFuncs(ModuleContext c)
    {
        foreach (var f in c.Module.Functions)
        {
            var site = c.At("func", (uint)c.FuncCount);
            var dt = c.Type(f.TypeIndex, site);
            if (dt.Func is null) throw site.Fail("non-function type " + ModuleContext.Str(f.TypeIndex));
            c.Funcs[c.FuncCount++] = dt;
        }
    }

    private static void CheckMemories(ModuleContext c)
    {
        foreach (var m in c.Module.Memories)
        {
            TypeRules.CheckMemory(m.Type, c.At("memory", (uint)c.MemoryCount), c.Features);
            c.Memories[c.MemoryCount++] = m.Type;
        }
        if (c.MemoryCount > 1 && !c.Has(Features.MultiMemory))
            throw c.At("module").Fail("multiple memories are not allowed (yet)");
    }

    private static void CheckTables(ModuleContext c, CodeValidator code)
    {
        foreach (var table in c.Module.Tables)
        {
            var where = new Place("table", (uint)c.TableCount);
            var tt = TypeRules.CheckTable(c, table.Type, c.At("table", (uint)c.TableCount));
            uint shown = TypeText.ShownOf(table.Type.ElemType);
            if (table.Init is { } init)
                code.ValidateConst(init, new ValType(tt.ElemType), shown, where);
            else if (!tt.ElemType.Nullable)
                code.ValidateConst([new HeapTypeInstruction(Opcode.RefNull, table.Type.ElemType.Heap)], new ValType(tt.ElemType), shown, where);
            c.TableShown[c.TableCount] = shown;
            c.Tables[c.TableCount++] = tt;
        }
        if (c.TableCount > 1 && !c.Has(Features.ReferenceTypes))
            throw c.At("module").Fail("multiple tables are not allowed (yet)");
    }

    private static void CheckGlobals(ModuleContext c, CodeValidator code)
    {
        int imported = c.GlobalCount;
        foreach (var global in c.Module.Globals)
        {
            var where = new Place("global", (uint)c.GlobalCount);
            var gt = c.Canon(global.Type, c.At("global", (uint)c.GlobalCount));
            int visible = c.GlobalCount;
            // Before GC, initialisers could name imported globals only.
            if (!c.Has(Features.Gc)) c.GlobalCount = imported;
            uint shown = TypeText.ShownOf(global.Type.Type);
            code.ValidateConst(global.Init, gt.Type, shown, where);
            c.GlobalCount = visible;
            c.GlobalShown[c.GlobalCount] = shown;
            c.Globals[c.GlobalCount++] = gt;
        }
    }

    private static void CheckStart(ModuleContext c)
    {
        if (c.Module.Start is not { } x) return;
        var site = c.At("start");
        var ft = c.Func(x, site).Func!;
        if (ft.Params.Count != 0 || ft.Results.Count != 0)
            throw site.Fail("start function must not have parameters or results");
    }
}
