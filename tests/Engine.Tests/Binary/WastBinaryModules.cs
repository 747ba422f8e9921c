using System.Text;

namespace WasmConform.Engine.Tests.Binary;

/// <summary>A binary module of a <c>.wast</c> script and what the script expects of it.</summary>
/// <param name="Line">1-based line of the command.</param>
/// <param name="Command">The command: <c>module</c>, <c>assert_malformed</c>, <c>assert_invalid</c>, …</param>
/// <param name="Bytes">The module's bytes.</param>
/// <param name="Message">The expected message of an assertion, else empty.</param>
internal sealed record WastBinaryModule(int Line, string Command, byte[] Bytes, string Message);

/// <summary>
/// Finds the <c>(module binary "…")</c> forms of a <c>.wast</c> script, at top level or as the
/// module of an assertion. Just enough of the script syntax for the decoder's tests: balanced
/// parentheses, strings with their escapes, and comments.
/// </summary>
internal static class WastBinaryModules
{
    public static IEnumerable<WastBinaryModule> Read(string text)
    {
        foreach (var (start, end) in TopLevelForms(text, 0, text.Length))
        {
            string command = HeadWord(text, start);
            var module = command == "module" ? (start, end) : TopLevelForms(text, start + 1, end - 1).FirstOrDefault();
            if (module == default || HeadWord(text, module.Item1) != "module") continue;
            var strings = Strings(text, module.Item1, module.Item2).ToList();
            if (!IsBinary(text, module.Item1, module.Item2)) continue;
            string message = command == "module" ? "" : Encoding.UTF8.GetString(Strings(text, module.Item2, end).LastOrDefault() ?? []);
            int line = text.AsSpan(0, start).Count('\n') + 1;
            yield return new WastBinaryModule(line, command, strings.SelectMany(s => s).ToArray(), message);
        }
    }

    /// <summary>Whether the module form's words before its first string include <c>binary</c>.</summary>
    private static bool IsBinary(string text, int start, int end)
    {
        int firstString = text.IndexOf('"', start, end - start);
        var words = text[(start + 1)..(firstString < 0 ? end : firstString)].Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return words.Contains("binary");
    }

    private static string HeadWord(string text, int open)
    {
        int i = open + 1;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')')) i++;
        return text[(open + 1)..i];
    }

    /// <summary>The parenthesised forms directly inside [from, to), as (index of '(', index after ')').</summary>
    private static IEnumerable<(int, int)> TopLevelForms(string text, int from, int to)
    {
        int depth = 0, start = -1;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c == ';' && i + 1 < to && text[i + 1] == ';')
            {
                i = text.IndexOf('\n', i) is var nl && nl < 0 ? to : nl;
            }
            else if (c == '(' && i + 1 < to && text[i + 1] == ';')
            {
                i = SkipBlockComment(text, i);
            }
            else if (c == '"')
            {
                i = SkipString(text, i);
            }
            else if (c == '(')
            {
                if (depth++ == 0) start = i;
            }
            else if (c == ')' && --depth == 0)
            {
                yield return (start, i + 1);
            }
        }
    }

    private static int SkipBlockComment(string text, int i)
    {
        int depth = 0;
        for (; i < text.Length - 1; i++)
        {
            if (text[i] == '(' && text[i + 1] == ';') { depth++; i++; }
            else if (text[i] == ';' && text[i + 1] == ')' && --depth == 0) return i + 1;
            else if (text[i] == ';' && text[i + 1] == ')') i++;
        }
        return text.Length;
    }

    private static int SkipString(string text, int i)
    {
        for (i++; i < text.Length && text[i] != '"'; i++)
            if (text[i] == '\\') i++;
        return i;
    }

    /// <summary>The decoded strings inside [from, to), skipping comments.</summary>
    private static IEnumerable<byte[]> Strings(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c == ';' && text[i + 1] == ';') i = text.IndexOf('\n', i) is var nl && nl < 0 ? to : nl;
            else if (c == '(' && text[i + 1] == ';') i = SkipBlockComment(text, i);
            else if (c == '"')
            {
                int end = SkipString(text, i);
                yield return Unescape(text, i + 1, end);
                i = end;
            }
        }
    }

    private static byte[] Unescape(string text, int from, int to)
    {
        var bytes = new List<byte>();
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c != '\\')
            {
                int len = char.IsSurrogate(c) ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, len)));
                i += len - 1;
                continue;
            }
            char n = text[++i];
            switch (n)
            {
                case 'n': bytes.Add(10); break;
                case 't': bytes.Add(9); break;
                case 'r': bytes.Add(13); break;
                case '"' or '\'' or '\\': bytes.Add((byte)n); break;
                case 'u':
                    int close = text.IndexOf('}', i);
                    int cp = Convert.ToInt32(text[(i + 2)..close], 16);
                    bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp)));
                    i = close;
                    break;
                default:
                    bytes.Add(Convert.ToByte(text.Substring(i, 2), 16));
                    i++;
                    break;
            }
        }
        return [.. bytes];
    }
}
