"""WordNet 3.0 (Debian wordnet-base): synsets, the classification of proper
names (instance nouns and capitalised hyponyms) into places, organisations
and people, demonyms, and the English vocabulary with inflections."""

import os
import re

POS_FILES = {'n': 'noun', 'v': 'verb', 'a': 'adj', 'r': 'adv'}
SS_TYPE_NUMBER = {'n': '1', 'v': '2', 'a': '3', 's': '3', 'r': '4'}


class Synset:
    __slots__ = ('offset', 'pos', 'lexfn', 'words', 'pointers', 'gloss')

    def __init__(self, offset, pos, lexfn, words, pointers, gloss):
        self.offset = offset
        self.pos = pos          # n v a s r
        self.lexfn = lexfn      # lexicographer file number, two digits
        self.words = words      # [(lemma as written, lex_id)]
        self.pointers = pointers  # [(symbol, offset, pos)]
        self.gloss = gloss

    def lemmas(self):
        return [w for w, _ in self.words]


def clean_lemma(word: str) -> str:
    """Drops the adjective position markers "(a)", "(p)", "(ip)"."""
    return re.sub(r'\((a|p|ip)\)$', '', word)


class WordNet:
    def __init__(self, directory):
        self.dir = directory
        self.synsets = {}   # (pos letter of file, offset) -> Synset
        for pos, name in POS_FILES.items():
            self._read_data(pos, name)
        self.noun_index = self._read_index('noun')
        self._ancestors = {}

    def _read_data(self, file_pos, name):
        path = os.path.join(self.dir, 'data.' + name)
        with open(path, encoding='latin-1') as f:
            for line in f:
                if line.startswith('  '):
                    continue
                head, _, gloss = line.partition(' | ')
                fields = head.split()
                offset, lexfn, pos = fields[0], fields[1], fields[2]
                count = int(fields[3], 16)
                words = [(clean_lemma(fields[4 + 2 * i]), int(fields[5 + 2 * i], 16))
                         for i in range(count)]
                i = 4 + 2 * count
                pointer_count = int(fields[i])
                i += 1
                pointers = []
                for _ in range(pointer_count):
                    pointers.append((fields[i], fields[i + 1], fields[i + 2]))
                    i += 4
                self.synsets[(file_pos, offset)] = Synset(
                    offset, pos, lexfn, words, pointers, gloss.strip())

    def _read_index(self, name):
        index = {}
        with open(os.path.join(self.dir, 'index.' + name), encoding='latin-1') as f:
            for line in f:
                if line.startswith('  '):
                    continue
                fields = line.split()
                pointer_count = int(fields[3])
                index[fields[0]] = fields[4 + pointer_count + 2:]
        return index

    def noun(self, offset):
        return self.synsets[('n', offset)]

    def noun_sense(self, lemma, sense):
        """Offset of noun sense `sense` (1-based, WordNet's order) of lemma."""
        return self.noun_index[lemma][sense - 1]

    def nouns(self):
        return [s for (pos, _), s in sorted(self.synsets.items()) if pos == 'n']

    def ancestors(self, offset):
        """All hypernyms (@) and instance hypernyms (@i) of a noun synset."""
        cached = self._ancestors.get(offset)
        if cached is not None:
            return cached
        result = set()
        for symbol, target, pos in self.noun(offset).pointers:
            if symbol in ('@', '@i') and pos == 'n':
                result.add(target)
                result |= self.ancestors(target)
        self._ancestors[offset] = frozenset(result)
        return self._ancestors[offset]

    def is_instance(self, synset):
        return any(symbol == '@i' for symbol, _, _ in synset.pointers)

    def holonyms(self, synset, symbols=('#p', '#m')):
        return [t for s, t, pos in synset.pointers if s in symbols and pos == 'n']

    def tag_counts(self):
        """SemCor tag count per lower-case lemma, summed over the senses in
        which WordNet writes the lemma in lower case (so "china" the
        porcelain counts, "China" the country does not)."""
        counts = {}
        with open(os.path.join(self.dir, 'cntlist.rev')) as f:
            for line in f:
                key, _, count = line.split()
                lemma, _, rest = key.partition('%')
                ss_type, lexfn, lex_id = rest.split(':')[:3]
                k = (lemma, ss_type, lexfn, lex_id)
                counts[k] = counts.get(k, 0) + int(count)
        result = {}
        for synset in self.synsets.values():
            for word, lex_id in synset.words:
                if word != word.lower():
                    continue
                k = (word, SS_TYPE_NUMBER[synset.pos], synset.lexfn, '%02d' % lex_id)
                result[word] = result.get(word, 0) + counts.get(k, 0)
        return result

    def exceptions(self, name):
        """Irregular inflections from <name>.exc: [(inflected, base)]."""
        pairs = []
        with open(os.path.join(self.dir, name + '.exc'), encoding='latin-1') as f:
            for line in f:
                fields = line.split()
                for base in fields[1:]:
                    pairs.append((fields[0], base))
        return pairs


def human(lemma: str) -> str:
    return lemma.replace('_', ' ')


# Which hypernyms decide the class of a proper name, as (lemma, sense) pairs
# resolved through index.noun. The first matching row wins, so narrower
# classes come first (a national capital is a city before it is a region).
PLACE_CLASSES = [
    ('City', [('city', 1), ('city', 2), ('town', 1), ('town', 3), ('municipality', 1),
              ('national_capital', 1), ('state_capital', 1), ('provincial_capital', 1),
              ('port', 1), ('village', 2), ('city_district', 1), ('borough', 1),
              ('suburb', 1)]),
    ('Continent', [('continent', 1)]),
    ('Country', [('country', 2), ('country', 1)]),
    ('Island', [('island', 1), ('archipelago', 1)]),
    ('Peninsula', [('peninsula', 1)]),
    ('Mountain', [('mountain', 1), ('range', 4), ('volcano', 2), ('mountain_peak', 1),
                  ('hill', 1)]),
    ('Lake', [('lake', 1), ('reservoir', 2)]),
    ('River', [('river', 1)]),
    ('Sea', [('sea', 1), ('ocean', 1), ('bay', 1), ('gulf', 1), ('strait', 1)]),
    ('Region', [('state', 1), ('district', 1), ('county', 1), ('county', 2),
                ('geographical_area', 1), ('region', 3), ('administrative_district', 1)]),
    ('Other', [('location', 1), ('desert', 1), ('valley', 1), ('plain', 1), ('cape', 1),
               ('waterfall', 1), ('geological_formation', 1)]),
]

ORGANIZATION_CLASSES = [
    ('NewsMedia', [('news_agency', 1), ('newspaper', 2), ('newspaper', 1),
                   ('broadcasting_company', 1), ('publisher', 1), ('magazine', 1),
                   ('magazine', 3)]),
    ('Party', [('political_party', 1)]),
    ('International', [('world_organization', 1), ('alliance', 3)]),
    ('Military', [('armed_forces', 1), ('army', 1), ('navy', 1), ('air_force', 1),
                  ('military_unit', 1)]),
    ('Education', [('university', 1), ('university', 2), ('university', 3), ('college', 1),
                   ('college', 2), ('school', 1), ('educational_institution', 1)]),
    ('Sports', [('team', 1), ('club', 1)]),
    ('Government', [('government', 1), ('administrative_unit', 1), ('agency', 1),
                    ('legislature', 1), ('court', 1), ('police', 1), ('bureaucracy', 1)]),
    ('Company', [('company', 1), ('business', 1), ('firm', 1), ('financial_institution', 1)]),
    ('Generic', [('organization', 1), ('terrorist_organization', 1), ('political_movement', 1),
                 ('organized_crime', 1)]),
]

# Religions and denominations are organisations in WordNet, but their names
# are adjectives and nouns of belief in news text ("Sunni", "Protestant").
ORGANIZATION_EXCLUDED = [('religion', 2), ('sect', 1), ('denomination', 1)]

# Classes under location.n.01 that are not places one names in news.
PLACE_EXCLUDED = [('celestial_body', 1), ('imaginary_place', 1), ('address', 2)]


class ProperNames:
    """Places, organisations and people among WordNet's capitalised nouns."""

    def __init__(self, wn: WordNet):
        self.wn = wn
        self.place_classes = self._resolve(PLACE_CLASSES)
        self.org_classes = self._resolve(ORGANIZATION_CLASSES)
        self.excluded = {wn.noun_sense(l, s) for l, s in PLACE_EXCLUDED}
        self.org_excluded = {wn.noun_sense(l, s) for l, s in ORGANIZATION_EXCLUDED}
        self.person = wn.noun_sense('person', 1)

    def _resolve(self, table):
        return [(label, {self.wn.noun_sense(l, s) for l, s in senses}) for label, senses in table]

    @staticmethod
    def _classify(offsets, classes):
        for label, targets in classes:
            if offsets & targets:
                return label
        return None

    def proper_lemmas(self, synset):
        return [human(w) for w in synset.lemmas() if w[0].isupper()]

    def place_kind(self, synset):
        chain = self.wn.ancestors(synset.offset) | {synset.offset}
        if chain & self.excluded:
            return None
        return self._classify(chain, self.place_classes)

    def church_lemmas(self, synset):
        """The names of a religion or denomination synset that name it as
        a church, or None when the synset is no such synset."""
        chain = self.wn.ancestors(synset.offset) | {synset.offset}
        if not chain & self.org_excluded:
            return None
        return [l for l in self.proper_lemmas(synset) if 'Church' in l.split(' ')]

    def organization_kind(self, synset):
        chain = self.wn.ancestors(synset.offset) | {synset.offset}
        if chain & self.org_excluded:
            # A denomination named as a church is one ("Russian Orthodox
            # Church", "Church of England"); its other names ("Methodists",
            # "Roman Catholic") are not: church_lemmas() keeps those.
            if self.church_lemmas(synset):
                return 'Generic'
            return None
        return self._classify(chain, self.org_classes)

    def classify(self):
        """Yields (category, kind, synset) for every capitalised noun synset:
        category is 'place', 'organization' or 'person'. People and places
        must be instances (capitalised hyponyms of person are groups,
        "Democrat"; of location, classes, "American state"). Organisations
        may be either ("Congress" is a hyponym), but a hyponym named only by
        a short acronym is a class ("NGO", "ICU") and is skipped."""
        for synset in self.wn.nouns():
            if not self.proper_lemmas(synset):
                continue
            instance = self.wn.is_instance(synset)
            chain = self.wn.ancestors(synset.offset)
            if self.person in chain:
                if instance:
                    yield 'person', None, synset
                continue
            kind = self.place_kind(synset)
            if kind is not None:
                if instance:
                    yield 'place', kind, synset
                continue
            kind = self.organization_kind(synset)
            if kind is None:
                continue
            if instance or any(' ' in n or len(n) >= 5 for n in self.proper_lemmas(synset)):
                yield 'organization', kind, synset
