#!/usr/bin/python3
"""Writes a benchmark corpus of invented news articles, any size, seeded.

    /usr/bin/python3 bench/corpus/generate.py --articles 10000 --out bench-work/corpus-10000

Every article is made here from templates: people are real given names and
surnames from the project's own lexicons (lexicons/data/given_names.tsv and
surnames.tsv, combined at random, so nobody in particular), places are real
places from lexicons/data/places.tsv, organisations are invented around head
nouns ("Halvorsen Corp", "Tamsin News Agency", "Ministry of Energy"). The
text uses the shapes the extractor handles: datelines, direct quotes
(`"...," X said.`, `"..." said X`, `X said: "..."`, quotes split around the
reporting clause and quotes continued in the next paragraph), reported
speech (`X said that ...`, `according to X`, `X, a spokesman for Y, warned
...`, `X told Y that ...`, `he said ...`), captions and page furniture, and
plain background sentences. Lengths follow a log-normal spread: briefs of
~80 words to features of ~2,000 (mean ~430 words).

Article i is the same in every corpus made with the same seed (each article
has its own random stream, and the cast of people, organisations and places
does not depend on the size), so a 1,000-article corpus is the first 1,000
articles of the 10,000-article one.

Output, so that the real readers do real work:
    OUT/articles/txt/NNN/ID.txt       every 5th article as a plain text file (title line, one paragraph per line)
    OUT/articles/jsonl/part-NNN.jsonl the others, JSON Lines, 5,000 per file
    OUT/manifest.json                 counts (articles, words, bytes), seed, generator version

Give OUT/articles to `newsgraph build` (the manifest is outside it, so
that it is not read as a records file).

Standard library only; run with any python3 >= 3.8.
"""

import argparse
import bisect
import itertools
import json
import math
import os
import random
import sys

VERSION = 2
HERE = os.path.dirname(os.path.abspath(__file__))
LEXICONS = os.path.join(HERE, "..", "..", "lexicons", "data")

# --- the cast -------------------------------------------------------------

INDUSTRY = ["Energy", "Shipping", "Mining", "Logistics", "Pharmaceuticals", "Motors", "Airlines", "Telecom",
            "Foods", "Chemicals", "Software", "Aerospace", "Textiles", "Construction", "Insurance", "Steel"]
COMPANY_HEADS = ["Corp", "Group", "Holdings", "Industries", "Partners", "Ltd", "Resources", "Systems",
                 "Technologies", "Lines", "Minerals", "Networks", "Dynamics"]
FIELDS = ["Finance", "Energy", "Health", "Defence", "Interior", "Foreign", "Education", "Agriculture",
          "Transport", "Trade", "Justice", "Environment", "Labour", "Housing", "Fisheries", "Tourism"]
CIVIC = ["Workers", "Farmers", "Teachers", "Doctors", "Pilots", "Dockers", "Nurses", "Miners", "Drivers"]
CIVIC_HEADS = ["Union", "Federation", "Association", "Council", "League"]
PARTY_WORDS = ["Progress", "Renewal", "Unity", "Liberty", "Solidarity", "Reform", "Green", "Labour", "Civic"]
MEDIA_HEADS = ["News Agency", "Herald", "Tribune", "Gazette", "Broadcasting", "Times", "Post"]
SCHOOLS = ["University", "Institute", "Academy"]
ROLE_FOR = {
    "company": [("chief executive", "Chief Executive"), ("spokesman", "Spokesman"), ("spokeswoman", "Spokeswoman"),
                ("chairman", "Chairman"), ("director", "Director"), ("analyst", None), ("founder", "Founder")],
    "ministry": [("minister", "Minister"), ("spokesman", "Spokesman"), ("spokeswoman", "Spokeswoman"),
                 ("official", None), ("deputy minister", "Deputy Minister")],
    "civic": [("leader", "Leader"), ("spokesperson", "Spokesperson"), ("chairwoman", "Chairwoman"),
              ("member", None), ("organiser", None)],
    "party": [("leader", "Leader"), ("lawmaker", None), ("spokesman", "Spokesman"), ("candidate", None)],
    "media": [("editor", "Editor"), ("correspondent", None), ("reporter", None)],
    "school": [("professor", "Professor"), ("economist", "Economist"), ("researcher", None), ("dean", "Dean")],
    "bank": [("governor", "Governor"), ("economist", "Economist"), ("spokesman", "Spokesman")],
}
AGENCIES_FIXED = ["Reuters", "AFP", "AP"]


def read_tsv_column(name, keep):
    values = []
    with open(os.path.join(LEXICONS, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            value = keep(fields)
            if value:
                values.append(value)
    return values


def plain_word(word, low=3, high=10):
    return low <= len(word) <= high and word.isalpha()


def load_lexicons():
    given = read_tsv_column("given_names.tsv",
                            lambda f: f[0].capitalize() if plain_word(f[0]) and f[1] in "FM" else None)
    genders = {}
    with open(os.path.join(LEXICONS, "given_names.tsv"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2 and not line.startswith("#"):
                genders[fields[0].capitalize()] = fields[1]
    surnames = read_tsv_column("surnames.tsv",
                               lambda f: f[0] if plain_word(f[0], 4, 11) and f[0][0].isupper()
                               and f[0][1:].islower() else None)

    def place(fields):
        if len(fields) < 6 or fields[5] != "0" or fields[4]:
            return None
        name, kind = fields[0], fields[1]
        population = int(fields[3] or 0)
        if " " in name and kind == "City":
            return None
        if kind == "City" and population >= 150000:
            return ("city", name, fields[2])
        if kind == "Country":
            return ("country", name, fields[2])
        return None
    places = read_tsv_column("places.tsv", place)
    cities = [(n, cc) for k, n, cc in places if k == "city"]
    countries = {}
    for k, n, cc in places:
        if k == "country" and cc and cc not in countries and " " not in n and len(n) <= 12:
            countries[cc] = n
    return given, genders, surnames, cities, countries


class Cast:
    """The people, organisations and places of the whole corpus; does not depend on its size."""

    def __init__(self, seed, people=60000, organisations=9000):
        rng = random.Random(f"cast:{seed}")
        given, genders, surnames, cities, countries = load_lexicons()
        cities = [(n, cc) for n, cc in cities if cc in countries]
        rng.shuffle(cities)
        self.cities = cities[:3000]
        self.countries = sorted(set(countries.values()))
        self.country_of = countries
        self.adjectives = {}
        with open(os.path.join(LEXICONS, "demonyms.tsv"), encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if not line.startswith("#") and len(fields) >= 3 and fields[2] == "1":
                    self.adjectives.setdefault(fields[1], fields[0])
        self.orgs = []  # (name, kind); kind is a key of ROLE_FOR
        seen = set()

        def unique(name):
            if name in seen:
                return False
            seen.add(name)
            return True
        media = []
        while len(self.orgs) < organisations:
            r = rng.random()
            sur = rng.choice(surnames)
            city = rng.choice(self.cities)[0]
            if r < 0.35:
                name = f"{sur} {rng.choice(COMPANY_HEADS)}" if rng.random() < 0.6 else \
                    f"{sur} {rng.choice(INDUSTRY)} {rng.choice(['Group', 'Corp', 'Holdings'])}"
                kind = "company"
            elif r < 0.50:
                country = rng.choice(self.countries)
                adjective = self.adjectives.get(country)
                name = f"{adjective} {rng.choice(FIELDS)} Ministry" if adjective and rng.random() < 0.7 else \
                    f"Ministry of {rng.choice(FIELDS)} of {country}"
                kind = "ministry"
            elif r < 0.62:
                name = f"{city} {rng.choice(CIVIC)} {rng.choice(CIVIC_HEADS)}"
                kind = "civic"
            elif r < 0.70:
                name = f"{rng.choice(PARTY_WORDS)} Party of {rng.choice(self.countries)}"
                kind = "party"
            elif r < 0.80:
                name = f"{city} {rng.choice(MEDIA_HEADS)}"
                kind = "media"
            elif r < 0.90:
                name = f"{city} {rng.choice(SCHOOLS)}" if rng.random() < 0.5 else \
                    f"{rng.choice(SCHOOLS)} of {city}"
                kind = "school"
            else:
                name = f"Central Bank of {rng.choice(self.countries)}" if rng.random() < 0.3 else \
                    f"{sur} Bank"
                kind = "bank"
            if unique(name):
                self.orgs.append((name, kind))
                if kind == "media" and name.endswith("News Agency"):
                    media.append(name)
        self.agencies = AGENCIES_FIXED + media[:40]
        self.people = []  # (first, last, gender, org index, role noun, title word or None)
        names = set()
        while len(self.people) < people:
            first = rng.choice(given)
            last = rng.choice(surnames)
            if (first, last) in names or first == last:
                continue
            names.add((first, last))
            # Half of the people work for the few big organisations.
            org = int(rng.paretovariate(0.9)) % len(self.orgs) if rng.random() < 0.5 else \
                rng.randrange(len(self.orgs))
            role, title = rng.choice(ROLE_FOR[self.orgs[org][1]])
            self.people.append((first, last, genders.get(first, "U"), org, role, title))
        self.people_cum = list(itertools.accumulate(1.0 / (i + 1) ** 1.05 for i in range(len(self.people))))
        self.orgs_cum = list(itertools.accumulate(1.0 / (i + 1) ** 1.0 for i in range(len(self.orgs))))
        self.cities_cum = list(itertools.accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(self.cities))))

    def person(self, rng):
        return bisect.bisect_left(self.people_cum, rng.random() * self.people_cum[-1])

    def org(self, rng):
        return bisect.bisect_left(self.orgs_cum, rng.random() * self.orgs_cum[-1])

    def city(self, rng):
        return self.cities[bisect.bisect_left(self.cities_cum, rng.random() * self.cities_cum[-1])]


# --- sentences --------------------------------------------------------------

SUBJECTS = ["the government", "the company", "the plan", "the talks", "the budget", "the new rules",
            "the strike", "the agreement", "prices", "the investigation", "the project", "the committee",
            "exports", "the vote", "the reform", "the court ruling", "the merger", "the ceasefire",
            "the harvest", "the tender", "the pipeline", "the bill", "inflation", "the recovery"]
MODALS = ["would", "could", "will", "must", "should", "might", "had to", "was going to", "would not"]
VERB_PHRASES = ["cost thousands of jobs", "take years to complete", "be delayed until next spring",
                "protect families on low incomes", "help small businesses", "go ahead as planned",
                "be reviewed by an independent panel", "raise taxes for most households",
                "put pressure on the currency", "hurt exports", "bring stability to the region",
                "be paid for by new borrowing", "end the dispute", "lead to higher fares",
                "create {n} new jobs", "save {n} million dollars a year", "close {n} branches",
                "reach {n} villages before the winter", "cut emissions by {p} percent",
                "raise wages by {p} percent", "affect {n} families", "double the number of inspections"]
ADVERBIALS = ["", "", "", " next year", " by the end of the month", " within weeks", " this winter",
              " in the coming months", " before the election", " if nothing changes"]
QUOTE_OPENERS = ["We", "We", "Our members", "The people of this country", "Our teams", "The families",
                 "Investors", "They"]
QUOTE_BODIES = ["will not accept {thing}", "have waited long enough for {thing}", "cannot afford {thing}",
                "are ready to talk about {thing}", "need answers on {thing}", "were never consulted on {thing}",
                "will fight {thing} in every court", "welcome {thing}", "want a fair deal on {thing}",
                "are deeply worried about {thing}", "expect {thing} to be fixed", "did everything we could about {thing}"]
THINGS = ["this decision", "the new tariffs", "the closure of the port", "the cuts", "the delays", "the proposal",
          "these figures", "the deal", "the evictions", "the price rises", "the new law", "the shortages",
          "the water supply", "the report", "the contract", "the redundancies", "the reforms", "the audit"]
QUOTE_TAILS = ["", "", " and we will say so", " and that is not going to change", " and the figures prove it",
               " whatever the ministry says", " and I think most people agree", ", and we said so from the start"]
SHORT_QUOTES = ["This is a sad day", "It is far too early to say", "We are not there yet", "The door is open",
                "That is simply not true", "It was the right call", "Nobody saw this coming",
                "This is only the beginning", "We will see", "It is a question of trust"]
SAY = ["said", "said", "said", "said", "told reporters", "added", "warned", "insisted", "argued", "noted",
       "stressed", "claimed", "explained"]
REPORT_VERBS = ["said", "said", "said", "warned", "claimed", "insisted", "argued", "announced", "stressed",
                "predicted", "denied", "confirmed", "admitted", "noted"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "late on Tuesday", "earlier this week", "last week", "in a statement", "at a news conference",
        "in an interview"]
BACKGROUND = [
    "The {org} has employed about {n} people in {city} since {year}.",
    "Talks between the two sides broke down in {month} after {k} rounds of negotiations.",
    "About {n} people took part in a protest in central {city} on {dayname}.",
    "The figures published by the {org} showed a fall of {p} percent compared with last year.",
    "The measure still needs the approval of parliament, where the vote is expected in {month}.",
    "Shares in {org} fell {p} percent in early trading before recovering in the afternoon.",
    "Heavy rain has closed several roads between {city} and {city2} since the weekend.",
    "The last comparable agreement, signed in {year}, expired at the end of {month}.",
    "Officials in {city} said {n} households were still without power on {dayname} evening.",
    "The project was first announced in {year} and has been delayed three times.",
    "Inflation in {country} reached {p} percent in {month}, the highest level in a decade.",
    "The report, which runs to {k}0 pages, was delivered to the ministry on {dayname}.",
    "Local media in {city} reported long queues outside petrol stations.",
    "The hearing was adjourned until {month} {k}.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FURNITURE = ["Advertisement", "Read also: {headline}", "Related: {headline}"]
HEADLINES = ["{org} warns of {thing_short} in {city}", "{last} says {subject} {modal} {vp_short}",
             "{city} braces for {thing_short}", "Talks on {thing_short} stall as {org} digs in",
             "{org} and {org2} clash over {thing_short}", "{country} to review {thing_short}",
             "Pressure grows on {last} over {thing_short}", "{org} confirms {thing_short}"]
THING_SHORT = ["job cuts", "port closure", "new tariffs", "fuel prices", "water shortages", "strike",
               "budget gap", "merger", "election date", "housing plan", "rail fares", "flood defences"]
VP_SHORT = ["hurt exports", "go ahead", "be delayed", "end the dispute", "cost jobs"]


def fill(rng, template, **extra):
    def value(key):
        if key in extra:
            return extra[key]
        if key == "n":
            return f"{rng.choice([rng.randint(2, 90), rng.randint(100, 9000), rng.randint(1, 40) * 1000]):,}"
        if key == "p":
            return str(rng.choice([rng.randint(2, 40), round(rng.uniform(0.5, 9.5), 1)]))
        if key == "k":
            return str(rng.randint(2, 12))
        if key == "year":
            return str(rng.randint(1975, 2024))
        if key == "month":
            return rng.choice(MONTHS)
        if key == "dayname":
            return rng.choice(DAYNAMES)
        if key == "thing":
            return rng.choice(THINGS)
        if key == "thing_short":
            return rng.choice(THING_SHORT)
        raise KeyError(key)
    out = []
    i = 0
    while True:
        j = template.find("{", i)
        if j < 0:
            out.append(template[i:])
            return "".join(out)
        k = template.index("}", j)
        out.append(template[i:j])
        out.append(value(template[j + 1:k]))
        i = k + 1


def clause(rng):
    return fill(rng, f"{rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERB_PHRASES)}{rng.choice(ADVERBIALS)}")


def quote(rng):
    if rng.random() < 0.2:
        return rng.choice(SHORT_QUOTES)
    return fill(rng, f"{rng.choice(QUOTE_OPENERS)} {rng.choice(QUOTE_BODIES)}{rng.choice(QUOTE_TAILS)}")


def cap(text):
    return text[:1].upper() + text[1:]


class ArticleWriter:
    def __init__(self, cast, rng):
        self.cast = cast
        self.rng = rng
        self.introduced = set()
        self.last_person = None  # for pronouns

    # How a person is named: full name with role the first time, surname later.
    def full(self, p):
        return f"{self.cast.people[p][0]} {self.cast.people[p][1]}"

    def org_name(self, p):
        return self.cast.orgs[self.cast.people[p][3]][0]

    def intro_appositive(self, p):
        first, last, gender, org, role, title = self.cast.people[p]
        article = "an" if role[0] in "aeiou" else "a"
        prep = "at" if self.cast.orgs[org][1] in ("school", "media") else "for"
        return f"{self.full(p)}, {article} {role} {prep} {self.cast.orgs[org][0]},"

    def intro_title(self, p):
        first, last, gender, org, role, title = self.cast.people[p]
        if title is None:
            return None
        return f"{self.cast.orgs[org][0]} {title} {self.full(p)}" if self.rng.random() < 0.5 else None

    def ref(self, p, subject=True):
        """A name for person p: introduce them on first mention."""
        if p in self.introduced:
            if self.last_person == p and subject and self.rng.random() < 0.35:
                return "She" if self.cast.people[p][2] == "F" else "He"
            return self.cast.people[p][1]
        self.introduced.add(p)
        titled = self.intro_title(p)
        return titled if titled else self.intro_appositive(p)

    def speaker(self):
        rng = self.rng
        if self.introduced and rng.random() < 0.45:
            p = rng.choice(sorted(self.introduced))
        else:
            p = self.cast.person(rng)
        return p

    def paragraph(self):
        rng = self.rng
        r = rng.random()
        p = self.speaker()
        name = self.ref(p)  # "He", "Berg", "Halvorsen Corp Spokesman Anna Berg" or "Anna Berg, a ... for X,"
        pronoun = name in ("He", "She")
        inner = name.lower() if pronoun else name        # after a quote: '"...," he said.'
        named = self.cast.people[p][1] if pronoun else name.rstrip(",")  # where a pronoun cannot stand
        verb = rng.choice(SAY)
        if r < 0.112:
            text = f"\"{quote(rng)},\" {inner} {verb}."
        elif r < 0.168:
            text = f"\"{quote(rng)},\" said {named}."
        elif r < 0.224:
            text = f"{name} said: \"{quote(rng)}.\""
        elif r < 0.280:
            text = f"\"{quote(rng)},\" {inner} said. \"{quote(rng)}.\""
        elif r < 0.322:
            # A quote that goes on in the next paragraph: no closing mark here.
            text = f"{name} said {rng.choice(DAYS)}: \"{quote(rng)}.\n\"{quote(rng)}. {quote(rng)}.\""
        elif r < 0.420:
            text = f"{name} {rng.choice(REPORT_VERBS)} {rng.choice(DAYS)} that {clause(rng)}."
        elif r < 0.469:
            text = f"{name} said {clause(rng)}." if pronoun else f"According to {named}, {clause(rng)}."
        elif r < 0.504:
            text = f"{cap(clause(rng))}, according to the {self.cast.orgs[self.cast.org(rng)][0]}."
        elif r < 0.546:
            text = f"{name} told {rng.choice(self.cast.agencies)} that {clause(rng)}."
        else:
            self.last_person = None
            return self.background()
        self.last_person = p
        return text

    def background(self):
        rng = self.rng
        city, cc = self.cast.city(rng)
        city2, _ = self.cast.city(rng)
        sentences = []
        for _ in range(rng.randint(1, 3)):
            sentences.append(fill(rng, rng.choice(BACKGROUND), org=self.cast.orgs[self.cast.org(rng)][0],
                                  city=city, city2=city2, country=self.cast.country_of.get(cc, "the country")))
        return " ".join(sentences)

    def headline(self):
        rng = self.rng
        city, cc = self.cast.city(rng)
        p = self.cast.person(rng)
        return fill(rng, rng.choice(HEADLINES), org=self.cast.orgs[self.cast.org(rng)][0],
                    org2=self.cast.orgs[self.cast.org(rng)][0], city=city, last=self.cast.people[p][1],
                    subject=rng.choice(SUBJECTS), modal=rng.choice(["will", "could", "would"]),
                    vp_short=rng.choice(VP_SHORT), country=self.cast.country_of.get(cc, "Government"))

    def article(self, index):
        rng = self.rng
        words_target = int(min(2200, max(60, rng.lognormvariate(math.log(340), 0.7))))
        title = self.headline()
        city, cc = self.cast.city(rng)
        country = self.cast.country_of.get(cc, "")
        dateline = rng.choice([f"{city.upper()} - ", f"{city.upper()} ({rng.choice(AGENCIES_FIXED)}) - ",
                               f"{city}, {country} — " if country else f"{city.upper()} - ", ""])
        p = self.cast.person(rng)
        lead = f"{dateline}{self.ref(p)} {rng.choice(REPORT_VERBS)} {rng.choice(DAYS)} that {clause(rng)}."
        self.last_person = p
        paragraphs = [lead]
        words = len(title.split()) + len(lead.split())
        while words < words_target:
            r = rng.random()
            if r < 0.03:
                para = fill(rng, rng.choice(FURNITURE), headline=self.headline())
            elif r < 0.06:
                q = self.cast.person(rng)
                para = f"Photo: {self.full(q)} speaks to reporters in {self.cast.city(rng)[0]}. ({rng.choice(AGENCIES_FIXED)})"
            else:
                para = self.paragraph()
            paragraphs.extend(para.split("\n"))
            words += len(para.split())
        return title, paragraphs


def make_article(cast, seed, index):
    rng = random.Random(f"{seed}:{index}")
    writer = ArticleWriter(cast, rng)
    title, paragraphs = writer.article(index)
    day = index % 365
    month, dom = 1 + day // 31 % 12, 1 + day % 28
    record = {"title": title, "text": "\n\n".join(paragraphs),
              "url": f"https://bench.example/news/{index:07d}", "date": f"2025-{month:02d}-{dom:02d}",
              "publisher": rng.choice(["The Daily Bench", "Bench Wire", "Evening Bench"]), "language": "en"}
    if rng.random() < 0.4:
        author = cast.people[cast.person(rng)]
        record["author"] = f"{author[0]} {author[1]}"
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", required=True, help="directory to write (created; existing files overwritten)")
    parser.add_argument("--txt-every", type=int, default=5, help="every Nth article as a .txt file (0: none)")
    parser.add_argument("--per-jsonl", type=int, default=5000, help="articles per JSON Lines file")
    args = parser.parse_args()

    cast = Cast(args.seed)
    articles = os.path.join(args.out, "articles")
    os.makedirs(os.path.join(articles, "jsonl"), exist_ok=True)
    words = bytes_ = txt = 0
    jsonl = None
    jsonl_count = 0
    part = 0
    for i in range(args.articles):
        record = make_article(cast, args.seed, i)
        words += len(record["title"].split()) + len(record["text"].split())
        if args.txt_every and i % args.txt_every == 0:
            folder = os.path.join(articles, "txt", f"{i // 1000:03d}")
            os.makedirs(folder, exist_ok=True)
            body = record["title"] + "\n" + record["text"].replace("\n\n", "\n") + "\n"
            data = body.encode("utf-8")
            with open(os.path.join(folder, f"{i:07d}.txt"), "wb") as f:
                f.write(data)
            bytes_ += len(data)
            txt += 1
            continue
        if jsonl is None or jsonl_count >= args.per_jsonl:
            if jsonl:
                jsonl.close()
            jsonl = open(os.path.join(articles, "jsonl", f"part-{part:03d}.jsonl"), "w", encoding="utf-8")
            part += 1
            jsonl_count = 0
        line = json.dumps(record, ensure_ascii=False) + "\n"
        jsonl.write(line)
        bytes_ += len(line.encode("utf-8"))
        jsonl_count += 1
    if jsonl:
        jsonl.close()
    manifest = {"generator": "bench/corpus/generate.py", "version": VERSION, "seed": args.seed,
                "articles": args.articles, "focus_organisation": cast.orgs[0][0], "txt_files": txt,
                "jsonl_files": part, "words": words, "bytes": bytes_}
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(json.dumps(manifest))


if __name__ == "__main__":
    sys.exit(main())
