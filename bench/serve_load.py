#!/usr/bin/python3
"""The SPARQL endpoint under load: `newsgraph serve` on loopback, CLIENTS
clients at once, each sending REQUESTS queries one after the other; prints
errors and latency percentiles, a key and a value per line, tab-separated
(for bench/run).

    serve_load.py --newsgraph build/newsgraph --store STORE [--clients 32] [--requests 50] [--threads N]

The queries are what an application asks of the graph, about entities
picked at random from the store (seeded): who said what about X, X's
description, X's links, the statements of a speaker, ASK.
"""
import argparse
import json
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

TEMPLATES = [
    ("about", """SELECT ?speaker ?text WHERE {{ ?s schema:about <{e}> ; schema:text ?text ; schema:creator ?w .
                 ?w schema:name ?speaker }} LIMIT 50"""),
    ("describe", "DESCRIBE <{e}>"),
    ("links", "SELECT ?p ?o WHERE {{ <{e}> ?p ?o }}"),
    ("said", """SELECT ?text ?headline WHERE {{ ?s schema:creator <{e}> ; schema:text ?text .
                OPTIONAL {{ ?s schema:isPartOf ?a . ?a schema:headline ?headline }} }}"""),
    ("ask", "ASK {{ <{e}> a schema:Person }}"),
    ("count", "SELECT (COUNT(DISTINCT ?a) AS ?articles) WHERE {{ ?a schema:mentions <{e}> }}"),
]


def start(binary, store, threads):
    log = tempfile.NamedTemporaryFile("w+", suffix=".log")
    cmd = [binary, "serve", "--store", store, "--port", "0", "--max-rows", "1000000"]
    if threads:
        cmd += ["--threads", str(threads)]
    server = subprocess.Popen(cmd, stderr=log, stdout=subprocess.DEVNULL)
    for _ in range(200):
        log.seek(0)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", log.read())
        if m:
            return server, log, f"http://127.0.0.1:{m.group(1)}/sparql"
        if server.poll() is not None:
            sys.exit("the server stopped: " + open(log.name).read())
        time.sleep(0.05)
    server.kill()
    sys.exit("the server did not start")


def ask(url, query, accept="application/sparql-results+json"):
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as e:
        status = e.code
    except OSError:
        status = -1
    return status, (time.monotonic() - started) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--newsgraph", required=True)
    ap.add_argument("--store", required=True)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--threads", type=int, default=0, help="server threads (default: the server's own)")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()

    server, log, url = start(a.newsgraph, a.store, a.threads)
    try:
        data = urllib.parse.urlencode({"query": "SELECT DISTINCT ?e WHERE { ?s schema:creator ?e } LIMIT 2000"}).encode()
        with urllib.request.urlopen(urllib.request.Request(url, data=data)) as r:
            entities = [b["e"]["value"] for b in json.load(r)["results"]["bindings"]]
        if not entities:
            sys.exit("no speakers in the store")
        rng = random.Random(a.seed)
        plans = [[rng.choice(TEMPLATES) for _ in range(a.requests)] for _ in range(a.clients)]
        picks = [[rng.choice(entities) for _ in range(a.requests)] for _ in range(a.clients)]
        latencies, errors, by_kind = [], [], {}
        lock = threading.Lock()

        def client(i):
            for (kind, template), entity in zip(plans[i], picks[i]):
                accept = "text/turtle" if kind == "describe" else "application/sparql-results+json"
                status, ms = ask(url, template.format(e=entity), accept)
                with lock:
                    latencies.append(ms)
                    by_kind.setdefault(kind, []).append(ms)
                    if status != 200:
                        errors.append(status)

        started = time.monotonic()
        workers = [threading.Thread(target=client, args=(i,)) for i in range(a.clients)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        wall = time.monotonic() - started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    latencies.sort()

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    print(f"clients\t{a.clients}")
    print(f"requests\t{len(latencies)}")
    print(f"errors\t{len(errors)}")
    print(f"wall_s\t{wall:.2f}")
    print(f"requests_per_s\t{len(latencies) / wall:.1f}")
    print(f"p50_ms\t{pct(latencies, 50):.1f}")
    print(f"p95_ms\t{pct(latencies, 95):.1f}")
    print(f"max_ms\t{latencies[-1]:.1f}")
    print(f"mean_ms\t{statistics.mean(latencies):.1f}")
    for kind, values in sorted(by_kind.items()):
        print(f"p50_ms.{kind}\t{pct(values, 50):.1f}")


if __name__ == "__main__":
    main()
