using System.Globalization;
using WasmConform.Engine.Syntax;

namespace WasmConform.Wast.Text;

/// <summary>
/// What the printer needs to know about a module beyond the field it is printing: the defined
/// types, the type of each function and tag (imports first, §2.5), and the identifiers taken
/// from the name section. Every lookup tolerates out-of-range indices (the module need not be valid).
/// </summary>
internal sealed class PrintContext
{
    private readonly SubType[] _types;
    private readonly uint[] _funcTypes;
    private readonly uint[] _tagTypes;
    private readonly string?[] _funcIds;
    private readonly Dictionary<uint, IReadOnlyList<NameAssoc>> _localNames = [];

    public PrintContext(Module module, WatStyle style)
    {
        Module = module;
        Style = style;
        _types = module.SubTypes.ToArray();
        _funcTypes = module.Imports.Select(i => i.Type).OfType<ExternFunc>().Select(f => f.TypeIndex)
            .Concat(module.Functions.Select(f => f.TypeIndex)).ToArray();
        _tagTypes = module.Imports.Select(i => i.Type).OfType<ExternTag>().Select(t => t.Type.TypeIndex)
            .Concat(module.Tags.Select(t => t.Type.TypeIndex)).ToArray();
        _funcIds = Identifiers.Assign(module.Names?.FunctionNames ?? [], _funcTypes.Length);
        foreach (var entry in module.Names?.LocalNames ?? [])
            _localNames.TryAdd(entry.Index, entry.Names);
    }

    /// <summary>The module being printed.</summary>
    public Module Module { get; }

    /// <summary>How function bodies are laid out.</summary>
    public WatStyle Style { get; }

    /// <summary>Number of functions, imported ones included.</summary>
    public int FunctionCount => _funcTypes.Length;

    /// <summary>The function type at <paramref name="typeIndex"/>, or <c>null</c> when there is none.</summary>
    public FuncType? FuncTypeAt(uint typeIndex) =>
        typeIndex < (uint)_types.Length ? _types[typeIndex].Comp as FuncType : null;

    /// <summary>The composite type at <paramref name="typeIndex"/>, or <c>null</c> when out of range.</summary>
    public CompType? CompTypeAt(uint typeIndex) =>
        typeIndex < (uint)_types.Length ? _types[typeIndex].Comp : null;

    /// <summary>The type of function <paramref name="funcIndex"/>, or <c>null</c> when unknown.</summary>
    public FuncType? FuncTypeOfFunction(uint funcIndex) =>
        funcIndex < (uint)_funcTypes.Length ? FuncTypeAt(_funcTypes[funcIndex]) : null;

    /// <summary>The type of tag <paramref name="tagIndex"/>, or <c>null</c> when unknown.</summary>
    public FuncType? FuncTypeOfTag(uint tagIndex) =>
        tagIndex < (uint)_tagTypes.Length ? FuncTypeAt(_tagTypes[tagIndex]) : null;

    /// <summary>The identifier of function <paramref name="funcIndex"/> (with <c>$</c>), or <c>null</c>.</summary>
    public string? FuncId(uint funcIndex) => funcIndex < (uint)_funcIds.Length ? _funcIds[funcIndex] : null;

    /// <summary>How a reference to function <paramref name="funcIndex"/> is written: its identifier or its index.</summary>
    public string Func(uint funcIndex) => FuncId(funcIndex) ?? Index(funcIndex);

    /// <summary>Identifiers of the <paramref name="count"/> locals (parameters first) of function <paramref name="funcIndex"/>.</summary>
    public string?[] LocalIds(uint funcIndex, int count) =>
        Identifiers.Assign(_localNames.TryGetValue(funcIndex, out var names) ? names : [], count);

    /// <summary>An index in decimal.</summary>
    public static string Index(uint index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The block comment <c>(;n;)</c> that tells the reader which index a definition takes.</summary>
    public static string IndexComment(int index) => $"(;{index.ToString(CultureInfo.InvariantCulture)};)";
}
