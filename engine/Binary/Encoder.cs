using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

/// <summary>
/// Encodes a module in the binary format (§5), canonically: minimal LEB128 integers, sections
/// in the standard order, each non-empty section once, the shortest element segment form that
/// keeps the segment, and the custom sections at their recorded places.
/// </summary>
/// <remarks>
/// <para>
/// <c>Decoder.Decode(Encode(m))</c> equals <c>m</c> for every module the decoder produces, and
/// for hand-built modules with these exceptions: custom sections come out grouped by
/// <see cref="CustomSection.After"/> (in list order within a place); the tag of a
/// <c>catch_all</c> clause is not encoded; when <see cref="Module.Names"/> is set but no
/// custom section is named <c>name</c>, one is synthesised from it after the last section; and
/// when <see cref="Module.BranchHints"/> has entries but no custom section is named
/// <c>metadata.code.branch_hint</c>, one is synthesised from them just before the code section,
/// with each hint's offset where this encoder lays out its instruction.
/// </para>
/// <para>
/// The data count section is written when <see cref="Module.DataCount"/> is set, and also when
/// code uses data indices (memory.init, data.drop, array.new_data, array.init_data), which the
/// binary format requires it for (§5.5.14) — as the spec's own encoder does; its count is then
/// the number of data segments.
/// Invalid modules are encoded as they are (so the fuzzer can produce them); only what the
/// binary format cannot express (an alignment exponent of 64 or more, a shuffle without 16
/// lanes, an instruction record that does not match its opcode's immediates, the validator's
/// bottom types, a branch hint on a function or instruction the module does not have) throws
/// <see cref="ArgumentException"/>.
/// </para>
/// </remarks>
public static partial class Encoder
{
    /// <summary>Sections in their standard order (§5.5.2), the tag section after the memory section.</summary>
    private static readonly SectionId[] Order =
    [
        SectionId.Type, SectionId.Import, SectionId.Function, SectionId.Table, SectionId.Memory, SectionId.Tag,
        SectionId.Global, SectionId.Export, SectionId.Start, SectionId.Element, SectionId.DataCount, SectionId.Code,
        SectionId.Data,
    ];

    /// <summary>The binary encoding of <paramref name="module"/>.</summary>
    /// <exception cref="ArgumentException">Something in the module has no binary encoding (see remarks).</exception>
    public static byte[] Encode(Module module)
    {
        var w = new WasmWriter();
        w.WriteWord32(0x6D736100);
        w.WriteWord32(1);
        var customs = module.Customs;
        if (!module.BranchHints.IsEmpty && !HasSection(customs, BranchHintSection.Name))
            customs = [.. customs, new CustomSection(BranchHintSection.Name, BranchHintSection.Encode(module, InstructionOffsets), LastSectionBeforeCode(module))];
        if (module.Names is { } names && !HasSection(customs, "name"))
            customs = [.. customs, new CustomSection("name", NameSectionEncoder.Encode(names), LastSection(module))];
        WriteCustoms(w, customs, SectionId.Custom);
        foreach (var id in Order)
        {
            bool placeHolder = HasCustomsAfter(customs, id);
            WriteSection(w, module, id, placeHolder);
            WriteCustoms(w, customs, id);
        }
        return w.ToArray();
    }

    /// <summary>The last section the module will have, where a synthesised name section goes.</summary>
    private static SectionId LastSection(Module m)
    {
        var last = SectionId.Custom;
        foreach (var id in Order)
            if (SectionCount(m, id) > 0) last = id;
        foreach (var c in m.Customs)
            if (Array.IndexOf(Order, c.After) > Array.IndexOf(Order, last)) last = c.After;
        return last;
    }

    /// <summary>
    /// The last section written before the code section, where a synthesised branch hint section
    /// goes (the branch-hinting proposal: before the code section): one with entries, or an empty
    /// one that a custom section placed after it brings out.
    /// </summary>
    private static SectionId LastSectionBeforeCode(Module m)
    {
        var last = SectionId.Custom;
        foreach (var id in Order)
        {
            if (id == SectionId.Code) break;
            int count = SectionCount(m, id);
            if (count > 0 || (count == 0 && HasCustomsAfter(m.Customs, id))) last = id;
        }
        return last;
    }

    private static bool HasSection(EquatableArray<CustomSection> customs, string name)
    {
        foreach (var c in customs)
            if (c.Name == name) return true;
        return false;
    }

    private static bool HasCustomsAfter(EquatableArray<CustomSection> customs, SectionId id)
    {
        foreach (var c in customs)
            if (c.After == id) return true;
        return false;
    }

    private static void WriteCustoms(WasmWriter w, EquatableArray<CustomSection> customs, SectionId after)
    {
        foreach (var c in customs)
        {
            if (c.After != after) continue;
            w.WriteByte((byte)SectionId.Custom);
            int mark = w.BeginSized();
            w.WriteName(c.Name);
            w.WriteBytes(c.Content.AsSpan());
            w.EndSized(mark);
        }
    }

    /// <summary>
    /// Writes section <paramref name="id"/> when it has content, or, for vector sections, when
    /// <paramref name="evenIfEmpty"/> (a custom section is recorded after it).
    /// </summary>
    private static void WriteSection(WasmWriter w, Module m, SectionId id, bool evenIfEmpty)
    {
        int count = SectionCount(m, id);
        if (count < 0 || (count == 0 && !evenIfEmpty)) return;
        w.WriteByte((byte)id);
        int mark = w.BeginSized();
        WriteSectionContents(w, m, id);
        w.EndSized(mark);
    }

    /// <summary>The number of entries of section <paramref name="id"/>; -1 for an absent start or data count section.</summary>
    private static int SectionCount(Module m, SectionId id) =>
        id switch
        {
            SectionId.Type => m.Types.Count,
            SectionId.Import => m.Imports.Count,
            SectionId.Function or SectionId.Code => m.Functions.Count,
            SectionId.Table => m.Tables.Count,
            SectionId.Memory => m.Memories.Count,
            SectionId.Tag => m.Tags.Count,
            SectionId.Global => m.Globals.Count,
            SectionId.Export => m.Exports.Count,
            SectionId.Element => m.Elements.Count,
            SectionId.Data => m.Datas.Count,
            SectionId.Start => m.Start is null ? -1 : 1,
            _ => DataCountOf(m) is null ? -1 : 1,
        };

    /// <summary>The data count to write: the module's own, or the segment count when code refers to data segments.</summary>
    private static uint? DataCountOf(Module m)
    {
        if (m.DataCount is { } count) return count;
        foreach (var f in m.Functions)
            foreach (var ins in f.Body)
                if (OpcodeTable.Info(ins.Op).Immediate is ImmediateKind.Data or ImmediateKind.MemoryInit or ImmediateKind.TypeData)
                    return (uint)m.Datas.Count;
        return null;
    }

    private static void WriteSectionContents(WasmWriter w, Module m, SectionId id)
    {
        switch (id)
        {
            case SectionId.Type: WriteVector(w, m.Types, WriteRecType); break;
            case SectionId.Import: WriteVector(w, m.Imports, WriteImport); break;
            case SectionId.Function: WriteVector(w, m.Functions, static (w, f) => w.WriteU32(f.TypeIndex)); break;
            case SectionId.Table: WriteVector(w, m.Tables, WriteTable); break;
            case SectionId.Memory: WriteVector(w, m.Memories, static (w, mem) => WriteMemType(w, mem.Type)); break;
            case SectionId.Tag: WriteVector(w, m.Tags, static (w, t) => WriteTagType(w, t.Type)); break;
            case SectionId.Global: WriteVector(w, m.Globals, WriteGlobal); break;
            case SectionId.Export: WriteVector(w, m.Exports, WriteExport); break;
            case SectionId.Start: w.WriteU32(m.Start!.Value); break;
            case SectionId.Element: WriteVector(w, m.Elements, WriteElementSegment); break;
            case SectionId.DataCount: w.WriteU32(DataCountOf(m)!.Value); break;
            case SectionId.Code: WriteVector(w, m.Functions, WriteCode); break;
            case SectionId.Data: WriteVector(w, m.Datas, WriteDataSegment); break;
        }
    }

    private static void WriteVector<T>(WasmWriter w, EquatableArray<T> items, Action<WasmWriter, T> write)
    {
        w.WriteLength(items.Count);
        foreach (var item in items) write(w, item);
    }

    private static void WriteImport(WasmWriter w, Import import)
    {
        w.WriteName(import.Module);
        w.WriteName(import.Name);
        WriteExternType(w, import.Type);
    }

    /// <summary>A table with the default initialiser is its type alone; otherwise 0x40 0x00, the type and the expression.</summary>
    private static void WriteTable(WasmWriter w, Table table)
    {
        if (table.Init is not { } init)
        {
            WriteTableType(w, table.Type);
            return;
        }
        w.WriteByte(0x40);
        w.WriteByte(0x00);
        WriteTableType(w, table.Type);
        WriteExpr(w, init);
    }

    private static void WriteGlobal(WasmWriter w, Global global)
    {
        WriteGlobalType(w, global.Type);
        WriteExpr(w, global.Init);
    }

    private static void WriteExport(WasmWriter w, Export export)
    {
        w.WriteName(export.Name);
        w.WriteByte((byte)export.Kind);
        w.WriteU32(export.Index);
    }

    /// <summary>One function body: its size, the locals as run-length groups, the instructions and <c>end</c>.</summary>
    private static void WriteCode(WasmWriter w, Function function)
    {
        int mark = w.BeginSized();
        WriteFunctionCode(w, function, null);
        w.EndSized(mark);
    }

    /// <summary>
    /// The offset of each instruction of <paramref name="function"/>'s body (the final <c>end</c>
    /// last) from the start of its code after the size, as <see cref="Encode"/> lays it out.
    /// </summary>
    private static int[] InstructionOffsets(Function function)
    {
        var w = new WasmWriter();
        var positions = new List<int>(function.Body.Count + 1);
        WriteFunctionCode(w, function, positions);
        return positions.ToArray();
    }

    /// <summary>The code of a function after its size: the locals as run-length groups, the instructions and <c>end</c>.</summary>
    private static void WriteFunctionCode(WasmWriter w, Function function, List<int>? positions)
    {
        var locals = function.Locals.AsSpan();
        int groups = 0;
        for (int i = 0; i < locals.Length; i++)
            if (i == 0 || locals[i] != locals[i - 1]) groups++;
        w.WriteLength(groups);
        for (int i = 0; i < locals.Length;)
        {
            int j = i + 1;
            while (j < locals.Length && locals[j] == locals[i]) j++;
            w.WriteU32((uint)(j - i));
            WriteValType(w, locals[i]);
            i = j;
        }
        WriteExpr(w, function.Body, positions);
    }
}
