#!/usr/bin/env python3
"""Generate a deterministic, news-like corpus for benchmarking Gazette.

    bench/generate_corpus.py --articles N --out DIR [--seed S] [--jobs J]

Each article is a UTF-8 `.txt` file of about 2-3 KB:

    title: Central bank holds interest rates as borlaning traders wait
    date: 2013-06-21
    source: Capital Wire

    First paragraph …

    "Quoted words," Marek Tolvanen said. …

Files go to DIR/YYYY/MM/NNNNNN.txt (YYYY/MM is the article's date); when a month would hold
more than about 800 files (over ~240,000 articles) a bucket level is added:
DIR/YYYY/MM/bK/NNNNNNN.txt. Each file's modification time is set to its article date at 12:00 UTC,
so tools that date documents by mtime (Omega's omindex) see the same dates as the header.

Determinism: article i depends only on (seed, i) and on the vocabulary, which depends only on the
seed. The same --articles and --seed give byte-identical files (and identical mtimes) whatever
--jobs is. Standard library only.

Text model: a Zipfian (s = 1) vocabulary of ~52,000 word forms: ~200 English function words at
the top ranks, ~2,400 real English content word forms (nouns with plurals, regular verbs with
-s/-ed/-ing, adjectives) concentrated in the top ~8,000 ranks, and ~50,000 pseudo-words built from
syllables, many in several inflected forms (borlan, borlans, borlaned, borlaning) so that stemming
conflates them. Sentences draw words from that distribution; ~40% of sentences carry one of ~80
real collocations ("interest rates", "prime minister") so phrase queries have real targets.
Quotes are attributed to ~3,000 generated speakers (Zipfian popularity) in the shapes
`"…," Firstname Lastname said.`, `"…," Lastname said.`, `Lastname told reporters "…"`,
`"…," according to Firstname Lastname.` and `…, said Firstname Lastname.`.
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import datetime as _dt
import itertools
import math
import multiprocessing
import os
import random
import sys
import time

# --------------------------------------------------------------------------------------------
# Real English words
# --------------------------------------------------------------------------------------------

# Function words (and the most frequent irregular forms), roughly in order of frequency.
FUNCTION_WORDS = """
the of and to a in that is was for on it with as he by at said be this have from or had not but
are his her they which an were has been their will would its more who we also there after than
about when could into other only new some what up out if them two one can may over first last
she year years people all no so do did time government just these those between against during
under while before because where since per most such both then through until still many any each
three four five very well our us my me him you your i even however without another much back
around down off now here told according says say just being made make whether should must might
per cent percent week weeks month months day days yesterday today tomorrow monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august
september october november december million billion thousand hundred second third next former
several few own same though although within among across toward towards above below near far
again already never always often sometimes ever yet once twice half least less little lot lots
something nothing anything everything someone anyone everyone nobody none either neither nor how
why who whom whose whatever whichever whoever went gone came come took taken gave given saw seen
became become began begun won lost held met left fell fallen rose risen sold bought paid spent
kept brought thought found got gotten led ran known knew grew grown shown showed stood heard meant
""".split()

NOUNS = """
government minister president election vote voter campaign party parliament senate congress
court judge law lawyer police officer official spokesman spokeswoman statement report reporter
market price rate bank economy company business worker union strike wage job tax budget deficit
debt loan investor share stock bond currency dollar euro pound oil gas energy power plant factory
farmer crop harvest food water river city town village country region border state province
capital army soldier troop war attack bomb weapon missile ship boat plane airport flight train
road bridge building house home school student teacher university hospital doctor patient nurse
virus disease vaccine health drug trial study scientist research data computer internet phone
network website service system plan policy program project agreement deal treaty talk meeting
summit conference leader chief head director manager member group team player coach match game
season league title champion cup record goal point result winner loser fan crowd protest
protester demonstration rally march crisis problem issue question answer decision move step
change growth rise fall increase decline loss profit revenue sale sales customer consumer product
industry sector export import trade tariff sanction embassy ambassador diplomat envoy visit trip
tour ceremony festival film movie book author artist music song singer star actor show story
newspaper magazine television radio channel station broadcast interview speech address message
letter email document file case charge investigation inquiry probe evidence witness victim
suspect prisoner prison sentence fine penalty ban rule regulation reform bill measure proposal
amendment referendum poll survey majority minority opposition coalition cabinet ministry
department agency council committee commission board panel authority region district area zone
site center centre camp shelter refugee migrant family child children woman man mother father son
daughter brother sister friend neighbour neighbor community resident citizen population nation
people crowd force forces rebel militant fighter group gang criminal crime murder killing death
injury accident fire flood storm earthquake hurricane drought heat weather climate temperature
emission carbon pollution forest island coast sea ocean lake mountain valley desert field land
property estate rent mortgage housing shortage supply demand inflation recession recovery
stimulus package fund funding aid donation charity volunteer program scheme target limit deadline
period term quarter half history future past moment hour minute night morning evening weekend
holiday anniversary birthday event incident situation condition position role support pressure
concern fear hope risk threat danger warning alert emergency response effort attempt plan
strategy approach method technology device machine car vehicle truck bus engine fuel battery
network satellite space rocket mission launch station planet moon sun
""".split()

VERBS = """
announce accuse act add admit agree aim allow appear approve argue arrest ask attack attempt
back ban block boost call cancel cause challenge change charge check claim close collapse comment
complain complete confirm consider continue control count cover create criticize criticise cut
damage debate decide declare defend delay demand deny deploy describe destroy develop discover
discuss dismiss doubt drop earn elect end ensure expand expect explain express extend face fail
fear file finish fire follow force form gain greet handle happen help hope host ignore improve
include increase insist intend introduce invest investigate invite issue join jump kill land
last launch lead learn list live look lower maintain manage mark mention miss move name need
negotiate note object observe obtain offer open order organize organise own pass plan play point
post praise predict prepare present press prevent produce promise propose protect protest prove
provide publish pull push question raise reach react receive record recover reduce refuse reject
release rely remain remove repeat replace report request require rescue resign respond rest
restore return reveal review rule sail save score search secure seek seem serve settle share
shift shoot sign signal slow spark spend start state stay step stop strengthen stress struggle
suffer suggest support suspend target test threaten touch track train travel treat trigger
try turn urge use vote visit wait walk want warn watch welcome win wish work worry
""".split()

ADJECTIVES = """
new old big small large high low long short early late young strong weak major minor main key
public private political economic financial social military national international local
foreign domestic global regional federal official general senior junior chief top final full
free fair open closed clear hard easy important serious severe heavy light good bad better worse
best worst great real true false possible likely unlikely available able certain sure recent
current former previous next past future annual monthly daily weekly total average net gross
rich poor cheap expensive safe dangerous critical crucial urgent angry happy sad calm quiet busy
popular famous western eastern northern southern central rural urban independent democratic
conservative liberal green nuclear digital civil criminal legal illegal human natural medical
environmental industrial commercial strategic historic dramatic sharp steady stable modest
significant substantial massive tiny huge extra further special common rare similar different
long-term short-term so-called year-on-year cross-border
""".split()

COLLOCATIONS = """
prime minister|central bank|interest rates|trade deal|climate change|human rights|foreign minister
stock market|supreme court|election campaign|official results|oil prices|security council
public health|peace talks|ceasefire agreement|finance minister|press conference|police said
opposition leader|trade war|border crossing|state media|news agency|heavy rain|power cuts
exchange rate|budget deficit|labour market|labor market|housing market|economic growth
free and fair|last year|next year|this week|last week|earlier this month|on condition of anonymity
the united nations|the european union|the world bank|joint statement|national security
general election|presidential election|local elections|rescue workers|death toll|state of emergency
interior ministry|defence ministry|defense ministry|health ministry|fuel prices|food prices
tax cuts|job losses|record high|record low|half a century|in a statement|told reporters
according to officials|the white house|the kremlin|the federal reserve|crude oil|gold prices
carbon emissions|renewable energy|nuclear power|social media|artificial intelligence|data centre
""".replace("\n", "|").split("|")

SOURCES = [
    "Capital Wire", "Global Dispatch", "Northern Ledger", "The Harbour Times", "Evening Courier",
    "Metro Daily", "Continental Press", "The Valley Herald", "Coastal Observer", "Union Gazette",
    "Frontier Post", "The Morning Standard", "Republic Tribune", "Eastern Chronicle",
    "Southern Examiner", "Western Sentinel", "City Bulletin", "National Mirror", "The Plain Dealer",
    "Atlantic Monitor", "Pacific Journal", "Highland Record", "River Valley News",
    "The Daily Register", "Central Express", "Newswire International", "The Weekly Review",
    "Lakeside Telegraph", "Harbor Business Report", "Open Press Agency",
]

ROLES = [
    "a spokesman for the ministry", "a spokeswoman for the company", "an economist at the bank",
    "the mayor", "a senior official", "the head of the union", "an opposition lawmaker",
    "a local resident", "the police chief", "a political analyst", "the company's chief executive",
    "a government adviser", "the foreign minister", "a campaign manager", "a market strategist",
]

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

ONSETS = ("b c d f g h j k l m n p r s t v w z b c d f g h k l m n p r s t v "
          "br bl ch cl cr dr fl fr gl gr kr pl pr sh sk sl sp st th tr").split()
VOWELS = "a e i o u a e i o u a e i o u ai ea ou io".split()
CODAS = ["", "", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "x"]


def plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh", "z")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def verb_forms(verb: str) -> list[str]:
    if verb.endswith("e"):
        ed, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        ed, ing = verb[:-1] + "ied", verb + "ing"
    else:
        ed, ing = verb + "ed", verb + "ing"
    return [verb, plural(verb), ed, ing]


def real_content_words() -> list[str]:
    out: list[str] = []
    for noun in NOUNS:
        out += [noun, plural(noun)]
    for verb in VERBS:
        out += verb_forms(verb)
    out += ADJECTIVES
    return out


def dedupe(words):
    seen = set()
    result = []
    for w in words:
        if w not in seen:
            seen.add(w)
            result.append(w)
    return result


class Vocabulary:
    """Word forms ranked for a Zipf law, plus speakers; depends only on the seed."""

    PSEUDO_FORMS = 50_000
    TABLE_SIZE = 1 << 21
    SPEAKERS = 3_000

    def __init__(self, seed: int):
        rng = random.Random(f"gazette-bench-vocabulary-{seed}")
        function_words = dedupe(FUNCTION_WORDS)
        taken = set(function_words)
        content = [w for w in dedupe(real_content_words()) if w not in taken]
        taken.update(content)

        # Pseudo-words: unique stems of 2-3 syllables, each in 1-4 inflected forms.
        pseudo: list[str] = []
        while len(pseudo) < self.PSEUDO_FORMS:
            stem = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                           for _ in range(rng.choice((1, 2, 2, 2, 3))))
            if not 4 <= len(stem) <= 9 or stem in taken:
                continue
            forms = [stem]
            r = rng.random()
            if r < 0.45:
                forms += [plural(stem)]
            if r < 0.25:
                forms += [stem + "ed", stem + "ing"]
            forms = [f for f in forms if f not in taken]
            taken.update(forms)
            pseudo += forms
        del pseudo[self.PSEUDO_FORMS:]

        # Function words take the top ranks; real content words are spread over the next ~8,000
        # ranks, pseudo-words over all the others.
        keyed = [(rng.uniform(0, 8_000), w) for w in content]
        keyed += [(rng.uniform(0, len(pseudo) + len(content)), w) for w in pseudo]
        keyed.sort()
        self.words: list[str] = function_words + [w for _, w in keyed]
        # Sampling table: each word repeated in proportion to 1/rank (at least once), so that a
        # draw is one uniform index instead of a binary search over cumulative weights.
        harmonic = sum(1.0 / (rank + 1) for rank in range(len(self.words)))
        scale = self.TABLE_SIZE / harmonic
        self.table: list[str] = []
        for rank, w in enumerate(self.words):
            self.table += [w] * max(1, round(scale / (rank + 1)))
        self.function_words = frozenset(function_words)
        self.collocations = [c.strip() for c in COLLOCATIONS if c.strip()]
        self.colloc_cum = list(itertools.accumulate(
            1.0 / (rank + 1) ** 0.7 for rank in range(len(self.collocations))))

        # Speakers: generated first and last names, capitalised; Zipfian popularity.
        def name(syllables: tuple[int, ...], suffixes: tuple[str, ...]) -> str:
            n = rng.choice(syllables)
            base = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(n))
            return (base + rng.choice(suffixes)).capitalize()

        firsts = dedupe(name((1, 2, 2), ("", "a", "o", "n", "el", "ik", "ine", "as"))
                        for _ in range(600))[:400]
        lasts = dedupe(name((2, 2, 3), ("n", "nen", "ski", "son", "ez", "er", "ov", "ani", "ton",
                                         "berg", "ley", "ard")) for _ in range(4_000))[:2_600]
        lasts = [w for w in lasts if w.lower() not in taken]
        speakers = dedupe((rng.choice(firsts), rng.choice(lasts)) for _ in range(4_000))
        self.speakers = speakers[:self.SPEAKERS]
        self.speaker_cum = list(itertools.accumulate(
            1.0 / (rank + 1) ** 0.8 for rank in range(len(self.speakers))))
        self.source_cum = list(itertools.accumulate(
            1.0 / (rank + 1) ** 0.5 for rank in range(len(SOURCES))))


# --------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------

START = _dt.date(2000, 1, 1)
DAYS = (_dt.date(2024, 12, 31) - START).days + 1


def pick(rng: random.Random, items, cum):
    return items[bisect.bisect_right(cum, rng.random() * cum[-1], 0, len(cum) - 1)]


class ArticleWriter:
    def __init__(self, vocab: Vocabulary, seed: int):
        self.v = vocab
        self.seed = seed

    def words(self, rng, k):
        return rng.choices(self.v.table, k=k)

    def number(self, rng):
        r = rng.random()
        if r < 0.4:
            return str(rng.randint(2, 99))
        if r < 0.7:
            return f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"
        if r < 0.85:
            return f"{rng.randint(1, 20)}.{rng.randint(1, 9)}"
        return str(rng.randint(1950, 2024))

    def clause(self, rng, lo, hi):
        ws = self.words(rng, rng.randint(lo, hi))
        if rng.random() < 0.4:
            ws.insert(rng.randrange(len(ws) + 1), pick(rng, self.v.collocations, self.v.colloc_cum))
        if rng.random() < 0.2:
            ws.insert(rng.randrange(len(ws) + 1), self.number(rng))
        if len(ws) > 9 and rng.random() < 0.5:
            ws[rng.randrange(3, len(ws) - 3)] += ","
        return ws

    def sentence(self, rng):
        ws = self.clause(rng, 8, 22)
        s = " ".join(ws).rstrip(",")
        return s[0].upper() + s[1:] + "."

    def quote_text(self, rng):
        s = " ".join(self.clause(rng, 6, 14)).rstrip(",")
        return s[0].upper() + s[1:]

    def quote(self, rng, speaker, introduced):
        first, last = speaker
        full = f"{first} {last}"
        q = self.quote_text(rng)
        if not introduced:
            shape = rng.randrange(4)
            if shape == 0:
                return f"\u201c{q},\u201d {full} said." if rng.random() < 0.1 else f'"{q}," {full} said.'
            if shape == 1:
                return f'"{q}," according to {full}.'
            if shape == 2:
                return f'"{q}," said {full}, {rng.choice(ROLES)}.'
            return f'{full}, {rng.choice(ROLES)}, told reporters "{q}."'
        shape = rng.randrange(3)
        if shape == 0:
            return f'"{q}," {last} said.'
        if shape == 1:
            return f'{last} told reporters "{q}."'
        s = self.sentence(rng)
        return f'{last} told reporters that {s[0].lower()}{s[1:]}'

    def title(self, rng):
        n = rng.randint(5, 10)
        ws: list[str] = []
        while len(ws) < n:  # content words only: about half of the draws are function words
            ws += [w for w in rng.choices(self.v.table, k=2 * n) if w not in self.v.function_words]
        del ws[n:]
        if rng.random() < 0.5:
            ws.insert(rng.randrange(len(ws) + 1), pick(rng, self.v.collocations, self.v.colloc_cum))
        t = " ".join(ws)
        return t[0].upper() + t[1:]

    def article(self, i):
        rng = random.Random(self.seed * 1_000_003 + i * 7919 + 17)
        date = START + _dt.timedelta(days=rng.randrange(DAYS))
        source = pick(rng, SOURCES, self.v.source_cum)
        title = self.title(rng)
        header = f"title: {title}\ndate: {date.isoformat()}\nsource: {source}\n\n"
        target = rng.randint(2_000, 2_700) - len(header)
        limit = 3_000 - len(header)

        n_speakers = rng.choices((0, 1, 2, 3), weights=(15, 40, 30, 15))[0]
        speakers = dedupe(pick(rng, self.v.speakers, self.v.speaker_cum) for _ in range(n_speakers))
        introduced: set = set()
        paragraphs: list[str] = []
        size = 0
        while size < target:
            sentences = [self.sentence(rng) for _ in range(rng.randint(2, 4))]
            quote_at = -1
            pending = [s for s in speakers if s not in introduced]
            if speakers and (rng.random() < 0.55 or (pending and size > target * 0.5)):
                sp = pending[0] if pending else speakers[len(paragraphs) % len(speakers)]
                quote_at = rng.randrange(1, len(sentences) + 1)
                sentences.insert(quote_at, self.quote(rng, sp, sp in introduced))
                introduced.add(sp)
            # Keep the file under 3,000 bytes: drop plain sentences (never the quote) from the end.
            while size + sum(map(len, sentences)) + len(sentences) + 1 > limit and len(sentences) > 1:
                drop = len(sentences) - 1 if quote_at != len(sentences) - 1 else len(sentences) - 2
                del sentences[drop]
                if drop < quote_at:
                    quote_at -= 1
            p = " ".join(sentences)
            if size + len(p) + 2 > limit and paragraphs:
                break
            paragraphs.append(p)
            size += len(p) + 2
        body = "\n\n".join(paragraphs) + "\n"
        return date, header + body


def article_path(out, i, date, buckets, width):
    parts = [out, f"{date.year:04d}", f"{date.month:02d}"]
    if buckets > 1:
        parts.append(f"b{i % buckets}")
    parts.append(f"{i:0{width}d}.txt")
    return os.path.join(*parts)


_WORKER = None


def _init_worker(seed, out, buckets, width):
    global _WORKER
    _WORKER = (ArticleWriter(Vocabulary(seed), seed), out, buckets, width, set())


def _write_range(bounds):
    writer, out, buckets, width, made = _WORKER
    start, end = bounds
    total = 0
    for i in range(start, end):
        date, text = writer.article(i)
        path = article_path(out, i, date, buckets, width)
        d = os.path.dirname(path)
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        ts = calendar.timegm((date.year, date.month, date.day, 12, 0, 0))
        os.utime(path, (ts, ts))
        total += len(data)
    return end - start, total


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, required=True, help="number of articles")
    ap.add_argument("--out", required=True, help="output directory (must not exist or be empty)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="worker processes (default: one per core); does not change the output")
    args = ap.parse_args(argv)
    if args.articles < 1:
        ap.error("--articles must be at least 1")
    if os.path.exists(args.out) and os.listdir(args.out):
        ap.error(f"{args.out} exists and is not empty")
    os.makedirs(args.out, exist_ok=True)

    months = 25 * 12
    buckets = max(1, math.ceil(args.articles / months / 800))
    width = max(6, len(str(args.articles - 1)))
    chunk = 500
    ranges = [(s, min(s + chunk, args.articles)) for s in range(0, args.articles, chunk)]
    t0 = time.perf_counter()
    files = size = 0
    initargs = (args.seed, args.out, buckets, width)
    if args.jobs <= 1 or len(ranges) == 1:
        _init_worker(*initargs)
        results = map(_write_range, ranges)
        for n, b in results:
            files += n
            size += b
    else:
        with multiprocessing.get_context("fork").Pool(args.jobs, _init_worker, initargs) as pool:
            for n, b in pool.imap_unordered(_write_range, ranges):
                files += n
                size += b
    dt = time.perf_counter() - t0
    print(f"generate_corpus: {files} articles, {size / 1e6:.1f} MB in {args.out} "
          f"(seed {args.seed}) in {dt:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
