#!/usr/bin/env python3
"""Load a corpus into an SQLite FTS5 table: the "plain SQLite" baseline of the benchmark.

    bench/fts5_load.py --corpus DIR --db FILE.sqlite [--batch 1000]

One row per article file (sorted paths), in one table

    CREATE VIRTUAL TABLE docs USING fts5(title, body, speakers, date UNINDEXED,
        source UNINDEXED, path UNINDEXED, tokenize = 'porter unicode61');

title/date/source come from the `key: value` header (corpus_lib.parse_article, the same rules as
gazette-index's text reader, simplified); speakers are the full names found by five regular
expressions (corpus_lib.crude_speakers), joined by "; ". Rows are inserted with executemany in
transactions of --batch rows. No 'optimize' is run at the end (neither Gazette nor omindex
compacts its index either). Python standard library only (sqlite3 module).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time

import corpus_lib

SCHEMA = ("CREATE VIRTUAL TABLE docs USING fts5(title, body, speakers, date UNINDEXED, "
          "source UNINDEXED, path UNINDEXED, tokenize = 'porter unicode61')")


def rows(root: str, files: list[str]):
    for rel in files:
        art = corpus_lib.parse_article(corpus_lib.read_text(os.path.join(root, rel)))
        yield (art["title"], art["body"], "; ".join(corpus_lib.crude_speakers(art["body"])),
               art["date"] or None, art["source"], rel)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--batch", type=int, default=1000, help="rows per transaction (default 1000)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    if os.path.exists(args.db):
        os.remove(args.db)
    con = sqlite3.connect(args.db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute(SCHEMA)
    files = corpus_lib.article_files(args.corpus)
    it = rows(args.corpus, files)
    done = 0
    while True:
        batch = [r for _, r in zip(range(args.batch), it)]
        if not batch:
            break
        con.execute("BEGIN")
        con.executemany("INSERT INTO docs(title, body, speakers, date, source, path) "
                        "VALUES (?, ?, ?, ?, ?, ?)", batch)
        con.execute("COMMIT")
        done += len(batch)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(f"fts5_load: {done} articles in {time.perf_counter() - t0:.2f}s -> {args.db}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
