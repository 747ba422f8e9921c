using WasmConform.Engine;

namespace WasmConform.Wast.Json;

/// <summary>
/// A script command that has no form in the JSON script format (a text module the encoder cannot
/// encode, a value with no JSON encoding). <see cref="WasmException.Location"/> is the command's
/// <c>file:line:column</c>.
/// </summary>
public sealed class ConversionException(string message, string location, Exception? inner = null)
    : WasmException(message, location, inner);
