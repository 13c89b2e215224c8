#!/usr/bin/env python3
"""Precision and recall of the syndicated-copy detector (shared/index/fingerprint.hpp,
story_pass.hpp) on labelled pairs built from a corpus of text articles (`title:`/`date:` header,
blank line, body), e.g. Reuters-21578 as converted in ../shared/corpora/reuters21578/docs.

    bench/near_duplicates.py CORPUS_DOCS [--build DIR] [--work DIR] [--pairs N]
                             [--thresholds 0.3,0.4,...] [--seed S]

Pairs (each article is used in one pair only):
  copy       an article and a syndicated copy made from it the way outlets edit wire copy: a new
             headline and another source, plus two of: the last paragraph dropped, a closing
             credit line added, a few words changed (one in 40), a sentence dropped, the
             paragraphs re-broken. Should be found.
  duplicate  two articles of the corpus whose bodies are identical once whitespace is ignored
             (the corpus's own re-sent stories). Should be found.
  same-event two different articles from the same day that share many words (cosine of word
             counts >= 0.5) but fewer than 20% of their sentences: different stories about one
             event. Must be kept apart.
Pairs that share 20-90% of their sentences (updates, re-writes) are ambiguous and left out.

Every article of every pair goes into one corpus indexed by gazette-index with each
--copy-threshold; a pair counts as found when both articles get the same story id (the `story`
field of `gazette-search --json --all-versions`). Copies found between articles of different
pairs are counted too (as false positives unless both are in one copy or duplicate pair).
"""
import argparse
import collections
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys

WORD = re.compile(r"[a-z0-9]+")


def read_article(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    header, _, body = text.partition("\n\n")
    fields = {}
    for line in header.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    # Paragraphs: the corpus indents them; a blank line also ends one.
    paragraphs, current = [], []
    for line in body.splitlines():
        if (not line.strip() or line.startswith("    ")) and current:
            paragraphs.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return {"title": fields.get("title", ""), "date": fields.get("date", ""), "paragraphs": paragraphs}


def words(text):
    return WORD.findall(text.lower())


def sentences(article):
    out = set()
    for p in article["paragraphs"]:
        for s in re.split(r"(?<=[.!?])\s+", p):
            w = " ".join(words(s))
            if len(w.split()) >= 4:
                out.add(w)
    return out


def cosine(a, b):
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


STOP = set("the a an of to in and or for on at by with from is was are were be been it its this that "
           "said says will would has have had not but as he she they we mln dlrs pct vs cts lt "
           "year last new also which".split())


def make_copy(article, rng):
    paragraphs = list(article["paragraphs"])
    edits = rng.sample(["trim", "credit", "words", "sentence", "rebreak"], 2)
    if "trim" in edits and len(paragraphs) > 2:
        paragraphs = paragraphs[:-1]
    if "words" in edits:
        fillers = ["about", "nearly", "some", "roughly", "reportedly", "also"]
        out = []
        for p in paragraphs:
            ws = p.split()
            for i in range(len(ws)):
                if rng.random() < 1 / 40:
                    ws[i] = rng.choice(fillers)
            out.append(" ".join(ws))
        paragraphs = out
    if "sentence" in edits:
        p = rng.randrange(len(paragraphs))
        parts = re.split(r"(?<=[.!?])\s+", paragraphs[p])
        if len(parts) > 1:
            del parts[rng.randrange(len(parts))]
            paragraphs[p] = " ".join(parts)
    if "rebreak" in edits:
        joined = " ".join(paragraphs).split()
        paragraphs = [" ".join(joined[i:i + 35]) for i in range(0, len(joined), 35)]
    if "credit" in edits:
        paragraphs.append("(Additional reporting by our correspondents; edited by the night desk)")
    return {"title": "Copy: " + " ".join(reversed(article["title"].split())), "date": article["date"],
            "paragraphs": paragraphs}, edits


def write_article(path, article, source):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"title: {article['title']}\ndate: {article['date']}\nsource: {source}\n\n")
        f.write("\n\n".join(article["paragraphs"]) + "\n")


def build_pairs(docs_dir, n, rng):
    names = sorted(os.listdir(docs_dir), key=lambda s: (len(s), s))
    articles = {}
    for name in names:
        a = read_article(os.path.join(docs_dir, name))
        if len(words(" ".join(a["paragraphs"]))) >= 30:
            articles[name] = a
    used = set()
    pairs = []  # (kind, a_name, a_article, b_name, b_article)
    # The corpus's own duplicates: identical bodies.
    by_body = collections.defaultdict(list)
    for name, a in articles.items():
        by_body[" ".join(words(" ".join(a["paragraphs"])))].append(name)
    for group in by_body.values():
        if len(group) >= 2 and len(pairs) < n // 3:
            x, y = group[0], group[1]
            pairs.append(("duplicate", x, articles[x], y, articles[y]))
            used.update([x, y])
    # Different stories about one event: same day, many shared words, few shared sentences.
    by_date = collections.defaultdict(list)
    for name, a in articles.items():
        if name not in used:
            by_date[a["date"]].append(name)
    candidates = []
    bags = {name: collections.Counter(w for w in words(" ".join(a["paragraphs"])) if w not in STOP)
            for name, a in articles.items()}
    ambiguous = 0
    for date, group in by_date.items():
        group = group[:200]
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                x, y = group[i], group[j]
                c = cosine(bags[x], bags[y])
                if c < 0.5:
                    continue
                sx, sy = sentences(articles[x]), sentences(articles[y])
                shared = len(sx & sy) / max(1, min(len(sx), len(sy)))
                if shared >= 0.9:
                    continue  # a duplicate the exact test missed (punctuation): not a negative
                if shared >= 0.2:
                    ambiguous += 1
                    continue
                candidates.append((c, x, y))
    rng.shuffle(candidates)
    for c, x, y in candidates:
        if len([p for p in pairs if p[0] == "same-event"]) >= n:
            break
        if x in used or y in used:
            continue
        pairs.append(("same-event", x, articles[x], y, articles[y]))
        used.update([x, y])
    # Synthetic copies of articles not used yet.
    rest = [name for name in articles if name not in used]
    rng.shuffle(rest)
    for name in rest[:n]:
        copy, edits = make_copy(articles[name], rng)
        pairs.append(("copy+" + "+".join(sorted(edits)), name, articles[name], name + "-copy", copy))
        used.add(name)
    return pairs, ambiguous


def run_threshold(pairs, corpus, build, work, threshold):
    db = os.path.join(work, f"idx-{threshold}")
    shutil.rmtree(db, ignore_errors=True)
    subprocess.run([os.path.join(build, "indexer/gazette-index"), corpus, "--db", db, "--quiet",
                    "--copy-threshold", str(threshold)], check=True)
    out = subprocess.run([os.path.join(build, "searcher/gazette-search"), "--db", db, "--json",
                          "--all-versions", "--limit", "10000", "date:1900..2100"],
                         capture_output=True, text=True, check=True).stdout
    story = {}
    for line in out.splitlines():
        j = json.loads(line)
        if j.get("type") == "hit":
            story[os.path.splitext(os.path.basename(j["id"]))[0]] = j["story"]
    return story


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs")
    ap.add_argument("--build", default="build")
    ap.add_argument("--work", default="/tmp/gazette-near-duplicates")
    ap.add_argument("--pairs", type=int, default=300, help="pairs of each kind (default 300)")
    ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7,0.8")
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pairs, ambiguous = build_pairs(args.docs, args.pairs, rng)
    corpus = os.path.join(args.work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(corpus)
    positive = set()
    for kind, x, a, y, b in pairs:
        write_article(os.path.join(corpus, x + ".txt"), a, "Wire A")
        write_article(os.path.join(corpus, y + ".txt"), b, "Outlet B")
        if kind != "same-event":
            positive.add(frozenset((x, y)))
    kinds = collections.Counter(p[0].split("+")[0] for p in pairs)
    print(f"pairs: {dict(kinds)}; ambiguous same-day pairs left out: {ambiguous}")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'copy':>6} {'dup':>6} {'same-event merged':>17} {'other merged':>12}")
    for t in [float(x) for x in args.thresholds.split(",")]:
        story = run_threshold(pairs, corpus, args.build, args.work, t)
        found = collections.Counter()
        total = collections.Counter()
        for kind, x, _, y, _ in pairs:
            k = kind.split("+")[0]
            total[k] += 1
            found[k] += story.get(x) is not None and story.get(x) == story.get(y)
        # Every pair of articles the index put in one story.
        groups = collections.defaultdict(list)
        for name, s in story.items():
            groups[s].append(name)
        predicted = set()
        for members in groups.values():
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    predicted.add(frozenset((members[i], members[j])))
        true_positive = len(predicted & positive)
        precision = true_positive / len(predicted) if predicted else 1.0
        recall = true_positive / len(positive) if positive else 1.0
        other = len(predicted - positive) - found["same-event"]
        print(f"{t:>9.2f} {precision:>9.3f} {recall:>7.3f} {found['copy']:>3}/{total['copy']:<3}"
              f"{found['duplicate']:>3}/{total['duplicate']:<3} {found['same-event']:>8}/{total['same-event']:<8} {other:>12}")
        # Recall by kind of edit, for the threshold's write-up.
        by_edit = collections.Counter()
        by_edit_total = collections.Counter()
        for kind, x, _, y, _ in pairs:
            if kind.startswith("copy"):
                by_edit_total[kind] += 1
                by_edit[kind] += story.get(x) == story.get(y)
        print("           " + ", ".join(f"{k[5:]} {by_edit[k]}/{by_edit_total[k]}" for k in sorted(by_edit_total)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
