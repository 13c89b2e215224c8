#!/usr/bin/env python3
"""Print the benchmark's figures as one Markdown table, from the files run.sh leaves in WORK.

    bench/report.py --work WORK [--out RESULTS.txt]

Reads WORK/meta/* (small text files written by run.sh), WORK/time/*.time (`/usr/bin/time -v`
outputs) and WORK/queries/*.json (run_queries.py summaries). Prints the table on stdout and, with
--out, writes it there too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys


def read(path: str, default: str = "") -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return default


def parse_time(path: str) -> dict | None:
    """Figures of a `/usr/bin/time -v` report."""
    text = read(path)
    if not text:
        return None
    out = {}
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if m:
        parts = [float(p) for p in m.group(1).split(":")]
        secs = 0.0
        for p in parts:
            secs = secs * 60 + p
        out["wall"] = secs
    for key, label in (("user", "User time (seconds)"), ("sys", "System time (seconds)"),
                       ("rss_kb", "Maximum resident set size (kbytes)"),
                       ("inputs", "File system inputs"), ("outputs", "File system outputs"),
                       ("status", "Exit status")):
        m = re.search(re.escape(label) + r": (\S+)", text)
        if m:
            out[key] = float(m.group(1))
    out["cpu"] = out.get("user", 0) + out.get("sys", 0)
    # The kernel counts both in 512-byte blocks: inputs are reads that went to the disk (not the
    # page cache), outputs the bytes the process dirtied, whether or not they reached the disk.
    for key in ("inputs", "outputs"):
        if key in out:
            out[key + "_mb"] = out[key] * 512 / 1e6
    return out


def load_json(path: str) -> dict | None:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def fmt(x, digits=None) -> str:
    if x is None or x == "":
        return "–"
    if isinstance(x, str):
        return x
    if digits is None:
        ax = abs(x)
        digits = 0 if ax >= 1000 else 1 if ax >= 100 else 2 if ax >= 1 else 3
    return f"{x:,.{digits}f}"


def ratio(a, b) -> str:
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}×"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--out")
    args = ap.parse_args(argv)
    w = args.work
    meta = lambda name, d="": read(os.path.join(w, "meta", name), d)  # noqa: E731

    files = int(meta("corpus_files", "0") or 0)
    corpus_bytes = int(meta("corpus_bytes", "0") or 0)
    mb = corpus_bytes / 1e6

    lines = []
    lines.append(f"Corpus: {meta('corpus_desc')} - {files:,} articles, {mb:,.1f} MB "
                 f"({corpus_bytes / max(files, 1):,.0f} B/article), in {meta('corpus_location', '?')}")
    lines.append(f"Date: {meta('date')}; host: {meta('host')}")
    lines.append(f"Command: {meta('command')}")
    lines.append(f"Gazette: {meta('gazette_version')}; gazette-index {meta('gazette_options') or '--jobs ' + meta('jobs')}; "
                 f"{meta('omega_version')}; SQLite {meta('sqlite_version')} (Python "
                 f"{meta('python_version')}); query rounds {meta('rounds')}")
    loads = read(os.path.join(w, "meta", "loads"))
    if loads:
        lines.append("Load average (1/5/15 min) before each step: " + "; ".join(loads.splitlines()))
    for k, what in (("gazette_full_summary", "full build"), ("gazette_noop_summary", "no-change re-run"),
                    ("gazette_incr_summary", "1 % re-run")):
        if meta(k):
            lines.append(f"gazette-index, {what}: {meta(k)}")
    if meta("corpus_seconds"):
        lines.append(f"Corpus generation: {float(meta('corpus_seconds')):.1f} s wall")
    lines.append("")

    cols = ["figure", "Gazette", "Omega", "Omega exact", "FTS5", "G/Omega", "G/Omega exact",
            "G/FTS5"]
    rows: list[list[str]] = []

    def row(label, g=None, o=None, oe=None, f=None, digits=None):
        rows.append([label, fmt(g, digits), fmt(o, digits), fmt(oe, digits), fmt(f, digits),
                     ratio(g, o), ratio(g, oe), ratio(g, f)])

    def section(title):
        rows.append([f"**{title}**"] + [""] * (len(cols) - 1))

    # ---- indexing
    t = {e: parse_time(os.path.join(w, "time", f"index-{e}.time")) for e in ("gazette", "omega", "fts5")}
    size = {e: int(meta(f"size_{e}", "0") or 0) or None for e in ("gazette", "omega", "fts5")}
    get = lambda e, k: (t[e] or {}).get(k)  # noqa: E731
    section("Indexing")
    row("wall time (s)", get("gazette", "wall"), get("omega", "wall"), None, get("fts5", "wall"))
    row("CPU time user+sys (s)", get("gazette", "cpu"), get("omega", "cpu"), None, get("fts5", "cpu"))
    per = lambda e, n: n / get(e, "wall") if get(e, "wall") else None  # noqa: E731
    row("articles/s (wall)", per("gazette", files), per("omega", files), None, per("fts5", files))
    row("MB/s (wall)", per("gazette", mb), per("omega", mb), None, per("fts5", mb))
    cpu_per = lambda e: files / get(e, "cpu") if get(e, "cpu") else None  # noqa: E731
    row("articles per CPU-second", cpu_per("gazette"), cpu_per("omega"), None, cpu_per("fts5"))
    rss = lambda e: get(e, "rss_kb") / 1024 if get(e, "rss_kb") else None  # noqa: E731
    row("peak RSS (MiB)", rss("gazette"), rss("omega"), None, rss("fts5"))
    row("read from disk (MB)", get("gazette", "inputs_mb"), get("omega", "inputs_mb"), None, get("fts5", "inputs_mb"))
    row("written (MB)", get("gazette", "outputs_mb"), get("omega", "outputs_mb"), None, get("fts5", "outputs_mb"))
    to_mb = lambda e: size[e] / 1e6 if size[e] else None  # noqa: E731
    row("index size (MB)", to_mb("gazette"), to_mb("omega"), None, to_mb("fts5"))
    rel = lambda e: size[e] / corpus_bytes if size[e] and corpus_bytes else None  # noqa: E731
    row("index size / corpus size", rel("gazette"), rel("omega"), None, rel("fts5"), digits=2)
    omega_compacted = int(meta("size_omega_compacted", "0") or 0)
    if omega_compacted:
        row("index size (MB), Omega's after xapian-compact", to_mb("gazette"), omega_compacted / 1e6, None, None)
    pairs = int(meta("build_pairs", "0") or 0)
    if pairs:
        # Each pair's ratio, then the median: the drift of the machine's speed between two builds
        # run one after the other is far smaller than between the first builds above and now.
        timed = [(parse_time(os.path.join(w, "time", f"pair{i}-gazette.time")),
                  parse_time(os.path.join(w, "time", f"pair{i}-omega.time"))) for i in range(1, pairs + 1)]
        timed = [(g, o) for g, o in timed if g and o and g.get("wall") and o.get("wall") and g.get("cpu") and o.get("cpu")]
        if timed:
            ratios = [o["wall"] / g["wall"] for g, o in timed]
            rows.append([f"articles/s (wall), median of {len(timed)} interleaved build pairs",
                         fmt(files / statistics.median(g["wall"] for g, _ in timed)),
                         fmt(files / statistics.median(o["wall"] for _, o in timed)),
                         "", "", f"{statistics.median(ratios):.2f}×", "", ""])
            rows.append(["  each pair's G/Omega articles/s", " ".join(f"{r:.2f}×" for r in ratios)] + [""] * 6)
            cpu = [g["cpu"] / o["cpu"] for g, o in timed]
            rows.append([f"CPU time (s), median of {len(timed)} interleaved build pairs",
                         fmt(statistics.median(g["cpu"] for g, _ in timed)),
                         fmt(statistics.median(o["cpu"] for _, o in timed)),
                         "", "", f"{statistics.median(cpu):.2f}×", "", ""])
            rows.append(["  each pair's G/Omega CPU time", " ".join(f"{r:.2f}×" for r in cpu)] + [""] * 6)
    bad = [f"{e} {t[e]['status']:.0f}" for e in t if t[e] and t[e].get("status")]
    if bad:
        rows.append(["indexer exit status (not 0)", ", ".join(bad)] + [""] * 6)

    # ---- queries
    q = {e: load_json(os.path.join(w, "queries", f"{e}.json"))
         for e in ("gazette", "omega", "omega-exact", "fts5")}
    lat = lambda e, k: ((q[e] or {}).get("latency_ms") or {}).get(k)  # noqa: E731
    took = (q["gazette"] or {}).get("took_ms") or {}
    nq = next((v["queries"] for v in q.values() if v), 0)
    section(f"Queries ({nq})")
    for k in ("p50", "p95", "p99", "mean", "max"):
        row(f"latency {k}, whole process (ms)", lat("gazette", k), lat("omega", k),
            lat("omega-exact", k), None)
    for k in ("p50", "p95", "p99", "mean", "max"):
        row(f"latency {k}, in-process (ms)", took.get(k), None, None, lat("fts5", k))
    fl = lambda e: (q[e] or {}).get("floor_ms")  # noqa: E731
    row("start-up floor: no-match query, p50 (ms)", fl("gazette"), fl("omega"), fl("omega-exact"), None)
    rows.append(["queries with no hits", *[str((q[e] or {}).get("zero_hits", "–"))
                                            for e in ("gazette", "omega", "omega-exact", "fts5")], "", "", ""])
    rows.append(["queries that failed", *[str(len((q[e] or {}).get("errors", [])) if q[e] else "–")
                                           for e in ("gazette", "omega", "omega-exact", "fts5")], "", "", ""])
    row("query-mix wall time, all rounds (s)", *[(q[e] or {}).get("wall_s")
                                                 for e in ("gazette", "omega", "omega-exact", "fts5")])
    rows[-1][5:] = ["", "", ""]
    hf = {e: (q[e] or {}).get("hyperfine") or {} for e in ("gazette", "omega", "omega-exact")}
    hf_labels = []
    for e in hf.values():
        for label in e:
            if label not in hf_labels:
                hf_labels.append(label)
    if hf_labels:
        section("hyperfine, whole process: mean ± σ (ms)")
        for label in hf_labels:
            cells, means = [], []
            for e in ("gazette", "omega", "omega-exact"):
                r = hf[e].get(label)
                cells.append(f"{fmt(r['mean'])} ± {fmt(r['stddev'])}" if r else "–")
                means.append(r["mean"] if r else None)
            rows.append([label, *cells, "–", ratio(means[0], means[1]), ratio(means[0], means[2]), ""])
    classes = []
    for e in q.values():
        for c in (e or {}).get("by_class", {}):
            if c not in classes:
                classes.append(c)
    section("p50 by query class (ms) (median hits)")
    for c in classes:
        cells, vals = [], []
        for e in ("gazette", "omega", "omega-exact", "fts5"):
            b = ((q[e] or {}).get("by_class") or {}).get(c)
            if not b:
                cells.append("–")
                vals.append(None)
                continue
            h = b.get("median_hits")
            hits = f"({fmt(h, 0) if h is not None else '?'})"
            if e == "gazette" and b.get("took_p50") is not None:
                cells.append(f"{fmt(b['p50'])} / {fmt(b['took_p50'])} {hits}")
            else:
                cells.append(f"{fmt(b['p50'])} {hits}")
            vals.append(b["p50"])
        g_took = ((q["gazette"] or {}).get("by_class") or {}).get(c, {}).get("took_p50")
        n = ((q["gazette"] or {}).get("by_class") or {}).get(c, {}).get("n", "")
        rows.append([f"{c} (n={n})", *cells, ratio(vals[0], vals[1]), ratio(vals[0], vals[2]),
                     ratio(g_took, vals[3])])

    # ---- incremental
    inc = {k: parse_time(os.path.join(w, "time", f"{k}.time"))
           for k in ("gazette-noop", "gazette-incr", "omega-noop", "omega-incr")}
    changed = meta("changed_files")
    if any(inc.values()):
        section(f"Incremental re-index ({changed} files changed)")
        gw, ow = get("gazette", "wall"), get("omega", "wall")
        iw = lambda k: (inc[k] or {}).get("wall")  # noqa: E731
        row("full build, wall (s) (from above)", gw, ow, None, None)
        row("re-run, nothing changed, wall (s)", iw("gazette-noop"), iw("omega-noop"), None, None)
        row("re-run, 1 % changed, wall (s)", iw("gazette-incr"), iw("omega-incr"), None, None)
        row("re-run, 1 % changed, CPU (s)", (inc["gazette-incr"] or {}).get("cpu"),
            (inc["omega-incr"] or {}).get("cpu"), None, None)
        # A re-run's wall time depends on how much of the index is still in the page cache.
        row("re-run, 1 % changed, read from disk (MB)", (inc["gazette-incr"] or {}).get("inputs_mb"),
            (inc["omega-incr"] or {}).get("inputs_mb"), None, None)
        pct = lambda a, b: 100 * a / b if a is not None and b else None  # noqa: E731
        row("1 % re-run / full build (%)", pct(iw("gazette-incr"), gw), pct(iw("omega-incr"), ow),
            None, None, digits=1)

    widths = [max(len(r[i]) for r in rows + [cols]) for i in range(len(cols))]
    def line(cells):
        return "| " + " | ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i])
                                 for i, c in enumerate(cells)) + " |"
    lines.append(line(cols))
    lines.append("|" + "|".join("-" * (wd + 2) if i == 0 else "-" * (wd + 1) + ":"
                               for i, wd in enumerate(widths)) + "|")
    lines += [line(r) for r in rows]
    notes = read(os.path.join(w, "meta", "notes"))
    if notes:
        lines.append("")
        lines += notes.splitlines()
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
