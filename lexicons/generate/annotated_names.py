#!/usr/bin/python3
"""Generates lexicons/data/annotated_names.tsv: the names that people
annotated in openly licensed English corpora, with how often each spelling
was annotated as an organisation, a person, a place or something else.

  /usr/bin/python3 lexicons/generate/annotated_names.py CORPORA_DIR

CORPORA_DIR holds uner-english-ewt/ (Universal NER, PER / ORG / LOC spans in
IOB2, CC BY-SA 4.0) and gum-open/dep/ (GUM, CoNLL-U with the Entity= layer:
every mention with its type, CC BY 4.0 and CC BY-SA 3.0). A GUM mention is a
name when its head word is a proper noun; its types map to organization,
person, place, and everything else (event, object, abstract ...) is "other".

The table is evidence, not a verdict: "Xinhua" annotated as an organisation
twice and never as anything else says that a speaker named so is more
likely an outlet than a person. Names are kept when they start with a
capital or a digit and have at least two letters; a leading "the" is
dropped, as the extractor drops it. Output is deterministic (sorted rows)."""

import glob
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from textnorm import fold  # noqa: E402

TYPES = ('organization', 'person', 'place', 'other')
UNER_TYPES = {'ORG': 'organization', 'PER': 'person', 'LOC': 'place'}
GUM_TYPES = {'organization': 'organization', 'person': 'person', 'place': 'place'}
ENTITY_BRACKET = re.compile(r'\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)')


def clean(name):
    # Universal NER's words are tokens: "Al - Qaeda", "Alan 's".
    name = ' '.join(name.split()).replace(' - ', '-')
    for possessive in (" 's", " '", "'s", "’s"):
        if name.endswith(possessive):
            name = name[:-len(possessive)]
    for article in ('the ', 'The ', 'THE '):
        if name.startswith(article):
            name = name[len(article):]
    if sum(ch.isalpha() for ch in name) < 2:
        return None
    if not (name[0].isupper() or name[0].isdigit()):
        return None
    if '\t' in name or len(name.split()) > 10:
        return None
    return name


def read_uner(path, counts):
    words, labels = [], []

    def finish():
        span, kind = [], None
        for word, label in list(zip(words, labels)) + [('', 'O')]:
            if label.startswith('I-') and kind == UNER_TYPES.get(label[2:]):
                span.append(word)
                continue
            if span:
                name = clean(' '.join(span))
                if name:
                    counts[name][kind] += 1
            span, kind = [], None
            if label.startswith('B-') and label[2:] in UNER_TYPES:
                span, kind = [word], UNER_TYPES[label[2:]]
        words.clear()
        labels.clear()

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                finish()
                continue
            if line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) >= 3 and fields[0].isdigit():
                words.append(fields[1])
                labels.append(fields[2])
    finish()


def read_gum_sentence(rows, counts):
    """rows: (id, form, upos, head, misc) of one sentence's plain words."""
    open_mentions = defaultdict(list)  # entity id -> [(first word, type)]
    mentions = []
    for k, (_, _, _, _, misc) in enumerate(rows):
        entity = ''
        for item in misc.split('|'):
            if item.startswith('Entity='):
                entity = item[len('Entity='):]
        # Brackets in the order written: "(3-person-...(4-place-...)3)"; a
        # one-word mention opens and closes at once.
        for m in ENTITY_BRACKET.finditer(entity):
            if m.group(1):
                if m.group(3):
                    mentions.append((k, k, m.group(2)))
                else:
                    open_mentions[m.group(1)].append((k, m.group(2)))
            elif open_mentions[m.group(4)]:
                start, kind = open_mentions[m.group(4)].pop()
                mentions.append((start, k, kind))
    for start, end, kind in mentions:
        span = rows[start:end + 1]
        inside = set(r[0] for r in span)
        heads = [r for r in span if r[3] not in inside]
        if len(heads) != 1 or heads[0][2] != 'PROPN':
            continue
        text = ''
        for r in span:
            text += r[1] + ('' if 'SpaceAfter=No' in r[4] else ' ')
        name = clean(text)
        if name:
            counts[name][GUM_TYPES.get(kind, 'other')] += 1


def read_gum(path, counts):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                if rows:
                    read_gum_sentence(rows, counts)
                rows = []
                continue
            if line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) < 10 or not fields[0].isdigit():
                continue  # multi-word tokens and empty nodes
            rows.append((fields[0], fields[1], fields[3], fields[6], fields[9]))
    if rows:
        read_gum_sentence(rows, counts)


def main():
    corpora = sys.argv[1]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'annotated_names.tsv')
    counts = defaultdict(lambda: dict.fromkeys(TYPES, 0))
    for path in sorted(glob.glob(os.path.join(corpora, 'uner-english-ewt', '*.iob2'))):
        read_uner(path, counts)
    for path in sorted(glob.glob(os.path.join(corpora, 'gum-open', 'dep', '*.conllu'))):
        read_gum(path, counts)
    # One row per case-folded spelling, as the lexicon's index expects: the
    # counts of every spelling that folds the same are summed under the
    # most frequent one.
    folded = {}
    for name in sorted(counts, key=lambda n: (-sum(counts[n].values()), n)):
        key = fold(name)
        if key not in folded:
            folded[key] = (name, dict(counts[name]))
        else:
            for t in TYPES:
                folded[key][1][t] += counts[name][t]
    rows = sorted(folded.values(), key=lambda row: (fold(row[0]), row[0]))
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# name\torganization\tperson\tplace\tother | times each spelling was annotated with each type | '
                'Universal NER English-EWT dev+test (CC BY-SA 4.0), GUM academic/bio/voyage/court '
                '(CC BY 4.0, CC BY-SA 3.0)\n')
        for name, c in rows:
            f.write('\t'.join([name] + [str(c[t]) for t in TYPES]) + '\n')
    orgs = sum(1 for _, c in rows if c['organization'] > 0)
    print(f'annotated_names.tsv: {len(rows)} names, {orgs} annotated as organisations at least once')


if __name__ == '__main__':
    main()
