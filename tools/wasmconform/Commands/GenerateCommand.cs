using System.CommandLine;
using WasmConform.Wast.Text;
using System.Globalization;
using WasmConform.Engine.Binary;
using WasmConform.Engine.Syntax;
using WasmConform.Fuzz.Generator;

namespace WasmConform.Cli.Commands;

/// <summary>
/// <c>wasmconform generate --seed S [--count N] [--config FILE.yaml] [--from SEEDS] (--out DIR | --survey)</c>:
/// writes generated (or mutated seed) modules, or runs them and reports what they do.
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var seed = new Option<ulong>("--seed") { Description = "The run's seed: module i is derived from (seed, i) the same way on every machine.", Required = true };
        var count = new Option<int>("--count") { Description = "How many modules (default 1).", DefaultValueFactory = _ => 1 };
        var config = new Option<FileInfo?>("--config") { Description = "Generator configuration (YAML, snake_case keys; see fuzz/generator.example.yaml)." };
        var from = new Option<string?>("--from") { Description = "Mutate seed modules instead of generating: a .wasm or .wast file, or a folder of them." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the modules here as SEED-INDEX.wasm." };
        var survey = new Option<bool>("--survey") { Description = "Run the modules on the reference interpreter and print how their exported calls end and which opcodes they use." };
        var command = new Command("generate", """
            Generate WebAssembly modules from a seed: every module is valid, imports only env.exit and
            env.log_i32/i64/f32/f64, exports everything, and ends on every run (fuel and call depth are
            checked in the code; out of fuel it calls env.exit(101), too deep env.exit(102)).
            Exit status: 0 done; 2 usage; 3 unreadable or bad configuration, or no usable seed module.
            """)
        {
            seed, count, config, from, output, survey,
        };
        command.SetAction(parse => Run(parse.GetValue(seed), parse.GetValue(count), parse.GetValue(config),
            parse.GetValue(from), parse.GetValue(output), parse.GetValue(survey)));
        return command;
    }

    private static int Run(ulong seed, int count, FileInfo? configFile, string? from, DirectoryInfo? output, bool survey)
    {
        if (output is null && !survey) return Fail(ExitCodes.Usage, "generate: give --out DIR, --survey, or both");
        if (count < 0) return Fail(ExitCodes.Usage, "generate: --count cannot be negative");
        GeneratorConfig config;
        try
        {
            config = configFile is null ? GeneratorConfig.Default : GeneratorConfigFile.Load(configFile.FullName);
        }
        catch (GeneratorConfigException e)
        {
            return Fail(ExitCodes.BadInput, e.Message);
        }
        Func<long, Module> make = i => GeneratedModules.Generated(seed, i, config);
        if (from is not null)
        {
            if (!File.Exists(from) && !Directory.Exists(from)) return Fail(ExitCodes.BadInput, $"generate: no such file or folder: {from}");
            var seeds = SeedCorpus.Load(from, config.EngineFeatures);
            if (seeds.Count == 0) return Fail(ExitCodes.BadInput, $"generate: no valid seed module without imports under {from}");
            make = i => GeneratedModules.Mutated(seeds, seed, i, config);
        }
        if (output is not null)
        {
            try
            {
                Write(output, seed, count, make);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(ExitCodes.BadInput, $"generate: {e.Message}");
            }
            Console.WriteLine($"wrote {count} modules to {output.FullName}");
        }
        if (survey) Console.Write(GeneratorSurvey.Run(count, config, make).ToText());
        return ExitCodes.Ok;
    }

    private static void Write(DirectoryInfo output, ulong seed, int count, Func<long, Module> make)
    {
        output.Create();
        for (long i = 0; i < count; i++)
        {
            var module = make(i);
            string path = Path.Combine(output.FullName, string.Create(CultureInfo.InvariantCulture, $"{seed}-{i:D6}"));
            File.WriteAllBytes(path + ".wasm", Encoder.Encode(module));
            File.WriteAllText(path + ".wat", WatPrinter.Print(module));
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
