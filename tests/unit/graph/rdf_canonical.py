"""Parses an RDF file with rdflib (an independent parser) and prints its
statements as one JSON array of [subject, predicate, object, graph].
Terms: ["I", iri], ["B"] (a blank node; labels are not kept across
parsers) and ["L", lexical, language in lower case, datatype]. The graph
is "" for triple formats.

Usage: /usr/bin/python3 rdf_canonical.py FILE FORMAT
FORMAT is an rdflib format name: nt, nquads, turtle, trig, xml.
"""
import json
import sys

import rdflib
from rdflib.term import BNode, Literal, URIRef

rdflib.NORMALIZE_LITERALS = False  # keep lexical forms as written


def term(t):
    if isinstance(t, URIRef):
        return ["I", str(t)]
    if isinstance(t, BNode):
        return ["B"]
    if isinstance(t, Literal):
        return ["L", str(t), (t.language or "").lower(), str(t.datatype or "")]
    raise ValueError(f"unexpected term {t!r}")


def main():
    path, fmt = sys.argv[1], sys.argv[2]
    lines = []
    if fmt in ("nquads", "trig"):
        dataset = rdflib.ConjunctiveGraph()
        dataset.parse(path, format=fmt)
        for s, p, o, g in dataset.quads((None, None, None, None)):
            name = g.identifier if g is not None else None
            graph = str(name) if isinstance(name, URIRef) else ""
            lines.append([term(s), term(p), term(o), graph])
    else:
        graph = rdflib.Graph()
        graph.parse(path, format=fmt)
        for s, p, o in graph:
            lines.append([term(s), term(p), term(o), ""])
    json.dump(lines, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
