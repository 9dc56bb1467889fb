"""Joins WordNet's named places to the GeoNames/iso entities they name, and
merges all place entities into one row per folded name."""

from places import Entity, TIER, RANK_WORDNET, RANK_EXTRA, city_tier
from textnorm import fold, strip_accents, title_case

WORDNET_KIND_TIER = {'Continent': 'continent', 'Country': 'country', 'Region': 'region',
                     'City': 'city', 'Island': 'island', 'Peninsula': 'peninsula',
                     'Mountain': 'mountain', 'Lake': 'lake', 'River': 'river', 'Sea': 'sea',
                     'Other': 'other'}


class NameIndex:
    """folded name -> entities that carry it."""

    def __init__(self, entities):
        self.map = {}
        for e in entities:
            self.add(e)

    def add(self, e):
        for name, _, _ in e.names:
            for key in {fold(name), fold(strip_accents(name))}:
                self.map.setdefault(key, [])
                if e not in self.map[key]:
                    self.map[key].append(e)

    def near(self, lemmas, kind, cc):
        """Entities of `kind` in country `cc` whose name is one edit away
        from a lemma of five or more letters ("Basra" / "Basrah")."""
        found = []
        for lemma in lemmas:
            key = fold(lemma)
            if len(key) < 5:
                continue
            for variant in _one_edit(key):
                for e in self.map.get(variant, []):
                    if e.kind == kind and e.cc == cc and e not in found:
                        found.append(e)
        return sorted(found, key=lambda e: e.importance(), reverse=True)

    def find(self, lemmas, kind=None, cc=None):
        """Entities named by any of the lemmas, those named by the longest
        lemmas first: a long name is the more specific evidence ("Congo,
        Democratic Republic of the Congo, Zaire" is DR Congo, not the
        Republic of the Congo, which is also called "Congo")."""
        hits = {}
        found = []
        for lemma in lemmas:
            for e in self.map.get(fold(lemma), []) + self.map.get(fold(strip_accents(lemma)), []):
                if (kind is None or e.kind == kind) and (not cc or e.cc == cc):
                    if e not in found:
                        found.append(e)
                        hits[id(e)] = set()
                    hits[id(e)].add(lemma)
        return sorted(found, key=lambda e: (sum(len(l) for l in hits[id(e)]), e.importance()),
                      reverse=True)


def _one_edit(word):
    """Strings one deletion or one insertion of a letter of `word` away."""
    letters = set('abcdefghijklmnopqrstuvwxyz') | {c for c in word if c.isalpha()}
    deletions = {word[:i] + word[i + 1:] for i in range(len(word))}
    insertions = {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    return sorted(deletions | insertions)


def wordnet_places(wn, proper, classified, entities, words):
    """Adds WordNet's lemmas to the entities they name, or new entities.
    A place only WordNet knows (no GeoNames or iso-codes entry) loses its
    one-word lemmas that are frequent English words when it is a country,
    region or city: "North" and "Union" (the Union of the American Civil
    War), "South", "West". Natural features keep them ("Java"), flagged
    ambiguous. Returns {synset offset: entity} (used for demonyms)."""
    index = NameIndex(entities)
    capitals = {e.cc: e for e in entities if e.ident and e.ident[0] == 'city' and e.ident[2] == 'PPLC'}
    synset_entity = {}
    order = ['Country', 'Continent', 'Region', 'City']
    rows = sorted((r for r in classified if r[0] == 'place'),
                  key=lambda r: (order.index(r[1]) if r[1] in order else len(order), r[2].offset))
    national_capital = wn.noun_sense('national_capital', 1)

    def country_code(synset, depth):
        """The country a place is part of (#p), looking `depth` levels up;
        empty when there is none or more than one (the Nile, the Alps)."""
        codes = set()
        for target in wn.holonyms(synset, ('#p',)):
            e = synset_entity.get(target)
            if e is not None and e.kind == 'Country' and e.cc:
                codes.add(e.cc)
            elif depth > 0:
                cc = country_code(wn.noun(target), depth - 1)
                if cc:
                    codes.add(cc)
        return codes.pop() if len(codes) == 1 else ''

    for _, kind, synset in rows:
        lemmas = proper.proper_lemmas(synset)
        # Cities and regions are within one country, found through the
        # region they are part of; natural features often span several.
        cc = country_code(synset, 4 if kind in ('City', 'Region') else 0)
        match = None
        if kind == 'Country':
            found = index.find(lemmas, 'Country')
            match = found[0] if found else None
        elif kind == 'City':
            found = index.find(lemmas, 'City', cc) or ([] if cc else index.find(lemmas, 'City'))
            match = found[0] if found else None
            if match is None and cc and national_capital in wn.ancestors(synset.offset):
                match = capitals.get(cc)
            if match is None and cc:
                found = index.near(lemmas, 'City', cc)
                match = found[0] if found else None
        elif kind == 'Region':
            # WordNet calls Wales a region; iso-codes a country.
            found = (index.find(lemmas, 'Region', cc) or index.find(lemmas, 'Country', cc)
                     or (index.near(lemmas, 'Region', cc) if cc else []))
            match = found[0] if found else None
        if match is None and kind in ('Country', 'Region', 'City', 'Other'):
            lemmas = [l for l in lemmas if ' ' in l or not words.get(l.lower(), False)]
            if not lemmas:
                continue
        if match is None:
            tier = TIER[WORDNET_KIND_TIER[kind]]
            match = Entity(kind, tier, cc, rank=RANK_WORDNET)
            match.ident = ('wordnet', synset.offset)
            entities.append(match)
        for lemma in lemmas:
            match.add_with_variants(lemma, primary=match.ident[0] == 'wordnet')
        index.add(match)
        synset_entity[synset.offset] = match
    return synset_entity


def compromise_places(tags, entities):
    """compromise's City, Country and Region words that no other source has
    (lower-cased in compromise, so title-cased here)."""
    index = NameIndex(entities)
    kinds = {'City': 'City', 'Country': 'Country', 'Region': 'Region'}
    added = []
    for word, word_tags in sorted(tags.items()):
        kind = next((kinds[t] for t in word_tags if t in kinds), None)
        if kind is None or 'Abbreviation' in word_tags or len(word) < 4:
            continue
        name = title_case(word)
        if index.find([name]):
            continue
        e = Entity(kind, TIER['other'], rank=RANK_EXTRA)
        e.ident = ('compromise', word)
        e.add(name)
        added.append(e)
    entities.extend(added)
    return added


def _uppercase_initials(name):
    return sum(1 for i, c in enumerate(name) if c.isupper() and (i == 0 or name[i - 1] in ' -'))


def merge(entities):
    """Returns {folded key: (stored name, entity)} and sets each entity's
    canonical name. Within one key the most important entity wins; the
    stored spelling is the winner's spelling with the fewest capital word
    initials, because the lookup demands capitals only where the stored
    name has them ("Kherson region" also matches "Kherson Region")."""
    claims = {}
    for e in entities:
        for name, display, primary in e.names:
            claims.setdefault(fold(name), []).append((e, name, display, primary))
    rows = {}
    won = {}
    for key, options in claims.items():
        # Among cities of one name the most populous stands for all (a
        # seat of government of 20,000 does not beat a city of 500,000);
        # it then competes with the other kinds by tier.
        cities = [o for o in options if o[0].kind == 'City']
        if len(cities) > 1:
            top = max(cities, key=lambda o: (o[0].population, o[0].tier, -id_order(o[0])))[0]
            options = [o for o in options if o[0].kind != 'City' or o[0] is top]
        winner = max(options, key=lambda o: (o[0].tier, o[0].population, -o[0].rank, o[3],
                                             o[0].cc, -id_order(o[0])))[0]
        spellings = sorted({n for e, n, _, _ in options if e is winner},
                           key=lambda n: (_uppercase_initials(n), n))
        rows[key] = (spellings[0], winner)
        won.setdefault(id(winner), set()).add(key)
    for e in entities:
        keys = won.get(id(e), set())
        e.canonical = next((display for name, display, _ in e.names if fold(name) in keys), None)
    return rows


_ORDER = {}


def id_order(e):
    """A stable tie-breaker: the order entities were created in."""
    return _ORDER.setdefault(id(e), len(_ORDER))


def register_order(entities):
    for e in entities:
        id_order(e)


def is_ambiguous(name, entity, words, names, organizations=frozenset()):
    """Countries and continents are never ambiguous: in news they are what
    they name. Other places are when the lower-cased name is a frequent
    English word ("Reading", "Nice", "Split"); cities and regions under half
    a million people also when the name is a frequent given name or a
    surname ("Victoria", "Lincoln") or, folded, a well-known organisation's
    ("Toyota", "Nokia")."""
    if entity.kind in ('Country', 'Continent'):
        return False
    if words.get(name.lower(), False):
        return True
    return (entity.kind in ('City', 'Region', 'Other') and entity.population < 500_000
            and (names.is_person_name(name) or fold(name) in organizations))
