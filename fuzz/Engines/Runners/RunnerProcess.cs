using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace WasmConform.Fuzz.Engines.Runners;

/// <summary>How to start a runner: the program, its arguments, and where.</summary>
/// <param name="FileName">The executable (<c>dotnet</c>, <c>node</c>, a binary).</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record RunnerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public override string ToString() => string.Join(" ", Arguments.Prepend(FileName));
}

/// <summary>A runner's answer to one request: the response, or why there is none.</summary>
public abstract record RunnerReply
{
    private RunnerReply() { }

    /// <summary>The response object (owned by the caller: dispose it).</summary>
    public sealed record Answered(JsonDocument Response) : RunnerReply;

    /// <summary>The process ended (or could not start) before answering; <paramref name="Details"/> has its exit status and stderr tail.</summary>
    public sealed record Died(string Details) : RunnerReply;

    /// <summary>No answer within the deadline: the process was killed.</summary>
    public sealed record TimedOut(TimeSpan After) : RunnerReply;
}

/// <summary>
/// One long-lived runner process speaking the runner protocol (fuzz/runners/README.md): one
/// JSON request per line on its stdin, one JSON response per line on its stdout. Starts on the
/// first request; a process that dies or misses a deadline is killed and started again on the
/// next request, and <see cref="Generation"/> counts the starts so that stale handles can be told.
/// </summary>
/// <remarks>Not thread-safe: one caller at a time (one process per worker).</remarks>
public sealed class RunnerProcess(RunnerCommand command) : IDisposable
{
    /// <summary>Lines of stderr kept for crash reports.</summary>
    public const int StderrLines = 40;

    /// <summary>How long a starting runner may take to answer <c>hello</c>.</summary>
    public static TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    private Process? _process;
    private BlockingCollection<string?>? _lines;
    private readonly Queue<string> _stderr = new();
    private readonly Lock _stderrLock = new();
    private readonly MemoryStream _request = new();
    private long _nextId;

    /// <summary>The command the process runs.</summary>
    public RunnerCommand Command { get; } = command;

    /// <summary>How many times the process has been started (0 before the first request).</summary>
    public int Generation { get; private set; }

    /// <summary>What the runner said to <c>hello</c> after its latest start.</summary>
    public RunnerHello? Hello { get; private set; }

    /// <summary>Whether the process is running now.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The process id, while it runs (for tests that kill it).</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>Starts the process if it is not running, and greets it; the reply to <c>hello</c> on failure.</summary>
    public RunnerReply? EnsureStarted()
    {
        if (IsRunning && Hello is not null) return null;
        Stop();
        try
        {
            Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new RunnerReply.Died($"could not start {Command}: {e.Message}");
        }
        var reply = Send(w => w.WriteString("op", "hello"), StartTimeout);
        if (reply is not RunnerReply.Answered a) return reply;
        using (a.Response)
        {
            try
            {
                Hello = RunnerHello.From(a.Response.RootElement);
            }
            catch (FormatException e)
            {
                Stop();
                return new RunnerReply.Died($"{Command} answered hello with {a.Response.RootElement}: {e.Message}");
            }
        }
        return null;
    }

    /// <summary>
    /// Sends one request (the fields after <c>id</c>, written by <paramref name="fields"/>) and
    /// waits up to <paramref name="timeout"/> for its response, starting the process first if needed.
    /// </summary>
    public RunnerReply Request(Action<Utf8JsonWriter> fields, TimeSpan timeout) =>
        EnsureStarted() ?? Send(fields, timeout);

    private RunnerReply Send(Action<Utf8JsonWriter> fields, TimeSpan timeout)
    {
        long id = ++_nextId;
        _request.SetLength(0);
        using (var w = new Utf8JsonWriter(_request))
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            fields(w);
            w.WriteEndObject();
        }
        _request.WriteByte((byte)'\n');
        try
        {
            var stdin = _process!.StandardInput.BaseStream;
            stdin.Write(_request.GetBuffer(), 0, (int)_request.Length);
            stdin.Flush();
        }
        catch (IOException)
        {
            return Died();
        }
        while (true)
        {
            if (!_lines!.TryTake(out var line, timeout))
            {
                Stop();
                return new RunnerReply.TimedOut(timeout);
            }
            if (line is null) return Died();
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                AddStderr("(stdout) " + line);
                continue;
            }
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("id", out var got) && got.TryGetInt64(out long n) && n == id)
                return new RunnerReply.Answered(doc);
            doc.Dispose();
        }
    }

    private void Start()
    {
        var info = new ProcessStartInfo(Command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in Command.Arguments) info.ArgumentList.Add(a);
        lock (_stderrLock) _stderr.Clear();
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) AddStderr(e.Data);
        };
        process.Start();
        process.BeginErrorReadLine();
        var lines = new BlockingCollection<string?>();
        var stdout = process.StandardOutput;
        var reader = new Thread(() =>
        {
            try
            {
                while (stdout.ReadLine() is { } line) lines.Add(line);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException) { }
            lines.Add(null);
        }) { IsBackground = true, Name = "runner stdout" };
        reader.Start();
        _process = process;
        _lines = lines;
        _nextId = 0;
        Generation++;
        Hello = null;
    }

    private RunnerReply Died()
    {
        var process = _process!;
        if (process.WaitForExit(2000)) process.WaitForExit();
        string status = process.HasExited ? $"exited with code {process.ExitCode}" : "closed its output";
        Stop();
        return new RunnerReply.Died($"{Command} {status}; stderr tail:\n{StderrTail()}");
    }

    /// <summary>The last lines the process wrote on stderr.</summary>
    public string StderrTail()
    {
        lock (_stderrLock) return string.Join("\n", _stderr);
    }

    private void AddStderr(string line)
    {
        lock (_stderrLock)
        {
            _stderr.Enqueue(line.Length > 2000 ? line[..2000] + " …" : line);
            while (_stderr.Count > StderrLines) _stderr.Dequeue();
        }
    }

    /// <summary>Kills the process (and its children), if it runs.</summary>
    public void Stop()
    {
        var process = _process;
        _process = null;
        Hello = null;
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
        process.Dispose();
    }

    public void Dispose()
    {
        var process = _process;
        if (process is { HasExited: false })
        {
            try
            {
                process.StandardInput.Close();
                if (process.WaitForExit(2000)) { _process = null; process.Dispose(); return; }
            }
            catch (IOException) { }
        }
        Stop();
    }
}

/// <summary>A runner's answer to <c>hello</c>: engine name, version, and the feature names it enables.</summary>
public sealed record RunnerHello(string Engine, string Version, IReadOnlyList<string> Features)
{
    /// <exception cref="FormatException">Not a hello response.</exception>
    public static RunnerHello From(JsonElement e)
    {
        if (!e.TryGetProperty("result", out var r) || r.GetString() != "hello")
            throw new FormatException("not a hello response");
        var features = e.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : [];
        return new RunnerHello(
            e.TryGetProperty("engine", out var n) ? n.GetString() ?? "?" : "?",
            e.TryGetProperty("version", out var v) ? v.GetString() ?? "?" : "?",
            features);
    }
}
