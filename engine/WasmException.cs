namespace WasmConform.Engine;

/// <summary>
/// Base of the engine's typed errors, one per phase as in the spec's reference interpreter:
/// <see cref="Binary.MalformedException"/> (decoding), <see cref="Validation.InvalidException"/>
/// (validation), <see cref="Execution.LinkException"/> (linking), <see cref="Execution.TrapException"/>
/// (traps), <see cref="Execution.ExhaustionException"/> (resource limits).
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is the spec interpreter's wording alone (what a <c>.wast</c>
/// assertion compares by prefix); <see cref="Location"/> says where, and <see cref="Describe"/>
/// joins the two for people.
/// </remarks>
public abstract class WasmException(string message, string? location = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Where it happened (byte offset, function and instruction, source position), if known.</summary>
    public string? Location { get; } = location;

    /// <summary>One line for people: <c>location: message</c>.</summary>
    public string Describe() => Location is null ? Message : $"{Location}: {Message}";
}
