#!/bin/sh
# Coverage-guided fuzzing of one target with AFL++ and SharpFuzz: `make afl TARGET=decoder SECONDS=300`
# runs tools/afl/afl.sh TARGET SECONDS. See tools/afl/README.md.
#
#   artifacts/afl/build/            the target program, as built (never instrumented)
#   artifacts/afl/TARGET/bin/       a copy with the target's assemblies instrumented
#   artifacts/afl/TARGET/in/        the initial corpus (written by the program's `prepare`)
#   artifacts/afl/TARGET/out/       afl-fuzz's findings: default/crashes, default/hangs, default/queue
#
# RESUME=1 continues the previous run's queue instead of starting from the seeds.
set -eu

target=${1:?usage: afl.sh TARGET SECONDS}
seconds=${2:-300}
dotnet=${DOTNET:-dotnet}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/artifacts/afl/build"
work="$root/artifacts/afl/$target"

command -v afl-fuzz >/dev/null 2>&1 || { echo "afl-fuzz is not installed (Debian: apt-get install afl++)" >&2; exit 1; }
cd "$root"
"$dotnet" tool restore >/dev/null
"$dotnet" publish tools/afl/WasmConform.Afl.csproj -c Release -o "$build" --nologo -v quiet

mkdir -p "$work"
plan=$("$dotnet" "$build/WasmConform.Afl.dll" "$target" prepare "$work")
value() { printf '%s\n' "$plan" | sed -n "s/^$1: //p"; }
assemblies=$(value assemblies)
timeout=$(value timeout-ms)
dictionary=$(value dictionary)
echo "afl: $target: $(value seeds) seed input(s) in $work/in"

rm -rf "$work/bin"
cp -r "$build" "$work/bin"
for assembly in $assemblies; do
  "$dotnet" tool run sharpfuzz "$work/bin/$assembly"
  echo "afl: instrumented $assembly"
done

if [ "${RESUME:-0}" = 1 ] && [ -d "$work/out/default" ]; then
  resume=1
else
  resume=0
  rm -rf "$work/out"
fi

echo "afl: fuzzing $target for $seconds s (log: $work/afl.log)"
status=0
AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
AFL_NO_UI=1 AFL_NO_CRASH_README=1 AFL_FORKSRV_INIT_TMOUT=60000 AFL_AUTORESUME=$resume \
DOTNET_GCHeapHardLimit=0x40000000 \
  afl-fuzz -i "$work/in" -o "$work/out" -t "$timeout" -m none -V "$seconds" \
    ${dictionary:+-x "$dictionary"} -- "$(command -v "$dotnet")" "$work/bin/WasmConform.Afl.dll" "$target" \
    >"$work/afl.log" 2>&1 || status=$?
if [ ! -f "$work/out/default/fuzzer_stats" ]; then
  echo "afl-fuzz stopped (status $status) before writing its statistics; the end of $work/afl.log:" >&2
  tail -n 30 "$work/afl.log" >&2
  exit 1
fi

stat() { sed -n "s/^$1 *: //p" "$work/out/default/fuzzer_stats"; }
crashes="$work/out/default/crashes"
hangs="$work/out/default/hangs"
echo
echo "afl: $target summary"
echo "  run time        $(stat run_time) s"
echo "  execs           $(stat execs_done) ($(stat execs_per_sec) per second)"
echo "  paths (corpus)  $(stat corpus_count) ($(stat corpus_found) found, $(stat bitmap_cvg) of the map, stability $(stat stability))"
echo "  crashes         $(stat saved_crashes) saved in $crashes"
echo "  hangs           $(stat saved_hangs) saved in $hangs"
if [ -n "$(ls -A "$crashes" 2>/dev/null)" ]; then
  echo
  echo "afl: replaying the crashes on the uninstrumented build:"
  "$dotnet" "$build/WasmConform.Afl.dll" "$target" replay "$crashes" || true
fi
