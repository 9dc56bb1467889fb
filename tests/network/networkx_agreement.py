#!/usr/bin/python3
"""Checks newsgraph's network metrics against networkx.

Runs the fixture program (tests/unit/network/networkx_fixture.cpp), which
writes a GraphML file per view with newsgraph's metrics as node attributes,
recomputes every metric with networkx on the same graph and compares:

  degree        in/out degree, unweighted and weighted (undirected: degree)
  PageRank      nx.pagerank, damping 0.85, weights, converged to 1e-15
  betweenness   nx.betweenness_centrality(normalized=False), unweighted
  components    (weakly) connected components, numbered largest first
  k-core        nx.core_number on the simple undirected graph
  communities   not networkx's (Leiden is igraph's); checked to lie within
                one component each and to have positive modularity

Numbers must agree within 1e-6, relative. Exit 0 when they do, 1 when not,
77 (ctest's skip) when /usr/bin/python3 has no networkx.

Usage: networkx_agreement.py --fixture PROGRAM --out DIR
"""

import argparse
import os
import subprocess
import sys

RELATIVE = 1e-6


def close(a, b):
    return abs(a - b) <= RELATIVE * max(abs(a), abs(b)) + 1e-12


def check_view(path, nx):
    G = nx.read_graphml(path)
    directed = G.is_directed()
    problems = []
    worst = {}

    def compare(metric, node, ours, theirs):
        ours, theirs = float(ours), float(theirs)
        scale = max(abs(ours), abs(theirs))
        worst[metric] = max(worst.get(metric, 0.0), abs(ours - theirs) / scale if scale > 0 else 0.0)
        if not close(ours, theirs):
            problems.append(f"{metric} of {G.nodes[node].get('label', node)}: newsgraph {ours!r}, networkx {theirs!r}")

    data = G.nodes
    if directed:
        for n in G:
            compare("in_degree", n, data[n]["in_degree"], G.in_degree(n))
            compare("out_degree", n, data[n]["out_degree"], G.out_degree(n))
            compare("weighted_in_degree", n, data[n]["weighted_in_degree"], G.in_degree(n, weight="weight"))
            compare("weighted_out_degree", n, data[n]["weighted_out_degree"], G.out_degree(n, weight="weight"))
    else:
        for n in G:
            compare("degree", n, data[n]["in_degree"], G.degree(n))
            compare("weighted_degree", n, data[n]["weighted_in_degree"], G.degree(n, weight="weight"))

    ranks = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    for n, r in ranks.items():
        compare("pagerank", n, data[n]["pagerank"], r)
    total = sum(float(data[n]["pagerank"]) for n in G)
    if abs(total - 1.0) > 1e-9:
        problems.append(f"PageRank sums to {total!r}, not 1")

    between = nx.betweenness_centrality(G, normalized=False, weight=None)
    for n, b in between.items():
        compare("betweenness", n, data[n]["betweenness"], b)

    components = list(nx.weakly_connected_components(G) if directed else nx.connected_components(G))
    ours = {}
    for n in G:
        ours.setdefault(int(data[n]["component"]), set()).add(n)
    if sorted(map(frozenset, components), key=sorted) != sorted(map(frozenset, ours.values()), key=sorted):
        problems.append("components differ from networkx's")
    sizes = [len(ours[i]) for i in sorted(ours)]
    if sizes != sorted(sizes, reverse=True) or sorted(ours) != list(range(len(ours))):
        problems.append(f"components are not numbered 0.. largest first: sizes {sizes}")

    simple = nx.Graph(G.to_undirected()) if directed else G
    for n, k in nx.core_number(simple).items():
        compare("core_number", n, data[n]["core_number"], k)

    communities = {}
    for n in G:
        communities.setdefault(int(data[n]["community"]), set()).add(n)
    for c, members in communities.items():
        if len({int(data[n]["component"]) for n in members}) != 1:
            problems.append(f"community {c} spans several components")
    modularity = nx.algorithms.community.modularity(simple, list(communities.values()), weight="weight")
    if simple.number_of_edges() > 0 and modularity <= 0:
        problems.append(f"community modularity {modularity:.3f} is not positive")

    summary = ", ".join(f"{m} {w:.1e}" for m, w in sorted(worst.items()))
    kind = "directed" if directed else "undirected"
    print(f"{os.path.basename(path)}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges ({kind}), "
          f"{len(components)} components, {len(communities)} communities (modularity {modularity:.3f}); "
          f"largest relative differences: {summary}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixture", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    try:
        import networkx as nx
    except ImportError:
        print(f"SKIP: {sys.executable} has no networkx (Debian: apt install python3-networkx); "
              "the networkx agreement check did not run")
        return 77
    print(f"networkx {nx.__version__}; tolerance {RELATIVE} relative")
    listing = subprocess.run([args.fixture, args.out], check=True, capture_output=True, text=True).stdout
    failed = False
    for line in listing.splitlines():
        path = line.split("\t")[0]
        problems = check_view(path, nx)
        for p in problems[:20]:
            print(f"  MISMATCH {p}")
        if len(problems) > 20:
            print(f"  ... and {len(problems) - 20} more")
        failed = failed or bool(problems)
    print("FAILED" if failed else "all metrics agree with networkx")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
