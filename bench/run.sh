#!/usr/bin/env bash
# Gazette benchmark: index one corpus with Gazette, Xapian Omega (omindex) and SQLite FTS5, run the
# same deterministic query mix against each, time an incremental Gazette re-run, print one table.
# It prints figures; it never passes or fails on them. See bench/README.md.
#
#   bench/run.sh [--articles N] [--corpus DIR] [--jobs J] [--shards S] [--compact] [--no-omega] [--no-fts5]
#                [--out RESULTS.txt] [--work DIR] [--seed S] [--queries Q] [--rounds R]
#                [--corpus-dir DIR] [--build DIR] [--no-build] [--cleanup] [--build-pairs N]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PY=${PYTHON:-python3}

ARTICLES=100000
CORPUS=""
GENERATED=""
JOBS=$(nproc)
SHARDS=""
COMPACT=0
OMEGA=1
FTS5=1
OUT=""
WORK=""
CORPUS_DIR=""
SEED=1
QUERIES=200
ROUNDS=3
BUILD=${GAZETTE_BUILD:-$ROOT/build-bench}
DO_BUILD=1
CLEANUP=0
BUILD_PAIRS=0
COMMAND="bench/run.sh $*"

usage() {
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    cat <<'EOF'

  --articles N   generate a corpus of N articles (default 100000); ignored with --corpus
  --corpus DIR   benchmark this corpus instead; it is copied to WORK/corpus (never modified)
  --generated DIR  a corpus made beforehand by generate_corpus.py with the same --articles and
                 --seed: it is MOVED into WORK/corpus (saves generating a large one twice)
  --jobs J       gazette-index --jobs and generator processes (default: nproc)
  --shards S     gazette-index --shards for the full build (default 1, gazette-index's own: one
                 database written by J threads, which on Reuters-21578 built faster, smaller and
                 searched sooner than two shards)
  --compact      add gazette-index --compact to the full build (a bulk build, the default for
                 20,000 files or more per database, already comes out compacted)
  --no-omega     leave Omega (omindex, quest) out: Gazette's own figures only
  --no-fts5      leave SQLite FTS5 out (its load takes long at a million articles)
  --out FILE     also write the table to FILE (default: WORK/results.txt)
  --work DIR     scratch directory (default /tmp/gazette-bench); emptied first
  --corpus-dir DIR  keep the corpus in DIR instead of WORK/corpus, e.g. on a tmpfs when the page
                 cache cannot hold a million small files; DIR must not exist yet
  --seed S       corpus and query-mix seed (default 1)
  --queries Q    queries in the mix (default 200)
  --rounds R     timed rounds over the mix (default 3); one untimed warm-up round comes first
  --build DIR    CMake build directory of Gazette (default build-bench, or $GAZETTE_BUILD)
  --no-build     use the binaries already in --build, do not run cmake
  --cleanup      delete WORK at the end (the table is kept in --out)
  --build-pairs N  after the full builds, build N more times with each indexer, one after the
                 other in turns (Gazette first, then omindex first, ...), and report the medians
                 of the pairs' articles/s and CPU time ratios: on a machine whose speed drifts from minute to
                 minute, a ratio taken pair by pair moves far less than one build against one
                 (default 0)
EOF
}

while [ $# -gt 0 ]; do
    case "$1" in
        --articles) ARTICLES=$2; shift 2 ;;
        --corpus) CORPUS=$2; shift 2 ;;
        --generated) GENERATED=$2; shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        --shards) SHARDS=$2; shift 2 ;;
        --compact) COMPACT=1; shift ;;
        --no-omega) OMEGA=0; shift ;;
        --no-fts5) FTS5=0; shift ;;
        --out) OUT=$2; shift 2 ;;
        --work) WORK=$2; shift 2 ;;
        --corpus-dir) CORPUS_DIR=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --queries) QUERIES=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --build) BUILD=$2; shift 2 ;;
        --no-build) DO_BUILD=0; shift ;;
        --cleanup) CLEANUP=1; shift ;;
        --build-pairs) BUILD_PAIRS=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

SHARDS=${SHARDS:-1}

say() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { echo "run.sh: $*" >&2; exit 2; }

# ---- tools ------------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || echo "run.sh: hyperfine not found, its rows are left out (apt-get install -y hyperfine)" >&2
for tool in omindex quest xapian-compact cmake; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -x /usr/bin/time ] || missing+=(/usr/bin/time)
"$PY" -c "import sqlite3; sqlite3.connect(':memory:').execute('create virtual table t using fts5(x)')" \
    2>/dev/null || missing+=("python3 sqlite3 with FTS5")
if [ ${#missing[@]} -gt 0 ]; then
    die "missing: ${missing[*]}. On Debian 12: apt-get install -y xapian-omega xapian-tools time sqlite3 cmake"
fi

# ---- work directory ---------------------------------------------------------------------------
WORK=${WORK:-/tmp/gazette-bench}
case "$(realpath -m "$WORK")" in
    "$(realpath -m "$ROOT")"|"$(realpath -m "$ROOT")"/*)
        die "--work must be outside the repository ($ROOT): corpora never go into the repo" ;;
esac
if [ -e "$WORK" ] && [ -n "$(ls -A "$WORK")" ] && [ ! -e "$WORK/.gazette-bench" ]; then
    die "$WORK is not empty and was not made by run.sh; pick another --work"
fi
OUT=${OUT:-$WORK/results.txt}
if [ -n "$CORPUS_DIR" ]; then
    [ ! -e "$CORPUS_DIR" ] || die "--corpus-dir $CORPUS_DIR exists; run.sh puts the corpus there itself"
    [ -d "$(dirname "$CORPUS_DIR")" ] || die "--corpus-dir: no directory $(dirname "$CORPUS_DIR")"
fi
if [ "$CLEANUP" = 1 ]; then
    case "$(realpath -m "$OUT")" in "$(realpath -m "$WORK")"/*) die "--cleanup needs an --out outside $WORK" ;; esac
fi

if [ "$DO_BUILD" = 1 ]; then
    say "building gazette-index and gazette-search (Release) in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DGAZETTE_BUILD_TESTS=OFF >/dev/null
    cmake --build "$BUILD" -j"$(nproc)" --target gazette-index gazette-search >/dev/null
fi
GI=$BUILD/indexer/gazette-index
GS=$BUILD/searcher/gazette-search
[ -x "$GI" ] && [ -x "$GS" ] || die "no gazette-index/gazette-search in $BUILD (drop --no-build)"

rm -rf "$WORK"
mkdir -p "$WORK"/{meta,time,logs,queries}
touch "$WORK/.gazette-bench"
C=${CORPUS_DIR:-$WORK/corpus}
meta() { printf '%s\n' "$2" > "$WORK/meta/$1"; }
load() { echo "$1 $(cut -d' ' -f1-3 /proc/loadavg)" >> "$WORK/meta/loads"; }

meta command "$COMMAND"
meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(free -g | awk '/^Mem:/ {print $2 " GiB RAM (" $7 " GiB available)"}')
meta host "$(nproc) cores (nproc), $cpu, $mem, $(uname -sr)"
GI_OPTS=(--jobs "$JOBS" --shards "$SHARDS")
GI_FULL_OPTS=("${GI_OPTS[@]}")
[ "$COMPACT" = 1 ] && GI_FULL_OPTS+=(--compact)
meta jobs "$JOBS"
meta gazette_options "${GI_FULL_OPTS[*]}"
meta rounds "$ROUNDS"
meta corpus_location "$C ($(df -PT "$(dirname "$C")" | awk 'NR==2 {print $2}'))"
# (read-only git: GIT_OPTIONAL_LOCKS=0 keeps `git status` from refreshing the index file)
dirty=$(GIT_OPTIONAL_LOCKS=0 git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null || true)
meta gazette_version "binaries built $(date -u -r "$GI" '+%Y-%m-%d %H:%M UTC'), tree at commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')${dirty:+ + uncommitted changes}"
meta omega_version "$(omindex --version | head -1)"
meta sqlite_version "$("$PY" -c 'import sqlite3; print(sqlite3.sqlite_version)')"
meta python_version "$("$PY" -c 'import platform; print(platform.python_version())')"

# ---- corpus -----------------------------------------------------------------------------------
load corpus
if [ -n "$CORPUS" ]; then
    [ -d "$CORPUS" ] || die "--corpus $CORPUS is not a directory"
    src=$(realpath "$CORPUS")
    say "copying $src to $C (the original is never modified) and dating files from their headers"
    mkdir -p "$C"
    cp -r --no-preserve=mode,ownership "$src"/. "$C"/
    "$PY" "$HERE/corpus_lib.py" set-mtimes "$C"
    meta corpus_desc "copy of $src"
elif [ -n "$GENERATED" ]; then
    [ -d "$GENERATED" ] || die "--generated $GENERATED is not a directory"
    n=$(find "$GENERATED" -type f -name '*.txt' | wc -l)
    [ "$n" -eq "$ARTICLES" ] || die "--generated $GENERATED holds $n articles, not --articles $ARTICLES"
    say "moving the corpus generated beforehand from $GENERATED to $C"
    mv "$GENERATED" "$C"
    meta corpus_desc "generated beforehand, bench/generate_corpus.py --articles $ARTICLES --seed $SEED"
else
    say "generating $ARTICLES articles (seed $SEED) in $C"
    t0=$(date +%s%N)
    "$PY" "$HERE/generate_corpus.py" --articles "$ARTICLES" --out "$C" --seed "$SEED" --jobs "$JOBS"
    meta corpus_seconds "$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')"
    meta corpus_desc "generated, bench/generate_corpus.py --articles $ARTICLES --seed $SEED"
fi
read -r FILES BYTES < <("$PY" "$HERE/corpus_lib.py" stats "$C")
meta corpus_files "$FILES"
meta corpus_bytes "$BYTES"
[ "$FILES" -gt 0 ] || die "no article files (.txt, .text, .md) in the corpus"

# Indexes measured so far take up to ~9x the corpus (Gazette stores every article's text);
# ask for 20x to leave room for the FTS5 database and Xapian's temporary files.
need_kb=$(( BYTES / 1024 * 20 ))
avail_kb=$(df -Pk "$WORK" | awk 'NR==2 {print $4}')
if [ "$avail_kb" -lt "$need_kb" ]; then
    say "WARNING: $((avail_kb / 1024)) MiB free in $WORK, the indexes may need ~$((need_kb / 1024)) MiB"
fi
say "corpus: $FILES articles, $((BYTES / 1000000)) MB; warming the page cache"
find "$C" -type f -print0 | xargs -0 cat > /dev/null

timed() {  # timed NAME CMD... : /usr/bin/time -v into WORK/time/NAME.time, output into WORK/logs
    local name=$1; shift
    load "$name"
    local rc=0
    /usr/bin/time -v -o "$WORK/time/$name.time" "$@" > "$WORK/logs/$name.out" 2> "$WORK/logs/$name.err" || rc=$?
    [ "$rc" -le 1 ] || say "WARNING: $name exited with status $rc (see $WORK/logs/$name.err)"
}
size_of() { du -sb "$@" | awk '{s += $1} END {printf "%.0f\n", s}'; }
OMINDEX=(omindex --db "$WORK/omega.db" --url / -M txt:text/plain -M text:text/plain -M md:text/plain)

# ---- indexing ---------------------------------------------------------------------------------
say "gazette-index ${GI_FULL_OPTS[*]}"
timed index-gazette "$GI" "$C" --db "$WORK/gazette.db" "${GI_FULL_OPTS[@]}"
meta size_gazette "$(size_of "$WORK/gazette.db")"
meta gazette_full_summary "$(grep '^done:' "$WORK/logs/index-gazette.err" | tail -1)"

if [ "$OMEGA" = 1 ]; then
    say "omindex"
    timed index-omega "${OMINDEX[@]}" --overwrite "$C"
    meta size_omega "$(size_of "$WORK/omega.db")"
    # Not part of omindex's run: how small its index gets with Xapian's compactor, for comparison
    # with Gazette's (the queries use the uncompacted index omindex wrote).
    say "xapian-compact of omindex's database (size only)"
    timed compact-omega xapian-compact "$WORK/omega.db" "$WORK/omega-compacted.db"
    meta size_omega_compacted "$(size_of "$WORK/omega-compacted.db")"
    rm -rf "$WORK/omega-compacted.db"
fi

if [ "$OMEGA" = 1 ] && [ "$BUILD_PAIRS" -gt 0 ]; then
    # Scratch indexes, removed after each build; the full builds above stay the ones queried.
    meta build_pairs "$BUILD_PAIRS"
    for i in $(seq 1 "$BUILD_PAIRS"); do
        say "build pair $i of $BUILD_PAIRS"
        order=(gazette omega)
        [ $((i % 2)) = 0 ] && order=(omega gazette)
        for e in "${order[@]}"; do
            rm -rf "$WORK/pair.db"
            if [ "$e" = gazette ]; then
                timed "pair$i-gazette" "$GI" "$C" --db "$WORK/pair.db" "${GI_FULL_OPTS[@]}"
            else
                timed "pair$i-omega" omindex --db "$WORK/pair.db" --url / -M txt:text/plain \
                    -M text:text/plain -M md:text/plain --overwrite "$C"
            fi
        done
        rm -rf "$WORK/pair.db"
    done
fi

if [ "$FTS5" = 1 ]; then
    say "SQLite FTS5 loader"
    timed index-fts5 "$PY" "$HERE/fts5_load.py" --corpus "$C" --db "$WORK/fts5.sqlite"
    meta size_fts5 "$(size_of "$WORK"/fts5.sqlite*)"
fi

# ---- queries ----------------------------------------------------------------------------------
say "query mix ($QUERIES queries)"
"$PY" "$HERE/make_queries.py" --corpus "$C" --out "$WORK/queries.jsonl" --count "$QUERIES" --seed "$SEED"
RQ=("$PY" "$HERE/run_queries.py" --queries "$WORK/queries.jsonl" --rounds "$ROUNDS")
load queries-gazette
"${RQ[@]}" --hyperfine 30 --engine gazette --bin "$GS" --db "$WORK/gazette.db" --out "$WORK/queries/gazette.json"
if [ "$OMEGA" = 1 ]; then
    load queries-omega
    "${RQ[@]}" --hyperfine 30 --engine omega --db "$WORK/omega.db" --out "$WORK/queries/omega.json"
    load queries-omega-exact
    "${RQ[@]}" --hyperfine 30 --engine omega --exact --db "$WORK/omega.db" --out "$WORK/queries/omega-exact.json"
fi
if [ "$FTS5" = 1 ]; then
    load queries-fts5
    "${RQ[@]}" --engine fts5 --db "$WORK/fts5.sqlite" --out "$WORK/queries/fts5.json"
fi

# ---- incremental ------------------------------------------------------------------------------
say "incremental: re-runs with nothing changed, then with 1% of the files changed"
timed gazette-noop "$GI" "$C" --db "$WORK/gazette.db" "${GI_OPTS[@]}"
meta gazette_noop_summary "$(grep '^done:' "$WORK/logs/gazette-noop.err" | tail -1)"
[ "$OMEGA" = 1 ] && timed omega-noop "${OMINDEX[@]}" "$C"
sleep 1  # a modification in the same second as the last run would still change the mtime, but be safe
meta changed_files "$("$PY" "$HERE/corpus_lib.py" modify "$C" 0.01)"
timed gazette-incr "$GI" "$C" --db "$WORK/gazette.db" "${GI_OPTS[@]}"
meta gazette_incr_summary "$(grep '^done:' "$WORK/logs/gazette-incr.err" | tail -1)"
[ "$OMEGA" = 1 ] && timed omega-incr "${OMINDEX[@]}" "$C"
load end

cat > "$WORK/meta/notes" <<'EOF'
Ratios are Gazette's figure divided by the other engine's: above 1 means Gazette takes longer, uses
more memory or disk, or (articles/s, MB/s) is faster. Gazette and Omega query latencies are whole
processes (start-up and index opening included, see the start-up floor); FTS5's are in-process,
compare them with Gazette's own took_ms. Omega estimates match counts (quest's default); "Omega
exact" counts every match (quest -c). Gazette counts exactly up to 10,000 matches and estimates
beyond, except with --facets, which counts every match. Omega has no speaker field (the name is
searched as a phrase) and no facets. Full notes: bench/README.md.
EOF
"$PY" "$HERE/report.py" --work "$WORK" --out "$OUT"
say "table written to $OUT; raw figures, logs and per-query TSVs in $WORK"
if [ "$CLEANUP" = 1 ]; then
    rm -rf "$WORK" ${CORPUS_DIR:+"$CORPUS_DIR"}
fi
