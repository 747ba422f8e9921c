using WasmConform.Fuzz.Reports;
using WasmConform.Harness;

namespace WasmConform.Fuzz.Triage;

/// <summary>
/// The divergence signatures known to be open (<c>fuzz/corpus/known-signatures.yaml</c>): a map with
/// a <c>signatures</c> list, each entry a map with the <c>signature</c>, the regression case that
/// shows it and a note. A triage (and so the nightly campaign) fails only on signatures not listed.
/// </summary>
public static class KnownSignatures
{
    /// <summary>The file's place in the repository.</summary>
    public const string DefaultPath = "fuzz/corpus/known-signatures.yaml";

    /// <summary>The signatures listed in <paramref name="path"/>.</summary>
    /// <exception cref="CaseFolderException">The file is missing, not YAML, or not a list of signatures.</exception>
    public static HashSet<string> Load(string path)
    {
        var yaml = YamlFields.Load(path);
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        switch (yaml.Find("signatures"))
        {
            case null:
                break;
            case List<object> list:
                foreach (var item in list)
                {
                    signatures.Add(item switch
                    {
                        string text => text,
                        Dictionary<object, object> map when map.GetValueOrDefault("signature") is string text => text,
                        _ => throw yaml.Missing("signatures", "a list of signatures (text, or maps with a signature)"),
                    });
                }
                break;
            default:
                throw yaml.Missing("signatures", "a list of signatures");
        }
        return signatures;
    }

    /// <summary>
    /// Adds <paramref name="signature"/> (shown by the regression case <paramref name="regressionCase"/>) to
    /// <paramref name="path"/> unless it is there; true when added. The file's leading comment is kept.
    /// </summary>
    /// <exception cref="CaseFolderException">The file exists but is not a list of signatures.</exception>
    public static bool Add(string path, string signature, string? regressionCase, string? note)
    {
        var entries = new List<object>();
        string header = Header;
        if (File.Exists(path))
        {
            if (Load(path).Contains(signature)) return false;
            entries.AddRange(YamlFields.Load(path).Find("signatures") as List<object> ?? []);
            var comment = File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).ToList();
            if (comment.Count > 0) header = string.Join("\n", comment) + "\n";
        }
        var entry = new Dictionary<string, object?> { ["signature"] = signature, ["case"] = regressionCase, ["note"] = note };
        entries.Add(entry.Where(e => e.Value is not null).ToDictionary());
        AtomicFile.WriteAllText(path, header + ReportYaml.Serialize(new Dictionary<string, object?> { ["signatures"] = entries }));
        return true;
    }

    private const string Header =
        "# Divergence signatures known to be open. 'wasmconform triage' counts a divergence whose signature is\n" +
        "# listed here as known, not as a regression; the nightly campaign fails only on signatures not listed.\n" +
        "# 'wasmconform triage --keep' adds the signature of a case it keeps as open.\n";
}
