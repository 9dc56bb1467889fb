#!/usr/bin/python3
"""How many names of a list an organisation table knows, by field.

  /usr/bin/python3 lexicons/generate/coverage.py \\
      tests/data/lexicons/known_organizations.tsv lexicons/data/organizations.tsv [OLD.tsv]

Lookups follow lexicons/name_index.cpp (CaseRule::kInitials): case-folded
comparison, a stored capital at a word start must be a capital in the name,
a stored acronym of two or three capitals must match exactly; a leading
"The" may be dropped. Prints a Markdown table (one column per organisation
table given)."""

import sys

from textnorm import fold


def _short_acronym(word):
    return 2 <= len(word) <= 3 and all(fold(c) != c for c in word)


def matches(key, name):
    if fold(key) != fold(name) or len(key) != len(name):
        return False
    key_words = key.replace('-', ' ').split(' ')
    name_words = name.replace('-', ' ').split(' ')
    for k, n in zip(key_words, name_words):
        if _short_acronym(k) and k != n:
            return False
        if k and n and fold(k[0]) != k[0] and fold(n[0]) == n[0]:
            return False
    return True


def read_table(path):
    table = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            fields = line.rstrip('\n').split('\t')
            table.setdefault(fold(fields[0]), []).append(fields)
    return table


def lookup(table, name):
    """The row for name; as the extractor does (name_finder.cpp), a
    leading article is dropped when the whole name is not found."""
    for candidate in (name, name[4:] if name.startswith('The ') else None):
        for fields in table.get(fold(candidate), []) if candidate else []:
            if matches(fields[0], candidate):
                return fields
    return None


def main():
    names_path, *tables = sys.argv[1:]
    rows = []
    with open(names_path, encoding='utf-8') as f:
        for line in f:
            if not line.startswith('#') and line.strip():
                rows.append(line.rstrip('\n').split('\t'))
    loaded = [read_table(t) for t in tables]
    fields = []
    for _, field in rows:
        if field not in fields:
            fields.append(field)
    print('| field | names | ' + ' | '.join(tables) + ' |')
    print('| --- | ---: |' + ' ---: |' * len(tables))
    totals = [0] * len(tables)
    for field in fields + [None]:
        names = [n for n, f in rows if field is None or f == field]
        counts = [sum(1 for n in names if lookup(t, n)) for t in loaded]
        label = field or '**all**'
        print(f'| {label} | {len(names)} | ' + ' | '.join(str(c) for c in counts) + ' |')
        if field is None:
            totals = counts
    missing = [n for n, _ in rows if not lookup(loaded[0], n)]
    print('\nnot known to the first table: ' + ', '.join(missing), file=sys.stderr)
    return totals


if __name__ == '__main__':
    main()
