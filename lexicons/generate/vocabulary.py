"""The English vocabulary: WordNet lemmas written in lower case, their
inflections, and a hand-written list of function words (which WordNet does
not contain). Each word carries a `frequent` flag used to decide whether a
place or organisation name is ambiguous."""

import re

# Pronouns, determiners, prepositions, conjunctions, auxiliaries and modals,
# and a few particles; written by hand for this project.
FUNCTION_WORDS = """
i me my mine myself you your yours yourself yourselves he him his himself she her hers
herself it its itself we us our ours ourselves they them their theirs themselves
one ones oneself who whom whose which what whatever whoever whomever whichever
this that these those there here where when why how whence whither wherever whenever
a an the some any no every each either neither both all few many much more most less
least several such other another own same enough half various certain
of in on at by for with without within from to into onto upon out off over under
above below across along among amongst around about after before behind beneath beside
besides between beyond despite down during except inside outside near nearby past since
through throughout till until toward towards underneath unlike up versus via amid amidst
per than as like unto atop aboard against opposite regarding concerning including
plus minus save notwithstanding
and or but nor so yet because although though while whereas whether if unless lest
once then else also too either neither not only however therefore thus hence
be am is are was were been being have has had having do does did done doing
will would shall should can could may might must ought need dare
isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't
shan't shouldn't can't cannot couldn't mightn't mustn't needn't
i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd
we'd they'd i'll you'll he'll she'll we'll they'll that's there's here's what's who's
let's
not no yes never always often ever again already still just even very quite rather
almost soon now today tomorrow yesterday
mr mrs ms dr st
""".split()

_VOWELS = 'aeiou'
_WORD = re.compile(r"^[a-z][a-z'\-]*$")


def _syllables(word):
    return len(re.findall(r'[aeiouy]+', word))


def _cvc(word):
    """Ends consonant-vowel-consonant (not w, x, y): "stop" -> "stopping"."""
    return (len(word) >= 3 and word[-1] not in _VOWELS + 'wxy' and word[-2] in _VOWELS
            and word[-3] not in _VOWELS)


def noun_plural(word):
    if re.search(r'(s|x|z|ch|sh)$', word):
        return word + 'es'
    if word.endswith('y') and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + 'ies'
    return word + 's'


def verb_forms(word):
    forms = {noun_plural(word)}  # third person singular follows the plural rule
    double = _cvc(word) and _syllables(word) == 1
    if word.endswith('e') and not word.endswith(('ee', 'ye', 'oe')):
        forms.add(word[:-1] + 'ing')
        forms.add(word + 'd')
    elif word.endswith('ie'):
        forms.add(word[:-2] + 'ying')
        forms.add(word + 'd')
    elif word.endswith('y') and len(word) > 1 and word[-2] not in _VOWELS:
        forms.add(word + 'ing')
        forms.add(word[:-1] + 'ied')
    elif double:
        forms.add(word + word[-1] + 'ing')
        forms.add(word + word[-1] + 'ed')
    else:
        forms.add(word + 'ing')
        forms.add(word + 'ed')
    return forms


def adjective_forms(word):
    """Comparative and superlative, for one-syllable adjectives and
    two-syllable ones in -y ("older", "happiest"); longer ones take
    "more"."""
    syllables = _syllables(word)
    if word.endswith('y') and syllables == 2 and word[-2] not in _VOWELS:
        return {word[:-1] + 'ier', word[:-1] + 'iest'}
    if syllables != 1:
        return set()
    if word.endswith('e'):
        return {word + 'r', word + 'st'}
    if _cvc(word):
        return {word + word[-1] + 'er', word + word[-1] + 'est'}
    return {word + 'er', word + 'est'}


def build(wn, compromise_tags):
    """Returns {word: frequent} for every lower-case English word.

    A word is frequent when it is a function word, when one of its
    lower-case WordNet senses is tagged at least once in SemCor (cntlist),
    when compromise's lexicon lists it as an ordinary word, or when it
    inflects such a word."""
    lemmas = {}  # lower-case lemma -> set of parts of speech
    for synset in wn.synsets.values():
        for word, _ in synset.words:
            if word == word.lower() and _WORD.match(word):
                lemmas.setdefault(word, set()).add('a' if synset.pos == 's' else synset.pos)
    counts = wn.tag_counts()
    ordinary = {word for word, tags in compromise_tags.items()
                if _WORD.match(word) and not set(tags) & NAME_TAGS}

    base_of = {}  # word -> set of base lemmas it inflects
    for lemma, poses in lemmas.items():
        forms = set()
        if 'n' in poses:
            forms.add(noun_plural(lemma))
        if 'v' in poses:
            forms |= verb_forms(lemma)
        if 'a' in poses:
            forms |= adjective_forms(lemma)
        for form in forms:
            base_of.setdefault(form, set()).add(lemma)
    for exc in ('noun', 'verb', 'adj', 'adv'):
        for inflected, base in wn.exceptions(exc):
            if base in lemmas and _WORD.match(inflected):
                base_of.setdefault(inflected, set()).add(base)

    def frequent_lemma(word):
        return word in FUNCTION_WORDS or counts.get(word, 0) > 0 or word in ordinary

    words = {}
    for lemma in lemmas:
        words[lemma] = frequent_lemma(lemma)
    for form, bases in base_of.items():
        words[form] = words.get(form, False) or frequent_lemma(form) or any(
            frequent_lemma(b) for b in bases)
    for word in FUNCTION_WORDS:
        words[word] = True
    for word in ordinary:
        words[word] = True
    return words


# compromise tags that mark a name rather than an ordinary word.
NAME_TAGS = {'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Place', 'City',
             'Country', 'Region', 'Organization', 'SportsTeam', 'ProperNoun', 'Demonym',
             'Honorific', 'Abbreviation', 'Acronym', 'Month', 'WeekDay', 'Currency', 'Unit',
             'Emoticon'}
