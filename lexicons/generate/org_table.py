"""The organisation table: every source's names through the same filters,
one kind per name, and one ambiguity rule for all rows.

A name's weight is the sum of its sources' weights: WordNet and
compromise, curated lists of well-known names, count 2; every other source
1. Names that risk being something else in text (a dictionary word, a
person, a place) are kept only at weight 2 or more, that is, from a curated
source or from two independent lists ("Claro" from both telecom lists), and
then flagged ambiguous; a frequent English word takes a curated source
("Ford", "Labour"; not the telecom lists' "Three" or "Orange")."""

import re

from textnorm import fold, strip_accents

ORG_KIND_ORDER = ['International', 'Government', 'Party', 'Military', 'NewsMedia', 'Education',
                  'Company', 'Sports', 'Generic']
SOURCE_WEIGHT = {'wordnet': 2, 'compromise': 2}

# Words that make a phrase an organisation's name whatever its other words
# ("National Assembly", "Royal Court", "Global Telecom").
ORG_HEADS = {
    'Ministry', 'Department', 'Agency', 'Council', 'Committee', 'Commission', 'Party', 'Bank',
    'University', 'College', 'Institute', 'Academy', 'School', 'Court', 'Tribunal',
    'Parliament', 'Assembly', 'Congress', 'Senate', 'Government', 'Administration', 'Office',
    'Bureau', 'Service', 'Army', 'Navy', 'Forces', 'Force', 'Guard', 'Police', 'Command',
    'Corps', 'Union', 'Federation', 'Association', 'Organization', 'Organisation',
    'Foundation', 'Fund', 'Group', 'Corporation', 'Company', 'Holdings', 'Industries',
    'Airlines', 'Airways', 'Air', 'Motors', 'News', 'Times', 'Post', 'Journal', 'Herald',
    'Tribune', 'Gazette', 'Telegraph', 'Press', 'Media', 'Network', 'Broadcasting',
    'Television', 'Radio', 'TV', 'Club', 'FC', 'Society', 'Movement', 'Front', 'Alliance',
    'League', 'Coalition', 'Authority', 'Board', 'Brigade', 'Brigades', 'Mission', 'Centre',
    'Center', 'Trust', 'Chamber', 'House', 'Telecom', 'Telekom', 'Mobile', 'Communications',
    'Wireless', 'Cellular', 'Insurance', 'Exchange', 'Reserve', 'Railways', 'Lines',
    'Rally', 'Congress', 'Confederation', 'Council', 'Federation', 'Polytechnic', 'Hospital',
    'Duma', 'Rada', 'Knesset', 'Bundestag', 'Bundesrat', 'Sejm', 'Majlis', 'Diet', 'Storting',
    'Riksdag', 'Folketing', 'Althing', 'Cortes', 'Shura', 'Sabha', 'Khural', 'Hural', 'Yuan'}

# A name whose words are all of these is a heading, not a name.
NOT_A_NAME = {'Unknown', 'Other', 'Others', 'Various', 'None', 'Independent', 'Independents',
              'International', 'National', 'Private', 'Public', 'Government', 'State'}

# Which kind a name's words tell, for sources that only know that they list
# organisations or companies (pressure groups, brands): the first match wins.
_HEAD_KINDS = [
    ('Party', re.compile(r'\bParty\b')),
    ('Education', re.compile(r'\b(University|College|Polytechnic|Universit\w+|Universidad\w*|'
                             r'Business School|Law School)\b')),
    ('NewsMedia', re.compile(r'\b(Times|Journal|Herald|Tribune|Gazette|Telegraph|Broadcasting|'
                             r'Television|Radio|TV|Chronicle|Magazine|Newspaper|News Agency|'
                             r'Daily|Observer)\b|^The (Guardian|Post|Independent|Economist|'
                             r'Sun|Mirror|Atlantic)\b|^The .*\b(Post|Mail|Star|Sun|Express|'
                             r'Standard|Mirror|Independent|Globe|Economist)$|\bNews$')),
    ('Government', re.compile(r'\b(Ministry|Department|Commission|Bureau|Parliament|Senate|'
                              r'Central Bank|Reserve Bank|National Bank of|Federal Reserve)\b')),
    ('International', re.compile(r'^(United Nations|European Union)\b')),
    ('Military', re.compile(r'\b(Army|Navy|Air Force|Armed Forces|Brigades?|Regiment)\b')),
    ('Sports', re.compile(r'\b(FC|Football Club|F\.C\.|Athletic Club)\b')),
]


# A central bank is a government body, though WordNet files it under banks.
CENTRAL_BANK = re.compile(r'\b(Central Bank|Reserve Bank|Federal Reserve|National Bank of)\b')


def kind_from_name(name, kind):
    """Refines 'Generic' and 'Company' by the name's head words, for the
    sources that do not tell (pressure groups, brands, operators)."""
    if kind not in ('Generic', 'Company'):
        return kind
    for refined, pattern in _HEAD_KINDS:
        if pattern.search(name):
            return refined
    return kind


class Context:
    """What the filters and the ambiguity rule consult: the English
    vocabulary (word -> frequent), the name sources, the place table and
    the well-known people."""

    def __init__(self, words, names, place_rows, people):
        self.words = words
        self.names = names
        self.place_rows = place_rows   # folded name -> (name, entity)
        self.people = {fold(p) for p in people}
        self.given_folded = {fold(n) for n in names.frequent_given}
        self.surnames_folded = {fold(n) for n in names.surnames}

    def frequent(self, word):
        return self.words.get(word.lower(), False)

    def common(self, word):
        return word.lower() in self.words

    def place(self, name):
        row = self.place_rows.get(fold(name))
        return row[1] if row else None


def is_ambiguous(name, ctx):
    """The one ambiguity rule for organisations. A name needs context when
    it is one word that is a frequent English word ("Congress", "Labour",
    "WHO"), a frequent given name or surname, a well-known person ("Ford",
    "Disney") or a place ("Jersey"). Longer names do not: capitalised,
    "China Daily", "General Electric" and "The Guardian" are names (but
    "Guardian" alone is ambiguous)."""
    words = name.split(' ')
    if len(words) != 1:
        return False
    word = words[0]
    return (ctx.frequent(word) or ctx.names.is_person_name(word) or fold(word) in ctx.people
            or place_conflict(word, ctx) is not None)


def place_conflict(name, ctx):
    """The place a name also names. An acronym conflicts only with a place
    stored as that acronym ("USA"), not with a word ("NARA" is no "Nara"):
    the lookup matches short acronyms exactly."""
    place = ctx.place(name)
    if place is None:
        return None
    if is_acronym(name) and ctx.place_rows[fold(name)][0] != name:
        return None
    return place


# UTF-8 read as Latin-1 ("CatÃ³lica"); "SÃO" is a real capital.
_MOJIBAKE = re.compile('[\u00C2\u00C3][\u0080-\u00BF]')


def _letters(name):
    return sum(c.isalpha() for c in name)


def is_acronym(word):
    return len(word) >= 2 and word.replace('-', '').replace('&', '').isalnum() and \
        sum(c.isupper() for c in word) >= 2 and word.upper() == word


def junk_reason(name, weight, ctx, curated=True):
    """Why a candidate is no organisation name, or None. Names of weight 2
    and more are only checked for shape and for naming a country, continent
    or region; lighter names also for naming a city, a person, a common word
    or a phrase of two frequent words, and for being a two-letter acronym."""
    words = name.split(' ')
    if (_letters(name) < 2 or not (name[0].isupper() or name[0].isdigit())
            or any(c in name for c in '[]"') or _MOJIBAKE.search(name)):
        return 'shape'
    if len(words) > 10 or len(name) > 90 or all(w in NOT_A_NAME or w == 'The' for w in words):
        return 'shape'
    has_head = any(w in ORG_HEADS for w in words)
    place = place_conflict(name, ctx)
    if place is not None and not has_head and (
            place.kind in ('Country', 'Continent', 'Region')
            or (place.kind == 'City' and place.population >= 100_000 and weight < 2)):
        return 'place'
    if weight >= 2:
        # Two lists of the same kind (two telecom lists' "Three", "Sure",
        # "Smart") are no reason to take a frequent word: that takes a
        # curated source.
        if not curated and len(words) == 1 and ctx.frequent(words[0]):
            return 'word or name'
        return None
    if fold(name) in ctx.people and not has_head:
        return 'person'
    if len(words) == 1:
        word = words[0]
        if is_acronym(word):
            if len(word) < 3:
                return 'short acronym'
            # "THE", "MUST": a party's acronym that is also a word in capitals.
            return 'word or name' if ctx.common(word) else None
        if _letters(word) < 3:
            return 'shape'
        # Any dictionary word, not only a frequent one: a brand list's
        # "Cucumber" and "Crayon" are software, a pressure group's
        # "Buddhist" a heading. WordNet and compromise keep their "Apple".
        if ctx.common(word) or fold(word) in ctx.given_folded \
                or fold(word) in ctx.surnames_folded:
            return 'word or name'
    elif len(words) in (2, 3) and not has_head and fold(words[0]) in ctx.given_folded \
            and fold(words[-1]) in ctx.surnames_folded:
        return 'person'
    elif len(words) == 2 and not has_head and words[0] != 'The' and \
            all(ctx.frequent(w) for w in words):
        # "Straight Talk", "Joint List": a phrase before it is a name.
        return 'word or name'
    if is_ambiguous(name, ctx):
        return 'word or name'
    if place is not None and not has_head:
        return 'place'
    return None


def choose_kind(name, curated, kinds):
    """A curated source's specific kind first; an acronym keeps a curated
    Generic (the factbook's party "AA" is not Alcoholics Anonymous); else a
    specific kind beats Generic, and among specific kinds ORG_KIND_ORDER."""
    specific = [k for k in curated if k != 'Generic']
    if specific:
        return min(specific, key=ORG_KIND_ORDER.index)
    if curated and is_acronym(name):
        return 'Generic'
    return min(kinds, key=ORG_KIND_ORDER.index)


def build(candidates, ctx, report=None, with_the=frozenset()):
    """candidates: [(name, kind, source)]. Returns {name: (kind, ambiguous,
    weight)}, one row per folded name (its most frequent spelling, then the
    first in sort order), and counts dropped names per reason in `report`.
    `with_the`: folded names that came from "The X" (see the_less)."""
    by_key = {}
    for name, kind, source in candidates:
        name = name.strip()
        if not name:
            continue
        entry = by_key.setdefault(fold(name), {'spellings': {}, 'kinds': set(), 'sources': set(),
                                                'curated_kinds': set()})
        entry['spellings'][name] = entry['spellings'].get(name, 0) + 1
        entry['sources'].add(source)
        if SOURCE_WEIGHT.get(source, 1) >= 2:
            # Curated kinds stand as they are ("Salvation Army" is no army),
            # but compromise's Generic is no kind at all: a newspaper's,
            # party's or university's head word tells ("Wall Street Journal").
            refined = kind_from_name(name, kind)
            if refined in ('NewsMedia', 'Party', 'Education') or CENTRAL_BANK.search(name):
                kind = refined
            entry['curated_kinds'].add(kind)
            entry['kinds'].add(kind)
        else:
            entry['kinds'].add(kind_from_name(name, kind))
    rows = {}
    for key, entry in sorted(by_key.items()):
        weight = sum(SOURCE_WEIGHT.get(s, 1) for s in entry['sources'])
        name = min(entry['spellings'], key=lambda n: (-entry['spellings'][n], n))
        reason = junk_reason(name, weight, ctx, curated=bool(entry['curated_kinds']))
        if reason == 'word or name' and key in with_the and 'NewsMedia' in entry['kinds']:
            # "Guardian" from "The Guardian": running text writes "the
            # Guardian", which the extractor looks up without its article;
            # kept, and flagged ambiguous. Other kinds' "The Left" is no
            # reason to take "Left".
            reason = None
        if reason is not None:
            if report is not None:
                report[reason] = report.get(reason, 0) + 1
            continue
        kind = choose_kind(name, entry['curated_kinds'], entry['kinds'])
        rows[name] = (kind, is_ambiguous(name, ctx), weight)
    return rows


def accent_free(candidates):
    """'Citroën' is also written 'Citroen', 'Universidad Autónoma' also
    'Universidad Autonoma' (as for places): one more candidate of the same
    source and kind."""
    out = []
    for name, kind, source in candidates:
        plain = strip_accents(name)
        if plain != name:
            out.append((plain, kind, source))
    return out


def the_less(candidates):
    """'The Washington Post' is also written 'Washington Post' (and "the
    Washington Post" in running text), and the extractor looks names up
    without their article: the name without "The", as one more candidate of
    the same source. Returns the candidates and their folded keys."""
    out = []
    for name, kind, source in candidates:
        if name.startswith('The ') and len(name) > 5 and name[4].isupper():
            # The kind the whole name tells ("The Washington Post").
            out.append((name[4:], kind_from_name(name, kind), source))
    return out, {fold(name) for name, _, _ in out}
