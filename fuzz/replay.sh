#!/usr/bin/env bash
# Regression mode: runs every input of every fuzz/corpus/TARGET/ once through its fuzzer (no
# fuzzing), so a crash found once stays fixed. Usage: fuzz/replay.sh [BUILD_DIR] (default
# build-fuzz; any build directory configured with clang++ and -DGAZETTE_BUILD_FUZZERS=ON).
# Exits 1 when any input crashes, leaks, trips a sanitizer or breaks an invariant.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-${FUZZ_BUILD_DIR:-build-fuzz}}
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=() total=0
for dir in fuzz/corpus/*/; do
    target=$(basename "$dir")
    bin="$build/fuzz/fuzz_$target"
    if [ ! -x "$bin" ]; then
        echo "replay: $bin missing (build the 'fuzzers' target)" >&2
        failed+=("$target(not built)")
        continue
    fi
    mapfile -t inputs < <(find -L "$dir" -maxdepth 1 -type f | sort)  # -L: seeds linked from sample_corpus/
    ((${#inputs[@]})) || continue
    total=$((total + ${#inputs[@]}))
    log=$(mktemp)
    if "$bin" -timeout=60 -rss_limit_mb=4096 "${inputs[@]}" >"$log" 2>&1; then
        echo "replay: $target: ${#inputs[@]} inputs ok"
    else
        # Name every input that fails, one process each (the first failure stopped the batch).
        for input in "${inputs[@]}"; do
            if ! "$bin" -timeout=60 -rss_limit_mb=4096 "$input" >"$log.one" 2>&1; then
                echo "replay: $target: FAILED on $input:" >&2
                grep -E 'ERROR|SUMMARY|runtime error|invariant|terminate|#[0-9]+ 0x' "$log.one" | head -15 >&2 || true
                failed+=("$input")
            fi
        done
        rm -f "$log.one"
    fi
    rm -f "$log"
done
if ((${#failed[@]})); then
    echo "replay: ${#failed[@]} of $total inputs failed: ${failed[*]}" >&2
    exit 1
fi
echo "replay: all $total corpus inputs ok"
