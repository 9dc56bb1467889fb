#!/usr/bin/python3
"""Network analysis: newsgraph (C++) against python-igraph and networkx.

Runs build/bench/network_bench, which generates a seeded power-law graph
(preferential attachment, 100k vertices, ~1M edges, and a 20k-vertex one
for exact betweenness), times newsgraph's algorithms and writes both graphs
as edge lists; then times the same computations with python-igraph and
networkx on exactly those edge lists, in the same run, and prints a table of
times and ratios. Graph loading is not timed for anyone.

Run with Debian's python (it has igraph and networkx):
    /usr/bin/python3 bench/network_bench.py --bench build-release/bench/network_bench

networkx is far slower; where a full run would take tens of minutes it runs
on fewer sources and the time is extrapolated linearly (the table says so).
"""

import argparse
import os
import subprocess
import sys
import time


def load_edges(path):
    n = None
    edges = []
    with open(path) as f:
        for line in f:
            if line.startswith("#"):
                n = int(line.split()[1])
                continue
            u, v = line.split()
            edges.append((int(u), int(v)))
    return n, edges


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run_cpp(binary, args):
    out = subprocess.run([binary] + args, check=True, capture_output=True, text=True).stdout
    times = {}
    for line in out.splitlines():
        name, seconds, detail = line.split("\t")
        times[name] = (float(seconds), detail)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", default="build/bench/network_bench", help="the network_bench program")
    parser.add_argument("--out", default="network-bench", help="directory for the edge lists")
    parser.add_argument("--vertices", type=int, default=100000)
    parser.add_argument("--per-vertex", type=int, default=10, help="edges added per vertex (1M edges at 100k)")
    parser.add_argument("--betweenness-vertices", type=int, default=20000)
    parser.add_argument("--samples", type=int, default=500, help="sampled betweenness sources (100k graph)")
    parser.add_argument("--networkx-samples", type=int, default=10,
                        help="sources networkx searches for betweenness; its time is extrapolated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-exact", action="store_true", help="skip exact betweenness (20k vertices)")
    args = parser.parse_args()

    try:
        import igraph as ig
        import networkx as nx
    except ImportError as e:
        sys.exit(f"network_bench.py needs python3-igraph and python3-networkx ({e}); run it with /usr/bin/python3")

    cpp_args = ["--out", args.out, "--vertices", str(args.vertices), "--per-vertex", str(args.per_vertex),
                "--betweenness-vertices", str(args.betweenness_vertices), "--samples", str(args.samples),
                "--seed", str(args.seed)]
    if args.skip_exact:
        cpp_args.append("--skip-exact")
    print(f"running {args.bench} {' '.join(cpp_args)}", file=sys.stderr)
    cpp = run_cpp(args.bench, cpp_args)

    n, edges = load_edges(os.path.join(args.out, "large.edges"))
    g = ig.Graph(n=n, edges=edges, directed=False)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    print(f"graph: {n} vertices, {len(edges)} edges (igraph {ig.__version__}, networkx {nx.__version__})",
          file=sys.stderr)

    rows = []  # (task, newsgraph s, igraph s, networkx s, note)
    size = f"{n // 1000}k/{len(edges) / 1e6:.1f}M"

    t_ig, _ = timed(lambda: g.pagerank(damping=0.85))
    # networkx stops when the L1 change < N * tol: match newsgraph's 1e-10.
    t_nx, _ = timed(lambda: nx.pagerank(G, alpha=0.85, tol=1e-10 / n, max_iter=1000))
    rows.append((f"PageRank, {size}", cpp["pagerank"][0], t_ig, t_nx, cpp["pagerank"][1] + "; igraph PRPACK"))

    t_ig, _ = timed(lambda: g.connected_components())
    t_nx, _ = timed(lambda: list(nx.connected_components(G)))
    rows.append((f"components, {size}", cpp["components"][0], t_ig, t_nx, cpp["components"][1]))

    t_ig, _ = timed(lambda: g.coreness())
    t_nx, _ = timed(lambda: nx.core_number(G))
    rows.append((f"k-core, {size}", cpp["kcore"][0], t_ig, t_nx, cpp["kcore"][1]))

    t_ig, _ = timed(lambda: g.community_leiden(objective_function="modularity", n_iterations=-1))
    rows.append((f"Leiden (igraph C in both), {size}", cpp["leiden"][0], t_ig, None, cpp["leiden"][1]))

    k = args.networkx_samples
    t_nx, _ = timed(lambda: nx.betweenness_centrality(G, k=k, seed=args.seed, normalized=False))
    rows.append((f"betweenness, {args.samples} sampled sources, {size}", cpp["betweenness_sampled"][0], None,
                 t_nx * args.samples / k,
                 f"igraph cannot sample sources; networkx ran {k} sources, time x{args.samples // k}"))

    if not args.skip_exact:
        n2, edges2 = load_edges(os.path.join(args.out, "small.edges"))
        g2 = ig.Graph(n=n2, edges=edges2, directed=False)
        G2 = nx.Graph()
        G2.add_nodes_from(range(n2))
        G2.add_edges_from(edges2)
        t_ig, _ = timed(lambda: g2.betweenness(directed=False))
        t_nx, _ = timed(lambda: nx.betweenness_centrality(G2, k=k * 10, seed=args.seed, normalized=False))
        rows.append((f"betweenness exact, {n2}/{len(edges2)}", cpp["betweenness_exact"][0], t_ig,
                     t_nx * n2 / (k * 10), f"2 threads; networkx ran {k * 10} sources, time x{n2 // (k * 10)}"))
        rows.append(("  same, newsgraph on 1 thread", cpp["betweenness_exact_1thread"][0], t_ig, None, ""))
        rows.append(("  same, boost::brandes_betweenness_centrality", cpp["betweenness_exact_boost"][0], t_ig, None,
                     "1 thread"))

    def cell(x):
        return "-" if x is None else f"{x:9.3f}"

    def ratio(a, b):
        return "-" if a is None or b is None or b == 0 else f"{a / b:7.2f}x"

    print(f"{'task':52} {'newsgraph':>9} {'igraph':>9} {'networkx':>9} {'ng/igraph':>10} {'nx/ng':>9}  note")
    for task, ours, t_ig, t_nx, note in rows:
        print(f"{task:52} {cell(ours)} {cell(t_ig)} {cell(t_nx)} {ratio(ours, t_ig):>10} {ratio(t_nx, ours):>9}  {note}")
    print("seconds; ng/igraph < 1 means newsgraph is faster than igraph; nx/ng is how many times faster than networkx.")


if __name__ == "__main__":
    main()
