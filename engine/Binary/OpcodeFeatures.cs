using WasmConform.Engine.Syntax;

namespace WasmConform.Engine.Binary;

/// <summary>
/// Which feature an instruction belongs to, derived from its binary encoding in
/// <see cref="OpcodeTable"/>: the decoder treats an instruction of a feature that is off as
/// an illegal opcode, as a decoder without that feature would.
/// </summary>
internal static class OpcodeFeatures
{
    private static readonly Features[] Required = Build();

    /// <summary>Whether <paramref name="op"/> is available with <paramref name="features"/>.</summary>
    /// <remarks>An instruction needs any one of the features of its family (e.g. <c>throw</c> exists in both exception proposals).</remarks>
    public static bool IsEnabled(Opcode op, Features features)
    {
        var required = Required[(int)op];
        return required == Features.None || (required & features) != 0;
    }

    private static Features[] Build()
    {
        var required = new Features[OpcodeTable.All.Count];
        foreach (var row in OpcodeTable.All) required[(int)row.Op] = Of(row.Prefix, row.Code);
        return required;
    }

    private static Features Of(byte prefix, uint code) => prefix switch
    {
        0xFB => code >= 0x20 ? Features.CustomDescriptors : Features.Gc,
        0xFC => code switch
        {
            <= 0x07 => Features.SaturatingFloatToInt,
            <= 0x0E => Features.BulkMemory,
            <= 0x11 => Features.ReferenceTypes,
            _ => Features.WideArithmetic,
        },
        0xFE => Features.Threads,
        0xFD => code >= 0x100 ? Features.RelaxedSimd : Features.Simd,
        _ => code switch
        {
            0x06 or 0x07 or 0x09 or 0x18 or 0x19 => Features.LegacyExceptions,
            0x08 => Features.Exceptions | Features.LegacyExceptions,
            0x0A or 0x1F => Features.Exceptions,
            0x12 or 0x13 or 0x15 => Features.TailCall,
            0x14 or 0xD4 or 0xD5 or 0xD6 => Features.FunctionReferences,
            0x1C or 0x25 or 0x26 or 0xD0 or 0xD1 or 0xD2 => Features.ReferenceTypes,
            0xD3 => Features.Gc,
            >= 0xC0 and <= 0xC4 => Features.SignExtension,
            _ => Features.None,
        },
    };
}
