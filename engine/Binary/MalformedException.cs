namespace WasmConform.Engine.Binary;

/// <summary>
/// The module's bytes are not a well-formed binary module (§5): the spec interpreter's
/// <c>Decode.Code</c> error, e.g. "unexpected end", "integer too large", "section size mismatch".
/// </summary>
/// <param name="message">The spec interpreter's wording.</param>
/// <param name="offset">Byte offset in the module where decoding failed.</param>
public sealed class MalformedException(string message, long offset)
    : WasmException(message, $"offset 0x{offset:x}")
{
    /// <summary>Byte offset of the error.</summary>
    public long Offset { get; } = offset;
}
