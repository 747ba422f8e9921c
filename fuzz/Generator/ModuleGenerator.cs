using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// Turns any byte string into a valid module (§3) that ends on every run (see
/// <see cref="GeneratedModule"/> for the shape every module shares), in the manner of
/// wasm-smith and binaryen's translate-to-fuzz: the bytes are read as a
/// <see cref="ChoiceStream"/>, so a fuzzer that mutates bytes explores modules and a
/// shrinker that shortens bytes gets smaller modules. The same bytes and configuration always
/// give the same module.
/// </summary>
/// <example>
/// <code>
/// var module = ModuleGenerator.Generate(SeedInput.Bytes(seed: 7, index: 0, length: 4096), GeneratorConfig.Default);
/// byte[] wasm = Encoder.Encode(module);
/// </code>
/// </example>
public static class ModuleGenerator
{
    /// <summary>The module for <paramref name="input"/> under <paramref name="config"/> (default: <see cref="GeneratorConfig.Default"/>).</summary>
    public static Module Generate(byte[] input, GeneratorConfig? config = null) =>
        Generate(new ChoiceStream(input), config ?? GeneratorConfig.Default);

    /// <summary>The module the next choices of <paramref name="u"/> describe.</summary>
    /// <exception cref="ArgumentException">The configuration breaks a rule that <see cref="GeneratorConfigFile"/> checks (a limit out of range, a feature without the one it needs).</exception>
    public static Module Generate(ChoiceStream u, GeneratorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var (key, message) in GeneratorConfigRules.Check(config))
            throw new ArgumentException($"{key}: {message}", nameof(config));
        var m = new ModuleState(u, config);
        var imports = DeclareImports(m);
        ModuleSections.DeclareGcTypes(m);
        DeclareFunctions(m);
        ModuleSections.DeclareTags(m);
        ModuleSections.DeclareMemories(m);
        ModuleSections.DeclareTables(m);
        ModuleSections.DeclareGlobals(m);
        ModuleSections.DeclareElements(m);
        ModuleSections.DeclareDatas(m);
        var functions = new Function[m.DefinedFunctions];
        for (int i = 0; i < functions.Length; i++)
            functions[i] = new FunctionGenerator(m, GeneratedModule.ImportedFunctions + (uint)i).Generate();
        return new Module
        {
            Types = m.Types.ToSection(),
            Imports = imports,
            Functions = functions,
            Tables = m.Tables.Select(t => new Table(t.Type)).ToEquatableArray(),
            Memories = m.Memories.Select(mem => new Memory(mem.Type)).ToEquatableArray(),
            Globals = m.Globals.ToEquatableArray(),
            Tags = m.Tags.Select(t => new Tag(new TagType(t))).ToEquatableArray(),
            Exports = ModuleSections.Exports(m),
            Start = ChooseStart(m),
            Elements = m.Elements.ToEquatableArray(),
            Datas = m.Datas.ToEquatableArray(),
            DataCount = m.Features.BulkMemory || m.Features.Gc ? (uint)m.Datas.Count : null,
        };
    }

    /// <summary><c>env.exit</c> and the four <c>env.log_*</c> functions, in <see cref="GeneratedModule"/>'s order.</summary>
    private static EquatableArray<Import> DeclareImports(ModuleState m)
    {
        (string Name, ValType Param)[] imports =
            [("exit", ValType.I32), ("log_i32", ValType.I32), ("log_i64", ValType.I64), ("log_f32", ValType.F32), ("log_f64", ValType.F64)];
        var list = new List<Import>();
        foreach (var (name, param) in imports)
        {
            uint type = m.Types.Intern(new FuncType([param], []));
            m.FuncTypes.Add(type);
            list.Add(new Import(GeneratedModule.ImportModule, name, new ExternFunc(type)));
        }
        return list.ToEquatableArray();
    }

    /// <summary>Function signatures: new types, or now and then the type of an earlier function (so indirect calls match).</summary>
    private static void DeclareFunctions(ModuleState m)
    {
        int count = m.U.Int(1, m.Config.Limits.MaxFunctions);
        for (int i = 0; i < count; i++)
        {
            if (m.DefinedFunctions > 0 && m.U.Chance(30))
            {
                m.FuncTypes.Add(m.FuncTypes[m.RandomDefinedFunction()]);
                continue;
            }
            // Every function is exported: its parameters and results are at the boundary.
            var parameters = m.RandomValTypes(m.Config.Limits.MaxParams, boundary: true);
            var results = m.RandomValTypes(m.MaxResults, nonNull: m.Features.FunctionReferences, boundary: true);
            m.FuncTypes.Add(m.Types.Intern(new FuncType(parameters, results)));
        }
    }

    /// <summary>Now and then a start function (§2.5.9): a defined function of type <c>[] -> []</c>, if there is one.</summary>
    private static uint? ChooseStart(ModuleState m)
    {
        if (!m.U.Chance(m.Config.StartPercent)) return null;
        var candidates = Enumerable.Range((int)GeneratedModule.ImportedFunctions, m.DefinedFunctions)
            .Where(f => m.FuncType((uint)f) is { Params.Count: 0, Results.Count: 0 }).ToList();
        return candidates.Count == 0 ? null : (uint)m.U.Pick(candidates);
    }
}
