#!/usr/bin/env python3
"""Time --facets and --timeline over large match sets: the facets-at-scale target of the
performance issue (450,000 matches at 1M articles in under 50 ms in-process).

    bench/facets_scale.py --bin build/searcher/gazette-search --db IDX [--vs OLD_BIN] \
        [--runs 7] WORD [WORD ...]

For each query word (pick words by their document frequency, e.g. with `xapian-delve -t ZWORD`),
gazette-search is run --runs times per mode (one untimed warm-up first) and the medians printed:
the in-process time gazette-search reports (`took_ms`: parsing to the last facet) and the whole
process's wall time. Modes: `--count` (the exact count alone), `--facets --limit 10` (the facets
and a ranked page), `--facets --limit 0` (the facets alone), `--timeline --limit 0`. With --vs, the same runs with another gazette-search (e.g. the binary
before a change), and the ratio of the in-process medians. The counts of both binaries are
checked to be the same.
"""
import argparse
import json
import statistics
import subprocess
import sys
import time

MODES = {
    "count": ["--limit", "0", "--exact-count"],
    "facets": ["--facets", "--limit", "10"],
    "facets-only": ["--facets", "--limit", "0"],
    "timeline": ["--timeline", "--limit", "0"],
}


def run(binary, db, word, extra):
    cmd = [binary, "--db", db, "--json", *extra, "--", word]
    started = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    wall = (time.perf_counter() - started) * 1000
    summary = None
    for line in out.splitlines():
        record = json.loads(line)
        if "took_ms" in record and "total" in record:
            summary = record
    if summary is None:
        sys.exit(f"facets_scale: no summary line from {' '.join(cmd)}")
    counts = {k: summary.get(k) for k in ("total", "speakers", "sources", "dates")}
    return summary["took_ms"], wall, summary["total"], counts


def measure(binary, db, word, extra, runs):
    run(binary, db, word, extra)  # warm-up
    took, wall = [], []
    for _ in range(runs):
        t, w, total, counts = run(binary, db, word, extra)
        took.append(t)
        wall.append(w)
    return statistics.median(took), statistics.median(wall), total, counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--vs", help="another gazette-search to time the same way")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("words", nargs="+")
    args = ap.parse_args()

    header = "| word | matches | mode | in-process ms | whole process ms |"
    rule = "|---|--:|---|--:|--:|"
    if args.vs:
        header += " --vs in-process ms | --vs whole ms | in-process ratio |"
        rule += "--:|--:|--:|"
    print(header)
    print(rule)
    for word in args.words:
        for mode, extra in MODES.items():
            took, wall, total, counts = measure(args.bin, args.db, word, extra, args.runs)
            row = f"| {word} | {total:,} | {mode} | {took:.1f} | {wall:.1f} |"
            if args.vs:
                vs_took, vs_wall, vs_total, vs_counts = measure(args.vs, args.db, word, extra, args.runs)
                if vs_counts != counts:
                    sys.exit(f"facets_scale: {word} {mode}: the two binaries count differently")
                row += f" {vs_took:.1f} | {vs_wall:.1f} | {took / vs_took:.2f}x |"
            print(row, flush=True)


if __name__ == "__main__":
    main()
