#!/usr/bin/env bash
# Fuzzes one target for a while: fuzz/run.sh TARGET SECONDS [extra libFuzzer options...]
#   fuzz/run.sh html_reader 120
#   fuzz/run.sh query_parser 60 -max_len=512
# Builds the fuzzer first (clang++ build directory $FUZZ_BUILD_DIR, default build-fuzz, configured
# on first use). New inputs go to $FUZZ_BUILD_DIR/fuzz-work/TARGET/corpus (seeded from
# fuzz/corpus/TARGET, crash-* files left out); crashes, leaks and timeouts are written to
# $FUZZ_BUILD_DIR/fuzz-work/TARGET/ as crash-*, leak-*, timeout-*; the log is .../log.
# Copy an input worth keeping into fuzz/corpus/TARGET/ (crash-<name> for a crash to fix).
set -euo pipefail
cd "$(dirname "$0")/.."

if (($# < 2)); then
    echo "usage: fuzz/run.sh TARGET SECONDS [libFuzzer options...]" >&2
    echo "targets: $(ls fuzz/corpus | tr '\n' ' ')" >&2
    exit 2
fi
target=$1 seconds=$2
shift 2
[ -d "fuzz/corpus/$target" ] || { echo "fuzz/run.sh: no target '$target' (fuzz/corpus/$target)" >&2; exit 2; }

build=${FUZZ_BUILD_DIR:-build-fuzz}
cxx=${FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}
if [ ! -f "$build/CMakeCache.txt" ]; then
    [ -n "$cxx" ] || { echo "fuzz/run.sh: clang++ not found (Debian: clang-14 libclang-rt-14-dev)" >&2; exit 2; }
    cmake -S . -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DGAZETTE_BUILD_FUZZERS=ON -DGAZETTE_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target "fuzz_$target" -j"$(nproc)" >/dev/null

work="$build/fuzz-work/$target"
mkdir -p "$work/corpus"
find -L "fuzz/corpus/$target" -maxdepth 1 -type f ! -name 'crash-*' -exec cp -nL {} "$work/corpus/" \;
dict=()
[ -f "fuzz/dict/$target.dict" ] && dict=("-dict=fuzz/dict/$target.dict")

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
echo "fuzz/run.sh: fuzz_$target for ${seconds}s; log $work/log" >&2
set +e
"$build/fuzz/fuzz_$target" "$work/corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/" "$@" >"$work/log" 2>&1
status=$?
set -e
grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$work/log" >&2 || true
if ((status != 0)); then
    grep -E 'ERROR|SUMMARY|Test unit written' "$work/log" >&2 || true
    echo "fuzz/run.sh: fuzz_$target found a problem (exit $status); see $work/log" >&2
fi
exit $status
