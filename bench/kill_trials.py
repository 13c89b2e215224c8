#!/usr/bin/env python3
"""Random-kill trials for gazette-index (#19): kill it with SIGKILL at random moments, then check
that an ordinary re-run finishes the job.

    bench/kill_trials.py [--articles N | --corpus DIR] [--trials T] [--minutes M]
                         [--scenarios plain,incremental,shards,bulk,compact] [--build DIR] [--work DIR]

Scenarios (each trial kills one gazette-index run at a moment drawn uniformly from 0 to 1.1 times
that run's measured length, so some kills land after it ended):

  plain        a full build into a new index
  incremental  a run over a corpus that changed since the index was built (files changed,
               added and deleted; the corpus then switches back, so the trials chain)
  shards       a full build with --shards 2
  bulk         a full build with --bulk 1 (segments, then a merge swapped in)
  compact      gazette-index --compact on a complete index

After each kill the checks are: the re-run (the same command, or for compact a plain indexing
run) exits 0; nothing an interrupted run leaves is still there (DB.compacting, DB.old,
gazette-segments, beside or inside every database); xapian-check passes on every database; and
the answers to a fixed set of queries (hit ids, each hit's speakers, the speaker counts) equal
those of a clean build of the same corpus. Prints one table: scenario, trials, kills that landed
while the indexer ran, and how many trials passed each check.

The corpus is generated (bench/generate_corpus.py, --articles, default 1500) or copied from
--corpus (never written to). Standard library only; needs xapian-check (xapian-tools).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = [
    ["interest rates"], ['"interest rates"'], ["prime minister"], ["oil", "prices"], ["bank"],
    ["minister", "AND", "election"], ["court", "OR", "judge"], ["harvest"], ["strike", "union"],
    ["said"], ["government", "NOT", "army"], ["market"],
]


def sh(args, check=True, **kw):
    r = subprocess.run([str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))}: exit {r.returncode}: {r.stderr.strip()[-400:]}")
    return r


def describe_difference(got: list, want: list) -> str:
    """The first query whose answers differ, and a few of the differing hits."""
    for query, (g, w) in zip(QUERIES + [["--speakers"]], zip(got, want)):
        if g == w:
            continue
        if isinstance(g[1], list):
            extra, missing = sorted(set(g[1]) - set(w[1]))[:3], sorted(set(w[1]) - set(g[1]))[:3]
            return f"{' '.join(query)}: status {g[0]}/{w[0]}; not in the clean build: {extra}; missing: {missing}"
        return f"{' '.join(query)}: output differs"
    return "different number of answers"


class Trials:
    def __init__(self, build: Path, work: Path):
        self.index_bin = build / "indexer" / "gazette-index"
        self.search_bin = build / "searcher" / "gazette-search"
        self.work = work
        self.corpus = work / "corpus"

    # ---------- what an index answers ----------
    def answers(self, db: Path) -> list:
        out = []
        for q in QUERIES:
            r = sh([self.search_bin, "--db", db, "--json", "--limit", "10000", *q], check=False)
            hits = sorted((j["id"], tuple(sorted(j.get("speakers", [])))) for j in map(json.loads, r.stdout.splitlines())
                          if j.get("type") == "hit")
            out.append((r.returncode, hits))
        r = sh([self.search_bin, "--db", db, "--speakers", "--facet-limit", "0", "--limit", "0", "said"], check=False)
        out.append((r.returncode, re.sub(r" in [0-9.]+ ms", "", r.stdout)))  # the time differs
        return out

    # ---------- the corpus and its second state ----------
    def changed_set(self):
        files = sorted(p for p in self.corpus.rglob("*") if p.is_file())
        rnd = random.Random(7)
        picked = rnd.sample(files, max(3, len(files) // 10))
        third = len(picked) // 3
        return picked[:third], picked[third:2 * third], picked[2 * third:]  # change, delete, (re-add as new)

    def switch_state(self, to_second: bool):
        """State 0: the corpus as made. State 1: a tenth of its files changed, deleted or renamed."""
        change, delete, rename = self.plan
        for path in change:
            text = self.original[path]
            path.write_text(text + ("\n\nRevised: the minister said harvest figures were corrected.\n" if to_second else ""))
        for path in delete:
            if to_second:
                path.unlink(missing_ok=True)
            else:
                path.write_text(self.original[path])
        for path in rename:
            moved = path.with_name("moved-" + path.name)
            if to_second and path.exists():
                path.rename(moved)
            elif not to_second and moved.exists():
                moved.rename(path)

    def prepare(self, args):
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        if args.corpus:
            shutil.copytree(args.corpus, self.corpus)
        else:
            sh([sys.executable, HERE / "generate_corpus.py", "--articles", args.articles, "--out", self.corpus,
                "--jobs", "2"])
        self.plan = self.changed_set()
        self.original = {p: p.read_text(errors="replace") for group in self.plan for p in group}
        self.refs = []
        for state in (0, 1):
            self.switch_state(state == 1)
            ref = self.work / f"ref{state}"
            sh([self.index_bin, self.corpus, "--db", ref, "-q"])
            self.refs.append(self.answers(ref))
        self.switch_state(False)
        self.state = 0

    # ---------- one trial ----------
    def leftovers(self, db: Path) -> list:
        dbs = sorted(db.glob("shard[0-9]*")) if (db / "XAPIANDB").exists() else [db]
        dbs = [d for d in dbs if d.suffix not in (".compacting", ".old")]
        found = []
        for d in dbs:
            for extra in (Path(str(d) + ".compacting"), Path(str(d) + ".old"), d / "gazette-segments"):
                if extra.exists():
                    found.append(str(extra))
        return found, dbs

    def timed(self, cmd) -> float:
        start = time.monotonic()
        sh(cmd)
        return time.monotonic() - start

    def run_trial(self, scenario: str, rnd: random.Random, length: dict) -> dict:
        db = self.work / "idx"
        index_cmd = [self.index_bin, self.corpus, "--db", db, "-q"]
        if scenario == "shards":
            index_cmd += ["--shards", "2"]
        if scenario == "bulk":
            index_cmd += ["--bulk", "1", "--batch", "50"]
        killed_cmd, rerun_cmd = index_cmd, index_cmd
        if scenario in ("plain", "shards", "bulk"):
            for path in (db, Path(f"{db}.compacting"), Path(f"{db}.old")):
                shutil.rmtree(path, ignore_errors=True)
            target = self.state
        elif scenario == "incremental":
            if not (db / "iamglass").exists() or getattr(self, "db_scenario", "") != "incremental":
                shutil.rmtree(db, ignore_errors=True)
                sh(index_cmd)
            self.switch_state(self.state == 0)
            self.state = 1 - self.state
            target = self.state
        else:  # compact
            if getattr(self, "db_scenario", "") != "compact" or not (db / "iamglass").exists():
                shutil.rmtree(db, ignore_errors=True)
                sh(index_cmd)
            killed_cmd = [self.index_bin, "--compact", "--db", db, "-q"]
            target = self.state
        self.db_scenario = scenario
        if scenario not in length:  # how long this run takes here, once
            probe = self.work / "probe"
            shutil.rmtree(probe, ignore_errors=True)
            if scenario == "compact":
                sh([self.index_bin, self.corpus, "--db", probe, "-q"])
            elif scenario == "incremental":
                shutil.copytree(db, probe)
            length[scenario] = self.timed([str(a).replace(str(db), str(probe)) for a in killed_cmd])
            shutil.rmtree(probe, ignore_errors=True)
        delay = rnd.uniform(0, 1.1 * length[scenario])
        proc = subprocess.Popen([str(a) for a in killed_cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        landed = proc.poll() is None
        if landed:
            proc.send_signal(signal.SIGKILL)
        proc.wait()

        result = {"landed": landed}
        r = sh(rerun_cmd, check=False)
        result["rerun"] = r.returncode == 0
        result["rerun_err"] = r.stderr.strip()[-300:]
        found, dbs = self.leftovers(db)
        result["clean"] = not found
        result["leftovers"] = found
        result["check"] = all(sh(["xapian-check", d], check=False).returncode == 0 for d in dbs)
        got = self.answers(db) if result["rerun"] else []
        result["equal"] = got == self.refs[target]
        if result["rerun"] and not result["equal"]:
            result["differs"] = describe_difference(got, self.refs[target])
        return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--trials", type=int, default=12, help="trials per scenario (default 12)")
    ap.add_argument("--minutes", type=float, default=30, help="stop starting trials after this long")
    ap.add_argument("--scenarios", default="plain,incremental,shards,bulk,compact")
    ap.add_argument("--build", type=Path, default=HERE.parent / "build")
    ap.add_argument("--work", type=Path, default=Path("/tmp/gazette-kill-trials"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if shutil.which("xapian-check") is None:
        print("kill_trials: xapian-check not found (apt-get install xapian-tools)", file=sys.stderr)
        return 2
    trials = Trials(args.build.resolve(), args.work)
    print(f"preparing the corpus and two clean builds in {args.work} ...", file=sys.stderr)
    trials.prepare(args)
    rnd = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    length: dict = {}
    table = []
    failures = []
    scenarios = args.scenarios.split(",")
    rows: dict = {scenario: [] for scenario in scenarios}
    # Round robin, so that --minutes cuts every scenario short alike.
    for t in range(args.trials):
        for scenario in scenarios:
            if time.monotonic() > deadline:
                break
            r = trials.run_trial(scenario, rnd, length)
            rows[scenario].append(r)
            ok = r["rerun"] and r["clean"] and r["check"] and r["equal"]
            print(f"{scenario} #{t + 1}: {'landed' if r['landed'] else 'after exit'}: {'ok' if ok else 'FAILED'}",
                  file=sys.stderr)
            if not ok:
                failures.append((scenario, t + 1, r))
    for scenario in scenarios:
        done = rows[scenario]
        if done:
            table.append((scenario, len(done), sum(r["landed"] for r in done), sum(r["rerun"] for r in done),
                          sum(r["clean"] for r in done), sum(r["check"] for r in done), sum(r["equal"] for r in done)))
    print("| scenario | trials | killed while running | re-run exit 0 | no leftovers | xapian-check ok | results = clean build |")
    print("|---|---|---|---|---|---|---|")
    for row in table:
        print("| " + " | ".join(map(str, row)) + " |")
    total = sum(row[1] for row in table)
    print(f"\n{total} trials, {len(failures)} failed")
    for scenario, t, r in failures:
        print(f"FAILED {scenario} #{t}: {r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
