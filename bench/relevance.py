#!/usr/bin/env python3
"""Ranking quality on judged collections: index each collection with gazette-index, run every
query through `gazette-search --json` as a user would type it, score the ranked lists against the
judgments (relevance_score.py: MAP, nDCG@10, P@10, R@100) and print one row per collection.

    bench/relevance.py COLLECTION... [--build DIR] [--work DIR] [--reindex] [--jobs N]
                       [--raw] [--search-arg ARG]... [--runs-only]

A COLLECTION is a directory with `docs/` (the articles), `queries.tsv` (`qid<TAB>query`) and
`qrels.tsv` (`qid<TAB>docid<TAB>grade`); `qrels_graded.tsv`, when present, is used for nDCG@10.
The doc id of a hit is its file name without the extension. Syndicated copies are not collapsed
(`--all-versions`): every document is ranked on its own, as in the peers' baselines. Examples,
from the project root:

    bench/relevance.py ../shared/corpora/relevance/{ADI,CISI,CRAN,LISA,MED,NPL}
    bench/relevance.py tests/relevance                      # the judged sample over sample_corpus/
    bench/relevance.py ../shared/corpora/relevance/MED --search-arg=--ranking=k1=1.0

Queries go in lower-cased with everything but letters, digits and spaces removed (what the peers
in the baselines were given), unless --raw passes each line as it is. Indexes are kept in WORK
(default /tmp/gazette-relevance) and reused while the collection's files are older than them;
--reindex builds them again (needed after a change to indexing). Each run file is written to
WORK/NAME.run (`qid<TAB>rank<TAB>docid`, the top 1,000).
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relevance_score  # noqa: E402

METRICS = ("MAP", "nDCG@10", "P@10", "R@100")


def typed(query, raw):
    if raw:
        return query
    words = re.sub(r"'s\b", "", query.lower()).replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", words).split())


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            qid, _, text = line.rstrip("\n").partition("\t")
            if qid and text.strip():
                queries.append((qid, text))
    return queries


def newest_mtime(directory):
    newest = os.stat(directory).st_mtime
    with os.scandir(directory) as entries:
        for entry in entries:
            newest = max(newest, entry.stat().st_mtime)
    return newest


def ensure_index(args, name, docs, db):
    fresh = os.path.isdir(db) and os.stat(db).st_mtime >= newest_mtime(docs)
    if fresh and not args.reindex:
        return
    shutil.rmtree(db, ignore_errors=True)
    done = subprocess.run([os.path.join(args.build, "indexer/gazette-index"), docs, "--db", db, "-q"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{name}: gazette-index failed ({done.returncode}): {done.stderr.strip()}")


def search(args, db, query):
    command = [os.path.join(args.build, "searcher/gazette-search"), "--db", db, "--json",
               "--limit", "1000", "--all-versions", *args.search_arg, "--", query]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"gazette-search failed on {query!r}: {done.stderr.strip()}")
    docs = []
    for line in done.stdout.splitlines():
        hit = json.loads(line)
        if hit.get("type") == "hit":
            docs.append(relevance_score.doc_key(hit["id"]))
    return docs


def run_collection(args, collection):
    name = os.path.basename(os.path.normpath(collection))
    docs = os.path.join(collection, "docs")
    db = os.path.join(args.work, name + ".db")
    ensure_index(args, name, docs, db)
    queries = read_queries(os.path.join(collection, "queries.tsv"))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        ranked = list(pool.map(lambda q: search(args, db, typed(q[1], args.raw)), queries))
    run_path = os.path.join(args.work, name + ".run")
    with open(run_path, "w", encoding="utf-8") as out:
        for (qid, _), docs_ranked in zip(queries, ranked):
            for rank, doc in enumerate(docs_ranked, 1):
                out.write(f"{qid}\t{rank}\t{doc}\n")
    judged = relevance_score.read_qrels(os.path.join(collection, "qrels.tsv"))
    graded_path = os.path.join(collection, "qrels_graded.tsv")
    graded = relevance_score.read_qrels(graded_path) if os.path.exists(graded_path) else judged
    run = relevance_score.read_run(run_path)
    totals = defaultdict(float)
    for qid, relevant in judged.items():
        scores = relevance_score.score_query(relevant, run.get(qid, []))
        scores["nDCG@10"] = relevance_score.score_query(graded.get(qid, relevant), run.get(qid, []))["nDCG@10"]
        for metric in METRICS:
            totals[metric] += scores[metric]
    return name, {m: totals[m] / len(judged) for m in METRICS}, len(judged)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("collections", nargs="+", metavar="COLLECTION")
    parser.add_argument("--build", default="build", help="build directory (default: build)")
    parser.add_argument("--work", default="/tmp/gazette-relevance", help="indexes and run files")
    parser.add_argument("--reindex", action="store_true", help="build every index again")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="queries at once")
    parser.add_argument("--raw", action="store_true", help="pass each query line as it is")
    parser.add_argument("--search-arg", action="append", default=[],
                        help="an extra gazette-search argument (repeatable)")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rows = [run_collection(args, c) for c in args.collections]
    print(f"{'collection':<12} {'queries':>7} " + " ".join(f"{m:>8}" for m in METRICS))
    for name, scores, count in rows:
        print(f"{name:<12} {count:>7} " + " ".join(f"{scores[m]:>8.4f}" for m in METRICS))
    if len(rows) > 1:
        means = {m: sum(r[1][m] for r in rows) / len(rows) for m in METRICS}
        print(f"{'mean':<12} {'':>7} " + " ".join(f"{means[m]:>8.4f}" for m in METRICS))


if __name__ == "__main__":
    main()
