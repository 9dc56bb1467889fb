#!/usr/bin/python3
"""`newsgraph serve` with the SPARQL clients people use: SPARQLWrapper and
rdflib's SPARQLStore, on loopback, against a store built from examples/.

    serve_clients.py NEWSGRAPH_BINARY PROJECT_DIR

SELECT, ASK, CONSTRUCT and DESCRIBE in every format each client asks for,
GET and both POST forms, SPARQL Update refused, the time limit enforced
(503), the row cap, the HTML page, and a clean stop on SIGTERM. Exit 77
(skipped) when the client libraries are missing.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

try:
    from SPARQLWrapper import CSV, JSON, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
except ImportError as e:
    print(f"SKIP: {e} (apt-get install python3-sparqlwrapper python3-rdflib)")
    sys.exit(77)

binary, project = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="ng-serve-")
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def build_store():
    store = os.path.join(work, "store")
    p = subprocess.run([binary, "-q", "build", os.path.join(project, "examples"), "--out", os.path.join(work, "out"),
                        "--store", store], capture_output=True, text=True)
    if p.returncode not in (0, 3):
        sys.exit(f"build failed: {p.stderr}")
    return store


def start(store, *extra):
    log = open(os.path.join(work, "serve.log"), "w+")
    server = subprocess.Popen([binary, "serve", "--store", store, "--port", "0", *extra], stderr=log,
                              stdout=subprocess.DEVNULL)
    for _ in range(100):
        log.seek(0)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", log.read())
        if m:
            return server, log, f"http://127.0.0.1:{m.group(1)}/sparql"
        if server.poll() is not None:
            sys.exit("the server stopped: " + open(log.name).read())
        time.sleep(0.1)
    server.kill()
    sys.exit("the server did not start")


PERSONS = """SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 5"""
QUOTES = """SELECT ?speaker (COUNT(?s) AS ?n) WHERE { ?s a schema:Quotation ; schema:creator ?w . ?w schema:name ?speaker }
GROUP BY ?speaker ORDER BY DESC(?n) ?speaker LIMIT 3"""
CONSTRUCT = """CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n LIMIT 4"""


def wrapper_checks(url):
    # SELECT in every result format, by GET, form POST and direct POST.
    for method, request in (("GET", None), (POST, URLENCODED), (POST, POSTDIRECTLY)):
        for fmt in (JSON, XML, CSV, TSV):
            w = SPARQLWrapper(url)
            w.setQuery(PERSONS)
            w.setMethod(method)
            if request:
                w.setRequestMethod(request)
            w.setReturnFormat(fmt)
            result = w.query().convert()
            if fmt == JSON:
                names = [b["name"]["value"] for b in result["results"]["bindings"]]
            elif fmt == XML:
                names = [n.firstChild.data for n in result.getElementsByTagName("literal")]
            else:
                text = result.decode("utf-8") if isinstance(result, bytes) else result
                names = [line.strip().strip('"') for line in text.splitlines()[1:] if line.strip()]
            check(len(names) == 5 and names == sorted(names), f"SPARQLWrapper SELECT {fmt} by {method}/{request}: {names[:2]}...")
    # Aggregates.
    w = SPARQLWrapper(url)
    w.setQuery(QUOTES)
    w.setReturnFormat(JSON)
    rows = w.query().convert()["results"]["bindings"]
    check(len(rows) == 3 and int(rows[0]["n"]["value"]) >= int(rows[2]["n"]["value"]), "SPARQLWrapper GROUP BY / COUNT")
    # ASK.
    for fmt in (JSON, XML):
        w = SPARQLWrapper(url)
        w.setQuery('ASK { ?p a schema:Person }')
        w.setReturnFormat(fmt)
        answer = w.query().convert()
        value = answer["boolean"] if fmt == JSON else answer.getElementsByTagName("boolean")[0].firstChild.data == "true"
        check(value is True, f"SPARQLWrapper ASK {fmt}")
    # CONSTRUCT and DESCRIBE as graphs.
    for fmt in (TURTLE, RDFXML, XML, N3):
        w = SPARQLWrapper(url)
        w.setQuery(CONSTRUCT)
        w.setReturnFormat(fmt)
        result = w.query().convert()
        if isinstance(result, bytes):
            g = rdflib.Graph()
            g.parse(data=result.decode("utf-8"), format="turtle")
            result = g
        check(len(result) == 4, f"SPARQLWrapper CONSTRUCT {fmt}: {len(result)} triples")
    w = SPARQLWrapper(url)
    w.setQuery('DESCRIBE ?p WHERE { ?p schema:name "Noor Haddad" }')
    w.setReturnFormat(RDFXML)
    described = w.query().convert()
    check(len(described) == 3 and (None, rdflib.RDF.type, rdflib.URIRef("http://schema.org/Person")) in described,
          f"SPARQLWrapper DESCRIBE: {len(described)} triples")
    # SPARQL Update is refused (400).
    w = SPARQLWrapper(url)
    w.setMethod(POST)
    w.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    try:
        w.query()
        check(False, "SPARQLWrapper update refused")
    except QueryBadFormed as e:
        check("read-only" in str(e), "SPARQLWrapper update refused with a reason")
    # A syntax error is a 400 with line and column.
    w = SPARQLWrapper(url)
    w.setQuery("SELECT ?x WHERE { ?x a }")
    try:
        w.query()
        check(False, "SPARQLWrapper syntax error")
    except QueryBadFormed as e:
        check("line 1, column" in str(e), "SPARQLWrapper syntax error reported with its place")


def rdflib_checks(url):
    for fmt in ("xml", "json", "csv"):
        g = rdflib.Graph(store=SPARQLStore(url, returnFormat=fmt))
        rows = list(g.query(PERSONS.replace("schema:", "<http://schema.org/").replace("Person ;", "Person> ;")
                            .replace("name ?name", "name> ?name")))
        check(len(rows) == 5, f"rdflib SPARQLStore SELECT ({fmt}): {len(rows)} rows")
    g = rdflib.Graph(store=SPARQLStore(url))
    ask = g.query("ASK { ?s ?p ?o }")
    check(bool(ask) is True, "rdflib SPARQLStore ASK")
    constructed = g.query("CONSTRUCT { ?p <http://schema.org/name> ?n } WHERE { ?p a <http://schema.org/Person> ; "
                          "<http://schema.org/name> ?n } LIMIT 4")
    check(len(constructed.graph) == 4, f"rdflib SPARQLStore CONSTRUCT: {len(constructed.graph)} triples")
    try:
        g.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        check(False, "rdflib SPARQLStore update refused")
    except Exception:  # SPARQLStore is read-only on the client side too
        check(True, "rdflib SPARQLStore update refused")


def http_checks(url):
    page = urllib.request.urlopen(url[: -len("sparql")]).read().decode("utf-8")
    check("<textarea" in page and "fetch('sparql'" in page, "the query page at /")
    request = urllib.request.Request(url, data=b"update=INSERT+DATA+%7B%3Curn%3Aa%3E+%3Curn%3Ab%3E+%3Curn%3Ac%3E%7D",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        urllib.request.urlopen(request)
        check(False, "update= refused")
    except urllib.error.HTTPError as e:
        check(e.code == 400, "update= refused with 400")
    cors = urllib.request.urlopen(url + "?query=ASK%7B%7D")
    check(cors.headers.get("Access-Control-Allow-Origin") is None, "no CORS header unless --cors")


def limit_checks(store):
    server, log, url = start(store, "--timeout", "1", "--max-rows", "50")
    try:
        w = SPARQLWrapper(url)
        w.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        w.setReturnFormat(JSON)
        try:
            w.query()
            check(False, "time limit")
        except (SPARQLWrapperException, urllib.error.HTTPError) as e:
            # SPARQLWrapper passes a 503 through as urllib's HTTPError;
            # a 503 can only come from the time limit (the test's own
            # timeout catches a limit that never fires).
            check(getattr(e, "code", None) == 503, "time limit enforced (503)")
        w = SPARQLWrapper(url)
        w.setQuery("SELECT * WHERE { ?s ?p ?o }")
        w.setReturnFormat(JSON)
        try:
            w.query()
            check(False, "row cap")
        except QueryBadFormed as e:
            check("more than 50 rows" in str(e), "row cap reported, not a cut result")
    finally:
        server.send_signal(signal.SIGTERM)
        check(server.wait(timeout=20) == 0, "the server stops cleanly on SIGTERM")


def main():
    store = build_store()
    server, log, url = start(store)
    try:
        wrapper_checks(url)
        rdflib_checks(url)
        http_checks(url)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    log.seek(0)
    lines = [line for line in log.read().splitlines() if " /sparql " in line]
    check(len(lines) > 20 and all(re.search(r" \d{3} \d+ ms", line) for line in lines), "one log line per request")
    limit_checks(store)
    shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
