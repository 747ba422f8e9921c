# WasmConform — build, test and run. See README.md.
DOTNET ?= dotnet
CONFIG ?= Release
WASM_TESTSUITE ?= $(if $(wildcard ../shared/testsuite),../shared/testsuite,.testsuite)
override WASM_TESTSUITE := $(abspath $(WASM_TESTSUITE))
export WASM_TESTSUITE
# The pinned commit of the official suite (WebAssembly/spec test/), for machines without ../shared.
TESTSUITE_REPO ?= https://github.com/WebAssembly/spec.git
TESTSUITE_COMMIT ?= 285a9032950cbad6a9f84de11183008e286092a2

.PHONY: all build runners test spec spec-engines fuzz triage bench clean testsuite afl

all: build

build:
	$(DOTNET) publish tools/wasmconform/wasmconform.csproj -c $(CONFIG) -o bin --nologo -v quiet
	$(DOTNET) publish tools/wast2json/wast2json.csproj -c $(CONFIG) -o bin --nologo -v quiet
	$(DOTNET) publish fuzz/runners/wasmtime/WasmtimeRunner.csproj -c $(CONFIG) -o bin/runners/wasmtime --nologo -v quiet

# The external engines' runners (fuzz/runners/README.md): wasmtime always; wazero where Go and the
# module source of github.com/tetratelabs/wazero are present (no module download is attempted);
# the V8 runner is a Node.js script and needs no build.
runners:
	$(DOTNET) publish fuzz/runners/wasmtime/WasmtimeRunner.csproj -c $(CONFIG) -o bin/runners/wasmtime --nologo -v quiet
	@if ! command -v go >/dev/null 2>&1; then \
	  echo "wazero runner not built: Go is not installed"; \
	elif ! (cd fuzz/runners/wazero && GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off go build -o ../../../bin/runners/wazero/wazero-runner . 2>/tmp/wazero-build.$$$$.log); then \
	  echo "wazero runner not built: the module source of github.com/tetratelabs/wazero is not available here"; \
	  sed 's/^/  /' /tmp/wazero-build.$$$$.log | head -5; rm -f /tmp/wazero-build.$$$$.log; \
	else echo "wazero runner built: bin/runners/wazero/wazero-runner"; fi

# The spec suite on every available engine, with the conformance matrix.
spec-engines: build testsuite
	bin/wasmconform spec --engine all --report reports/spec-engines

# A differential fuzzing campaign against FUZZ_ENGINES (default every available engine) for
# FUZZ_SECONDS (default ten minutes), report in FUZZ_REPORT (default reports/fuzz-<timestamp>/);
# FUZZ_ARGS adds options (e.g. --seed 7 --jobs 1, --no-reduce). New divergences are reduced (60 s
# each). With V8 among the engines, GC, typed references and exceptions are left out (V8 lacks
# them): FUZZ_ENGINES=reference,wasmtime fuzzes those. Exits with status 1 when it found
# divergences (make triage tells the new ones from the known).
FUZZ_ENGINES ?= all
FUZZ_SECONDS ?= 600
FUZZ_REPORT ?= reports/fuzz-$$(date +%Y%m%d-%H%M%S)
FUZZ_ARGS ?=
fuzz: build
	bin/wasmconform fuzz --engines $(FUZZ_ENGINES) --seconds $(FUZZ_SECONDS) --report $(FUZZ_REPORT) $(FUZZ_ARGS)

# Runs the regression corpus (and whatever else TRIAGE_PATHS names, e.g. a campaign's report)
# again on the available engines and writes triage.md/triage.yaml (TRIAGE_ARGS, e.g. --report DIR).
# Exits with status 1 when something regressed or a divergence signature is not listed in
# fuzz/corpus/known-signatures.yaml, 4 when a case could not be checked here.
TRIAGE_PATHS ?= fuzz/corpus/regressions
TRIAGE_ARGS ?=
triage: build
	bin/wasmconform triage $(TRIAGE_PATHS) --known fuzz/corpus/known-signatures.yaml $(TRIAGE_ARGS)

# The runners are built first so that the external-engine tests run (they skip, saying why, without them).
test: testsuite runners
	$(DOTNET) test WasmConform.slnx -c $(CONFIG) --nologo

spec: build testsuite
	bin/wasmconform spec --report reports/spec

# make bench [ARGS="kernels simd parse generator"]: one or more sections (default: all).
bench:
	$(DOTNET) run -c $(CONFIG) --project tools/bench/WasmConform.Bench.csproj -- $(ARGS)

# make afl [TARGET=decoder|validator|text|differential] [SECONDS=300]: coverage-guided fuzzing of one
# target with AFL++ and SharpFuzz (tools/afl/README.md); findings under artifacts/afl/TARGET/out/.
TARGET ?= decoder
SECONDS ?= 300
afl: $(if $(filter differential,$(TARGET)),runners)
	tools/afl/afl.sh $(TARGET) $(SECONDS)

# Fetches the pinned suite (core/, legacy/, custom/ of the spec repository's test/ folder) into
# .testsuite/ when neither WASM_TESTSUITE nor ../shared/testsuite exists.
testsuite:
	@if [ ! -d "$(WASM_TESTSUITE)" ]; then \
	  echo "fetching the spec test suite ($(TESTSUITE_COMMIT)) into $(WASM_TESTSUITE)"; \
	  rm -rf .testsuite-src && git init -q .testsuite-src && cd .testsuite-src && \
	  git fetch -q --depth 1 $(TESTSUITE_REPO) $(TESTSUITE_COMMIT) && git checkout -q FETCH_HEAD && cd .. && \
	  mv .testsuite-src/test "$(WASM_TESTSUITE)" && rm -rf .testsuite-src; \
	fi

clean:
	$(DOTNET) clean WasmConform.slnx --nologo -v quiet
	rm -rf bin artifacts reports/spec
