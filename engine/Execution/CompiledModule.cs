using WasmConform.Engine.Binary;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

/// <summary>
/// A decoded and validated module, ready to instantiate any number of times. Function bodies
/// are compiled to internal code on their first call and shared by all instances.
/// </summary>
public sealed class CompiledModule
{
    private readonly CompiledFunction?[] _code;
    private readonly CompiledFunction?[] _meteredCode;

    private CompiledModule(ValidatedModule validated)
    {
        Validated = validated;
        Context = new CodeContext(validated.Module);
        _code = new CompiledFunction?[Module.Functions.Count];
        _meteredCode = new CompiledFunction?[Module.Functions.Count];
    }

    /// <summary>The module's syntax.</summary>
    public Module Module => Validated.Module;

    /// <summary>The validation result: canonical types.</summary>
    public ValidatedModule Validated { get; }

    internal CodeContext Context { get; }

    /// <summary>Decodes (§5) and validates (§3) a binary module.</summary>
    /// <exception cref="MalformedException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidException">The module is not valid.</exception>
    public static CompiledModule FromBinary(ReadOnlySpan<byte> bytes, Features features = FeatureSets.Wasm3 | Features.LegacyExceptions) =>
        new(Validator.Validate(Decoder.Decode(bytes, features), features));

    /// <summary>Validates (§3) a module built or parsed elsewhere.</summary>
    /// <exception cref="InvalidException">The module is not valid.</exception>
    public static CompiledModule FromModule(Module module, Features features = FeatureSets.Wasm3 | Features.LegacyExceptions) =>
        new(Validator.Validate(module, features));

    /// <summary>Compiles every function body now (otherwise each is compiled on its first call).</summary>
    /// <exception cref="UnsupportedFeatureException">A body uses an instruction this interpreter does not run yet.</exception>
    public void CompileAll(bool metered = false)
    {
        for (int i = 0; i < _code.Length; i++) Code(Context.ImportedFuncs + i, metered);
    }

    /// <summary>The internal code of function <paramref name="funcIndex"/> (a defined function).</summary>
    internal CompiledFunction Code(int funcIndex, bool metered)
    {
        var cache = metered ? _meteredCode : _code;
        int defined = funcIndex - Context.ImportedFuncs;
        return cache[defined] ??= FunctionCompiler.Compile(Context, Module.Functions[defined], funcIndex, metered);
    }
}
