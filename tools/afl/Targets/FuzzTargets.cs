namespace WasmConform.Afl.Targets;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    /// <summary>The names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["decoder", "validator", "text", "differential"];

    /// <summary>A new target called <paramref name="name"/>, or null when there is none.</summary>
    public static FuzzTarget? Create(string name) => name switch
    {
        "decoder" => new DecoderTarget(),
        "validator" => new ValidatorTarget(),
        "text" => new TextTarget(),
        "differential" => new DifferentialTarget(),
        _ => null,
    };
}
