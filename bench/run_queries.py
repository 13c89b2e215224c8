#!/usr/bin/env python3
"""Run the benchmark's query mix against one engine and report latency percentiles.

    bench/run_queries.py --engine gazette --bin build-bench/searcher/gazette-search --db IDX \
        --queries Q.jsonl --out gazette-queries.json [--rounds 3] [--limit 10]
    bench/run_queries.py --engine omega [--exact] --db OMEGA_DB --queries Q.jsonl --out …
    bench/run_queries.py --engine fts5 --db FTS.sqlite --queries Q.jsonl --out …

How each engine is timed:
* gazette: one `gazette-search --json` PROCESS per query (start-up, opening the index, parsing,
  matching with exact counts, snippets, facets, JSON output); the wall time of the process is
  measured from Python (perf_counter around subprocess.run). The `took_ms` that gazette-search
  reports itself (query parsing to the last snippet and facet, without start-up, index opening and
  printing) is collected too, as the in-process figure.
* omega: one `quest` PROCESS per query, timed the same way (Xapian's own CLI: parse, match, print
  the stored sample; no snippets, no facets). With --exact, quest gets `-c 1000000000`
  (check_at_least: every match is counted, as Gazette does); without it quest estimates.
* fts5: IN-PROCESS, one sqlite3 connection opened before timing; per query the top --limit rows
  ordered by bm25 with snippet(), then count(*) (or, with facets, one pass over all matching rows
  counting sources, months and speakers in Python) -- Gazette returns an exact total too.

Every query is run once as a warm-up (not timed), then --rounds times; a query's latency is the
median of its rounds, and p50/p95/p99 are taken over the queries (nearest-rank). Also measured for
the process engines: the "start-up floor", the median of 20 runs of a query that matches nothing
(`zzqxjvw`), i.e. process start-up + opening the index.

With --hyperfine RUNS (run.sh passes 30), the process engines are also measured by hyperfine
(`-N`: no shell; 3 warm-up runs) on the no-match query and the first query of the classes
w1-common, w1-rare, phrase2 and facets: mean ± stddev per command, a cross-check of the loop.

Query translation (the same words everywhere):
| query    | gazette-search                  | quest (Omega)                              | FTS5 MATCH (+ SQL)                    |
|----------|---------------------------------|--------------------------------------------|---------------------------------------|
| words    | `w1 w2` (default OR)            | `w1 w2` (default OR)                       | `{title body} : ("w1" OR "w2")`      |
| phrase   | `"w1 w2"`                       | `"w1 w2"`                                  | `{title body} : "w1 w2"`             |
| speaker  | `--speaker "F L" -- w`           | `"F L" AND (w)`: a phrase in the text, not a speaker field | `speakers : "F L" AND {title body} : ("w")` |
| dates    | `--from YYYY-MM --to YYYY-MM w` | `w month:YYYYMM …` (boolean prefix M: the file mtime month, which run.sh sets to the article date) | `AND date BETWEEN …` on an UNINDEXED column |
| facets   | `--facets`                      | none (quest has no facets)                 | GROUP BY in Python over all matches   |
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import os
import re
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

NO_MATCH = "zzqxjvw"


def nearest_rank(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(1, math.ceil(p / 100 * len(s)))
    return s[k - 1]


def summary(values: list[float]) -> dict:
    return {"n": len(values), "p50": nearest_rank(values, 50), "p95": nearest_rank(values, 95),
            "p99": nearest_rank(values, 99), "mean": statistics.fmean(values) if values else None,
            "max": max(values) if values else None}


def month_range(a: str, b: str) -> list[str]:
    i = int(a[:4]) * 12 + int(a[5:7]) - 1
    j = int(b[:4]) * 12 + int(b[5:7]) - 1
    return [f"{k // 12:04d}{k % 12 + 1:02d}" for k in range(i, j + 1)]


def text_query(q: dict) -> str:
    if q["phrase"]:
        return '"' + " ".join(q["phrase"]) + '"'
    return " ".join(q["words"])


def last_day(ym: str) -> str:
    return ym + "-31"  # string comparison: every real date of the month is <= YYYY-MM-31


# ---------------------------------------------------------------------------------------------
class Gazette:
    kind = "process"

    def __init__(self, args):
        self.bin, self.db, self.limit = args.bin, args.db, args.limit
        self.extra = args.search_arg

    def argv(self, q: dict) -> list[str]:
        a = [self.bin, "--db", self.db, "--json", "--limit", str(self.limit)]
        if q.get("speaker"):
            a += ["--speaker", q["speaker"]]
        if q.get("from"):
            a += ["--from", q["from"], "--to", q["to"]]
        if q.get("facets"):
            a += ["--facets"]
        # "--" ends the options: gazette-search's --speaker takes every following word as another
        # speaker (`--speaker "A B" word` searches for the speakers "A B" and "word").
        return a + self.extra + ["--", text_query(q)]

    def describe(self, q):
        return " ".join(self.argv(q)[5:])

    def run(self, q: dict):
        t0 = time.perf_counter()
        p = subprocess.run(self.argv(q), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        dt = (time.perf_counter() - t0) * 1000
        if p.returncode not in (0, 1):
            return dt, None, {"error": p.stderr.decode(errors="replace").strip()}
        total, took = None, None
        for line in reversed(p.stdout.splitlines()):
            if line.startswith(b'{"type":"summary"'):
                s = json.loads(line)
                total, took = s.get("total"), s.get("took_ms")
                break
        return dt, total, {"took_ms": took}

    def floor(self):
        return self.argv({"words": [NO_MATCH], "phrase": None})


class Omega:
    kind = "process"

    def __init__(self, args):
        self.db, self.limit, self.exact = args.db, args.limit, args.exact

    def qstring(self, q: dict) -> str:
        s = text_query(q)
        if q.get("speaker"):
            s = f'"{q["speaker"]}" AND ({s})'
        if q.get("from"):
            s += " " + " ".join(f"month:{m}" for m in month_range(q["from"], q["to"]))
        return s

    def argv(self, q: dict) -> list[str]:
        a = ["quest", "-d", self.db, "-m", str(self.limit), "-b", "month:M"]
        if self.exact:
            a += ["-c", "1000000000"]
        return a + [self.qstring(q)]

    def describe(self, q):
        return self.qstring(q)

    _TOTAL = re.compile(rb"^(?:Exactly|About) (\d+) matches|^Between \d+ and \d+ matches, "
                        rb"best estimate is (\d+)", re.M)

    def run(self, q: dict):
        t0 = time.perf_counter()
        p = subprocess.run(self.argv(q), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        dt = (time.perf_counter() - t0) * 1000
        if p.returncode != 0:
            return dt, None, {"error": p.stderr.decode(errors="replace").strip()}
        m = self._TOTAL.search(p.stdout)
        total = int(m.group(1) or m.group(2)) if m else None
        return dt, total, {}

    def floor(self):
        return self.argv({"words": [NO_MATCH], "phrase": None})


class Fts5:
    kind = "in-process"

    def __init__(self, args):
        self.con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
        self.limit = args.limit

    @staticmethod
    def match(q: dict) -> str:
        if q["phrase"]:
            s = '{title body} : "' + " ".join(q["phrase"]) + '"'
        else:
            s = "{title body} : (" + " OR ".join(f'"{w}"' for w in q["words"]) + ")"
        if q.get("speaker"):
            s = f'speakers : "{q["speaker"]}" AND {s}'
        return s

    def where(self, q: dict):
        sql, params = "docs MATCH ?", [self.match(q)]
        if q.get("from"):
            sql += " AND date BETWEEN ? AND ?"
            params += [q["from"] + "-01", last_day(q["to"])]
        return sql, params

    def describe(self, q):
        sql, params = self.where(q)
        return " ; ".join(params)

    def run(self, q: dict):
        where, params = self.where(q)
        t0 = time.perf_counter()
        top = self.con.execute(
            f"SELECT path, title, date, source, snippet(docs, 1, '[', ']', '…', 16) FROM docs "
            f"WHERE {where} ORDER BY bm25(docs, 3.0, 1.0, 0.0) LIMIT {self.limit}",
            params).fetchall()
        if q.get("facets"):
            speakers, sources, months = (collections.Counter() for _ in range(3))
            total = 0
            for sp, src, d in self.con.execute(
                    f"SELECT speakers, source, substr(date, 1, 7) FROM docs WHERE {where}", params):
                total += 1
                sources[src] += 1
                months[d] += 1
                if sp:
                    speakers.update(sp.split("; "))
            facets = (speakers.most_common(), sources.most_common(), sorted(months.items()))
        else:
            total = self.con.execute(f"SELECT count(*) FROM docs WHERE {where}", params).fetchone()[0]
        dt = (time.perf_counter() - t0) * 1000
        return dt, total, {"returned": len(top)}

    def floor(self):
        return None


ENGINES = {"gazette": Gazette, "omega": Omega, "fts5": Fts5}
HYPERFINE_CLASSES = ("w1-common", "w1-rare", "phrase2", "facets")


def run_hyperfine(engine, queries, runs: int, export: str) -> dict:
    """hyperfine (no shell, 3 warm-up runs, `runs` runs) on the no-match query and on the first
    query of a few classes: mean, stddev, median and min per command, in ms."""
    picked = [("no-match", engine.floor())]
    for cls in HYPERFINE_CLASSES:
        q = next((q for q in queries if q["class"] == cls), None)
        if q:
            picked.append((f"{cls} #{q['id']}", engine.argv(q)))
    cmd = ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", export,
           "--style", "none", "-i"]
    for label, argv in picked:
        cmd += ["-n", label, " ".join(shlex.quote(a) for a in argv)]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    out = {}
    data = load_json_file(export)
    for r in (data or {}).get("results", []):
        out[r["command"]] = {k: r[k] * 1000 for k in ("mean", "stddev", "median", "min")
                             if r.get(k) is not None}
    return out


def load_json_file(path: str):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", choices=ENGINES, required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--bin", help="gazette-search binary (gazette engine)")
    ap.add_argument("--exact", action="store_true", help="omega: count every match (quest -c)")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--out", required=True, help="JSON summary; per-query TSV beside it (.tsv)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--search-arg", action="append", default=[],
                    help="gazette: an extra gazette-search argument, e.g. --search-arg=--all-versions "
                         "to time the hit list without collapsing syndicated copies (repeatable)")
    ap.add_argument("--hyperfine", type=int, default=0, metavar="RUNS",
                    help="process engines: also run hyperfine (RUNS runs) on the no-match query "
                         "and the first query of classes " + ", ".join(HYPERFINE_CLASSES))
    args = ap.parse_args(argv)
    engine = ENGINES[args.engine](args)
    name = args.engine + ("-exact" if args.exact else "")
    with open(args.queries, encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]

    errors = []
    for q in queries:  # warm-up: page cache, and a check that every query runs
        _, _, extra = engine.run(q)
        if "error" in extra:
            errors.append((q["id"], extra["error"]))
    samples = {q["id"]: [] for q in queries}
    took = {q["id"]: [] for q in queries}
    totals = {}
    t_start = time.perf_counter()
    for _ in range(args.rounds):
        for q in queries:
            dt, total, extra = engine.run(q)
            samples[q["id"]].append(dt)
            totals[q["id"]] = total
            if extra.get("took_ms") is not None:
                took[q["id"]].append(extra["took_ms"])
    wall = time.perf_counter() - t_start

    per_query = {qid: statistics.median(v) for qid, v in samples.items()}
    result = {
        "engine": name, "timing": engine.kind, "queries": len(queries), "rounds": args.rounds,
        "wall_s": wall, "latency_ms": summary(list(per_query.values())),
        "zero_hits": sum(1 for q in queries if totals.get(q["id"]) == 0),
        "errors": [{"id": i, "error": e} for i, e in errors],
        "by_class": {},
    }
    if any(took.values()):
        result["took_ms"] = summary([statistics.median(v) for v in took.values() if v])
    classes = collections.defaultdict(list)
    for q in queries:
        classes[q["class"]].append(q["id"])
    for cls, ids in classes.items():
        hits = [totals.get(i) for i in ids if totals.get(i) is not None]
        result["by_class"][cls] = {
            "n": len(ids), "p50": nearest_rank([per_query[i] for i in ids], 50),
            "max": max(per_query[i] for i in ids),
            "median_hits": statistics.median(hits) if hits else None,
            "took_p50": nearest_rank([statistics.median(took[i]) for i in ids if took[i]], 50)
            if any(took[i] for i in ids) else None,
            "zero_hits": sum(1 for h in hits if h == 0),
        }
    argv_floor = engine.floor()
    if argv_floor:
        floor = []
        for _ in range(21):
            t0 = time.perf_counter()
            subprocess.run(argv_floor, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            floor.append((time.perf_counter() - t0) * 1000)
        result["floor_ms"] = statistics.median(floor[1:])

    if args.hyperfine and engine.kind == "process" and shutil.which("hyperfine"):
        result["hyperfine"] = run_hyperfine(engine, queries, args.hyperfine,
                                            os.path.splitext(args.out)[0] + ".hyperfine.json")

    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    tsv = os.path.splitext(args.out)[0] + ".tsv"
    with open(tsv, "w", encoding="utf-8") as f:
        f.write("id\tclass\tlatency_ms\ttook_ms\ttotal\tquery\n")
        for q in queries:
            t = statistics.median(took[q["id"]]) if took[q["id"]] else ""
            f.write(f"{q['id']}\t{q['class']}\t{per_query[q['id']]:.3f}\t"
                    f"{t if t == '' else f'{t:.3f}'}\t{totals.get(q['id'])}\t{engine.describe(q)}\n")
    lat = result["latency_ms"]
    print(f"run_queries: {name} ({engine.kind}): {len(queries)} queries x {args.rounds} rounds, "
          f"p50 {lat['p50']:.2f} ms, p95 {lat['p95']:.2f} ms, p99 {lat['p99']:.2f} ms; "
          f"{result['zero_hits']} with no hits, {len(errors)} errors -> {args.out}", file=sys.stderr)
    for i, e in errors[:5]:
        print(f"run_queries: {name}: query {i} failed: {e}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
