using System.Text.Json;
using WasmConform.Fuzz.Engines.Runners;

namespace WasmConform.Fuzz.Tests.Engines;

/// <summary>The process side of the protocol, with stand-in runners written in sh.</summary>
public sealed class RunnerProcessTests
{
    private const string Hello = """{"id":1,"result":"hello","engine":"fake","version":"0","features":["simd"]}""";

    private static RunnerProcess Fake(string script) => new(new RunnerCommand("sh", ["-c", script]));

    private static void Op(Utf8JsonWriter w) => w.WriteString("op", "invoke");

    [Fact]
    public void Hello_is_read_at_start()
    {
        using var process = Fake($"read l; echo '{Hello}'; sleep 60");
        Assert.Null(process.EnsureStarted());
        Assert.Equal(new[] { "fake", "0", "simd" }, new[] { process.Hello!.Engine, process.Hello.Version, process.Hello.Features[0] });
    }

    [Fact]
    public void A_silent_runner_times_out_and_is_killed()
    {
        using var process = Fake($"read l; echo '{Hello}'; sleep 60");
        var reply = process.Request(Op, TimeSpan.FromMilliseconds(300));
        Assert.IsType<RunnerReply.TimedOut>(reply);
        Assert.False(process.IsRunning);
    }

    [Fact]
    public void A_runner_that_dies_gives_its_exit_code_and_stderr_tail()
    {
        using var process = Fake($"read l; echo '{Hello}'; read l; echo 'something broke' >&2; exit 3");
        var died = Assert.IsType<RunnerReply.Died>(process.Request(Op, TimeSpan.FromSeconds(10)));
        Assert.Contains("exited with code 3", died.Details);
        Assert.Contains("something broke", died.Details);
    }

    [Fact]
    public void The_next_request_after_a_death_starts_a_new_process()
    {
        using var process = Fake($"read l; echo '{Hello}'; read l; exit 1");
        Assert.IsType<RunnerReply.Died>(process.Request(Op, TimeSpan.FromSeconds(10)));
        Assert.IsType<RunnerReply.Died>(process.Request(Op, TimeSpan.FromSeconds(10)));
        Assert.Equal(2, process.Generation);
    }

    [Fact]
    public void Answers_are_matched_by_id()
    {
        // Answers request 2 with a stray line first, then the right id.
        using var process = Fake($$"""read l; echo '{{Hello}}'; read l; echo 'not json'; echo '{"id":7,"result":"ok"}'; echo '{"id":2,"result":"ok"}'; sleep 60""");
        var answered = Assert.IsType<RunnerReply.Answered>(process.Request(Op, TimeSpan.FromSeconds(10)));
        using (answered.Response) Assert.Equal(2, answered.Response.RootElement.GetProperty("id").GetInt32());
    }

    [Fact]
    public void A_program_that_does_not_exist_is_reported_as_dead()
    {
        using var process = new RunnerProcess(new RunnerCommand("/nonexistent/runner", []));
        Assert.IsType<RunnerReply.Died>(process.Request(Op, TimeSpan.FromSeconds(1)));
    }
}
