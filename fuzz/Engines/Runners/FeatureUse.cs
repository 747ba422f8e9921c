using WasmConform.Engine;
using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>
/// The features a module's types and constant expressions use, read off its syntax: reference
/// types beyond <c>funcref</c>/<c>externref</c> (typed function references, GC, <c>exnref</c>),
/// GC type definitions (structs, arrays, subtyping, recursion groups), and constant expressions
/// reading non-imported globals (GC), mutable globals imported or exported. Complements the decoder's and validator's feature gates,
/// which look at instructions and limits.
/// </summary>
public static class FeatureUse
{
    /// <summary>The features <paramref name="module"/> uses in its types, locals, block types and constant expressions.</summary>
    public static Features Of(Module module)
    {
        var used = Features.None;
        foreach (var rec in module.Types)
        {
            if (rec.Types.Count > 1) used |= Features.Gc;
            foreach (var sub in rec.Types)
            {
                if (!sub.Final || sub.Supers.Count > 0) used |= Features.Gc;
                used |= sub.Comp switch
                {
                    FuncType f => Of(f.Params) | Of(f.Results),
                    StructType s => Features.Gc | s.Fields.Aggregate(Features.None, (u, f) => u | Of(f.Storage.Type)),
                    ArrayType a => Features.Gc | Of(a.Field.Storage.Type),
                    _ => Features.None,
                };
            }
        }
        uint importedGlobals = 0;
        foreach (var import in module.Imports)
        {
            used |= import.Type switch
            {
                ExternGlobal g => Of(g.Type.Type),
                ExternTable t => Of(new ValType(ValTypeKind.Ref, t.Type.ElemType)),
                _ => Features.None,
            };
            if (import.Type is ExternGlobal imported)
            {
                importedGlobals++;
                if (imported.Type.Mutable) used |= Features.MutableGlobals;
            }
        }
        var globalTypes = module.ImportsOf(ExternKind.Global).Select(i => ((ExternGlobal)i.Type).Type)
            .Concat(module.Globals.Select(g => g.Type)).ToArray();
        foreach (var export in module.Exports)
            if (export.Kind == ExternKind.Global && export.Index < globalTypes.Length && globalTypes[export.Index].Mutable)
                used |= Features.MutableGlobals;
        foreach (var table in module.Tables)
        {
            used |= Of(new ValType(ValTypeKind.Ref, table.Type.ElemType));
            if (table.Init is { } init) used |= Features.FunctionReferences | Const(init, importedGlobals);
        }
        foreach (var global in module.Globals) used |= Of(global.Type.Type) | Const(global.Init, importedGlobals);
        foreach (var element in module.Elements)
        {
            // The segment's own type is not looked at: a list of function indices is (ref func)
            // in 3.0 but encodes as in 1.0.
            used |= Const(element.Mode.Offset, importedGlobals);
            foreach (var item in element.Init) used |= Const(item, importedGlobals);
        }
        foreach (var data in module.Datas) used |= Const(data.Mode.Offset, importedGlobals);
        foreach (var function in module.Functions)
        {
            used |= Of(function.Locals);
            foreach (var instruction in function.Body) used |= Of(instruction);
        }
        return used;
    }

    /// <summary>The feature a value type needs beyond WebAssembly 1.0, if any.</summary>
    public static Features Of(ValType type)
    {
        if (!type.IsRef) return type.Kind == ValTypeKind.V128 ? Features.Simd : Features.None;
        var heap = type.Ref.Heap.Kind;
        return heap switch
        {
            HeapKind.Func or HeapKind.Extern => type.Ref.Nullable ? Features.ReferenceTypes : Features.FunctionReferences,
            HeapKind.Concrete => Features.FunctionReferences,
            HeapKind.Exn or HeapKind.NoExn => Features.Exceptions,
            _ => Features.Gc,
        };
    }

    private static Features Of(EquatableArray<ValType> types) =>
        types.Aggregate(Features.None, (u, t) => u | Of(t));

    private static Features Of(Instruction instruction) => instruction switch
    {
        BlockInstruction { Type.Kind: BlockTypeKind.Value } b => Of(b.Type.Value),
        TryTableInstruction { Type.Kind: BlockTypeKind.Value } t => Of(t.Type.Value),
        SelectInstruction s => Of(s.Types),
        HeapTypeInstruction h => Of(new ValType(ValTypeKind.Ref, new RefType(true, h.Heap))),
        RefTypeInstruction r => Of(new ValType(ValTypeKind.Ref, r.Type)),
        { Op: Opcode.CallRef or Opcode.ReturnCallRef } => Features.FunctionReferences,
        _ => Features.None,
    };

    /// <summary>A constant expression reading a global that is not imported needs GC (§3.3.10 relaxed in 3.0).</summary>
    private static Features Const(EquatableArray<Instruction> expression, uint importedGlobals)
    {
        var used = Features.None;
        foreach (var instruction in expression)
        {
            if (instruction is IndexInstruction { Op: Opcode.GlobalGet } g && g.Index >= importedGlobals) used |= Features.Gc;
            used |= Of(instruction);
        }
        return used;
    }
}
