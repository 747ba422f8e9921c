using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

/// <summary>
/// Decodes the binary format (§5) into the module syntax (§2), with the spec interpreter's
/// error messages (<c>binary/decode.ml</c>).
/// </summary>
/// <remarks>
/// <para>
/// Decoding only checks what the binary grammar requires; everything else (index ranges,
/// alignment, limits, constant-ness of expressions) is left to validation. Any byte string
/// either decodes or throws <see cref="MalformedException"/>; no other exception escapes.
/// </para>
/// <para>
/// Features gate what a decoder without them would not recognise: instructions of a disabled
/// proposal are illegal opcodes; the limits flags for 64-bit addresses (<see cref="Features.Memory64"/>),
/// shared memories (<see cref="Features.Threads"/>) and custom page sizes
/// (<see cref="Features.CustomPageSizes"/>) are malformed without their feature, as is the tag
/// section without one of the exception features.
/// </para>
/// </remarks>
public static partial class Decoder
{
    private const uint Magic = 0x6D736100;
    private const uint Version = 1;

    /// <summary>Sections in the order they must appear (§5.5.2), indexed by section id; custom sections go anywhere.</summary>
    private static readonly int[] Rank = BuildRanks();

    private static int[] BuildRanks()
    {
        SectionId[] order =
        [
            SectionId.Type, SectionId.Import, SectionId.Function, SectionId.Table, SectionId.Memory, SectionId.Tag,
            SectionId.Global, SectionId.Export, SectionId.Start, SectionId.Element, SectionId.DataCount, SectionId.Code,
            SectionId.Data,
        ];
        var rank = new int[14];
        for (int i = 0; i < order.Length; i++) rank[(int)order[i]] = i + 1;
        return rank;
    }

    /// <summary>Decodes a binary module.</summary>
    /// <param name="bytes">The whole module, starting with the magic <c>\0asm</c>.</param>
    /// <param name="features">The features to accept; WebAssembly 3.0 with legacy exception handling by default.</param>
    /// <returns>
    /// The module; <see cref="Module.Names"/> is set when a well-formed <c>name</c> section is present,
    /// <see cref="Module.BranchHints"/> when a well-formed <c>metadata.code.branch_hint</c> section is.
    /// </returns>
    /// <exception cref="MalformedException">The bytes are not a well-formed module; the message is the spec interpreter's, the offset where it failed.</exception>
    public static Module Decode(ReadOnlySpan<byte> bytes, Features features = FeatureSets.Wasm3 | Features.LegacyExceptions)
    {
        var r = new WasmReader(bytes) { Features = features };
        if (r.ReadWord32() != Magic) throw new MalformedException("magic header not detected", 0);
        if (r.ReadWord32() != Version) throw new MalformedException("unknown binary version", 4);
        var cx = new Context(features);
        var sections = new Sections();
        ReadSections(ref r, cx, sections);
        var module = Assemble(sections, r.Length);
        return module.Customs.Any(c => c.Name == BranchHintSection.Name)
            ? module with { BranchHints = ReadBranchHints(bytes, features, module, sections.Codes) }
            : module;
    }

    /// <summary>What the sections held, before the cross-section checks.</summary>
    private sealed class Sections
    {
        public RecType[] Types = [];
        public Import[] Imports = [];
        public uint[] FunctionTypes = [];
        public Table[] Tables = [];
        public Memory[] Memories = [];
        public Tag[] Tags = [];
        public Global[] Globals = [];
        public Export[] Exports = [];
        public uint? Start;
        public ElementSegment[] Elements = [];
        public uint? DataCount;
        public (EquatableArray<ValType> Locals, EquatableArray<Instruction> Body, int Start)[] Codes = [];
        public bool BodiesUseDataIndex;
        public DataSegment[] Datas = [];
        public readonly List<CustomSection> Customs = [];
    }

    /// <summary>§5.5.2, §5.5.15: sections in order, each at most once, custom sections anywhere.</summary>
    private static void ReadSections(ref WasmReader r, Context cx, Sections s)
    {
        bool tagsEnabled = (cx.Features & (Features.Exceptions | Features.LegacyExceptions)) != 0;
        int nextRank = 0;
        var last = SectionId.Custom;
        while (!r.AtEnd)
        {
            int pos = r.Position;
            int id = r.Peek();
            if (id >= Rank.Length || (id == (int)SectionId.Tag && !tagsEnabled))
                throw new MalformedException("malformed section id", pos);
            if (id != 0 && Rank[id] < nextRank)
                throw new MalformedException("unexpected content after last section", pos);
            r.Position++;
            int size = r.ReadLength();
            int start = r.Position;
            if (id == 0) s.Customs.Add(ReadCustomSection(ref r, size, last));
            else ReadSection(ref r, cx, s, (SectionId)id);
            if (r.Position != start + size) throw new MalformedException("section size mismatch", start);
            if (id != 0)
            {
                nextRank = Rank[id] + 1;
                last = (SectionId)id;
            }
        }
    }

    private static void ReadSection(ref WasmReader r, Context cx, Sections s, SectionId id)
    {
        switch (id)
        {
            case SectionId.Type: s.Types = ReadTypeSection(ref r, cx); break;
            case SectionId.Import: s.Imports = ReadImportSection(ref r, cx); break;
            case SectionId.Function: s.FunctionTypes = ReadFunctionSection(ref r, cx); break;
            case SectionId.Table: s.Tables = ReadTableSection(ref r, cx); break;
            case SectionId.Memory: s.Memories = ReadMemorySection(ref r, cx); break;
            case SectionId.Tag: s.Tags = ReadTagSection(ref r, cx); break;
            case SectionId.Global: s.Globals = ReadGlobalSection(ref r, cx); break;
            case SectionId.Export: s.Exports = ReadExportSection(ref r, cx); break;
            case SectionId.Start: s.Start = r.ReadU32(); break;
            case SectionId.Element: s.Elements = ReadElementSection(ref r, cx); break;
            case SectionId.DataCount: s.DataCount = r.ReadU32(); break;
            case SectionId.Code:
                cx.UsesDataIndex = false;
                s.Codes = ReadCodeSection(ref r, cx);
                s.BodiesUseDataIndex = cx.UsesDataIndex;
                break;
            case SectionId.Data: s.Datas = ReadDataSection(ref r, cx); break;
        }
    }

    /// <summary>§5.5.3 custom section: a name and the remaining bytes of the section, kept with its place.</summary>
    private static CustomSection ReadCustomSection(ref WasmReader r, int size, SectionId after)
    {
        int start = r.Position;
        string name = r.ReadName();
        int rest = size - (r.Position - start);
        if (rest < 0) throw r.EndError();
        return new CustomSection(name, r.ReadBytes(rest).ToArray(), after);
    }

    /// <summary>The checks across sections (§5.5.16), then the module.</summary>
    private static Module Assemble(Sections s, int end)
    {
        if (s.FunctionTypes.Length != s.Codes.Length)
            throw new MalformedException("function and code section have inconsistent lengths", end);
        if (s.DataCount is { } count && count != (uint)s.Datas.Length)
            throw new MalformedException("data count and data section have inconsistent lengths", end);
        if (s.DataCount is null && s.BodiesUseDataIndex)
            throw new MalformedException("data count section required", end);

        var functions = s.FunctionTypes.Length == 0 ? [] : new Function[s.FunctionTypes.Length];
        for (int i = 0; i < functions.Length; i++)
            functions[i] = new Function(s.FunctionTypes[i], s.Codes[i].Locals, s.Codes[i].Body);
        NameSection? names = null;
        foreach (var custom in s.Customs)
        {
            if (custom.Name != "name") continue;
            names = NameSectionDecoder.TryDecode(custom.Content.AsSpan());
            break;
        }
        return new Module
        {
            Types = s.Types,
            Imports = s.Imports,
            Functions = functions,
            Tables = s.Tables,
            Memories = s.Memories,
            Globals = s.Globals,
            Tags = s.Tags,
            Exports = s.Exports,
            Start = s.Start,
            Elements = s.Elements,
            Datas = s.Datas,
            DataCount = s.DataCount,
            Customs = s.Customs.ToArray(),
            Names = names,
        };
    }
}
