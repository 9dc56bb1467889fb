"""Text helpers shared by the generator modules.

fold() mirrors the case folding of lexicons/name_index.cpp exactly, so that
two names the C++ lookup cannot tell apart are merged here (one row per
folded key in every table).
"""

import unicodedata


def fold_code_point(cp: int) -> int:
    """Lower-cases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
    capitals, and maps the typographic apostrophe to the ASCII one; every
    other code point is returned unchanged (as in name_index.cpp)."""
    if 0x41 <= cp <= 0x5A:
        return cp + 0x20
    if cp < 0x80:
        return cp
    if 0xC0 <= cp <= 0xDE and cp != 0xD7:
        return cp + 0x20
    if 0x100 <= cp <= 0x137 or 0x14A <= cp <= 0x177:
        return cp | 1
    if 0x139 <= cp <= 0x148 or 0x179 <= cp <= 0x17E:
        return cp + 1 if cp % 2 == 1 else cp
    if cp == 0x178:
        return 0xFF
    if 0x391 <= cp <= 0x3A9 and cp != 0x3A2:
        return cp + 0x20
    if 0x410 <= cp <= 0x42F:
        return cp + 0x20
    if 0x400 <= cp <= 0x40F:
        return cp + 0x50
    if cp == 0x2019:
        return 0x27
    return cp


def fold(text: str) -> str:
    return ''.join(chr(fold_code_point(ord(c))) for c in text)


def strip_accents(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo' (the spelling of many English sources)."""
    decomposed = unicodedata.normalize('NFKD', text)
    stripped = ''.join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize('NFC', stripped)


def title_case(lower: str) -> str:
    """'al jazeera' -> 'Al Jazeera', for sources that store names lower-cased.
    Only word initials matter to the lookup, which ignores case elsewhere."""
    out = []
    start = True
    for c in lower:
        out.append(c.upper() if start else c)
        start = c in ' -'
    return ''.join(out)


def starts_upper(text: str) -> bool:
    return bool(text) and text[0].isupper()


def clean_space(text: str) -> str:
    return ' '.join(text.replace('\t', ' ').split())
