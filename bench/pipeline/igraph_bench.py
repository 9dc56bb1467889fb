#!/usr/bin/python3
"""python-igraph on the network `newsgraph analyze` wrote, for bench/run.

    /usr/bin/python3 igraph_bench.py network.graphml [--sources N] [--seed S]

Loads the view's GraphML (the same vertices and weighted edges newsgraph
analysed) and computes what `newsgraph analyze` computes: degree, weighted
PageRank, betweenness (exact, or from N sampled sources when newsgraph
sampled: igraph >= 0.10 takes a source list), connected components, k-core
numbers and Leiden communities (modularity). Prints "key<TAB>value" lines:
load_s, compute_s, one <metric>_s per metric, vertices, edges.
"""

import argparse
import random
import time


def betweenness(g, directed, args, results):
    """Sampled like newsgraph's when asked to; python-igraph before 0.10.5
    has no `sources` argument, and then the exact figure is timed (and said
    so: betweenness_exact 1), which is more work than newsgraph did."""
    if args.sources > 0:
        sources = random.Random(args.seed).sample(range(g.vcount()), min(args.sources, g.vcount()))
        try:
            return g.betweenness(directed=directed, sources=sources)
        except TypeError:
            pass
    results["betweenness_exact"] = 1.0
    return g.betweenness(directed=directed)


def timed(results, name, fn):
    start = time.perf_counter()
    value = fn()
    results[name] = time.perf_counter() - start
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graphml")
    parser.add_argument("--sources", type=int, default=0, help="sampled betweenness sources (0: exact)")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    import igraph as ig

    results = {}
    g = timed(results, "load_s", lambda: ig.Graph.Read_GraphML(args.graphml))
    weights = g.es["weight"] if "weight" in g.es.attributes() else None
    directed = g.is_directed()
    simple = g.as_undirected(mode="collapse") if directed else g.copy().simplify()
    compute = 0.0
    for name, fn in [
        ("degree_s", lambda: g.degree()),
        ("pagerank_s", lambda: g.pagerank(weights=weights, damping=0.85, directed=directed)),
        ("betweenness_s", lambda: betweenness(g, directed, args, results)),
        ("components_s", lambda: simple.connected_components()),
        ("kcore_s", lambda: simple.coreness()),
        ("leiden_s", lambda: simple.community_leiden(objective_function="modularity", n_iterations=-1)),
    ]:
        timed(results, name, fn)
        compute += results[name]
    results["compute_s"] = compute
    print(f"vertices\t{g.vcount()}")
    print(f"edges\t{g.ecount()}")
    for key, value in results.items():
        print(f"{key}\t{value:.3f}")


if __name__ == "__main__":
    main()
