using WasmConform.Engine;

namespace WasmConform.Wast.Json;

/// <summary>
/// A JSON script (wast2json output) that cannot be read: not JSON, a command or value not in the
/// format, or a module file that is missing. <see cref="WasmException.Location"/> names the JSON
/// file and, when known, the command (its index and its line in the original script).
/// </summary>
public sealed class JsonScriptException(string message, string location, Exception? inner = null)
    : WasmException(message, location, inner);
