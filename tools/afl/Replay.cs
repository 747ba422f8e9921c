using System.Diagnostics;
using System.Text.RegularExpressions;
using WasmConform.Afl.Targets;
using WasmConform.Fuzz.Triage;

namespace WasmConform.Afl;

/// <summary>
/// Runs saved inputs (afl-fuzz's <c>crashes/</c> and <c>hangs/</c>, or any files) through a
/// target outside afl-fuzz and groups what escaped by signature (the exception's type and the
/// first frame of our own code), with the inputs that showed each one.
/// </summary>
public static partial class Replay
{
    /// <summary>
    /// Replays every file under <paramref name="paths"/>; returns 1 when anything escaped, else 0.
    /// A finding whose divergence signature is in <paramref name="known"/> (the open divergences of
    /// <c>fuzz/corpus/known-signatures.yaml</c>) is marked as known: a runtime's bug found again.
    /// </summary>
    public static int Run(FuzzTarget target, IEnumerable<string> paths, TextWriter output, IReadOnlySet<string>? known = null)
    {
        var files = paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p).Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal))
                : [p])
            .Order(StringComparer.Ordinal).ToList();
        var groups = new SortedDictionary<string, List<(string File, Exception Error, TimeSpan Time)>>(StringComparer.Ordinal);
        int passed = 0;
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                target.Run(File.ReadAllBytes(file));
                passed++;
            }
            catch (Exception e)
            {
                var key = Signature(e);
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add((file, e, clock.Elapsed));
            }
        }
        output.WriteLine($"{target.Name}: {files.Count} input(s) replayed, {passed} handled, {files.Count - passed} escaped in {groups.Count} group(s)");
        foreach (var (signature, list) in groups)
        {
            output.WriteLine();
            var (first, error, _) = list[0];
            bool isKnown = error is FindingException { Signature: { } divergence } && known?.Contains(divergence) == true;
            output.WriteLine($"== {signature} ({list.Count} input(s)){(isKnown ? ", known: listed in " + KnownSignatures.DefaultPath : "")}");
            output.WriteLine($"   first input: {first}");
            var details = error is FindingException ? error.Message : error.ToString();
            output.WriteLine("   " + details.ReplaceLineEndings(Environment.NewLine + "   "));
        }
        return groups.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// The exception's type and the first frame in the project's code; for a finding, its own
    /// signature, else the first line of its message without the called export and its arguments, and with numbers
    /// as <c>#</c> (so one difference seen with many values is one group).
    /// </summary>
    public static string Signature(Exception e)
    {
        if (e is FindingException { Signature: { } signature }) return $"{nameof(FindingException)}: {signature}";
        if (e is FindingException)
        {
            var text = Call().Replace(FirstLine(e.Message), "invoke");
            return $"{nameof(FindingException)}: {Number().Replace(text, "#")}";
        }
        var frame = new StackTrace(e, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("WasmConform", StringComparison.Ordinal) == true);
        string where = frame is null ? "?" : $"{frame.DeclaringType!.FullName}.{frame.Name}";
        return $"{e.GetType().FullName} at {where}";
    }

    /// <summary>An invoked export and its arguments: <c>invoke f2 (i32:1, f64:0x1p+0)</c>.</summary>
    [GeneratedRegex(@"invoke f[0-9]+ ?\([^)]*\)")]
    private static partial Regex Call();

    /// <summary>A number that is not part of a word (<c>i31</c>, <c>f64</c> stay).</summary>
    [GeneratedRegex(@"(?<![\w.])-?[0-9][\w.+-]*")]
    private static partial Regex Number();

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n');
        return newline < 0 ? text : text[..newline];
    }
}
