#!/usr/bin/env python3
"""Writes the invented articles of tests/speakers_articles/ and their gold, one kind of sentence
from the speaker-attribution issue per template: doubled single marks, party tags, a comma before
the verb, job words before an inverted subject, reader quotes signed with a dash, "Name, Outlet:",
naming verbs, joint and shared subjects, pronouns and role nouns, passive "by", "Name:" and "had
this to say", with traps that must give nobody (headline fragments, credit lines, sport words,
misspelled titles, a relative with the same surname). All names and sentences are made up.

    python3 tests/speakers_articles/make_articles.py    # rewrites the *.txt and gold.tsv
"""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST = ["Aldric", "Brisa", "Caspian", "Delphine", "Evander", "Fenna", "Gideon", "Halvard",
         "Isolde", "Jovan", "Kestrel", "Linnea", "Magnus", "Nerys", "Orrin", "Perpetua",
         "Quillon", "Rosalind", "Soren", "Tamsin", "Ulric", "Verity", "Wystan", "Xanthe",
         "Yorick", "Zinnia", "Ansel", "Bettina", "Cosmo", "Dagny", "Emrys", "Florian", "Greer",
         "Hollis", "Ines", "Katya", "Leopold", "Maren", "Niamh", "Osric", "Petra", "Rhiannon",
         "Sabine", "Thaddeus", "Ursula", "Vesna", "Wendell", "Ysolde", "Zoltan", "Mireille"]
LAST = ["Ashgrove", "Brackwell", "Carrow", "Dunmere", "Elsworth", "Fairley", "Gorrin",
        "Hallowell", "Ibbotson", "Jarrow", "Lowther", "Marchetti", "Northby", "Pellham",
        "Quennell", "Rookwood", "Stanmore", "Thistlewood", "Underhill", "Varga", "Whitlock",
        "Yardley", "Zellner", "Abernathy", "Corvell", "Drummond", "Everly", "Fenwick", "Gaskell",
        "Ingleby", "Jessop", "Kilbride", "Lindqvist", "Moncrieff", "Nettleton", "Ormerod",
        "Pendry", "Radcliffe", "Sallow", "Tregarth", "Upfield", "Wexley", "Haldane", "Orsini",
        "Petrakis", "Soljak", "Brannock", "Castellane", "Dovecote", "Amberley"]
TOWNS = ["Millbrook", "Eastwick", "Harrowfield", "Stonemoor", "Redcliff", "Ashby Vale"]
STATES = [("D", "Ore."), ("R", "Texas"), ("I", "Vt."), ("D", "N.Y."), ("R", "Ga."), ("D", "Mo.")]
OUTLETS = ["Channel Nine News", "the Harbour Daily", "Radio Meridian", "the Valley Post"]
QUOTES = ["We are not going to give up on this town", "Nobody told us the bridge would close",
          "The numbers simply do not add up", "I have never seen a turnout like this",
          "This budget is a promise we can keep", "Our members voted for the deal",
          "The river has risen faster than anyone expected", "We will take this to court",
          "People here want jobs, not speeches", "It is too early to call the race",
          "The school will reopen in the spring", "We asked for a recount and we got one"]
CLAUSES = ["the council would vote again in March", "the plant would hire two hundred workers",
           "the road would stay closed for a month", "the report had been sent to the governor",
           "the strike could end by Friday", "the new tax would hit small farms"]


class Article:
    def __init__(self, rng, number):
        self.rng = rng
        self.number = number
        self.paragraphs = []
        self.speakers = []
        self.used = set()

    def person(self):
        while True:
            name = (self.rng.choice(FIRST), self.rng.choice(LAST))
            if name[0] not in {u[0] for u in self.used} and name[1] not in {u[1] for u in self.used}:
                self.used.add(name)
                return name

    def speaks(self, first, last):
        full = f"{first} {last}"
        if full not in self.speakers:
            self.speakers.append(full)

    def q(self):
        return self.rng.choice(QUOTES)

    def c(self):
        return self.rng.choice(CLAUSES)


def nyt_marks(a):
    f, l = a.person()
    a.paragraphs.append(f"''{a.q()},'' said {f} {l}, a teacher in {a.rng.choice(TOWNS)}. "
                        f"''{a.q()}.''")
    a.speaks(f, l)
    g, m = a.person()
    a.paragraphs.append(f"{g} {m}, who runs the food bank, was blunter. ''{a.q()},'' "
                        f"Mr. {m} said.")
    a.speaks(g, m)


def party_tag(a):
    f, l = a.person()
    party, state = a.rng.choice(STATES)
    a.paragraphs.append(f"Rep. {f} {l} ({party}-{state}) said {a.c()}.")
    a.speaks(f, l)
    g, m = a.person()
    party, state = a.rng.choice(STATES)
    a.paragraphs.append(f"“{a.q()},” Sen. {g} {m} ({party}-{state}) said.")
    a.speaks(g, m)


def comma_before_verb(a):
    f, l = a.person()
    a.paragraphs.append(f"{f} {l}, a senior research scholar at a university in "
                        f"{a.rng.choice(TOWNS)}, said the Navy's Fleet Command should publish "
                        f"its plans.")
    a.speaks(f, l)


def job_word_after_verb(a):
    f, l = a.person()
    job = a.rng.choice(["pollster", "campaign strategist", "longtime adviser"])
    a.paragraphs.append(f"“{a.q()},” said {job} {f} {l}.")
    a.speaks(f, l)


def reader_quotes(a):
    a.paragraphs.append("We asked readers what the closure meant to them.")
    for _ in range(2):
        f, l = a.person()
        a.paragraphs.append(f"“{a.q()}.” ― {f} {l}")
        a.speaks(f, l)


def outlet_colon(a):
    f, l = a.person()
    a.paragraphs.append(f"{f} {l}, {a.rng.choice(OUTLETS).replace('the ', '')}: “{a.q()}.”")
    a.speaks(f, l)


def naming_verbs(a):
    f, l = a.person()
    g, m = a.person()
    a.paragraphs.append(f"Governor {f} {l} called the proposal “a recipe for chaos.” "
                        f"{g} {m} accused the governor of “playing games with the budget.”")
    a.speaks(f, l)
    a.speaks(g, m)
    h, n = a.person()
    a.paragraphs.append(f"Mayor {h} {n} described the vote as “a very good start.”")
    a.speaks(h, n)


def interview(a):
    f, l = a.person()
    a.paragraphs.append(f"In an interview with {a.rng.choice(OUTLETS)}, {f} {l} said {a.c()}.")
    a.speaks(f, l)


def joint(a):
    people = [a.person() for _ in range(3)]
    names = [f"{f} {l}" for f, l in people]
    a.paragraphs.append(f"{names[0]}, {names[1]} and {names[2]} said they would stand again.")
    for f, l in people:
        a.speaks(f, l)


def pronoun_and_role(a):
    f, l = a.person()
    a.paragraphs.append(f"Harbour board spokeswoman {f} {l} visited the flooded quay on Monday.")
    a.paragraphs.append(f"“{a.q()},” she said.")
    a.paragraphs.append(f"“{a.q()},” the harbour board spokeswoman added.")
    a.speaks(f, l)


def shared_subject(a):
    f, l = a.person()
    a.paragraphs.append(f"On Sunday, {f} {l} called the ruling “a disgrace” and said {a.c()}.")
    a.speaks(f, l)


def passive_by(a):
    f, l = a.person()
    a.paragraphs.append(f"The closure was announced on Friday by the press secretary of the "
                        f"regional council, {f} {l}.")
    a.speaks(f, l)


def name_colon(a):
    f, l = a.person()
    a.paragraphs.append(f"{f} {l}: “{a.q()}.”")
    a.speaks(f, l)


def had_this_to_say(a):
    f, l = a.person()
    a.paragraphs.append(f"{f} {l}, deputy of the regional assembly from the farmers' party had "
                        f"this to say in the first week of the count;")
    a.paragraphs.append(f"“{a.q()}. {a.q()}.”")
    a.speaks(f, l)


def traps(a):
    f, l = a.person()
    a.paragraphs.append(f"Tennis great {f} {l} said she would play one more season.")
    a.speaks(f, l)
    g, m = a.person()
    a.paragraphs.append(f"Secertary {g} {m} told reporters that {a.c()}.")
    a.speaks(g, m)


def same_surname(a):
    f, l = a.person()
    g, _ = a.person()
    a.paragraphs.append(f"{f} {l} leads the race. {l}'s former wife, {g} {l}, lives abroad.")
    a.paragraphs.append(f"{l} said on Twitter that {a.c()}.")
    a.speaks(f, l)


def credit_line(a):
    f, l = a.person()
    a.paragraphs.append(f"{f} {l} reported from {a.rng.choice(TOWNS)}.")


KINDS = [nyt_marks, party_tag, comma_before_verb, job_word_after_verb, reader_quotes,
         outlet_colon, naming_verbs, interview, joint, pronoun_and_role, shared_subject,
         passive_by, name_colon, had_this_to_say, traps, same_surname]


def main():
    rng = random.Random(20161108)
    gold = ["# Gold speakers for the invented articles of tests/speakers_articles/ (written by "
            "make_articles.py): <file>\\t<canonical full name>, in order of first attribution."]
    for number in range(48):
        a = Article(rng, number)
        kinds = rng.sample(KINDS, 5)
        title = f"Council vote {number}: what was said in {rng.choice(TOWNS)}"
        for kind in kinds:
            kind(a)
        if rng.random() < 0.3:
            credit_line(a)
        name = f"article-{number:02d}.txt"
        text = f"title: {title}\ndate: 2016-0{1 + number % 9}-1{number % 10}\n\n"
        text += "\n\n".join(a.paragraphs) + "\n"
        (HERE / name).write_text(text, encoding="utf-8")
        gold += [f"{name}\t{s}" for s in a.speakers]
    (HERE.parent / "speakers_articles_gold.tsv").write_text("\n".join(gold) + "\n",
                                                             encoding="utf-8")


if __name__ == "__main__":
    main()
