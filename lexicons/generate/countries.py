"""Countries (iso-codes 3166-1 and 3166-3, world-countries) and demonyms
(world-countries, i18n-nationality, WordNet pertainyms and member
holonyms)."""

import re

from places import Entity, TIER, RANK_CURRENT, RANK_HISTORIC
from textnorm import clean_space, strip_accents


def _strip_article(name):
    return re.sub(r'^the ', '', name)


def _iso_name(name):
    """iso-codes writes inverted names ("Korea, Republic of"): no one writes
    them in text, so they are dropped; parenthesised notes are removed."""
    name = re.sub(r'\s*\(.*?\)', '', name)
    return None if ',' in name else clean_space(name)


def countries(iso1, iso3, world):
    """Country entities keyed by ISO alpha-2 code, plus historic ones."""
    by_cc = {}
    iso_by_cc = {r['alpha_2']: r for r in iso1}
    for record in sorted(world, key=lambda r: r['cca2']):
        cc = record['cca2']
        e = Entity('Country', TIER['country'], cc, rank=RANK_CURRENT)
        e.ident = ('country', cc)
        e.add_with_variants(record['name']['common'])
        iso = iso_by_cc.get(cc, {})
        for field in ('common_name', 'name', 'official_name'):
            if field in iso and _iso_name(iso[field]):
                e.add_with_variants(_strip_article(_iso_name(iso[field])))
        e.add_with_variants(_strip_article(record['name']['official']))
        for spelling in record.get('altSpellings', []):
            if spelling == cc or ',' in spelling:
                continue
            if len(spelling) < 3 and not spelling.isupper():
                continue
            e.add_with_variants(_strip_article(spelling))
        by_cc[cc] = e
    for cc, iso in sorted(iso_by_cc.items()):
        if cc in by_cc:
            continue
        e = Entity('Country', TIER['country'], cc, rank=RANK_CURRENT)
        e.ident = ('country', cc)
        for field in ('common_name', 'name', 'official_name'):
            if field in iso and _iso_name(iso[field]):
                e.add_with_variants(_strip_article(_iso_name(iso[field])))
        by_cc[cc] = e

    historic = []
    for record in sorted(iso3, key=lambda r: r['alpha_4']):
        name = re.sub(r'\s*\(.*?\)', '', record['name']).split(',')[0].strip()
        successor = record['alpha_4'][2:]
        e = Entity('Country', TIER['country'], successor if successor in iso_by_cc else '',
                   rank=RANK_HISTORIC)
        e.ident = ('historic', record['alpha_4'])
        e.add_with_variants(name)
        historic.append(e)
    return by_cc, historic


def plural_demonym(word):
    """'Brazilian' -> 'Brazilians', 'Frenchman' -> 'Frenchmen'; 'Chinese',
    'Swiss', 'Danish', 'Icelandic' have no -s plural (None)."""
    if word.endswith('man'):
        return word[:-3] + 'men'
    if word.endswith('woman'):
        return word[:-5] + 'women'
    if re.search(r'(ese|sh|ch|ss|ic|x|z|s)$', word):
        return None
    if re.search(r'[^aeiou]y$', word):
        return word[:-1] + 'ies'
    return word + 's'


def clean_nationality(value):
    """i18n-nationality values: 'Congolese (Republic of the Congo)' ->
    'Congolese'; 'Bosnian - Herzegovinian' -> None (two words joined)."""
    value = re.sub(r'\s*\(.*?\)', '', value).strip()
    if ' - ' in value or not value:
        return None
    return value


def common_prefix(a, b):
    """Length of the common prefix of two names, ignoring case and accents."""
    a, b = strip_accents(a).lower(), strip_accents(b).lower()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
