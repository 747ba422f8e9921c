using SharpFuzz;
using WasmConform.Afl;
using WasmConform.Afl.Targets;

// WasmConform.Afl TARGET                  one input from stdin; under afl-fuzz, the fork server loop
// WasmConform.Afl TARGET prepare FOLDER   writes FOLDER/in (seeds) and FOLDER/dictionary, prints the plan
// WasmConform.Afl TARGET replay PATH...   runs saved inputs (files or folders), prints what escaped
if (args.Length == 0 || FuzzTargets.Create(args[0]) is not { } target)
{
    Console.Error.WriteLine("usage: WasmConform.Afl TARGET [prepare FOLDER | replay PATH...]");
    Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.Names));
    return 2;
}
switch (args.Length > 1 ? args[1] : null)
{
    case null:
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;
    case "prepare" when args.Length == 3:
        return Preparation.Prepare(target, args[2], Console.Out);
    case "replay" when args.Length > 2:
        return Replay.Run(target, args[2..], Console.Out);
    default:
        Console.Error.WriteLine("usage: WasmConform.Afl TARGET [prepare FOLDER | replay PATH...]");
        return 2;
}
