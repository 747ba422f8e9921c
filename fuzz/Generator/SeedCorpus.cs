using WasmConform.Engine;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using WasmConform.Wast.Script;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Generator;

/// <summary>A seed module and where it came from (<c>file</c> or <c>file:line:column</c>).</summary>
public sealed record Seed(string Origin, Module Module);

/// <summary>
/// Seed modules for <see cref="SeedMutator"/>: binary <c>.wasm</c> files (the benchmark
/// modules in <c>../shared/bench/wasm</c>, say) and the module commands of <c>.wast</c>
/// scripts (text modules and <c>(module binary …)</c>), from a file or a folder tree, in
/// file-name order. Only modules that are valid under the features and import nothing are
/// kept, so that any engine can run them (after <see cref="FuelInstrumentation"/>, which adds
/// <c>env.exit</c>). Files that cannot be read or parsed are skipped.
/// </summary>
public static class SeedCorpus
{
    /// <summary>The seeds under <paramref name="path"/> (a file or a folder searched recursively).</summary>
    public static List<Seed> Load(string path, Features features)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[path];
        var seeds = new List<Seed>();
        foreach (var file in files)
        {
            foreach (var seed in FromFile(file, features))
                if (seed.Module.Imports.IsEmpty && IsValid(seed.Module, features)) seeds.Add(seed);
        }
        return seeds;
    }

    private static IEnumerable<Seed> FromFile(string file, Features features)
    {
        switch (Path.GetExtension(file))
        {
            case ".wasm":
                return Decode(File.ReadAllBytes(file), features) is { } module ? [new Seed(file, module)] : [];
            case ".wast":
                return FromScript(file, features);
            default:
                return [];
        }
    }

    private static List<Seed> FromScript(string file, Features features)
    {
        WastScript script;
        try
        {
            script = WastScript.ParseFile(file);
        }
        catch (ParseException)
        {
            return [];
        }
        var seeds = new List<Seed>();
        foreach (var command in script.Commands)
        {
            var module = command switch
            {
                ModuleCommand { Source: TextModule text } => text.Module,
                ModuleCommand { Source: BinaryModule binary } => Decode(binary.Bytes.ToArray(), features),
                _ => null,
            };
            if (module is not null) seeds.Add(new Seed(command.Location.ToString(), module));
        }
        return seeds;
    }

    private static Module? Decode(byte[] bytes, Features features)
    {
        try
        {
            return Decoder.Decode(bytes, features);
        }
        catch (MalformedException)
        {
            return null;
        }
    }

    private static bool IsValid(Module module, Features features)
    {
        try
        {
            Validator.Validate(module, features);
            return true;
        }
        catch (InvalidException)
        {
            return false;
        }
    }
}
