using WasmConform.Engine.Syntax;

namespace WasmConform.Fuzz.Generator;

/// <summary>
/// Makes any valid module end on every run, the way generated modules do: adds the import
/// <c>env.exit(i32)</c> and a mutable i32 fuel global, and puts a <see cref="FuelCheck"/> at the
/// start of every function body and every loop body, exiting with
/// <see cref="GeneratedModule.FuelExitCode"/> when the fuel is spent.
/// </summary>
/// <remarks>
/// The new import comes after the existing imports, so every defined function's index goes up
/// by one; every place a function index stands (calls, <c>ref.func</c> in code and constant
/// expressions, exports, the start function, the name section) is renumbered. The new type
/// and global come last and move nothing. A <c>name</c> custom section is dropped in favour of
/// the renumbered <see cref="Module.Names"/>, which the encoder writes back; branch hints (their
/// section and <see cref="Module.BranchHints"/>) are dropped, since the checks move the instructions they name.
/// </remarks>
public static class FuelInstrumentation
{
    /// <summary>Export name of the added fuel global (suffixed with '_' while the name is taken).</summary>
    public const string FuelExport = GeneratedModule.FuelExport;

    /// <summary>The instrumented module, starting with <paramref name="fuel"/> units.</summary>
    public static Module Apply(Module module, int fuel)
    {
        uint typeIndex = (uint)module.SubTypes.Count();
        uint imported = (uint)module.ImportsOf(ExternKind.Func).Count();
        uint fuelGlobal = (uint)(module.ImportsOf(ExternKind.Global).Count() + module.Globals.Count);
        var check = FuelCheck.Sequence(fuelGlobal, imported, GeneratedModule.FuelExitCode);
        uint Shift(uint f) => f >= imported ? f + 1 : f;
        EquatableArray<Instruction> RenumberCode(EquatableArray<Instruction> code) => code.Select(i => Renumbered(i, Shift)).ToEquatableArray();

        var functions = module.Functions.Select(f => f with { Body = [.. check, .. WithLoopChecks(f.Body, check, Shift)] });
        string exportName = FuelExport;
        while (module.Exports.Any(e => e.Name == exportName)) exportName += "_";
        return module with
        {
            Types = [.. module.Types, RecType.Single(SubType.Plain(new FuncType([ValType.I32], [])))],
            Imports = [.. module.Imports, new Import(GeneratedModule.ImportModule, "exit", new ExternFunc(typeIndex))],
            Functions = functions.ToEquatableArray(),
            Tables = module.Tables.Select(t => t.Init is { } init ? t with { Init = RenumberCode(init) } : t).ToEquatableArray(),
            Globals = [.. module.Globals.Select(g => g with { Init = RenumberCode(g.Init) }),
                new Global(new GlobalType(ValType.I32, true), [new I32ConstInstruction(fuel)])],
            Exports = [.. module.Exports.Select(e => e.Kind == ExternKind.Func ? e with { Index = Shift(e.Index) } : e),
                new Export(exportName, ExternKind.Global, fuelGlobal)],
            Start = module.Start is { } start ? Shift(start) : null,
            Elements = module.Elements.Select(e => e with
            {
                Init = e.Init.Select(RenumberCode).ToEquatableArray(),
                Mode = e.Mode with { Offset = RenumberCode(e.Mode.Offset) },
            }).ToEquatableArray(),
            Customs = module.Customs.Where(c => c.Name is not ("name" or "metadata.code.branch_hint")).ToEquatableArray(),
            Names = module.Names is { } names ? RenumberNames(names, Shift) : null,
            BranchHints = default,
        };
    }

    /// <summary>The body renumbered, with the check after every <c>loop</c>.</summary>
    private static List<Instruction> WithLoopChecks(EquatableArray<Instruction> body, Instruction[] check, Func<uint, uint> shift)
    {
        var result = new List<Instruction>(body.Count);
        foreach (var ins in body)
        {
            result.Add(Renumbered(ins, shift));
            if (ins.Op == Opcode.Loop) result.AddRange(check);
        }
        return result;
    }

    private static Instruction Renumbered(Instruction ins, Func<uint, uint> shift) =>
        ins is IndexInstruction { Op: Opcode.Call or Opcode.ReturnCall or Opcode.RefFunc } x ? x with { Index = shift(x.Index) } : ins;

    private static NameSection RenumberNames(NameSection names, Func<uint, uint> shift) => names with
    {
        FunctionNames = names.FunctionNames.Select(n => n with { Index = shift(n.Index) }).ToEquatableArray(),
        LocalNames = names.LocalNames.Select(n => n with { Index = shift(n.Index) }).ToEquatableArray(),
    };
}
