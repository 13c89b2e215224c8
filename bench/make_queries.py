#!/usr/bin/env python3
"""Build the fixed, deterministic query mix of the benchmark from a corpus.

    bench/make_queries.py --corpus DIR --out QUERIES.jsonl [--count 200] [--seed 1]

The mix is drawn from the corpus itself, so it works on any corpus (the generated one, Reuters):
the article files are read (all of them, or an evenly spaced sample of at most --sample files),
words are counted by document frequency (df: the share of sampled articles containing them) and
queries are drawn from frequency bands. For --count 200 the mix is:

| class       | n  | what                                                                        |
|-------------|----|-----------------------------------------------------------------------------|
| w1-common   | 20 | one word with df 10-50 %                                                    |
| w1-frequent | 20 | one word with df 1-10 %                                                     |
| w1-medium   | 20 | one word with df 0.1-1 % (at least 3 sampled articles)                      |
| w1-rare     | 10 | one word in 1-2 sampled articles                                            |
| w2          | 30 | two words (bands mixed), default operator (OR: more words rank higher)      |
| w3          | 20 | three words, same                                                           |
| phrase2     | 20 | an exact two-word phrase taken from an article line                         |
| phrase3     | 10 | an exact three-word phrase taken from an article line                       |
| speaker     | 20 | a speaker filter (a full name found by the regex attribution; half of them among |
|             |    | the 50 most quoted) + a word of an article quoting them (frequent band if any) |
| daterange   | 20 | a date range of 1, 3, 12 or 36 whole months starting at the month of a       |
|             |    | sampled article + a frequent word                                           |
| facets      | 10 | a common or frequent word with facets on (speakers, sources, months)         |

Other counts scale the classes proportionally. Words are ASCII letters only, at least 3 long.
Each output line is one JSON object: id, class, words (list), phrase (list or null),
speaker (str or null), from/to (YYYY-MM or null), facets (bool). Same corpus + seed -> same file.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import sys

import corpus_lib

CLASSES = [  # (class, share of 200)
    ("w1-common", 20), ("w1-frequent", 20), ("w1-medium", 20), ("w1-rare", 10),
    ("w2", 30), ("w3", 20), ("phrase2", 20), ("phrase3", 10),
    ("speaker", 20), ("daterange", 20), ("facets", 10),
]
WORD = re.compile(r"[a-z]{3,}")
# Words separated by single spaces, no punctuation inside, not glued to an apostrophe, hyphen or
# full stop at either end (so no "s unemployment rate" out of "U.S.'s unemployment rate").
RUN = re.compile(r"(?<![\w'\u2019.-])[A-Za-z]+(?: [A-Za-z]+)+(?![\w'\u2019-])")


def month_index(ym: str) -> int:
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1


def month_name(i: int) -> str:
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=20_000,
                    help="read at most this many articles, evenly spaced (default 20000)")
    args = ap.parse_args(argv)
    rng = random.Random(f"gazette-bench-queries-{args.seed}")

    files = corpus_lib.article_files(args.corpus)
    if not files:
        ap.error(f"no article files under {args.corpus}")
    step = max(1, -(-len(files) // args.sample))
    sample = files[::step]

    df: collections.Counter = collections.Counter()
    speakers: collections.Counter = collections.Counter()
    speaker_docs: dict[str, list[int]] = collections.defaultdict(list)  # -> doc_words indexes
    doc_words: list[set[str]] = []  # word sets of the sampled articles that quote someone
    months: list[int] = []
    lines: list[str] = []  # text lines of a sub-sample, phrase sources
    for n, rel in enumerate(sample):
        art = corpus_lib.parse_article(corpus_lib.read_text(os.path.join(args.corpus, rel)))
        text = art["title"] + "\n" + art["body"]
        words = set(WORD.findall(text.lower()))
        df.update(words)
        names = corpus_lib.crude_speakers(art["body"])
        speakers.update(names)
        for name in names:
            if len(speaker_docs[name]) < 20:
                speaker_docs[name].append(len(doc_words))
        if names:
            doc_words.append(words)
        if art["date"]:
            months.append(month_index(art["date"]))
        if n % 10 == 0:
            lines += [ln.strip() for ln in art["body"].split("\n") if ln.strip()]
    ns = len(sample)

    def band(lo: float, hi: float, min_docs: int = 1) -> list[str]:
        return sorted(w for w, c in df.items() if lo * ns <= c < hi * ns and c >= min_docs)

    bands = {
        "common": band(0.10, 0.50),
        "frequent": band(0.01, 0.10),
        "medium": band(0.001, 0.01, 3),
        "rare": sorted(w for w, c in df.items() if c <= 2),
    }
    order = ["common", "frequent", "medium", "rare"]
    for name in order:  # an empty band borrows from its neighbour
        if not bands[name]:
            i = order.index(name)
            for other in order[i + 1:] + order[:i][::-1]:
                if bands[other]:
                    print(f"make_queries: band {name} is empty, using {other}", file=sys.stderr)
                    bands[name] = bands[other]
                    break
    top = {w for w, _ in df.most_common(60)}
    band_set = {b: set(ws) for b, ws in bands.items()}

    def word(band_name: str) -> str:
        return rng.choice(bands[band_name])

    def phrase(length: int) -> list[str]:
        for _ in range(10_000):
            runs = [r for r in RUN.findall(rng.choice(lines)) if r.count(" ") + 1 >= length]
            if not runs:
                continue
            ws = rng.choice(runs).lower().split(" ")
            start = rng.randrange(len(ws) - length + 1)
            ws = ws[start:start + length]
            if all(len(w) >= 2 for w in ws) and any(w not in top and len(w) >= 3 for w in ws):
                return ws
        raise SystemExit("make_queries: could not find phrases in the corpus")

    speaker_names = sorted(speakers, key=lambda s: (-speakers[s], s))
    popular, others = speaker_names[:50], speaker_names[50:]

    def speaker(k: int) -> tuple[str, str]:
        """A speaker (popular ones for even k) and a word of one of the articles quoting them,
        from the frequent band if it has one, so that the query has at least one hit."""
        pool = popular if (k % 2 == 0 or not others) else others
        name = rng.choice(pool)
        words = sorted(doc_words[rng.choice(speaker_docs[name])] - set(name.lower().split()))
        for b in ("frequent", "medium", "common"):
            in_band = [w for w in words if w in band_set[b]]
            if in_band:
                return name, rng.choice(in_band)
        return name, rng.choice(words)

    lo_m, hi_m = (min(months), max(months)) if months else (None, None)

    total_share = sum(s for _, s in CLASSES)
    counts = [(c, round(args.count * s / total_share)) for c, s in CLASSES]
    queries = []
    for cls, n in counts:
        for k in range(n):
            q = {"class": cls, "words": [], "phrase": None, "speaker": None,
                 "from": None, "to": None, "facets": False}
            if cls.startswith("w1-"):
                q["words"] = [word(cls[3:])]
            elif cls in ("w2", "w3"):
                q["words"] = [word(order[(k + j) % 3]) for j in range(int(cls[1]))]
            elif cls.startswith("phrase"):
                q["phrase"] = phrase(int(cls[-1]))
            elif cls == "speaker":
                if not speaker_names:
                    q["class"], q["words"] = "w1-frequent", [word("frequent")]
                else:
                    name, w = speaker(k)
                    q["speaker"], q["words"] = name, [w]
            elif cls == "daterange":
                q["words"] = [word("frequent")]
                if lo_m is not None:
                    length = (1, 3, 12, 36)[k % 4]
                    length = min(length, hi_m - lo_m + 1)
                    # start at the month of a sampled article, so the range is not empty
                    start = min(rng.choice(months), hi_m - length + 1)
                    q["from"], q["to"] = month_name(start), month_name(start + length - 1)
                else:
                    q["class"] = "w1-frequent"
            elif cls == "facets":
                q["words"] = [word("common" if k % 2 == 0 else "frequent")]
                q["facets"] = True
            queries.append(q)

    with open(args.out, "w", encoding="utf-8") as f:
        for i, q in enumerate(queries):
            f.write(json.dumps({"id": i, **q}, ensure_ascii=False) + "\n")
    print(f"make_queries: {len(queries)} queries from {ns} of {len(files)} articles "
          f"(bands: " + ", ".join(f"{b} {len(bands[b])}" for b in order) +
          f"; {len(speakers)} speakers; months {month_name(lo_m) if lo_m is not None else '-'}"
          f"..{month_name(hi_m) if hi_m is not None else '-'}) -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
