"""Shared helpers for the benchmark scripts: walking a corpus, reading article headers, a crude
regex attribution of quotes (for the SQLite FTS5 baseline and for picking speaker queries), and
the corpus preparation steps of run.sh (`python3 corpus_lib.py set-mtimes|modify|stats DIR`).

Standard library only.
"""

from __future__ import annotations

import calendar
import os
import re
import sys

ARTICLE_SUFFIXES = (".txt", ".text", ".md")  # what gazette-index reads (case-insensitive)
KNOWN_KEYS = {"title", "headline", "date", "published", "source", "publication", "url", "link",
              "author", "byline", "language", "lang"}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*):\s*(.*)$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def article_files(root: str) -> list[str]:
    """Paths relative to root of every article file, in a stable (sorted) order."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            if name.lower().endswith(ARTICLE_SUFFIXES):
                out.append(name if rel == "." else os.path.join(rel, name))
    out.sort()
    return out


def parse_article(text: str) -> dict:
    """title, date (YYYY-MM-DD or ''), source, body of a Gazette-style text article."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines) and lines[i].strip():
        m = _HEADER_LINE.match(lines[i].strip())
        if not m:
            break
        fields[m.group(1).lower()] = m.group(2).strip()
        i += 1
    if fields and KNOWN_KEYS & fields.keys() and (i >= len(lines) or not lines[i].strip()):
        body = "\n".join(lines[i + 1:])
    else:
        fields = {}
        body = text
    title = fields.get("title") or fields.get("headline") or ""
    if not title:
        for j, line in enumerate(body.split("\n")):
            if line.strip():
                title = line.strip()
                break
    date = fields.get("date") or fields.get("published") or ""
    m = _DATE.match(date)
    date = m.group(0) if m else ""
    source = fields.get("source") or fields.get("publication") or ""
    return {"title": title, "date": date, "source": source, "body": body}


# A capitalised name of two or three words (Marek Tolvanen, Jean-Luc Picard, Mary Ann Smith).
_NAME = r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})"
_SPEAKER_PATTERNS = [
    re.compile(r'[,.!?]["\u201d] ' + _NAME + r" (?:said|says|told|added)\b"),  # "…," Name said
    re.compile(r'[,.!?]["\u201d] (?:said|says|added) ' + _NAME + r"\b"),        # "…," said Name
    re.compile(r"\baccording to " + _NAME + r"\b"),                             # according to Name
    re.compile(_NAME + r", [^,\"\n]{3,60}, (?:said|told)\b"),                   # Name, a role, told
    re.compile(r"(?:^|[.!?,] )" + _NAME + r" (?:said|told reporters)\b"),       # Name said
]
_ORG_WORDS = {"Corp", "Inc", "Co", "Ltd", "Department", "Bureau", "Office", "Bank", "Board",
              "Group", "Ministry", "Agency", "Commission", "Committee", "Council", "Association",
              "Company", "Service", "Administration", "Canada", "General", "American", "National",
              "Federal", "United", "International", "Reserve", "Exchange", "Fund", "Trust"}
_TITLES = {"President", "Investor", "Chairman", "Minister", "Secretary", "Senator", "Governor",
           "Prime", "Spokesman", "Spokeswoman", "Analyst", "Economist", "Director", "Chief",
           "Representative", "Treasury", "Premier", "Mayor", "General", "Judge", "Dr", "Mr"}
_SPACES = re.compile(r"\s+")
_NOT_NAMES = {"The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "But",
              "And", "In", "On", "At", "A", "An", "Mr", "Mrs", "Ms", "Dr", "If", "When", "As"}


def crude_speakers(body: str) -> list[str]:
    """Full names attributed to quotes by five regular expressions: a deliberately simple
    stand-in for Gazette's attribution, good enough for the generated corpus."""
    seen: dict[str, None] = {}
    body = _SPACES.sub(" ", body)
    for pat in _SPEAKER_PATTERNS:
        for m in pat.finditer(body):
            name = m.group(1)
            parts = name.split(" ")
            if len(parts) > 2 and parts[0] in _TITLES:
                parts = parts[1:]
                name = " ".join(parts)
            if parts[0] in _NOT_NAMES or parts[-1] in _ORG_WORDS or parts[0] in _ORG_WORDS:
                continue
            seen.setdefault(name, None)
    return list(seen)


def read_text(path: str) -> str:
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace")


def date_mtime(date: str) -> int | None:
    m = _DATE.match(date)
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    try:
        return calendar.timegm((y, mo, d, 12, 0, 0))
    except (ValueError, OverflowError):
        return None


# ---------------------------------------------------------------------------------------------
# Commands used by run.sh
# ---------------------------------------------------------------------------------------------

def cmd_set_mtimes(root: str) -> None:
    """Set each article's mtime to its header date at 12:00 UTC (so omindex's date terms agree
    with the article dates). Files without a parsable date keep their mtime."""
    done = undated = 0
    for rel in article_files(root):
        path = os.path.join(root, rel)
        ts = date_mtime(parse_article(read_text(path))["date"])
        if ts is None:
            undated += 1
            continue
        os.utime(path, (ts, ts))
        done += 1
    print(f"set-mtimes: {done} files dated from their header, {undated} left as they were",
          file=sys.stderr)


def cmd_modify(root: str, fraction: float) -> None:
    """Append a paragraph to every k-th article (k = 1/fraction) in sorted order: deterministic."""
    files = article_files(root)
    step = max(1, round(1 / fraction))
    changed = 0
    for n, rel in enumerate(files):
        if n % step != step - 1:
            continue
        with open(os.path.join(root, rel), "a", encoding="utf-8") as f:
            f.write(f"\nUpdate: this article was revised after publication (revision {n}). "
                    "Officials later confirmed the figures given above.\n")
        changed += 1
    print(changed)


def cmd_stats(root: str) -> None:
    """Print `FILES BYTES` for the article files of a corpus (apparent sizes)."""
    files = article_files(root)
    size = sum(os.path.getsize(os.path.join(root, rel)) for rel in files)
    print(len(files), size)


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "set-mtimes":
        cmd_set_mtimes(argv[1])
    elif len(argv) >= 2 and argv[0] == "modify":
        cmd_modify(argv[1], float(argv[2]) if len(argv) > 2 else 0.01)
    elif len(argv) >= 2 and argv[0] == "stats":
        cmd_stats(argv[1])
    else:
        print("usage: corpus_lib.py set-mtimes DIR | modify DIR [FRACTION] | stats DIR",
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
