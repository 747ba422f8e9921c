using SharpFuzz;
using WasmConform.Afl;
using WasmConform.Afl.Targets;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Triage;

// WasmConform.Afl TARGET                  one input from stdin; under afl-fuzz, the fork server loop
// WasmConform.Afl TARGET prepare FOLDER   writes FOLDER/in (seeds) and FOLDER/dictionary, prints the plan
// WasmConform.Afl TARGET replay PATH...   runs saved inputs (files or folders), prints what escaped
const string Usage = "usage: WasmConform.Afl TARGET [prepare FOLDER | replay PATH...]";
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine(Usage);
    Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.Names));
    return 2;
}
string name = args[0];
switch (args.Length > 1 ? args[1] : null)
{
    case null:
        // Under afl-fuzz this process is the fork server, which has no coverage map: it must not run
        // instrumented code. The target is made in the fuzzing process, on its first input.
        FuzzTarget? target = null;
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            // One process runs millions of inputs: the types they intern are released now and then.
            if (TypeRegistry.Held >= TypeRegistry.ReleaseThreshold) TypeRegistry.ReleaseAll();
            using var types = TypeRegistry.Use();
            (target ??= FuzzTargets.Create(name)!).Run(buffer.ToArray());
        });
        return 0;
    case "prepare" when args.Length == 3:
        return Preparation.Prepare(FuzzTargets.Create(name)!, args[2], Console.Out);
    case "replay" when args.Length > 2:
        var known = Path.Combine(WasmConform.Harness.TestSuite.RepositoryRoot(), KnownSignatures.DefaultPath);
        return Replay.Run(FuzzTargets.Create(name)!, args[2..], Console.Out, File.Exists(known) ? KnownSignatures.Load(known) : null);
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
