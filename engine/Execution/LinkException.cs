namespace WasmConform.Engine.Execution;

/// <summary>
/// Instantiation failed while resolving imports (§4.5.4): "unknown import",
/// "incompatible import type". The module is unlinkable.
/// </summary>
public sealed class LinkException(string message, string? location = null)
    : WasmException(message, location);
