namespace WasmConform.Engine.Validation;

/// <summary>
/// The module is well-formed but not valid (§3): the spec interpreter's <c>Valid.Invalid</c>
/// error, e.g. "type mismatch", "unknown local", "alignment must not be larger than natural".
/// </summary>
/// <param name="message">The spec interpreter's wording.</param>
/// <param name="location">Where, e.g. <c>func 3, instruction 12 (i32.add)</c>.</param>
public sealed class InvalidException(string message, string? location = null)
    : WasmException(message, location);
