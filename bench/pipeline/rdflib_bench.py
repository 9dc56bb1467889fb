#!/usr/bin/python3
"""rdflib on the same graph and the same SPARQL queries as newsgraph, for bench/run.

    /usr/bin/python3 rdflib_bench.py GRAPH.nq QUERY.rq...

Loads the N-Quads newsgraph exported (into an rdflib Dataset whose default
graph is the union of the named graphs: what newsgraph's SPARQL default
graph is), then runs each query once and prints, as "key<TAB>value" lines:
load_s, quads, then query.<name>_s and query.<name>_rows for each query.
newsgraph's queries rely on its predeclared prefixes; the same prefixes
are declared here, read from the @prefix lines of graph.ttl next to the
N-Quads (same directory) when present, else from the built-in list below.
"""

import os
import re
import sys
import time

BUILTIN_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "schema": "http://schema.org/",
    "ng": "https://w3id.org/newsgraph/ns#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
}


def prefixes_from(turtle_path):
    prefixes = dict(BUILTIN_PREFIXES)
    if os.path.exists(turtle_path):
        with open(turtle_path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"@prefix\s+([A-Za-z][\w-]*):\s*<([^>]*)>\s*\.", line)
                if m:
                    prefixes[m.group(1)] = m.group(2)
                elif line.strip() and not line.startswith("@"):
                    break
    return prefixes


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    import rdflib
    path = sys.argv[1]
    queries = sys.argv[2:]
    prefixes = prefixes_from(os.path.join(os.path.dirname(path), "graph.ttl"))
    header = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes.items())

    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(path, format="nquads")
    print(f"load_s\t{time.perf_counter() - start:.3f}", flush=True)
    print(f"quads\t{len(dataset)}", flush=True)
    for query_path in queries:
        name = os.path.splitext(os.path.basename(query_path))[0]
        with open(query_path, encoding="utf-8") as f:
            text = f.read()
        start = time.perf_counter()
        try:
            result = dataset.query(header + text)
            rows = len(list(result)) if result.type != "ASK" else 1
            print(f"query.{name}_s\t{time.perf_counter() - start:.3f}", flush=True)
            print(f"query.{name}_rows\t{rows}", flush=True)
        except Exception as e:  # a query rdflib cannot run is reported, not fatal
            print(f"query.{name}_error\t{type(e).__name__}: {str(e)[:120]}", flush=True)


if __name__ == "__main__":
    main()
