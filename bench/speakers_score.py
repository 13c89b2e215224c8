#!/usr/bin/env python3
"""Strict and lenient attribution scores on a corpus with a gold.jsonl (PolNeAR's layout).

gazette-speakers --gold scores strictly: a found (article, speaker) pair is right only when the
gold's `speakers` list has it. PolNeAR's gold also lists people quoted only through a pronoun
(`speakers_coref`), attributions whose cue is not a speech verb (`other_attributions`) and
ambiguous surnames (`uncertain`); the lenient score also accepts those, recall still over
`speakers`. Usage:
    bench/speakers_score.py build/tools/gazette-speakers CORPUS_DIR   (CORPUS_DIR holds docs/, gold.tsv, gold.jsonl)
"""
import json
import subprocess
import sys
import unicodedata
from pathlib import Path


def norm(name):
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c.lower() if c.isalnum() else " " for c in text)
    return " ".join(text.split())


def main():
    tool, corpus = sys.argv[1], Path(sys.argv[2])
    out = subprocess.run([tool, str(corpus / "docs"), "--gold", str(corpus / "gold.tsv")],
                         capture_output=True, text=True).stdout
    accepted = {}
    for line in (corpus / "gold.jsonl").read_text().splitlines():
        rec = json.loads(line)
        names = rec["speakers"] + rec["speakers_coref"] + rec["other_attributions"] + rec["uncertain"]
        accepted[rec["doc"] + ".txt"] = {norm(n) for n in names}
    wrong = lenient_wrong = 0
    found = expected = correct = 0
    for line in out.splitlines():
        parts = line.split("\t")
        if parts[0] == "wrong":
            wrong += 1
            if norm(parts[2]) not in accepted.get(parts[1], set()):
                lenient_wrong += 1
                if "-v" in sys.argv:
                    print(line)
        elif line.startswith("articles "):
            words = line.split()
            found, expected, correct = int(words[4]), int(words[6]), int(words[8])
    recall = correct / expected
    for label, bad in (("strict", wrong), ("lenient", lenient_wrong)):
        precision = (found - bad) / found
        f1 = 2 * precision * recall / (precision + recall)
        print(f"{label:8} found {found}  wrong {bad}  precision {precision:.3f}  "
              f"recall {recall:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
