#!/usr/bin/env python3
"""Scores a ranked run against relevance judgments, with trec_eval's definitions.

    bench/relevance_score.py QRELS RUN [--per-query]

QRELS: `qid<TAB>docid<TAB>grade` (grade > 0 is relevant; a 4-column TREC qrels file works too).
RUN:   `qid<TAB>rank<TAB>docid`, in rank order per query (the file's order counts; a document
       repeated for a query counts once). A doc id compares without its directory and its
       .txt/.html/.json ending, so `docs/17.txt` is `17`.

Prints MAP, nDCG@10, P@10 and R@100, each the mean over the queries that have at least one
relevant document (a query missing from the run scores 0):
- AP: the sum of the precision at the rank of each relevant document retrieved, divided by the
  number of relevant documents (trec_eval `map`).
- nDCG@10: DCG = sum of (2^grade - 1) / log2(rank + 1) over the first 10, divided by the DCG of
  the ideal order of the judged documents (binary judgments make it trec_eval's `ndcg_cut_10`).
- P@10: relevant documents in the first 10, divided by 10 (trec_eval `P_10`).
- R@100: relevant documents in the first 100, divided by the number of relevant ones.
"""
import math
import re
import sys
from collections import defaultdict


def doc_key(text):
    return re.sub(r"\.(txt|text|md|html?|json)$", "", text.strip().rsplit("/", 1)[-1])


def read_qrels(path):
    judged = defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) == 4:
                qid, _, doc, grade = fields
            elif len(fields) == 3:
                qid, doc, grade = fields
            else:
                continue
            if int(grade) > 0:
                judged[qid][doc_key(doc)] = int(grade)
    return judged


def read_run(path):
    ranked = defaultdict(list)
    seen = defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            key = doc_key(fields[2])
            if key not in seen[fields[0]]:
                seen[fields[0]].add(key)
                ranked[fields[0]].append(key)
    return ranked


def score_query(relevant, ranked):
    found = 0
    precision_sum = 0.0
    for rank, doc in enumerate(ranked, 1):
        if doc in relevant:
            found += 1
            precision_sum += found / rank
    dcg = sum((2 ** relevant.get(doc, 0) - 1) / math.log2(rank + 1)
              for rank, doc in enumerate(ranked[:10], 1))
    ideal = sorted(relevant.values(), reverse=True)[:10]
    idcg = sum((2 ** grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(ideal, 1))
    return {
        "MAP": precision_sum / len(relevant),
        "nDCG@10": dcg / idcg,
        "P@10": sum(1 for doc in ranked[:10] if doc in relevant) / 10,
        "R@100": sum(1 for doc in ranked[:100] if doc in relevant) / len(relevant),
    }


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    judged = read_qrels(argv[1])
    run = read_run(argv[2])
    if not judged:
        sys.exit(f"{argv[1]}: no relevant judgments")
    totals = defaultdict(float)
    for qid in sorted(judged, key=lambda q: (len(q), q)):
        scores = score_query(judged[qid], run.get(qid, []))
        if "--per-query" in argv:
            print(qid, " ".join(f"{k} {v:.4f}" for k, v in scores.items()))
        for name, value in scores.items():
            totals[name] += value
    print(" ".join(f"{name} {value / len(judged):.4f}" for name, value in totals.items()),
          f"queries {len(judged)}")


if __name__ == "__main__":
    main(sys.argv)
