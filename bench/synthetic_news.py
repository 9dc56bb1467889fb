#!/usr/bin/env python3
"""Writes a corpus of invented news articles (JSON Lines) for load tests and
for the example diagrams in docs/images: people, organisations and places
with made-up names, whose popularity follows a power law (a few appear in
many articles, most in one or two), quoting and talking about each other
in sentences shaped like wire copy.

    python3 bench/synthetic_news.py --articles 400 --seed 3 > corpus.jsonl
    build/newsgraph build corpus.jsonl --store corpus-store --out corpus-out

Every name is generated from syllables: none belongs to a real person.
Standard library only; deterministic for a given seed.
"""

import argparse
import json
import random
import sys

FIRST = ["Ada", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lars",
         "Mara", "Nikos", "Olga", "Pavel", "Rosa", "Stefan", "Tara", "Umar", "Vera", "Wim", "Yara", "Zoran",
         "Anika", "Bruno", "Celia", "Dario", "Edith", "Felix", "Gina", "Hector", "Ilse", "Jakob", "Lena", "Milo"]
SYLLABLES = ["bar", "vel", "mor", "tan", "quin", "dra", "sol", "ket", "lun", "ster", "gav", "rio", "pel", "nok",
             "tor", "vin", "hal", "dis", "ber", "kan", "mel", "oss", "rud", "sev"]
ORG_KINDS = ["Union", "Party", "Bank", "Institute", "Council", "Lines", "Authority", "Federation", "Group", "Herald"]
PLACE_KINDS = ["", " Bay", " Valley", "holm", "burg", " Island", "stad"]
ROLES = ["chair", "spokesperson", "chief executive", "minister", "leader", "director", "mayor", "secretary"]
VERBS_SAID = ["said", "told reporters", "warned", "argued", "insisted"]
CLAUSES = ["the plan would cost jobs", "the talks had stalled", "the deal was fair", "the vote should be delayed",
           "the figures were wrong", "the port must stay open", "the budget was too small",
           "the report came too late"]


def name(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def entities(rng, people, organisations, places):
    seen = set()

    def unique(make):
        while True:
            value = make()
            if value not in seen:
                seen.add(value)
                return value

    ppl = [unique(lambda: f"{rng.choice(FIRST)} {name(rng, 2)}") for _ in range(people)]
    orgs = [unique(lambda: f"{name(rng, 2)} {rng.choice(ORG_KINDS)}") for _ in range(organisations)]
    plcs = [unique(lambda: name(rng, 2) + rng.choice(PLACE_KINDS)) for _ in range(places)]
    return ppl, orgs, plcs


def zipf_pick(rng, items, exponent=1.1):
    weights = [1.0 / (i + 1) ** exponent for i in range(len(items))]
    return rng.choices(items, weights=weights, k=1)[0]


def article(rng, index, ppl, orgs, plcs, roles):
    speaker = zipf_pick(rng, ppl)
    other = zipf_pick(rng, ppl)
    while other == speaker:
        other = zipf_pick(rng, ppl)
    org = roles.setdefault(speaker, (rng.choice(ROLES), zipf_pick(rng, orgs)))
    other_org = roles.setdefault(other, (rng.choice(ROLES), zipf_pick(rng, orgs)))
    place = zipf_pick(rng, plcs)
    third = zipf_pick(rng, ppl)
    clause = rng.choice(CLAUSES)
    title = f"{org[1]} and {other_org[1]} at odds in {place}"
    paragraphs = [
        f"{place.upper()} - {speaker}, the {org[0]} of {org[1]}, {rng.choice(VERBS_SAID)} on Monday that {other} "
        f"was wrong about {place}.",
        f"\"{clause.capitalize()},\" {speaker.split()[-1]} said.",
        f"{other}, the {other_org[0]} of {other_org[1]}, said that {speaker.split()[-1]} had misread the figures.",
    ]
    if third not in (speaker, other):
        paragraphs.append(f"{third} said {other.split()[-1]} would meet {speaker.split()[-1]} in {place} next week.")
    return {"title": title, "text": "\n\n".join(paragraphs), "url": f"https://synthetic.example/news/{index}",
            "date": f"2026-{1 + index % 12:02d}-{1 + index % 28:02d}", "publisher": "Synthetic Wire"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--organisations", type=int, default=90)
    parser.add_argument("--places", type=int, default=60)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ppl, orgs, plcs = entities(rng, args.people, args.organisations, args.places)
    roles = {}
    for i in range(args.articles):
        sys.stdout.write(json.dumps(article(rng, i, ppl, orgs, plcs, roles), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
