using System.Diagnostics;
using WasmConform.Engine.Embedding;
using WasmConform.Engine.Execution;
using WasmConform.Fuzz.Campaign;
using WasmConform.Fuzz.Engines;
using WasmConform.Fuzz.Engines.Runners;

namespace WasmConform.Fuzz.Tests.Campaign;

/// <summary>
/// A fact that needs a runner process to kill: the wasmtime runner when it is built, else the
/// fake runner (a bash script); skipped with the reason when neither can run.
/// </summary>
public sealed class RunnerFactAttribute : FactAttribute
{
    public RunnerFactAttribute()
    {
        if (RunnerCrashTests.Runner() is null)
            Skip = $"neither the wasmtime runner ({EngineCatalog.Find(EngineCatalog.Wasmtime)!.Reason}) nor bash for the fake runner is available";
    }
}

/// <summary>A runner process killed in the middle of a campaign is a crash of its engine, and the campaign goes on with a new process.</summary>
public sealed class RunnerCrashTests
{
    /// <summary>
    /// A stand-in runner: answers every request of the protocol without running anything (calls
    /// return no values), with handles unique to the process, so that a handle from before a
    /// restart is unknown, as in the real runners.
    /// </summary>
    private const string FakeRunner = """
        known=" "
        n=0
        while IFS= read -r line; do
          id="${line#*\"id\":}"; id="${id%%[,\}]*}"
          case "$line" in
            *'"op":"hello"'*) r='"result":"hello","engine":"fake","version":"0","features":[]' ;;
            *'"op":"compile"'*) n=$((n+1)); known="$known p$$-$n "; r="\"result\":\"compiled\",\"module\":\"p$$-$n\"" ;;
            *'"op":"instantiate"'*|*'"op":"invoke"'*|*'"op":"state"'*)
              handle="${line#*\"module\":\"}"; [[ "$line" == *'"instance":"'* ]] && handle="${line#*\"instance\":\"}"
              handle="${handle%%\"*}"
              if [[ "$known" != *" $handle "* ]]; then r="\"result\":\"error\",\"message\":\"unknown handle\"";
              elif [[ "$line" == *'"op":"instantiate"'* ]]; then n=$((n+1)); known="$known p$$-$n "; r="\"result\":\"instance\",\"instance\":\"p$$-$n\",\"trace\":[]";
              elif [[ "$line" == *'"op":"state"'* ]]; then r='"result":"state","globals":{},"memories":{}';
              else r='"result":"values","values":[],"trace":[]'; fi ;;
            *) r='"result":"ok"' ;;
          esac
          printf '{"id":%s,%s}\n' "$id" "$r"
        done
        """;

    /// <summary>The runner to kill: wasmtime's when built, else the fake one; null when neither can run.</summary>
    public static EngineEntry? Runner()
    {
        var wasmtime = EngineCatalog.Find(EngineCatalog.Wasmtime)!;
        if (wasmtime.IsAvailable) return wasmtime;
        if (EngineCatalog.OnPath("bash") is not { } bash) return null;
        return new EngineEntry("fake", null, new RunnerCommand(bash, ["-c", FakeRunner]));
    }

    [RunnerFact]
    public void A_killed_runner_is_a_crash_of_its_engine_and_the_campaign_goes_on()
    {
        var entry = Runner()!;
        var limits = new RunnerLimits(CallTimeout: TimeSpan.FromSeconds(30));
        var hosts = new List<KillingHost>();
        var killing = new CampaignEngine(entry.Name, _ =>
        {
            var host = new KillingHost(entry, limits, killAtInstantiation: 5);
            hosts.Add(host);
            return host;
        });
        string directory = CampaignRun.NewDirectory("killed");
        try
        {
            var settings = new CampaignSettings { Seed = 3, Generator = new Fuzz.Generator.GeneratorConfig { CanonicalizeNans = true }, Cases = 30, Jobs = 1 };
            var (result, _) = CampaignRun.Run(settings, [CampaignRun.Reference, killing], directory);
            Assert.Equal(30, result.Cases);
            var host = Assert.Single(hosts);
            Assert.True(host.Killed, "the runner was never killed");
            Assert.True(host.Process.Generation >= 2, "the runner was not restarted");
            Assert.Contains(result.Divergences, d => d.Signature.StartsWith($"{entry.Name} crash:", StringComparison.Ordinal));
            Assert.True(host.InstantiationsAfterKill > 20, "the campaign did not go on after the runner was killed");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A runner host whose process is killed just before instantiation number <paramref name="killAtInstantiation"/> is sent.</summary>
    private sealed class KillingHost(EngineEntry entry, RunnerLimits limits, int killAtInstantiation) : EngineHost
    {
        private readonly RunnerProcess _process = entry.NewProcess();
        private int _instantiations;

        public override string Name => entry.Name;
        public RunnerProcess Process => _process;
        public bool Killed { get; private set; }
        public int InstantiationsAfterKill { get; private set; }

        public override IEngine NewSession() => new Session(this, entry.Create(limits, _process));

        private void BeforeInstantiate()
        {
            if (Killed) InstantiationsAfterKill++;
            if (++_instantiations != killAtInstantiation || _process.ProcessId is not { } pid) return;
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit();
            Killed = true;
        }

        public override void Dispose()
        {
            _process.Dispose();
            base.Dispose();
        }

        private sealed class Session(KillingHost host, IEngine inner) : IEngine
        {
            public string Name => inner.Name;
            public string Version => inner.Version;
            public Engine.Features Features => inner.Features;
            public Outcome Compile(ReadOnlyMemory<byte> binary) => inner.Compile(binary);
            public Outcome Instantiate(object module)
            {
                host.BeforeInstantiate();
                return inner.Instantiate(module);
            }

            public void Register(string name, object instance) => inner.Register(name, instance);
            public Outcome Get(object instance, string export) => inner.Get(instance, export);
            public Outcome State(object instance, bool memoryBytes = false) => inner.State(instance, memoryBytes);
            public IReadOnlyList<Value> TakeTrace() => inner.TakeTrace();
            public void Dispose() => inner.Dispose();

            public Outcome Invoke(object instance, string export, IReadOnlyList<Value> args) => inner.Invoke(instance, export, args);
        }
    }
}
