namespace WasmConform.Engine;

/// <summary>
/// The module is fine but uses something this engine does not implement yet (e.g. an
/// instruction family whose execution is a later piece of work). Not a spec error: the
/// spec runner counts it as a skip with <see cref="Exception.Message"/> as the reason.
/// </summary>
public sealed class UnsupportedFeatureException(string feature)
    : Exception($"not implemented yet: {feature}")
{
    /// <summary>What is missing, e.g. "execution of memory.grow on this memory".</summary>
    public string Feature { get; } = feature;
}
