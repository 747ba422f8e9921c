using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Execution;

/// <summary>Module instantiation (§4.5.4) once imports are resolved: allocation (§4.5.3), then initialisation.</summary>
internal static class Instantiation
{
    /// <summary>Allocates the instance, runs active element and data segments, then the start function.</summary>
    public static ModuleInstance Run(Store store, CompiledModule module, ExternValue[] imports)
    {
        var m = module.Module;
        var validated = module.Validated;
        var inst = new ModuleInstance(module, store);
        inst.TypeIds = validated.Types.Select(t => t.Id).ToArray();

        var funcs = new List<FunctionInstance>();
        var tables = new List<TableInstance>();
        var memories = new List<MemoryInstance>();
        var globals = new List<GlobalInstance>();
        var tags = new List<TagInstance>();
        foreach (var value in imports)
        {
            switch (value.Instance)
            {
                case FunctionInstance f: funcs.Add(f); break;
                case TableInstance t: tables.Add(t); break;
                case MemoryInstance mem: memories.Add(mem); break;
                case GlobalInstance g: globals.Add(g); break;
                case TagInstance tag: tags.Add(tag); break;
            }
        }

        foreach (var tag in m.Tags.AsSpan())
        {
            var type = validated.Types[(int)tag.Type.TypeIndex];
            tags.Add(new TagInstance(type.Func!, type.Id));
        }
        int funcIndex = funcs.Count;
        foreach (var f in m.Functions.AsSpan())
        {
            var type = validated.Types[(int)f.TypeIndex];
            funcs.Add(new WasmFunction(inst, funcIndex++, type.Func!, type.Id));
        }
        inst.Functions = [.. funcs];
        inst.Tags = [.. tags];

        // Globals are initialised in order; an initialiser sees the globals before it.
        var globalArray = new GlobalInstance[globals.Count + m.Globals.Count];
        globals.CopyTo(globalArray);
        inst.Globals = globalArray;
        int globalIndex = globals.Count;
        foreach (var g in m.Globals.AsSpan())
        {
            var type = new GlobalType(validated.Canonicalize(g.Type.Type), g.Type.Mutable);
            globalArray[globalIndex++] = new GlobalInstance(type, Evaluate(store, inst, g.Init, g.Type.Type));
        }

        foreach (var t in m.Tables.AsSpan())
        {
            var type = validated.Canonicalize(new ExternTable(t.Type)) is ExternTable et ? et.Type : t.Type;
            object? init = t.Init is { } expr ? Evaluate(store, inst, expr, new ValType(t.Type.ElemType)).Reference : null;
            tables.Add(new TableInstance(type, init));
        }
        inst.Tables = [.. tables];
        foreach (var mem in m.Memories.AsSpan()) memories.Add(new MemoryInstance(mem.Type));
        inst.Memories = [.. memories];

        inst.Elements = m.Elements.Select(e => new ElementInstance(e.Type,
            e.Init.Select(expr => Evaluate(store, inst, expr, new ValType(e.Type)).Reference).ToArray())).ToArray();
        inst.Datas = m.Datas.Select(d => new DataInstance(d.Init.ToArray())).ToArray();
        inst.Exports = m.Exports.ToDictionary(e => e.Name, e => ExportValue(inst, e));

        Initialise(store, inst, m);
        return inst;
    }

    private static ExternValue ExportValue(ModuleInstance inst, Export e) => e.Kind switch
    {
        ExternKind.Func => ExternValue.Of(inst.Functions[e.Index]),
        ExternKind.Table => ExternValue.Of(inst.Tables[e.Index]),
        ExternKind.Memory => ExternValue.Of(inst.Memories[e.Index]),
        ExternKind.Global => ExternValue.Of(inst.Globals[e.Index]),
        _ => ExternValue.Of(inst.Tags[e.Index]),
    };

    /// <summary>
    /// Runs active element segments, drops declarative ones, runs active data segments
    /// (each as <c>table.init</c>/<c>memory.init</c> then drop), then calls the start function.
    /// </summary>
    private static void Initialise(Store store, ModuleInstance inst, Module m)
    {
        for (int i = 0; i < m.Elements.Count; i++)
        {
            var mode = m.Elements[i].Mode;
            if (mode.Kind == SegmentModeKind.Active)
            {
                var table = inst.Tables[mode.Index];
                ulong offset = Offset(store, inst, mode.Offset, table.Type.AddrType);
                var elements = inst.Elements[i].Elements;
                if (offset > (ulong)table.Size || (ulong)elements.Length > (ulong)table.Size - offset)
                    throw new TrapException(TrapKind.OutOfBoundsTableAccess);
                elements.CopyTo(table.Elements, (long)offset);
            }
            if (mode.Kind != SegmentModeKind.Passive) inst.Elements[i].Drop();
        }
        for (int i = 0; i < m.Datas.Count; i++)
        {
            var mode = m.Datas[i].Mode;
            if (mode.Kind != SegmentModeKind.Active) continue;
            var memory = inst.Memories[mode.Index];
            ulong offset = Offset(store, inst, mode.Offset, memory.Type.AddrType);
            var bytes = inst.Datas[i].Bytes;
            if (offset > (ulong)memory.Data.LongLength || (ulong)bytes.Length > (ulong)memory.Data.LongLength - offset)
                throw new TrapException(TrapKind.OutOfBoundsMemoryAccess);
            bytes.CopyTo(memory.Data, (long)offset);
            inst.Datas[i].Drop();
        }
        if (m.Start is { } start) store.Invoke(inst.Functions[start], []);
    }

    private static ulong Offset(Store store, ModuleInstance inst, EquatableArray<Instruction> expr, AddrType type)
    {
        var value = Evaluate(store, inst, expr, type == AddrType.I64 ? ValType.I64 : ValType.I32);
        return type == AddrType.I64 ? value.Bits : (uint)value.AsI32;
    }

    /// <summary>Evaluates a constant expression (§4.5.1) in the instance being built.</summary>
    private static Value Evaluate(Store store, ModuleInstance inst, EquatableArray<Instruction> expr, ValType type)
    {
        var code = FunctionCompiler.CompileConst(inst.Compiled.Context, expr, type);
        return store.Interpreter.Evaluate(inst, code, type);
    }
}
